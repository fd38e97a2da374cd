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
