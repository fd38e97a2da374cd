package preview

import "testing"

func TestIsInput(t *testing.T) {
	data := root{"data/2017", ".toml"}
	tmpl := root{"templates", ".md"}
	for _, c := range []struct {
		r    root
		path string
		want bool
	}{
		{data, "data/2017/vote.toml", true},
		{data, "data/2017/extra/notes.toml", true}, // new folders count
		{data, "data/2017/README.md", false},       // not read for an edition
		{data, "data/2017/vote.toml~", false},      // backup
		{data, "data/2017/.vote.toml.swp", false},  // vim swap
		{data, "data/2017/.#vote.toml", false},     // emacs lock
		{data, "data/2017/#vote.toml#", false},     // emacs autosave
		{data, "data/2017/4913", false},            // vim's test file
		{data, "data/2017/vote.toml___jb_tmp___", false},
		{data, "data/2017/.vote.toml.tmp", false},
		{data, "data/2017/output/x.toml", false},
		{data, "data/2017/.git/x.toml", false},
		{data, "data/2018/vote.toml", false}, // another edition
		{tmpl, "templates/report.md", true},
		{tmpl, "templates/report.toml", false},
		{tmpl, "templates/.report.md.swp", false},
	} {
		if got := c.r.isInput(c.path); got != c.want {
			t.Errorf("%s: isInput(%q) = %v, want %v", c.r.dir, c.path, got, c.want)
		}
	}
}
