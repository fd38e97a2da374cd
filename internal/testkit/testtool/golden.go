package testtool

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Golden compares got with the golden file at path, or rewrites the file
// when update is set (go test -update). A difference is reported with the
// first line that differs and the lines around it.
func Golden(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := Diff(string(want), got); d != "" {
		t.Errorf("differs from %s (run go test -update if the change is meant):\n%s", path, d)
	}
}

// diffContext is how many lines Diff shows either side of the first line
// that differs.
const diffContext = 3

// Diff returns "" when got equals want, and otherwise the first line that
// differs, with the lines around it: those both share unmarked, want's
// marked "-", got's marked "+" (a missing line shows as "(end)"), and the
// two first differing lines quoted.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d):\n", i+1, len(w), len(g))
	for j := max(0, i-diffContext); j < i; j++ {
		fmt.Fprintf(&b, "  %s\n", w[j])
	}
	side := func(mark string, lines []string) {
		if i >= len(lines) {
			fmt.Fprintf(&b, "%s (end)\n", mark)
			return
		}
		for j := i; j < min(len(lines), i+diffContext+1); j++ {
			fmt.Fprintf(&b, "%s %s\n", mark, lines[j])
		}
	}
	side("-", w)
	side("+", g)
	if i < len(w) && i < len(g) {
		// Quoted, for a difference in what does not show.
		fmt.Fprintf(&b, "line %d: want %q\n         got  %q\n", i+1, w[i], g[i])
	}
	return b.String()
}
