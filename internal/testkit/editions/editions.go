// Package editions lays out editions for tests as an editor's data/
// folder holds them, side by side and named by their years, so that each
// finds the one before it. It is test support: nothing in the program
// depends on it.
package editions

import (
	"os"
	"path/filepath"
	"testing"
)

// The editions of the tests of unireport changes, from the module's root:
// the 2017 edition and the made-up 2018 edition with a change of every
// kind since it.
const (
	Data2017    = "data/2017"
	Changes2018 = "testdata/editions/changes-2018"
)

// ModuleRoot returns the folder of go.mod, above the test's folder.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// Lay copies each edition folder (from the module's root) into a new
// temporary folder under the name given (a year), and returns that
// folder.
func Lay(t testing.TB, folders map[string]string) string {
	t.Helper()
	root, mod := t.TempDir(), ModuleRoot(t)
	for name, src := range folders {
		if err := os.CopyFS(filepath.Join(root, name), os.DirFS(filepath.Join(mod, src))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// ChangesPair lays out data/2017 and the made-up 2018 edition with a
// change of every kind as root/2017 and root/2018, and returns the two.
func ChangesPair(t testing.TB) (from, to string) {
	t.Helper()
	root := Lay(t, map[string]string{"2017": Data2017, "2018": Changes2018})
	return filepath.Join(root, "2017"), filepath.Join(root, "2018")
}
