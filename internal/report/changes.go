package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"unireport/internal/document"
	"unireport/internal/editiondiff"
	"unireport/internal/htmlout"
	"unireport/internal/pdfout"
	"unireport/internal/redline"
	"unireport/internal/version"
)

// Changes is the redline of one edition's report against an earlier
// one's: what changed in their data, in sentences, then the whole report
// with every change marked.
type Changes struct {
	From, To *Report
	Summary  editiondiff.Summary
	Doc      *document.Document // the redline, summary first
}

// CompareReports compares the report on edition to with the report on
// edition from. Each report's tree is parsed again from its Markdown for
// the redline to take apart, so both reports stay usable.
func CompareReports(from, to *Report) *Changes {
	arrow, ellipsis := "→", "…"
	if !to.canSet("→") {
		arrow = "->"
	}
	if !to.canSet("…") {
		ellipsis = "..."
	}
	c := &Changes{From: from, To: to}
	c.Summary = editiondiff.Compare(from.Edition, to.Edition, editiondiff.Options{Arrow: arrow})
	c.Doc = redline.Compare(document.Parse(from.Markdown), document.Parse(to.Markdown), c.preface(), redline.Options{Ellipsis: ellipsis})
	return c
}

// canSet reports whether every face of the report's fonts has the
// characters of s.
func (r *Report) canSet(s string) bool {
	if r.Fonts == nil {
		return false
	}
	for _, c := range s {
		if !(allFaces{r.Fonts}).Has(c) {
			return false
		}
	}
	return true
}

// preface is the Markdown before the redline: its title, the editions
// compared, and the summary of what changed in their data.
func (c *Changes) preface() []byte {
	from, to := c.From.Edition, c.To.Edition
	var b strings.Builder
	fmt.Fprintf(&b, "# Changes from %d to %d\n\n", from.Facts.Year, to.Facts.Year)
	fmt.Fprintf(&b, "The report on the %d edition (%s) beside the report on the %d edition (%s): first what changed in their data, then the whole report with its changes marked.\n\n",
		to.Facts.Year, document.EscapeInline(filepath.ToSlash(to.Dir)), from.Facts.Year, document.EscapeInline(filepath.ToSlash(from.Dir)))
	b.WriteString("## What changed in the data\n\n")
	if c.Summary.Empty() {
		b.WriteString("There are no changes: the data of the two editions say the same.\n\n")
	}
	for _, s := range c.Summary.Sections {
		fmt.Fprintf(&b, "### %s\n\n", document.EscapeInline(s.Title))
		for _, t := range s.Sentences {
			fmt.Fprintf(&b, "- %s\n", document.EscapeInline(t))
		}
		b.WriteString("\n")
	}
	b.WriteString("## The report with its changes marked\n")
	return []byte(b.String())
}

// BaseName is the file name of the redline without extension, e.g.
// changes-2017-2018.
func (c *Changes) BaseName() string {
	return fmt.Sprintf("changes-%d-%d", c.From.Edition.Facts.Year, c.To.Edition.Facts.Year)
}

// metadata is what both writers declare of the redline: its title is
// short ("Changes from 2017 to 2018", as a tab shows it), its subject
// names the report.
func (c *Changes) metadata() Metadata {
	m := c.To.Metadata()
	title := fmt.Sprintf("Changes from %d to %d", c.From.Edition.Facts.Year, c.To.Edition.Facts.Year)
	m.Subject = title + " in the report: " + m.Title
	m.Title = title
	return m
}

// HTMLOptions are the options HTML renders the redline with.
func (c *Changes) HTMLOptions() htmlout.Options {
	m := c.metadata()
	return htmlout.Options{Title: m.Title, Lang: m.Lang, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords, Generator: version.Program()}
}

// HTML renders the redline as one self-contained HTML page.
func (c *Changes) HTML() ([]byte, error) { return htmlout.Render(c.Doc, c.HTMLOptions()) }

// PDF renders the redline as a PDF in the newer edition's fonts, dated as
// its report is (SOURCE_DATE_EPOCH, else its date of presentation, else
// the older edition's).
func (c *Changes) PDF() ([]byte, error) {
	var date time.Time
	for _, e := range []*Report{c.To, c.From} {
		if d := e.Edition.Facts.Date; !d.IsZero() && !d.IsGap() {
			date = d.Time()
			break
		}
	}
	created, err := SourceDate(date)
	if err != nil {
		return nil, err
	}
	m := c.metadata()
	return pdfout.Render(c.Doc, pdfout.Options{Fonts: c.To.Fonts, Properties: document.Properties{
		Title: m.Title, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords, Lang: m.Lang, Created: created,
	}})
}
