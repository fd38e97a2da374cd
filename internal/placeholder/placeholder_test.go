package placeholder

import "testing"

func TestPlain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"no gap", "no gap"},
		{"Presented by the " + Mark("the presenting office"), "Presented by the [to fill in: the presenting office]"},
		{Mark("") + " and " + Mark("b"), "[to fill in] and [to fill in: b]"},
		{Mark("a" + Open + "b" + Close), "[to fill in: ab]"},
		{"open " + Open + " never closed", "open " + Open + " never closed"},
	} {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if Has("x") || !Has(Mark("x")) {
		t.Error("Has does not tell a mark")
	}
}
