package report_test

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"unireport/internal/report"
	"unireport/internal/testkit/testtool"
)

// The PDF carries its metadata as XMP too, as document systems and
// accessibility checkers read it, the same as its Info dictionary; viewers
// are asked to show its title; and qpdf finds nothing wrong in the file.
func TestPDFMetadata(t *testing.T) {
	needPoppler(t)
	r, _ := build2017(t)
	path, pdf := writePDF(t, r, report.Draft{})
	m := r.Metadata()

	xmp := run(t, "pdfinfo", "-meta", path)
	var doc struct {
		Description struct {
			Title    string `xml:"title>Alt>li"`
			Creator  string `xml:"creator>Seq>li"`
			Subject  string `xml:"description>Alt>li"`
			Language string `xml:"language>Bag>li"`
			Keywords string `xml:"Keywords"`
			Producer string `xml:"Producer"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal([]byte(xmp), &doc); err != nil {
		t.Fatalf("the XMP is not well-formed XML: %v\n%s", err, xmp)
	}
	d := doc.Description
	for _, c := range []struct{ what, got, want string }{
		{"dc:title", d.Title, m.Title},
		{"dc:creator", d.Creator, m.Author},
		{"dc:description", d.Subject, m.Subject},
		{"dc:language", d.Language, m.Lang},
		{"pdf:Keywords", d.Keywords, m.Keywords},
		{"pdf:Producer", d.Producer, "unireport " + report.Version()},
	} {
		if c.got != c.want {
			t.Errorf("XMP %s = %q, want %q", c.what, c.got, c.want)
		}
	}
	info := run(t, "pdfinfo", path)
	if !regexp.MustCompile(`(?m)^Title:\s+` + regexp.QuoteMeta(m.Title) + `$`).MatchString(info) {
		t.Errorf("the Info title is not %q:\n%s", m.Title, info)
	}
	if !bytes.Contains(pdf, []byte("/ViewerPreferences << /DisplayDocTitle true >>")) {
		t.Error("the catalog does not ask viewers to show the title")
	}

	testtool.Need(t, "qpdf", "qpdf")
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}
