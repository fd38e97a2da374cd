package edition

import (
	"fmt"
	"strings"
	"testing"

	"unireport/internal/diag"
)

// A TOML value's characters come as the report gets them, each at the
// place where it is written.
func TestTextChars(t *testing.T) {
	for _, c := range []struct {
		name    string
		text    string
		literal bool
		want    string
	}{
		{"plain", "a“b", false, `1:10 'a' 1:11 '“' 1:12 'b'`},
		{"unicode escapes", `x\u4E2Dy\U0001F600`, false, `1:10 'x' 1:11 '中' 1:17 'y' 1:18 '😀'`},
		{"one-letter escapes", `\"q\\\n`, false, `1:10 '"' 1:12 'q' 1:13 '\\' 1:15 '\n'`},
		{"lines", "a\nb", false, `1:10 'a' 1:11 '\n' 2:1 'b'`},
		{"line-ending backslash", "ab \\\n   cd", false, `1:10 'a' 1:11 'b' 1:12 ' ' 2:4 'c' 2:5 'd'`},
		{"literal", `\u4E2D`, true, `1:10 '\\' 1:11 'u' 1:12 '4' 1:13 'E' 1:14 '2' 1:15 'D'`},
		{"bad escape", `\u12`, false, `1:12 '1' 1:13 '2'`},
	} {
		var got []string
		text := Text{Pos: diag.Pos{File: "f", Line: 1, Col: 10}, Text: c.text, Literal: c.literal}
		for p, r := range text.Chars() {
			got = append(got, fmt.Sprintf("%d:%d %q", p.Line, p.Col, r))
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("%s: got  %s\n want %s", c.name, s, c.want)
		}
	}
}

// TestRightToLeftFastPath: no character below firstRightToLeft belongs to
// a right-to-left script, so rightToLeft may skip them unlooked.
func TestRightToLeftFastPath(t *testing.T) {
	for r := rune(0); r < firstRightToLeft; r++ {
		if isRightToLeft(r) {
			t.Fatalf("U+%04X is a right-to-left letter below firstRightToLeft", r)
		}
	}
	if !isRightToLeft(0x05D0) || !isRightToLeft(0x0627) { // alef, Hebrew and Arabic
		t.Error("isRightToLeft misses Hebrew or Arabic")
	}
}
