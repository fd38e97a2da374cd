package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// pair is an HTML and a PDF report in dir, with the given contents.
func pair(dir, html, pdf string) []File {
	return []File{
		{Path: filepath.Join(dir, "report.html"), Data: []byte(html), Perm: 0o644},
		{Path: filepath.Join(dir, "report.pdf"), Data: []byte(pdf), Perm: 0o644},
	}
}

// names lists the entries of dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// wantContent fails unless path holds exactly want.
func wantContent(t *testing.T, path, want string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
		return
	}
	if string(b) != want {
		t.Errorf("%s holds %q, want %q", filepath.Base(path), b, want)
	}
}

// failRenameOnto makes every rename onto target fail as a locked or
// protected file would, for the rest of the test.
func failRenameOnto(t *testing.T, target string) {
	t.Helper()
	t.Cleanup(func() { rename = os.Rename })
	rename = func(from, to string) error {
		if to == target {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EACCES}
		}
		return os.Rename(from, to)
	}
}

func TestWriteAllReplacesBoth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteAll(pair(dir, "old html", "old pdf")); err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(pair(dir, "new html", "new pdf")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "report.html"), "new html")
	wantContent(t, filepath.Join(dir, "report.pdf"), "new pdf")
	if got := names(t, dir); !slices.Equal(got, []string{"report.html", "report.pdf"}) {
		t.Errorf("folder holds %v, want only the two files", got)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "report.pdf")); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

// TestWriteAllSecondRenameFails: the HTML is replaced, then the PDF cannot
// be (a viewer holds it, its folder forbids it): both must stay the old ones.
func TestWriteAllSecondRenameFails(t *testing.T) {
	dir := t.TempDir()
	if err := WriteAll(pair(dir, "old html", "old pdf")); err != nil {
		t.Fatal(err)
	}
	failRenameOnto(t, filepath.Join(dir, "report.pdf"))
	err := WriteAll(pair(dir, "new html", "new pdf"))
	if err == nil {
		t.Fatal("WriteAll succeeded though the PDF could not be replaced")
	}
	wantContent(t, filepath.Join(dir, "report.html"), "old html")
	wantContent(t, filepath.Join(dir, "report.pdf"), "old pdf")
	if got := names(t, dir); !slices.Equal(got, []string{"report.html", "report.pdf"}) {
		t.Errorf("temporary or backup files left behind: %v", got)
	}
	msg := err.Error()
	if !strings.Contains(msg, filepath.Join(dir, "report.pdf")) || !strings.Contains(msg, "permission") {
		t.Errorf("the message does not name the PDF and why: %q", msg)
	}
	if strings.Contains(msg, ".tmp") || strings.Contains(msg, ".bak") {
		t.Errorf("the message names a temporary file: %q", msg)
	}
	if !errors.Is(err, syscall.EACCES) {
		t.Errorf("the cause is not kept for errors.Is: %v", err)
	}
}

// TestWriteAllSecondIsAFolder: a real failure of the second file, a folder
// of the PDF's name with something in it.
func TestWriteAllSecondIsAFolder(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "report.html")
	pdf := filepath.Join(dir, "report.pdf")
	os.WriteFile(html, []byte("old html"), 0o644)
	os.MkdirAll(filepath.Join(pdf, "inside"), 0o755)
	err := WriteAll(pair(dir, "new html", "new pdf"))
	if err == nil {
		t.Fatal("WriteAll replaced a folder")
	}
	wantContent(t, html, "old html")
	if fi, err := os.Stat(filepath.Join(pdf, "inside")); err != nil || !fi.IsDir() {
		t.Errorf("the folder in the way was changed: %v", err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"report.html", "report.pdf"}) {
		t.Errorf("temporary or backup files left behind: %v", got)
	}
	if msg := err.Error(); !strings.Contains(msg, pdf) || !strings.Contains(msg, "folder") {
		t.Errorf("the message does not name the PDF and why: %q", msg)
	}
}

// TestWriteAllNewPairSecondFails: a first build (no old files) whose PDF
// cannot be written leaves no HTML either.
func TestWriteAllNewPairSecondFails(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "report.pdf", "inside"), 0o755)
	if err := WriteAll(pair(dir, "new html", "new pdf")); err == nil {
		t.Fatal("WriteAll replaced a folder")
	}
	if _, err := os.Lstat(filepath.Join(dir, "report.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the new HTML was left without its PDF: %v", err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"report.pdf"}) {
		t.Errorf("temporary or backup files left behind: %v", got)
	}

	// The same, the PDF failing at its rename.
	dir = t.TempDir()
	failRenameOnto(t, filepath.Join(dir, "report.pdf"))
	if err := WriteAll(pair(dir, "new html", "new pdf")); err == nil {
		t.Fatal("WriteAll succeeded though the PDF could not be written")
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("files left behind: %v", got)
	}
}

// TestWriteAllTargetsAlwaysWhole looks at the targets before every rename
// and link WriteAll makes: each must be there, the old or the new content,
// so that a crash at any of those moments leaves whole files.
func TestWriteAllTargetsAlwaysWhole(t *testing.T) {
	dir := t.TempDir()
	files := pair(dir, "old html", "old pdf")
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	look := func() {
		for _, f := range files {
			b, err := os.ReadFile(f.Path)
			if err != nil {
				t.Errorf("%s is missing mid-way: %v", filepath.Base(f.Path), err)
				continue
			}
			s := string(b)
			if !strings.HasPrefix(s, "old ") && !strings.HasPrefix(s, "new ") {
				t.Errorf("%s holds %q mid-way", filepath.Base(f.Path), b)
			}
		}
	}
	calls := 0
	t.Cleanup(func() { rename, link = os.Rename, os.Link })
	rename = func(from, to string) error { calls++; look(); err := os.Rename(from, to); look(); return err }
	link = func(from, to string) error { calls++; look(); err := os.Link(from, to); look(); return err }
	if err := WriteAll(pair(dir, "new html", "new pdf")); err != nil {
		t.Fatal(err)
	}
	if calls < 2 {
		t.Errorf("only %d renames and links seen", calls)
	}
	// and on the way back after a failure
	failRenameOnto(t, filepath.Join(dir, "report.pdf"))
	inner := rename
	rename = func(from, to string) error { look(); err := inner(from, to); look(); return err }
	if err := WriteAll(pair(dir, "old html", "old pdf")); err == nil {
		t.Fatal("WriteAll succeeded though the PDF could not be replaced")
	}
	wantContent(t, filepath.Join(dir, "report.html"), "new html")
	wantContent(t, filepath.Join(dir, "report.pdf"), "new pdf")
}

// TestWriteAllCannotPutBack: when even putting the first file back fails,
// its previous version is kept beside it and the message says where.
func TestWriteAllCannotPutBack(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "report.html")
	if err := WriteAll(pair(dir, "old html", "old pdf")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rename = os.Rename })
	rename = func(from, to string) error {
		if to == filepath.Join(dir, "report.pdf") || strings.HasSuffix(from, ".bak") {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
		return os.Rename(from, to)
	}
	err := WriteAll(pair(dir, "new html", "new pdf"))
	if err == nil {
		t.Fatal("WriteAll succeeded though the PDF could not be replaced")
	}
	var kept string
	for _, n := range names(t, dir) {
		if strings.HasSuffix(n, ".bak") {
			kept = filepath.Join(dir, n)
		}
	}
	if kept == "" {
		t.Fatalf("the previous HTML was not kept: %v", names(t, dir))
	}
	wantContent(t, kept, "old html")
	if !strings.Contains(err.Error(), html) || !strings.Contains(err.Error(), kept) {
		t.Errorf("the message does not say where the previous %s is: %q", html, err)
	}
}

// TestWriteAllCleansStale: temporary and backup files left by a build that
// was killed go at the next successful one; other files stay.
func TestWriteAllCleansStale(t *testing.T) {
	dir := t.TempDir()
	keep := []string{".other.html.123.tmp", ".report.html.tmp", "notes.txt", ".report.html.12a.bak"}
	stale := []string{".report.html.2041399387.tmp", ".report.pdf.77.bak", ".report.pdf.1.tmp"}
	for _, n := range append(slices.Clone(keep), stale...) {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	if err := WriteAll(pair(dir, "html", "pdf")); err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(keep), "report.html", "report.pdf")
	slices.Sort(want)
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

func TestWriteAllOneFolder(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: filepath.Join(dir, "a", "report.html"), Data: []byte("x"), Perm: 0o644},
		{Path: filepath.Join(dir, "b", "report.pdf"), Data: []byte("x"), Perm: 0o644},
	}
	if err := WriteAll(files); err == nil {
		t.Error("WriteAll accepted files in two folders")
	}
	files[1].Path = files[0].Path
	if err := WriteAll(files); err == nil {
		t.Error("WriteAll accepted the same file twice")
	}
	if err := WriteAll(nil); err != nil {
		t.Errorf("no files: %v", err)
	}
}

func TestWriteAllCreatesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "output", "2017")
	if err := WriteAll(pair(dir, "html", "pdf")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "report.pdf"), "pdf")
	blocker := filepath.Join(t.TempDir(), "blocker")
	os.WriteFile(blocker, []byte("x"), 0o644)
	err := WriteAll(pair(filepath.Join(blocker, "here"), "html", "pdf"))
	if err == nil || !strings.Contains(err.Error(), "cannot create the output folder") {
		t.Errorf("writing below a file: %v", err)
	}
}
