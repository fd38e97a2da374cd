package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.toml")
	if err := os.WriteFile(small, []byte("year = 2017\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(small, 100); err != nil || string(b) != "year = 2017\n" {
		t.Errorf("Read = %q, %v", b, err)
	}
	var tl *TooLargeError
	if _, err := Read(small, 5); !errors.As(err, &tl) || tl.Size != 12 || err.Error() != "the file is 12 bytes; it may be at most 5 bytes" {
		t.Errorf("too large: %v", err)
	}
	if _, err := Read(dir, 100); !errors.Is(err, ErrNotRegular) || err.Error() != "not a regular file: it is a folder" {
		t.Errorf("folder: %v", err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(small, link); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(link, 100); err != nil {
		t.Errorf("a link to a file: %v", err)
	}
}

// TestDevicesAndPipesEndAtOnce: /dev/zero never ends and a pipe nobody
// writes to never delivers: both are refused at once, without reading.
func TestDevicesAndPipesEndAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "edition.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for path, want := range map[string]string{"/dev/zero": "not a regular file: it is a device", fifo: "not a regular file: it is a named pipe"} {
		done := make(chan error, 1)
		go func() { _, err := Read(path, 1<<20); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || err.Error() != want {
				t.Errorf("%s: %v, want %q", path, err, want)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: Read did not return", path)
		}
	}
}

// Problem words each way Read can fail for an editor, the help apart.
func TestProblem(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.toml")
	if err := os.WriteFile(small, []byte("year = 2017\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path    string
		limit         int64
		message, help string
	}{
		{"missing", filepath.Join(dir, "none.toml"), 100, "the file does not exist", "check the name and the folder"},
		{"too large", small, 5, "the file is 12 bytes", "a template may be at most 5 bytes: is it the right file?"},
		{"folder", dir, 100, "the path names a folder, not a file", "check the path"},
		{"device", os.DevNull, 100, "the path names a device, not a file", "check the path"},
		{"through a file", filepath.Join(small, "x"), 100, "cannot read the file: not a directory", ""},
	} {
		_, err := Read(c.path, c.limit)
		if err == nil {
			t.Fatalf("%s: Read succeeded", c.name)
		}
		if msg, help := Problem(err, "a template"); msg != c.message || help != c.help {
			t.Errorf("%s: Problem = %q, %q; want %q, %q", c.name, msg, help, c.message, c.help)
		}
	}
}
