package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"slices"
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

// The PDF's outline holds the title, each table by its caption, and
// under the table of positions each State, in the table's order, so that a
// reader can go to a State from the viewer's bookmarks.
func TestPDFOutline(t *testing.T) {
	needPoppler(t)
	testtool.Need(t, "qpdf", "qpdf")
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Outlines) != 1 || doc.Outlines[0].Title != r.Metadata().Title {
		t.Fatalf("the outline does not start with the title alone: %+v", doc.Outlines)
	}
	var tables []string
	var states []string
	for _, k := range doc.Outlines[0].Kids {
		tables = append(tables, k.Title)
		if k.Title == "Stated positions of the States not party" {
			for _, s := range k.Kids {
				states = append(states, s.Title)
			}
		}
	}
	want := []string{
		"2017 UNGA First Committee Convention Resolution: Voting by States not party",
		"Participation in Convention-related meetings since the Third Review Conference in 2014",
		"Stated positions of the States not party",
	}
	if !slices.Equal(tables, want) {
		t.Errorf("tables in the outline:\n%q\nwant\n%q", tables, want)
	}
	var wantStates []string
	for _, s := range r.Edition.Alphabetical() {
		wantStates = append(wantStates, s.PrintedName())
	}
	if !slices.Equal(states, wantStates) {
		t.Errorf("States in the outline:\n%q\nwant\n%q", states, wantStates)
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}
