// Package htmlout writes the document tree as one self-contained HTML
// file: styles inline, no scripts, no request to any other host. A draft
// that shows where its values come from (Options.Sources) carries one
// small script of its own, inline, that shows and opens those sources. (A
// caller may add markup of its own in the slots of Options; the preview
// adds its reload script there.)
package htmlout

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"

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

	// Sources shows, on each value from the data (document.Provenance)
	// and each element that names a position (data-src), where it comes
	// from: a tip on hover and focus, and a click that opens it in the
	// editor, or copies its file:line:col. Drafts only.
	Sources bool
	// Editor is the URL template a click on a source opens, with {path},
	// {line} and {col}, e.g. vscode://file/{path}:{line}:{col}; empty, a
	// click copies the position. EditorRoot is the folder that relative
	// paths are made absolute against, for {path}.
	Editor, EditorRoot string

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

// sourcesStyle and SourcesScript show the sources of a draft's values
// (Options.Sources). A page that serves the script under a
// Content-Security-Policy allows it by its hash.
var (
	//go:embed sources.css
	sourcesStyle string
	//go:embed sources.js
	SourcesScript string
)

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
{{.SourcesEnd}}{{.BodyEnd}}</body>
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
	var sources template.HTML
	if opts.Sources {
		css += sourcesStyle
		sources = SourcesEnd(opts.Editor, opts.EditorRoot)
	}
	var out bytes.Buffer
	out.Grow(len(body) + len(css) + len(sources) + 4<<10) // the page is its parts and a little markup
	err = page.Execute(&out, struct {
		Options
		Style      template.CSS
		Body       template.HTML
		SourcesEnd template.HTML
	}{opts, template.CSS(css), template.HTML(body), sources})
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
	buf.Grow(2 * len(doc.Source)) // the markup of a draft with its sources doubles its text, about
	if err := r.Render(&buf, doc.Source, doc.Root); err != nil {
		return nil, fmt.Errorf("rendering HTML: %w", err)
	}
	return buf.Bytes(), nil
}

// SourcesStyle is the style of the sources of a draft's values, for a page
// that shows them (SourcesEnd) in markup of its own.
func SourcesStyle() string { return sourcesStyle }

// SourcesEnd is the markup, at the end of a page's body, that shows the
// sources of its values (Options.Sources): the tip, the line that says
// what a click did, and the script, which opens a source in the editor
// whose URL template is editor (see Options.Editor), or copies it.
func SourcesEnd(editor, root string) template.HTML {
	var b strings.Builder
	b.WriteString(`<div id="unireport-src-tip" role="tooltip" hidden></div>` + "\n")
	b.WriteString(`<p id="unireport-src-status" role="status" aria-live="polite"></p>` + "\n")
	b.WriteString("<script")
	if editor != "" {
		fmt.Fprintf(&b, ` data-editor="%s" data-root="%s"`, attr(editor), attr(root))
	}
	b.WriteString(">" + SourcesScript + "</script>\n")
	return template.HTML(b.String())
}

// CheckEditor checks an editor's URL template (see Options.Editor): a URL
// with a scheme, such as vscode: or subl:, naming {path}; never one that
// runs code in the page (javascript:, data:, vbscript:).
func CheckEditor(tmpl string) error {
	scheme, _, ok := strings.Cut(tmpl, ":")
	valid := ok && scheme != "" && strings.IndexFunc(scheme, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
	}) < 0 && (scheme[0] < '0' || scheme[0] > '9')
	switch {
	case !valid:
		return fmt.Errorf("the editor must be a URL template such as vscode://file/{path}:{line}:{col}, not %q", tmpl)
	case !strings.Contains(tmpl, "{path}"):
		return fmt.Errorf("the editor's URL template must name the file as {path} (and may name {line} and {col}), e.g. vscode://file/{path}:{line}:{col}, not %q", tmpl)
	}
	switch strings.ToLower(scheme) {
	case "javascript", "data", "vbscript", "file":
		return fmt.Errorf("the editor's URL template may not be a %s: URL: it must open an editor, e.g. vscode://file/{path}:{line}:{col}", strings.ToLower(scheme))
	}
	return nil
}
