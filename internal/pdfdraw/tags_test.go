package pdfdraw

import (
	"bytes"
	"strings"
	"testing"

	"unireport/internal/layout"
)

// Pages without a structure make an untagged PDF, as before; with one, a
// tagged PDF whose XMP claims PDF/UA-1, whose texts are marked content
// of their elements and whose rules and page number are artifacts.
func TestTagged(t *testing.T) {
	root := &layout.Elem{Role: "Document"}
	p := root.Add("P")
	doc := layout.Document{Blocks: []layout.Block{&layout.Paragraph{Runs: []layout.Run{{Text: "Tagged text."}}, Elem: p}, &layout.Rule{}}}
	pages := layoutSample(t, doc)
	var plain, tagged bytes.Buffer
	if err := Write(&plain, pages, options()); err != nil {
		t.Fatal(err)
	}
	o := options()
	o.Structure = root
	if err := Write(&tagged, pages, o); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"/StructTreeRoot", "/MarkInfo", "pdfuaid", "/StructParents", "%PDF-1.7"} {
		if bytes.Contains(plain.Bytes(), []byte(s)) {
			t.Errorf("the untagged PDF has %q", s)
		}
		if !bytes.Contains(tagged.Bytes(), []byte(s)) {
			t.Errorf("the tagged PDF lacks %q", s)
		}
	}
	if !bytes.Contains(tagged.Bytes(), []byte("<</Type /StructElem /S /P /P ")) ||
		!bytes.Contains(tagged.Bytes(), []byte("/MCID 0>>]>>")) {
		t.Error("the tagged PDF has no P element holding MCID 0")
	}
	path := writeFile(t, "tagged.pdf", pages, o)
	out := run(t, "pdfinfo", "-struct-text", path)
	if !strings.Contains(out, `"Tagged text."`) || strings.Contains(out, `"1"`) {
		t.Errorf("the structure as poppler reads it:\n%s", out)
	}
}
