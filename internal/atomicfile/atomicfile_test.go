package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "report.html")
	if err := Write(p, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("second"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "second" {
		t.Fatalf("content %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder; this test needs an ordinary user")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "report.html")
	if err := Write(p, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := Write(p, []byte("new"), 0o644); err == nil {
		t.Fatal("writing into a read-only folder succeeded")
	}
	if b, _ := os.ReadFile(p); string(b) != "good" {
		t.Errorf("old file changed to %q", b)
	}
}

func TestWriteIntoAFileFails(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	os.WriteFile(blocker, []byte("x"), 0o644)
	if err := Write(filepath.Join(blocker, "report.html"), []byte("x"), 0o644); err == nil {
		t.Fatal("wrote below a file")
	}
}
