package diag

import "testing"

func TestPosString(t *testing.T) {
	for _, c := range []struct {
		p    Pos
		want string
	}{
		{Pos{"a.toml", 3, 5}, "a.toml:3:5"},
		{Pos{"a.toml", 3, 0}, "a.toml:3"},
		{Pos{"data/2017", 0, 0}, "data/2017"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestListSortAndSummary(t *testing.T) {
	var l List
	l.Warnf(Pos{"b.toml", 1, 1}, "w")
	l.Errorf(Pos{"a.toml", 9, 2}, "second")
	l.Errorf(Pos{"a.toml", 9, 2}, "third")
	l.Errorf(Pos{"a.toml", 2, 7}, "first %d", 1)
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{"a.toml:2:7: error: first 1", "a.toml:9:2: error: second", "a.toml:9:2: error: third", "b.toml:1:1: warning: w"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
	if s := l.Summary(); s != "3 errors, 1 warning" {
		t.Errorf("Summary = %q", s)
	}
	if !l.HasErrors() || l.Err() == nil {
		t.Error("a list with errors reports none")
	}
	if (List{l[3]}).Err() != nil {
		t.Error("a list of warnings only is an error")
	}
}
