// Package pdfout writes the document tree as a PDF: it converts the tree
// that the HTML writer also renders into the layout engine's blocks, lays
// them out on A4 pages and draws them with fpdf.
package pdfout

import (
	"fmt"
	"sync"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/document"
	"unireport/internal/fonts"
	"unireport/internal/hyphen"
	"unireport/internal/layout"
	"unireport/internal/pdfdraw"
	"unireport/internal/version"
)

// Options are the PDF's metadata, fonts and draft marking.
type Options struct {
	document.Properties
	// Fonts are the faces to set the report in; nil means the embedded
	// Liberation Serif.
	Fonts *fonts.Set
}

// Measurer returns the text measurer for set (nil: the embedded fonts).
func Measurer(set *fonts.Set) *pdfdraw.Measurer { return pdfdraw.NewMeasurer(set) }

// Render lays out and draws the document.
func Render(doc *document.Document, opts Options) ([]byte, error) {
	pdf, _, err := RenderWarnings(doc, opts)
	return pdf, err
}

// RenderWarnings is Render that also returns the words the layout had to
// break between letters (see layout.Warning).
func RenderWarnings(doc *document.Document, opts Options) ([]byte, []layout.Warning, error) {
	res, err := Set(doc, Measurer(opts.Fonts), opts.Lang)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := Draw(res, opts)
	if err != nil {
		return nil, nil, err
	}
	return pdf, res.Warnings, nil
}

// Draw draws a document that Set has laid out, set in opts.Fonts (the
// fonts it was measured with).
func Draw(res Typeset, opts Options) ([]byte, error) {
	return pdfdraw.Render(res.Pages, pdfdraw.Options{
		Fonts: Measurer(opts.Fonts).Fonts(),
		Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords,
		Creator: version.Program(), Language: opts.Lang,
		Created: opts.Created, Modified: opts.Created,
		Draft: opts.Draft, BuildTime: opts.Built,
		Structure: res.Structure,
	})
}

// Layout converts and lays out the document on A4 pages, without
// hyphenation, for tests that check the boxes rather than the PDF.
func Layout(doc *document.Document, m layout.Measurer) ([]layout.Page, error) {
	res, err := Set(doc, m, "")
	return res.Pages, err
}

// Typeset is a document laid out by Set: the layout's result, and the
// columns of each table of the body as they were set, by the node the
// table comes from (a *document.DataTable or a pipe table), for the DOCX
// writer to set its tables as the PDF does.
type Typeset struct {
	layout.Result
	Columns map[ast.Node]layout.Columns
}

// Set converts and lays out the document on A4 pages, hyphenated by the
// rules of the language lang (a BCP 47 tag; none where there are no
// patterns for it), and reports the words it had to break between letters.
func Set(doc *document.Document, m layout.Measurer, lang string) (Typeset, error) {
	return SetTablesFirst(doc, m, lang, nil)
}

// SetTablesFirst is Set that gives columns, if not nil, the columns of
// the body's tables (Typeset.Columns) as soon as they are set, before the
// pages are made (see layout.Document.TablesSet): at most once, possibly
// from another goroutine, and not when a table cannot be set.
func SetTablesFirst(doc *document.Document, m layout.Measurer, lang string, columns func(map[ast.Node]layout.Columns)) (Typeset, error) {
	ld, nodes := convertNodes(doc)
	if h, ok := hyphen.ForLanguage(lang); ok {
		ld.Hyphenator = h
	}
	if columns != nil {
		ld.TablesSet = func(tables map[*layout.Table]layout.Columns) { columns(byNode(tables, nodes)) }
	}
	res, err := layout.Set(ld, layout.A4(), m)
	if err != nil {
		return Typeset{}, fmt.Errorf("laying out the PDF: %w", err)
	}
	return Typeset{Result: res, Columns: byNode(res.Tables, nodes)}, nil
}

// byNode keys the tables' columns by the nodes the tables come from.
func byNode(tables map[*layout.Table]layout.Columns, nodes map[*layout.Table]ast.Node) map[ast.Node]layout.Columns {
	cols := make(map[ast.Node]layout.Columns, len(tables))
	for t, c := range tables {
		if n, ok := nodes[t]; ok {
			cols[n] = c
		}
	}
	return cols
}

// Prepare does ahead of need the work that writing a PDF set in set (nil:
// the embedded fonts) and in language lang does once per process: the PDF
// writer's parsing of the faces and the reading of the hyphenation
// patterns, each in a goroutine of its own; it returns when all are done.
// A program that will write a PDF runs it while it loads its inputs, on
// another core. The bold italic face, which few reports use, is left for
// the first document that does.
func Prepare(set *fonts.Set, lang string) {
	if set == nil {
		set = fonts.Default()
	}
	var wg sync.WaitGroup
	if h, ok := hyphen.ForLanguage(lang); ok {
		wg.Go(h.Prepare)
	}
	for _, face := range []fonts.Face{fonts.Regular, fonts.Bold, fonts.Italic} {
		wg.Go(func() { pdfdraw.PrepareFace(set, face) })
	}
	wg.Wait()
}

// checked holds the result of CheckFonts per font set, by the set's ID:
// the check parses the four font files with the PDF writer's parser, which
// costs more than laying out a whole report, so it is made once per set
// in a process.
var checked sync.Map // [32]byte → *checkOnce

type checkOnce struct {
	once sync.Once
	err  error
}

// CheckFonts reports whether the PDF writer can embed the faces of set:
// the writer reads the files with a parser of its own, stricter than the
// fonts package's. The error is a *fonts.FaceError where it names a face.
// The embedded fonts need no check: a test makes it.
func CheckFonts(set *fonts.Set) error {
	v, _ := checked.LoadOrStore(set.ID(), &checkOnce{})
	c := v.(*checkOnce)
	c.once.Do(func() { c.err = pdfdraw.CheckFaces(set) })
	return c.err
}
