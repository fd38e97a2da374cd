package preview

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html"
	"html/template"
	"strconv"
	"strings"

	"unireport/internal/diag"
)

//go:embed reload.js
var reloadJS string

//go:embed preview.css
var previewCSS string

// csp is the Content-Security-Policy of the pages: the report's inline
// styles, the reload script (by its hash), the event stream, and nothing
// else.
var csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
	"script-src '" + scriptHash(reloadJS) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func scriptHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// pageFor is the page served at / for a build: the report's HTML with the
// preview's styles, bar and script and, when the build failed, the
// overlay listing its problems over the last good render. With no good
// render yet, it is a page of the problems alone.
func pageFor(s *snapshot) []byte {
	if s.html == nil {
		return problemsPage(s, "There is no good build to show yet.")
	}
	var end strings.Builder
	if s.broken {
		writeOverlay(&end, s, "Below is the last good build, of "+s.built.Format("15:04:05")+".")
	}
	end.WriteString(bar)
	writeScript(&end, s.id)
	page := insert(s.html, at(bytes.Index(s.html, []byte("</head>")), s.html), headExtra)
	if i := bytes.Index(page, []byte("<title>")); s.broken && i >= 0 {
		page = insert(page, i+len("<title>"), html.EscapeString(titlePrefix(s.diags)))
	}
	return insert(page, at(bytes.LastIndex(page, []byte("</body>")), page), end.String())
}

// headExtra goes at the end of the report's head: the preview's styles,
// and an empty icon so that the browser asks for no /favicon.ico.
var headExtra = `<link rel="icon" href="data:,">` + "\n<style>\n" + previewCSS + "</style>\n"

// problemsPage is a page of the problems alone, with lead saying what is
// not shown.
func problemsPage(s *snapshot, lead string) []byte {
	var b strings.Builder
	if err := problemsTmpl.Execute(&b, struct {
		Title string
		CSS   template.CSS
	}{titlePrefix(s.diags) + "unireport preview", template.CSS(previewCSS)}); err != nil {
		panic(err) // a fixed template over plain strings cannot fail
	}
	writeOverlay(&b, s, lead)
	b.WriteString(bar)
	writeScript(&b, s.id)
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

var problemsTmpl = template.Must(template.New("problems").Parse(`<!DOCTYPE html>
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

// problemCount is e.g. "2 errors" or "1 error, 3 warnings".
func problemCount(l diag.List) string {
	errs, warnings := l.Count()
	if warnings == 0 {
		return plural(errs, "error")
	}
	return plural(errs, "error") + ", " + plural(warnings, "warning")
}

// titlePrefix marks the tab of a broken build, e.g. "2 errors · ".
func titlePrefix(l diag.List) string {
	errs, _ := l.Count()
	if errs == 0 {
		return ""
	}
	return plural(errs, "error") + " · "
}

// insert returns page with add inserted at i.
func insert(page []byte, i int, add string) []byte {
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// at is i, or the end of page when i is -1 (a marker not found).
func at(i int, page []byte) int {
	if i < 0 {
		return len(page)
	}
	return i
}

var overlayTmpl = template.Must(template.New("overlay").Parse(`<section id="unireport-overlay" role="alert" aria-labelledby="unireport-overlay-title">
<details open>
<summary><h2 id="unireport-overlay-title">Not built: {{.Summary}}</h2></summary>
<p>{{.Lead}} Fix the problems and save: this page updates by itself.</p>
<ol>
{{range .Diags}}<li><code>{{.Pos}}</code>: <span class="unireport-sev-{{.Severity}}">{{.Severity}}</span>: {{.Message}}{{with .Help}} <span class="unireport-help">({{.}})</span>{{end}}</li>
{{end}}</ol>
</details>
</section>
`))

// writeOverlay writes the overlay listing every problem of s, under a
// lead that says what the page shows beneath it.
func writeOverlay(b *strings.Builder, s *snapshot, lead string) {
	if err := overlayTmpl.Execute(b, struct {
		Summary, Lead string
		Diags         diag.List
	}{problemCount(s.diags), lead, s.diags}); err != nil {
		panic(err)
	}
}

// bar is the preview bar: a link to the PDF. (Warnings are in the draft
// itself, in the editors' checklist at its end.)
const bar = `<nav class="unireport-bar" aria-label="Preview">Live preview · <a href="` + pdfPath + `">PDF</a></nav>` + "\n"

// writeScript writes the reload script, which knows the build id.
func writeScript(b *strings.Builder, id string) {
	b.WriteString(`<script data-build="` + html.EscapeString(id) + `">` + reloadJS + "</script>\n")
}

// plural is e.g. "1 error" or "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
