package testtool

import "testing"

func TestDiff(t *testing.T) {
	if d := Diff("a\nb\n", "a\nb\n"); d != "" {
		t.Errorf("equal texts differ: %q", d)
	}
	for _, tc := range []struct{ want, got, diff string }{
		{"1\n2\n3\n4\n5\n", "1\n2\n3\n4\nX\n",
			"first difference at line 5 (want 6 lines, got 6):\n  2\n  3\n  4\n- 5\n- \n+ X\n+ \nline 5: want \"5\"\n         got  \"X\"\n"},
		{"a\n", "a\nb\n",
			"first difference at line 2 (want 2 lines, got 3):\n  a\n- \n+ b\n+ \nline 2: want \"\"\n         got  \"b\"\n"},
		{"a", "a\n",
			"first difference at line 2 (want 1 lines, got 2):\n  a\n- (end)\n+ \n"},
		{"a b\n", "a\u00a0b\n",
			"first difference at line 1 (want 2 lines, got 2):\n- a b\n- \n+ a\u00a0b\n+ \nline 1: want \"a b\"\n         got  \"a\\u00a0b\"\n"},
	} {
		if d := Diff(tc.want, tc.got); d != tc.diff {
			t.Errorf("Diff(%q, %q):\n%s\nwant:\n%s", tc.want, tc.got, d, tc.diff)
		}
	}
}
