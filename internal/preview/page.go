package preview

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html"
	"html/template"
	"strings"
	"sync"

	"unireport/internal/diag"
	"unireport/internal/htmlout"
)

//go:embed reload.js
var reloadJS string

//go:embed preview.css
var previewCSS string

// csp is the Content-Security-Policy of the pages: the report's inline
// styles, the reload script and the script that opens sources (by their
// hashes), the event stream, and nothing else.
var csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
	"script-src '" + scriptHash(reloadJS) + "' '" + scriptHash(htmlout.SourcesScript) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func scriptHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// pageFor is the page served at / for a build: the report's HTML with the
// preview's styles, bar and script and, when the build failed, the
// overlay listing its problems over the last good render. With no good
// render yet, it is a page of the problems alone.
//
// The preview's markup goes in the slots of htmlout.Options: the page is
// rendered whole, never edited afterwards. An error is a good build's
// that cannot be rendered; a broken build's falls back to the problems
// alone.
func pageFor(s *snapshot) ([]byte, error) {
	if s.shown == nil {
		return problemsPage(s, "There is no good build to show yet."), nil
	}
	var end strings.Builder
	if s.broken {
		writeOverlay(&end, s, "Below is the last good build, of "+s.built.Format("15:04:05")+".")
	}
	end.WriteString(bar)
	writeScript(&end, s.id)
	opts := s.shown.opts
	opts.HeadEnd = template.HTML(headExtra)
	opts.BodyEnd = template.HTML(end.String())
	if s.broken {
		opts.TitlePrefix = titlePrefix(s.diags)
	}
	page, err := renderHTML(s.shown.doc, opts)
	if err != nil && s.broken {
		return problemsPage(s, "The last good build cannot be shown: "+err.Error()+"."), nil
	}
	return page, err
}

// headExtra goes at the end of the report's head: the preview's styles,
// and an empty icon so that the browser asks for no /favicon.ico.
var headExtra = `<link rel="icon" href="data:,">` + "\n<style>\n" + previewCSS + "</style>\n"

// problemsPage is a page of the problems alone, with lead saying what is
// not shown.
func problemsPage(s *snapshot, lead string) []byte {
	var b strings.Builder
	if err := problemsTmpl().Execute(&b, struct {
		Title string
		CSS   template.CSS
	}{titlePrefix(s.diags) + "unireport preview", template.CSS(previewCSS + htmlout.SourcesStyle())}); err != nil {
		panic(err) // a fixed template over plain strings cannot fail
	}
	writeOverlay(&b, s, lead)
	b.WriteString(bar)
	b.WriteString(string(htmlout.SourcesEnd(s.links.editor, s.links.root))) // the positions open as the report's sources do
	writeScript(&b, s.id)
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// The page templates are parsed when first used, not when the program
// starts: a build never shows them.
var problemsTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("problems").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" href="data:,">
<style>
{{.CSS}}</style>
</head>
<body>
`))
})

// problemCount is e.g. "2 errors" or "1 error, 3 warnings".
func problemCount(l diag.List) string {
	errs, warnings := l.Count()
	if warnings == 0 {
		return diag.Plural(errs, "error")
	}
	return diag.Plural(errs, "error") + ", " + diag.Plural(warnings, "warning")
}

// titlePrefix marks the tab of a broken build, e.g. "2 errors · ".
func titlePrefix(l diag.List) string {
	errs, _ := l.Count()
	if errs == 0 {
		return ""
	}
	return diag.Plural(errs, "error") + " · "
}

var overlayTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("overlay").Parse(`<section id="unireport-overlay" role="alert" aria-labelledby="unireport-overlay-title">
<details open>
<summary><h2 id="unireport-overlay-title">Not built: {{.Summary}}</h2></summary>
<p>{{.Lead}} Fix the problems and save: this page updates by itself.</p>
<ol>
{{range .Diags}}<li>{{if .Pos.File}}<code class="src" tabindex="0" data-src="{{.Pos}}">{{.Pos}}</code>{{else}}<code>{{.Pos}}</code>{{end}}: <span class="unireport-sev-{{.Severity}}">{{.Severity}}</span>: {{.Message}}{{with .Help}}: <span class="unireport-help">{{.}}</span>{{end}}
{{- with .Source}}
<pre class="unireport-source"><code>
{{- range .Lines}}<span class="unireport-line{{if .Here}} unireport-here{{end}}">{{.Gutter}}{{.Text}}</span>
{{with .Caret}}<span class="unireport-caret" aria-hidden="true">{{.}}</span>
{{end}}{{end}}</code></pre>
{{- end}}</li>
{{end}}</ol>
</details>
</section>
`))
})

// writeOverlay writes the overlay listing every problem of s, with the
// source around it where there is some, under a lead that says what the
// page shows beneath it.
func writeOverlay(b *strings.Builder, s *snapshot, lead string) {
	type problem struct {
		diag.Diagnostic
		Source *excerpt // nil for none
	}
	problems := make([]problem, len(s.diags))
	for i, d := range s.diags {
		problems[i].Diagnostic = d
		if i < len(s.source) {
			problems[i].Source = s.source[i]
		}
	}
	if err := overlayTmpl().Execute(b, struct {
		Summary, Lead string
		Diags         []problem
	}{problemCount(s.diags), lead, problems}); err != nil {
		panic(err)
	}
}

// bar is the preview bar: links to the PDF and to the changes since the
// edition before. (Warnings are in the draft itself, in the editors'
// checklist at its end.)
const bar = `<nav class="unireport-bar" aria-label="Preview">Live preview · <a href="` + pdfPath + `">PDF</a> · <a href="` + docxPath + `">Word</a> · <a href="` + changesPath + `">Changes</a></nav>` + "\n"

// writeScript writes the reload script, which knows the build id.
func writeScript(b *strings.Builder, id string) {
	b.WriteString(`<script data-build="` + html.EscapeString(id) + `">` + reloadJS + "</script>\n")
}
