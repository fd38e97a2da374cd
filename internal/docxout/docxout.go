// Package docxout writes the document tree as a Word document (DOCX):
// WordprocessingML parts in a zip, from the same tree the HTML and PDF
// writers render. Its look comes from named styles (Title, Heading 1,
// Table Text, …), not from formatting on each paragraph, so that an
// editor's or a translator's template can restyle it; its pages, type
// sizes and table columns are those of the PDF (layout.A4, and the
// columns the PDF's layout set).
//
// It uses only the standard library: WordprocessingML is text, and the
// parts are written directly, in a fixed order with fixed zip times, so
// that the same tree gives the same bytes.
package docxout

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/layout"
)

// Options are the document's properties, its fonts and tables as the PDF
// sets them, and its draft marking.
type Options struct {
	// Properties: Lang is set in the styles and on every run, so that
	// spelling and hyphenation follow it; a draft has "DRAFT" across every
	// page and when it was built in the footer.
	document.Properties
	// Generator names the program in the document's properties.
	Generator string
	// Font is the family the text is set in; "" is Times New Roman,
	// whose widths are those of the PDF's Liberation Serif.
	Font string
	// Columns are the tables' columns as the PDF set them, by the node
	// each table comes from (see pdfout.Typeset): their widths and type
	// size. A table without is given its relative widths, or equal ones.
	Columns map[ast.Node]layout.Columns
}

// DefaultFont is the family named when Options.Font is empty: the font
// Liberation Serif was drawn to match, width for width, and which every
// copy of Word has.
const DefaultFont = "Times New Roman"

// zipTime is the time of every member of the zip, as Word writes it: a
// fixed time, so that the same document gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// part is one member of the package.
type part struct {
	name string
	data []byte
}

// Render writes the document as a DOCX file.
func Render(doc *document.Document, opts Options) ([]byte, error) {
	if opts.Draft && opts.Built.IsZero() {
		return nil, fmt.Errorf("docxout: a draft needs the time it was built")
	}
	if opts.Font == "" {
		opts.Font = DefaultFont
	}
	w := newWriter(doc, opts)
	// The text first: the other parts say what it uses.
	w.document(doc.Root)
	bodyRels := w.rels
	var notes []byte
	var noteRels relList
	if len(w.noteOrder) > 0 {
		w.rels = relList{ids: map[string]int{}}
		notes = w.footnotes()
		noteRels = w.rels
	}
	footer := w.footer()

	parts := []part{
		{"[Content_Types].xml", w.contentTypes()},
		{"_rels/.rels", packageRels()},
		{"docProps/core.xml", w.coreProps()},
		{"docProps/app.xml", w.appProps()},
		{"word/document.xml", w.body.Bytes()},
		{"word/_rels/document.xml.rels", w.documentRels(bodyRels)},
		{"word/styles.xml", w.styles()},
		{"word/settings.xml", w.settings()},
		{"word/fontTable.xml", w.fontTable()},
	}
	if len(w.lists) > 0 {
		parts = append(parts, part{"word/numbering.xml", w.numbering()})
	}
	if notes != nil {
		parts = append(parts, part{"word/footnotes.xml", notes})
		if len(noteRels.links) > 0 {
			parts = append(parts, part{"word/_rels/footnotes.xml.rels", linkRels(noteRels)})
		}
	}
	parts = append(parts, part{"word/footer1.xml", footer})
	if opts.Draft {
		parts = append(parts, part{"word/header1.xml", w.header()})
	}
	return zipParts(parts)
}

// flateWriters keeps compressors between renderings: each holds a large
// window, which costs more to make than to use on a report.
var flateWriters flateCache

// flateCache is a pool of compressors that also keeps the last one put
// back out of the garbage collector's reach: a sync.Pool is emptied by
// collections, and the preview, which renders after each save, would
// otherwise make a new compressor (about 1 MB) nearly every time.
type flateCache struct {
	mu   sync.Mutex
	kept *flate.Writer
	pool sync.Pool
}

func (c *flateCache) get() *flate.Writer {
	c.mu.Lock()
	w := c.kept
	c.kept = nil
	c.mu.Unlock()
	if w != nil {
		return w
	}
	if w, ok := c.pool.Get().(*flate.Writer); ok {
		return w
	}
	w, _ = flate.NewWriter(nil, flate.BestSpeed) // a valid level: no error
	return w
}

func (c *flateCache) put(w *flate.Writer) {
	c.mu.Lock()
	if c.kept == nil {
		c.kept, w = w, nil
	}
	c.mu.Unlock()
	if w != nil {
		c.pool.Put(w)
	}
}

// zipParts packs the parts in their order, each compressed, with the
// fixed time.
func zipParts(parts []part) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	// The fastest compression, one compressor for all the parts (one
	// after the other): the parts are text that compresses well at any
	// level, and the file is written at every build.
	fw := flateWriters.get()
	defer flateWriters.put(fw)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// relList is the external addresses a part links to, each once, in the
// order of their first link: the part's relationships.
type relList struct {
	links []string
	ids   map[string]int // index in links
}

// writer holds one rendering: the document part being written, and what
// the other parts need to know of it.
type writer struct {
	src  []byte
	opts Options
	g    layout.Geometry

	body *bytes.Buffer // word/document.xml
	out  *bytes.Buffer // where blocks go now: the body, or a footnote

	notes     map[int]*east.Footnote // the footnotes, by number
	noteOrder []int                  // the footnotes referenced from the text, in order
	noteRefs  map[int]int            // how often each footnote was referenced so far

	rels      relList           // the external addresses the part being written links to
	bookmarks map[string]string // anchor id → bookmark name
	marks     int               // bookmarks written

	lists []bool // the list instances: ordered or not, by number - 1
	start []int  // each list instance's first number

	sizes map[float64]bool // table type sizes other than the PDF's usual
	gaps  bool             // the text has gaps (a draft's values to fill in)

	// What the next paragraph opened takes: a page break before it, a
	// bookmark at its start.
	pageBreak bool
	bookmark  string
	cells     int  // how deep in table cells the writing is
	inLink    bool // in a hyperlink, which cannot hold another
	// last is what the current container (body, cell, footnote) ended
	// with so far: 'p' a paragraph, 't' a table, 0 nothing.
	last byte

	run runBuf // text waiting to be written as one run
}

func newWriter(doc *document.Document, opts Options) *writer {
	w := &writer{
		src: doc.Source, opts: opts, g: layout.A4(),
		body:      bytes.NewBuffer(make([]byte, 0, 3*len(doc.Source))),
		notes:     map[int]*east.Footnote{},
		noteRefs:  map[int]int{},
		rels:      relList{ids: map[string]int{}},
		bookmarks: map[string]string{},
		sizes:     map[float64]bool{},
	}
	w.out = w.body
	w.scan(doc.Root)
	return w
}

// scan finds, before writing, what links and references may point to:
// the footnotes, and the anchors of table rows and headings.
func (w *writer) scan(root ast.Node) {
	used := map[string]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		id := ""
		switch n := n.(type) {
		case *east.Footnote:
			if _, ok := w.notes[n.Index]; !ok {
				w.notes[n.Index] = n
			}
		case *document.TableRow:
			id = n.ID
		case *ast.Heading:
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
		case *document.Gap:
			w.gaps = true
		}
		if id != "" {
			if _, ok := w.bookmarks[id]; !ok {
				w.bookmarks[id] = bookmarkName(id, used)
			}
		}
		return ast.WalkContinue, nil
	})
}

// document writes the body of word/document.xml.
func (w *writer) document(root ast.Node) {
	w.body.WriteString(xmlDecl + `<w:document` + wAttrs + `><w:body>` + "\n")
	w.blocks(root, ctx{style: styleNormal})
	if w.last == 't' {
		w.emptyPara(styleNormal) // Word ends a body with a paragraph
	}
	w.body.WriteString(w.sectPr(false))
	w.body.WriteString("</w:body></w:document>\n")
}

// sectPr is a section's properties: A4 with the PDF's margins, upright or
// turned, the footer with the page number, a draft's header with its
// watermark.
func (w *writer) sectPr(landscape bool) string {
	var b bytes.Buffer
	b.WriteString("<w:sectPr>")
	if w.opts.Draft {
		b.WriteString(`<w:headerReference w:type="default" r:id="` + relHeader + `"/>`)
	}
	b.WriteString(`<w:footerReference w:type="default" r:id="` + relFooter + `"/>`)
	g := w.g
	pw, ph := twips(g.PageWidth), twips(g.PageHeight)
	if landscape {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, ph, pw)
	} else {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/>`, pw, ph)
	}
	// The page number sits in the middle of the bottom margin, as in the
	// PDF; the header holds nothing but a draft's watermark.
	fmt.Fprintf(&b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(g.MarginTop), twips(g.MarginRight), twips(g.MarginBottom), twips(g.MarginLeft),
		twips(g.MarginTop/2), twips(g.MarginBottom/2-footerSize/2))
	b.WriteString("</w:sectPr>\n")
	return b.String()
}

// textWidth is the width between the margins, in points, of an upright
// page or a turned one.
func (w *writer) textWidth(landscape bool) float64 {
	if landscape {
		return w.g.PageHeight - w.g.MarginLeft - w.g.MarginRight
	}
	return w.g.PageWidth - w.g.MarginLeft - w.g.MarginRight
}
