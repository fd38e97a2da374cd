package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestChars(t *testing.T) {
	var got []string
	for p, r := range Chars("a“\nb\xffc", Pos{File: "f", Line: 3, Col: 5}) {
		got = append(got, fmt.Sprintf("%s %q", p, r))
	}
	want := `f:3:5 'a' f:3:6 '“' f:3:7 '\n' f:4:1 'b' f:4:2 '�' f:4:3 'c'`
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}
