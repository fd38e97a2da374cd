package edition

import "testing"

func TestAndList(t *testing.T) {
	for _, c := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"Iran"}, "Iran"},
		{[]string{"Iran", "Israel"}, "Iran and Israel"},
		{[]string{"Iran", "Israel", "Tonga", "Tuvalu"}, "Iran, Israel, Tonga and Tuvalu"},
	} {
		if got := AndList(c.items); got != c.want {
			t.Errorf("AndList(%q) = %q, want %q", c.items, got, c.want)
		}
	}
}
