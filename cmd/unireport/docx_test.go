package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The final report's DOCX, seen from a project made by project(t).
var pairDOCX = filepath.Join("output", "2017", "universalization-status-2017.docx")

// TestBuildWritesDOCX: build writes the DOCX beside the HTML and the PDF
// and says so; when the DOCX cannot be replaced, the HTML and the PDF stay
// the previous ones too, and the message names the DOCX.
func TestBuildWritesDOCX(t *testing.T) {
	project(t)
	code, out, errOut := runCmd(t, "build")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, pairDOCX) {
		t.Errorf("build does not say it wrote the DOCX: %q", out)
	}
	b, err := os.ReadFile(pairDOCX)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(z.File) == 0 || z.File[0].Name != "[Content_Types].xml" {
		t.Fatalf("%s is not a DOCX file: %v", pairDOCX, err)
	}
	oldHTML, _ := os.ReadFile(pairHTML)
	oldPDF, _ := os.ReadFile(pairPDF)
	changeNepal(t)
	os.Rename(pairDOCX, pairDOCX+".saved")
	os.MkdirAll(filepath.Join(pairDOCX, "notes"), 0o755)
	code, _, errOut = runCmd(t, "build")
	if code != 1 {
		t.Fatalf("build with the DOCX blocked: exit %d, want 1\n%s", code, errOut)
	}
	if got, _ := os.ReadFile(pairHTML); !bytes.Equal(got, oldHTML) {
		t.Error("the HTML was replaced although the DOCX could not be")
	}
	if got, _ := os.ReadFile(pairPDF); !bytes.Equal(got, oldPDF) {
		t.Error("the PDF was replaced although the DOCX could not be")
	}
	if !strings.Contains(errOut, "cannot replace "+pairDOCX+": a folder") || !strings.Contains(errOut, "no file was changed") {
		t.Errorf("the message does not name the DOCX and why:\n%s", errOut)
	}
	if h := hidden(t, filepath.Dir(pairHTML)); len(h) > 0 {
		t.Errorf("temporary or backup files left behind: %v", h)
	}
}

// A draft's DOCX built twice with SOURCE_DATE_EPOCH set is the same
// bytes, build -all writes the same, and the final's is another.
func TestDraftDOCXReproducible(t *testing.T) {
	project(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1512691200")
	var first []byte
	for i := range 2 {
		if code, out, errOut := runCmd(t, "build", "-draft", "-out", "out", "2017"); code != 0 {
			t.Fatalf("build %d: exit %d\n%s%s", i+1, code, out, errOut)
		}
		b, err := os.ReadFile(filepath.Join("out", "universalization-status-2017-draft.docx"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 && !bytes.Equal(b, first) {
			t.Error("the second draft's DOCX differs from the first")
		}
		first = b
	}
	if code, out, errOut := runCmd(t, "build", "-all", "-draft", "-out", "all"); code != 0 {
		t.Fatalf("build -all -draft: exit %d\n%s%s", code, out, errOut)
	}
	if all, _ := os.ReadFile(filepath.Join("all", "2017", "universalization-status-2017-draft.docx")); !bytes.Equal(all, first) {
		t.Error("build -all -draft did not write the same draft DOCX")
	}
	if code, out, errOut := runCmd(t, "build", "-out", "out", "2017"); code != 0 {
		t.Fatalf("final build: exit %d\n%s%s", code, out, errOut)
	}
	if final, _ := os.ReadFile(filepath.Join("out", "universalization-status-2017.docx")); bytes.Equal(final, first) || len(final) == 0 {
		t.Error("the final's DOCX is missing or is the draft's")
	}
}
