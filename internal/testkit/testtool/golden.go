package testtool

import (
	"os"
	"strings"
	"testing"
)

// Golden compares got with the golden file at path, or rewrites the file
// when update is set (go test -update). A difference names the first line
// that differs.
func Golden(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("differs from %s at line %d:\nwant %s\ngot  %s", path, i+1, w[i], g[i])
		}
	}
	t.Fatalf("differs from %s in length: %d lines, want %d", path, len(g), len(w))
}
