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
	"unireport/internal/layout"
	"unireport/internal/pdfdraw"
)

// Options are the PDF's metadata and draft marking.
type Options struct {
	Title, Author, Subject, Keywords, Lang string
	// Created is written as the creation and modification date, so that the
	// same inputs give the same bytes.
	Created time.Time
	Draft   bool
	Built   time.Time // shown in a draft's footer
}

// measurer is shared by every render: building one parses the four font
// files, which costs more than laying out a whole report. It is safe for
// concurrent use.
var measurer = sync.OnceValues(func() (*pdfdraw.Measurer, error) { return pdfdraw.NewMeasurer(nil) })

// Render lays out and draws the document.
func Render(doc *document.Document, opts Options) ([]byte, error) {
	m, err := measurer()
	if err != nil {
		return nil, err
	}
	pages, err := Layout(doc, m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = pdfdraw.Write(&buf, pages, pdfdraw.Options{
		Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords,
		Creator: "unireport", Language: opts.Lang,
		Created: opts.Created, Modified: opts.Created,
		Draft: opts.Draft, BuildTime: opts.Built,
	})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Layout converts and lays out the document on A4 pages, for tests that
// check the boxes rather than the PDF.
func Layout(doc *document.Document, m layout.Measurer) ([]layout.Page, error) {
	pages, err := layout.Layout(convert(doc), layout.A4(), m)
	if err != nil {
		return nil, fmt.Errorf("laying out the PDF: %w", err)
	}
	return pages, nil
}
