// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// taggedDoc writes a one-page tagged document with the hooks: a paragraph
// in marked content (MCID 0) holding a link, and a page number marked as
// an artifact.
func taggedDoc(t *testing.T) []byte {
	pdf := New("P", "pt", "A4", "")
	pdf.SetCreationDate(fixedTime)
	pdf.SetModificationDate(fixedTime)
	pdf.SetTitle("Tagged", true)
	pdf.SetLang("en")
	pdf.SetPDFVersion(1, 7)
	pdf.AddUTF8FontFromBytes("serif", "", readTestFont(t))
	pdf.SetFont("serif", "", 12)
	pdf.AddPage()
	pdf.RawWriteStr("/P <</MCID 0>> BDC\n")
	pdf.Text(50, 60, "A paragraph with a link.")
	pdf.LinkString(50, 50, 100, 14, "https://example.org/")
	pdf.RawWriteStr("EMC\n")
	pdf.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
	pdf.Text(290, 800, "1")
	pdf.RawWriteStr("EMC\n")

	pdf.SetPageDictFunc(func(page int) string { return "/StructParents 0 /Tabs /S" })
	pdf.SetLinkAnnotFunc(func(page, i int) string { return "/StructParent 1 /Contents (Link to example.org)" })
	pdf.SetCatalogFunc(func() string {
		// Numbered ahead: the root, the document, the paragraph, the link
		// element, the parent tree.
		root := pdf.NextObj()
		doc, p, link, tree := root+1, root+2, root+3, root+4
		page, annot := pdf.PageObj(1), pdf.LinkAnnotObj(1, 0)
		pdf.PutObj(fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey 2>>", doc, tree), nil)
		pdf.PutObj(fmt.Sprintf("<</Type /StructElem /S /Document /P %d 0 R /K [%d 0 R]>>", root, p), nil)
		pdf.PutObj(fmt.Sprintf("<</Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K [0 %d 0 R]>>", doc, page, link), nil)
		pdf.PutObj(fmt.Sprintf("<</Type /StructElem /S /Link /P %d 0 R /Pg %d 0 R /K [<</Type /OBJR /Obj %d 0 R>>]>>", p, page, annot), nil)
		pdf.PutObj(fmt.Sprintf("<</Nums [0 [%d 0 R] 1 %d 0 R]>>", p, link), nil)
		return fmt.Sprintf("/StructTreeRoot %d 0 R /MarkInfo <</Marked true>>", root)
	})
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The hooks add what a tagged PDF needs to the dictionaries fpdf writes,
// and objects of the caller's; poppler reads the structure back, without
// the artifact.
func TestTaggingHooks(t *testing.T) {
	b := taggedDoc(t)
	for _, want := range []string{"%PDF-1.7", "/StructParents 0 /Tabs /S", "/StructParent 1 /Contents (Link to example.org)",
		"/StructTreeRoot ", "/MarkInfo <</Marked true>>", "/Lang (en)"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !bytes.Equal(b, taggedDoc(t)) {
		t.Error("two tagged documents differ")
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo is not installed (apt-get install poppler-utils)")
		}
		t.Skip("pdfinfo is not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(pdfinfo, path).Output()
	if err != nil || !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		t.Errorf("pdfinfo does not say Tagged: yes (%v):\n%s", err, info)
	}
	tree, err := exec.Command(pdfinfo, "-struct-text", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(tree)
	for _, want := range []string{"Document", "P", "A paragraph with a link.", "Link"} {
		if !strings.Contains(s, want) {
			t.Errorf("the structure lacks %q:\n%s", want, s)
		}
	}
	if regexp.MustCompile(`"1"`).MatchString(s) {
		t.Errorf("the page number, an artifact, is in the structure:\n%s", s)
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}
