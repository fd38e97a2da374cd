package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBuildEndsOnEndlessInput: a template that would loop for ever and a
// data file that never ends (/dev/zero) each end the build at once with a
// positioned error, and the last good report stays as it was.
func TestBuildEndsOnEndlessInput(t *testing.T) {
	for _, c := range []struct {
		name  string
		spoil func(t *testing.T)
		want  string
	}{
		{"a template loop", func(t *testing.T) {
			p := filepath.Join("templates", "report.md")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, append(b, "\n{{range 100000000000}}{{end}}\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "this {{range}} repeats its content 100000000000 times"},
		{"a data file that never ends", func(t *testing.T) {
			p := filepath.Join("data", "2017", "states.toml")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/dev/zero", p); err != nil {
				t.Fatal(err)
			}
		}, filepath.Join("data", "2017", "states.toml") + ": error: the path names a device, not a file: check the path"},
	} {
		t.Run(c.name, func(t *testing.T) {
			project(t)
			if code, _, errOut := runCmd(t, "build", "2017"); code != 0 {
				t.Fatalf("first build: %s", errOut)
			}
			html := filepath.Join("output", "2017", "universalization-status-2017.html")
			before, _ := os.ReadFile(html)
			c.spoil(t)
			start := time.Now()
			code, _, errOut := runCmd(t, "build", "2017")
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("the build took %v", took)
			}
			if code != 1 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, want 1 and %q in:\n%s", code, c.want, errOut)
			}
			if after, _ := os.ReadFile(html); string(after) != string(before) {
				t.Error("the last good report changed")
			}
		})
	}
}
