package cmdline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewestEdition(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"2016", "2017", "999", "drafts", "2017-old"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// a file named like a year is not an edition
	if err := os.WriteFile(filepath.Join(root, "2030"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := NewestEdition(root)
	if want := filepath.Join(root, "2017"); got != want || err != nil {
		t.Errorf("NewestEdition = %q, %v; want %q (numerically newest folder)", got, err, want)
	}

	if err := os.Mkdir(filepath.Join(root, "10000"), 0o755); err != nil {
		t.Fatal(err)
	}
	// a folder named like a number but not a plausible year is not an edition
	if got, _ := NewestEdition(root); got != filepath.Join(root, "2017") {
		t.Errorf("NewestEdition = %q: 10000 is no edition's year", got)
	}

	empty := t.TempDir()
	if err := os.Mkdir(filepath.Join(empty, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := NewestEdition(empty); err == nil || !strings.Contains(err.Error(), "no editions in") {
		t.Errorf("no year folders: err %v", err)
	}
	if _, err := NewestEdition(filepath.Join(empty, "nothing")); err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("no data folder: err %v", err)
	}
}
