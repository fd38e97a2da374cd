package glyphs

import (
	"strings"
	"testing"

	"unireport/internal/diag"
)

type asciiFont struct{}

func (asciiFont) Has(r rune) bool { return r < 0x80 || r == '“' || r == '”' }

func TestCheckPositions(t *testing.T) {
	var diags diag.List
	Check(asciiFont{}, diag.Chars("“ok”\nab😀c\n\tx中", diag.Pos{File: "f.toml", Line: 10, Col: 8}), &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Message)
	}
	want := []string{
		"f.toml:11:3 character U+1F600 '😀' is not in the report font",
		"f.toml:12:3 character U+4E2D '中' is not in the report font",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDescribeControl(t *testing.T) {
	if got := Describe(0x07); got != "U+0007" {
		t.Errorf("Describe(BEL) = %q", got)
	}
	if got := Describe('é'); got != "U+00E9 'é'" {
		t.Errorf("Describe(é) = %q", got)
	}
}

type everyFont struct{}

func (everyFont) Has(rune) bool { return true }

// A font that has private-use characters does not let them through: they
// would forge the marks of a draft's gaps and sources.
func TestPrivateUseRefused(t *testing.T) {
	var diags diag.List
	Check(everyFont{}, diag.Chars("a\uE000b\uE004c\U000F0000d", diag.Pos{File: "t.md", Line: 1, Col: 1}), &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Message)
	}
	want := []string{
		"t.md:1:2 character U+E000 is a private-use character, which unireport keeps for the marks of its drafts",
		"t.md:1:4 character U+E004 is a private-use character, which unireport keeps for the marks of its drafts",
		"t.md:1:6 character U+F0000 is a private-use character, which unireport keeps for the marks of its drafts",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
