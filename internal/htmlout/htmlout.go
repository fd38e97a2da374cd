// Package htmlout writes the document tree as one self-contained HTML
// file: styles inline, no scripts, no request to any other host. (A caller
// may add markup of its own in the slots of Options; the preview adds its
// reload script there.)
package htmlout

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"unireport/internal/document"
)

// Options describe the page around the document.
type Options struct {
	Title    string
	Lang     string // BCP 47, e.g. "en"
	Author   string // the presenting office
	Subject  string
	Keywords string
	Draft    bool   // show a banner saying this is a draft
	Built    string // when a draft was built, shown in its banner
	// Generator names the program and its version in the page's
	// generator meta element; "unireport" when empty.
	Generator string

	// TitlePrefix is plain text put before the title (and before the
	// draft's "DRAFT: "), escaped like the title, e.g. "2 errors · ".
	TitlePrefix string
	// HeadEnd and BodyEnd are slots for the caller's own markup, written
	// verbatim, not escaped: HeadEnd at the end of <head>, after the
	// page's styles; BodyEnd at the end of <body>, after <main>. They are
	// trusted markup that the caller builds from its own constants and
	// escaped values, never data from the edition or the templates: all
	// that htmlout otherwise guarantees (no script, no raw HTML from the
	// source) does not hold for what is put here. Empty slots leave the
	// page byte for byte as it is without them.
	HeadEnd template.HTML
	BodyEnd template.HTML
}

//go:embed style.css
var style string

// gapStyle shows the gaps of a draft (document.Gap). It is added only to a
// page that has one, so that a page without gaps is as it always was.
//
//go:embed gap.css
var gapStyle string

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.TitlePrefix}}{{if .Draft}}DRAFT: {{end}}{{.Title}}</title>
{{with .Author}}<meta name="author" content="{{.}}">
{{end}}{{with .Subject}}<meta name="description" content="{{.}}">
{{end}}{{with .Keywords}}<meta name="keywords" content="{{.}}">
{{end}}<meta name="generator" content="{{.Generator}}">
<style>
{{.Style}}</style>
{{.HeadEnd}}</head>
<body{{if .Draft}} class="draft"{{end}}>
{{if .Draft}}<header class="draft-banner"><p>Draft{{with .Built}}, built {{.}}{{end}}. Not for circulation.</p></header>
{{end}}<main>
{{.Body}}</main>
{{.BodyEnd}}</body>
</html>
`))

// Render writes the document as a complete HTML page.
func Render(doc *document.Document, opts Options) ([]byte, error) {
	body, err := Body(doc)
	if err != nil {
		return nil, err
	}
	if opts.Lang == "" {
		opts.Lang = "en"
	}
	if opts.Generator == "" {
		opts.Generator = "unireport"
	}
	css := style
	if document.HasGap(doc.Root) {
		css += gapStyle
	}
	if document.HasRedline(doc.Root) {
		css += redlineStyle
	}
	var out bytes.Buffer
	err = page.Execute(&out, struct {
		Options
		Style template.CSS
		Body  template.HTML
	}{opts, template.CSS(css), template.HTML(body)})
	if err != nil {
		return nil, fmt.Errorf("writing the HTML page: %w", err)
	}
	return out.Bytes(), nil
}

// Body renders the document tree alone, without the page around it. Raw
// HTML in the source is never passed through, and dangerous link targets
// (javascript:, vbscript:, data: other than images) are dropped.
func Body(doc *document.Document) ([]byte, error) {
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		// The arrow back to a reference is read "Back to reference 1".
		util.Prioritized(extension.NewFootnoteHTMLRenderer(extension.WithFootnoteBacklinkHTML(
			`<span aria-hidden="true">&#x21a9;&#xfe0e;</span><span class="visually-hidden">Back to reference ^^</span>`)), 500),
		// the pipe tables (extension.Table) are nodeRenderer's: as the
		// data tables, in a scrolling box, with column headers
		util.Prioritized(nodeRenderer{headers: map[*document.TableCell]cellHeaders{}}, 100),
	))
	var buf bytes.Buffer
	if err := r.Render(&buf, doc.Source, doc.Root); err != nil {
		return nil, fmt.Errorf("rendering HTML: %w", err)
	}
	return buf.Bytes(), nil
}
