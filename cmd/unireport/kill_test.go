package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLeavesFilesWhole kills builds at moments spread over
// their run and checks that each report file is always either the previous
// one or the new one, whole: never missing, empty or half written.
func TestKilledBuildLeavesFilesWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and kills it repeatedly; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "unireport")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := project(t)
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, "build")
		cmd.Dir = root
		return cmd
	}
	// The old report, then the new one that the killed builds try to write.
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	files := []string{"output/2017/universalization-status-2017.html", "output/2017/universalization-status-2017.pdf", "output/2017/universalization-status-2017.docx"}
	old := readAll(t, files)
	states := filepath.Join("data", "2017", "states.toml")
	b, _ := os.ReadFile(states)
	os.WriteFile(states, []byte(strings.Replace(string(b), "Nepal remains", "Nepal still remains", 1)), 0o644)
	start := time.Now()
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("second build: %v\n%s", err, out)
	}
	full := time.Since(start)
	updated := readAll(t, files)
	// Back to the old report, then kill builds of the new one.
	os.WriteFile(states, b, 0o644)
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("third build: %v\n%s", err, out)
	}
	os.WriteFile(states, []byte(strings.Replace(string(b), "Nepal remains", "Nepal still remains", 1)), 0o644)
	for i := range 12 {
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(full * time.Duration(i) / 10)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for j, f := range files {
			got, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("kill %d: %s is gone: %v", i, f, err)
			}
			if !bytes.Equal(got, old[j]) && !bytes.Equal(got, updated[j]) {
				t.Fatalf("kill %d after %v: %s is neither the old nor the new report (%d bytes)", i, full*time.Duration(i)/10, f, len(got))
			}
		}
	}
}

func readAll(t *testing.T, files []string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
