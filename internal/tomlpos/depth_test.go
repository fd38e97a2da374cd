package tomlpos

import (
	"fmt"
	"strings"
	"testing"
)

func TestTooDeep(t *testing.T) {
	const none = ""
	for _, c := range []struct {
		src   string
		limit int
		want  string // line:col, or none
	}{
		{"a = [[1]]", 2, none},
		{"a = [[1]]", 1, "1:6"},
		{"a = [[1]]", 0, "1:5"},
		{"a = [[1], [2]]\nb = [[[3]]]", 2, "2:7"},
		{"a = {b = {c = [1]}}", 3, none},
		{"a = {b = {c = [1]}}", 2, "1:15"},
		{"a = [{b = [1]}]", 2, "1:11"},
		// headers are not nesting
		{"[[a]]\nb = [1]\n[[a]]\n[a.c]", 1, none},
		{"[[a]]\nb = [1]", 0, "2:5"},
		{"  [ \"x]\" . 'y[' ]\nb = [[1]]", 1, "2:6"},
		{"[[a]] # [[[\nb = [[1]]", 1, "2:6"},
		{"a = [\n  [\n  ],\n]\n[b]\nc = [[1]]", 1, "2:3"},
		// a line that starts with [ inside an array is nesting
		{"a = [\n[\n[1]]]", 2, "3:1"},
		// brackets in comments and strings do not count
		{"a = [1] # [[[[\nb = \"[[[[\" # {{{{\nc = '[[[['", 1, none},
		{"a = [\"\\\"[[[\", [1]]", 1, "1:15"},
		{"a = [\"\\\\\", [1]]", 1, "1:12"},
		{"a = [ '\\', [1]]", 1, "1:12"},
		{"a = \"\"\"\n[[[[ \\\"\"\" [[[\n\"\"\"\nb = [[1]]", 1, "4:6"},
		{"a = \"\"\"x\"\"\"\"\"\nb = [[1]]", 1, "2:6"},
		{"a = '''\n[[[[ \\'''\nb = [[1]]", 1, "3:6"},
		{"a = ''''x'''''\nb = [[1]]", 1, "2:6"},
		{"a = [\"\"\"\n[[[[\"\"\", [1]]", 1, "2:10"},
		// columns count characters
		{"a = [\"é😀\", [1]]", 1, "1:12"},
		{"é = 1\n\"😀\" = [[1]]", 1, "2:8"},
		// exactly at the limit
		{"a = " + strings.Repeat("[", 32) + strings.Repeat("]", 32), 32, none},
		{"a = " + strings.Repeat("[", 33) + strings.Repeat("]", 33), 32, "1:37"},
		{"a = " + strings.Repeat("[", 10000), 32, "1:37"},
	} {
		got := none
		if p, deep := TooDeep(c.src, c.limit); deep {
			got = fmt.Sprintf("%d:%d", p.Line, p.Col)
		}
		if got != c.want {
			t.Errorf("TooDeep(%q, %d) = %q, want %q", c.src, c.limit, got, c.want)
		}
	}
}

func TestTooDeepInvalidInput(t *testing.T) {
	for _, src := range []string{"", "[", "]]]]", "}", "a = [", "a = \"", "a = \"\\", "a = '''", "a = \"\"\"\\", "[\"", "['", "[\n[[", "#", "\x00\xff[{", "a = [\"\\\n[[["} {
		TooDeep(src, 0)
		TooDeep(src, 1)
	}
}
