package atomicfile

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// three is a report's HTML, PDF and DOCX in dir, with the given contents.
func three(dir, html, pdf, docx string) []File {
	return append(pair(dir, html, pdf), File{Path: filepath.Join(dir, "report.docx"), Data: []byte(docx), Perm: 0o644})
}

// TestWriteAllThirdFails: the HTML and the PDF are replaced, then the
// DOCX cannot be (open in Word): all three stay the old ones, and a first
// write leaves none of them.
func TestWriteAllThirdFails(t *testing.T) {
	dir := t.TempDir()
	if err := WriteAll(three(dir, "old html", "old pdf", "old docx")); err != nil {
		t.Fatal(err)
	}
	failRenameOnto(t, filepath.Join(dir, "report.docx"))
	if err := WriteAll(three(dir, "new html", "new pdf", "new docx")); err == nil {
		t.Fatal("WriteAll succeeded though the DOCX could not be replaced")
	}
	wantContent(t, filepath.Join(dir, "report.html"), "old html")
	wantContent(t, filepath.Join(dir, "report.pdf"), "old pdf")
	wantContent(t, filepath.Join(dir, "report.docx"), "old docx")
	if got := names(t, dir); !slices.Equal(got, []string{"report.docx", "report.html", "report.pdf"}) {
		t.Errorf("folder holds %v, want only the three old files", got)
	}

	fresh := filepath.Join(t.TempDir(), "out")
	failRenameOnto(t, filepath.Join(fresh, "report.docx"))
	if err := WriteAll(three(fresh, "html", "pdf", "docx")); err == nil {
		t.Fatal("WriteAll succeeded though the DOCX could not be written")
	}
	if got := names(t, fresh); len(got) != 0 {
		t.Errorf("a failed first write left %v", got)
	}

	// Nothing in the way, all three are replaced.
	rename = os.Rename
	if err := WriteAll(three(dir, "new html", "new pdf", "new docx")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "report.docx"), "new docx")
	wantContent(t, filepath.Join(dir, "report.html"), "new html")
}
