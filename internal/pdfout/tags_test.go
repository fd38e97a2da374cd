package pdfout

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/document"
	"unireport/internal/layout"
	"unireport/internal/testkit/testtool"
)

const tagSrc = "# Heading\n\nSee [the site](https://example.org/) and [Armenia](#state-x).[^a]\n\n" +
	"- one\n- two\n\n" +
	"::::: table t id=t\n:::: row id=state-x\n::: cell\nX\n:::\n::::\n:::::\n\n" +
	"| A | B |\n|---|---|\n| 1 | 2 |\n\n[^a]: A note.\n"

// dumpElem writes e's subtree, one role a line, indented by depth.
func dumpElem(b *strings.Builder, e *layout.Elem, depth int) {
	b.WriteString(strings.Repeat(" ", depth) + e.Role)
	if e.Attrs != "" {
		b.WriteString(" " + e.Attrs)
	}
	if e.ID != "" {
		b.WriteString(" #" + e.ID)
	}
	b.WriteByte('\n')
	for _, k := range e.Kids {
		if k.Parent != e {
			b.WriteString("(wrong parent)\n")
		}
		dumpElem(b, k, depth+1)
	}
}

// The converter builds the structure in document order, and the blocks,
// cells and linking runs point into it.
func TestStructure(t *testing.T) {
	lay := convert(document.Parse([]byte(tagSrc)))
	var b strings.Builder
	dumpElem(&b, lay.Structure, 0)
	want := `Document
 H1
 P
  Link
  Link
  Reference
 L
  LI
   Lbl
   LBody
    P
  LI
   Lbl
   LBody
    P
 Table
  TR
   TD
 Table
  TR
   TH /A <</O /Table /Scope /Column>>
   TH /A <</O /Table /Scope /Column>>
  TR
   TD
   TD
 Note #fn1
  Lbl
  P
`
	if b.String() != want {
		t.Errorf("the structure:\n%s\nwant:\n%s", b.String(), want)
	}
	p := lay.Blocks[1].(*layout.Paragraph)
	if p.Elem != lay.Structure.Kids[1] {
		t.Error("the paragraph does not point to its P")
	}
	for _, r := range p.Runs {
		if (r.Link != "" || r.FootnoteRef > 0) != (r.Elem != nil) || r.Elem != nil && r.Elem.Parent != p.Elem {
			t.Errorf("run %q: element %+v", r.Text, r.Elem)
		}
	}
}

// The PDF of a document with links, a list, tables and a footnote is
// tagged: poppler reads its structure, with the links' annotations in it;
// qpdf checks it.
func TestTaggedPDF(t *testing.T) {
	b, err := Render(document.Parse([]byte(tagSrc)), Options{Properties: document.Properties{Title: "T", Lang: "en", Created: time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"%PDF-1.7", "/StructParents 0 /Tabs /S", "/StructParent 1 ", "/StructParent 2 ",
		"/MarkInfo <</Marked true>>", "/Type /OBJR", "/IDTree ", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !strings.Contains(s, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	pdfinfo := testtool.Need(t, "pdfinfo", "poppler-utils")
	out, err := exec.Command(pdfinfo, "-struct-text", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	tree := string(out)
	for _, want := range []string{"H1", "Link", "Reference", "L ", "LI", "Lbl", "LBody", "Table", "TH", "TD", "Note", `"the site"`, `"Armenia"`, `"A note."`} {
		if !strings.Contains(tree, want) {
			t.Errorf("the structure lacks %q:\n%s", want, tree)
		}
	}
	// "1" is the reference, the table's cell and the footnote's number;
	// the page number, an artifact, would be a fourth.
	if n := len(regexp.MustCompile(`(?m)^\s*"1"$`).FindAllString(tree, -1)); n != 3 {
		t.Errorf("the structure has %d texts \"1\", want 3:\n%s", n, tree)
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}
