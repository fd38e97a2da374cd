// Package pdfout writes the document tree as a PDF: it converts the tree
// that the HTML writer also renders into the layout engine's blocks, lays
// them out on A4 pages and draws them with fpdf.
package pdfout

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"unireport/internal/document"
	"unireport/internal/fonts"
	"unireport/internal/hyphen"
	"unireport/internal/layout"
	"unireport/internal/pdfdraw"
	"unireport/internal/version"
)

// Options are the PDF's metadata, fonts and draft marking.
type Options struct {
	Title, Author, Subject, Keywords, Lang string
	// Created is written as the creation and modification date, so that the
	// same inputs give the same bytes.
	Created time.Time
	Draft   bool
	Built   time.Time // shown in a draft's footer
	// Fonts are the faces to set the report in; nil means the embedded
	// Liberation Serif.
	Fonts *fonts.Set
}

// measurers holds one text measurer per font set, by the set's ID, shared
// by every render: building one parses the four font files, which costs
// more than laying out a whole report. Measurers are safe for concurrent
// use. An edition names few font sets, so the cache stays small.
var measurers sync.Map // [32]byte → *measurerOnce

type measurerOnce struct {
	once sync.Once
	m    *pdfdraw.Measurer
	err  error
}

// Measurer returns the shared measurer for set (nil: the embedded fonts).
// It fails, with a *fonts.FaceError, when the PDF writer cannot use a face.
func Measurer(set *fonts.Set) (*pdfdraw.Measurer, error) {
	if set == nil {
		set = fonts.Default()
	}
	v, _ := measurers.LoadOrStore(set.ID(), &measurerOnce{})
	mo := v.(*measurerOnce)
	mo.once.Do(func() { mo.m, mo.err = pdfdraw.NewMeasurer(set) })
	return mo.m, mo.err
}

// Render lays out and draws the document.
func Render(doc *document.Document, opts Options) ([]byte, error) {
	pdf, _, err := RenderWarnings(doc, opts)
	return pdf, err
}

// RenderWarnings is Render that also returns the words the layout had to
// break between letters (see layout.Warning).
func RenderWarnings(doc *document.Document, opts Options) ([]byte, []layout.Warning, error) {
	m, err := Measurer(opts.Fonts)
	if err != nil {
		return nil, nil, err
	}
	res, err := Set(doc, m, opts.Lang)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	err = pdfdraw.Write(&buf, res.Pages, pdfdraw.Options{
		Fonts: m.Fonts(),
		Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords,
		Creator: version.Program(), Language: opts.Lang,
		Created: opts.Created, Modified: opts.Created,
		Draft: opts.Draft, BuildTime: opts.Built,
	})
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), res.Warnings, nil
}

// Layout converts and lays out the document on A4 pages, without
// hyphenation, for tests that check the boxes rather than the PDF.
func Layout(doc *document.Document, m layout.Measurer) ([]layout.Page, error) {
	res, err := Set(doc, m, "")
	return res.Pages, err
}

// Set converts and lays out the document on A4 pages, hyphenated by the
// rules of the language lang (a BCP 47 tag; none where there are no
// patterns for it), and reports the words it had to break between letters.
func Set(doc *document.Document, m layout.Measurer, lang string) (layout.Result, error) {
	ld := convert(doc)
	if h, ok := hyphen.ForLanguage(lang); ok {
		ld.Hyphenator = h
	}
	res, err := layout.Set(ld, layout.A4(), m)
	if err != nil {
		return layout.Result{}, fmt.Errorf("laying out the PDF: %w", err)
	}
	return res, nil
}

// CheckFonts reports whether the PDF writer can embed the faces of set:
// the writer reads the files with a parser of its own, stricter than the
// fonts package's. The error is a *fonts.FaceError where it names a face.
func CheckFonts(set *fonts.Set) error {
	_, err := Measurer(set)
	return err
}
