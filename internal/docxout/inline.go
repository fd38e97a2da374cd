package docxout

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/placeholder"
)

// runFmt is how a run of text is set: a character style where one says
// it all, bold or italic on top where two meet (an emphasised link).
type runFmt struct {
	style        string // character style, "" for none
	bold, italic bool
}

// rPr writes the run's properties; the language is on every run.
func (w *writer) rPr(f runFmt) {
	b := w.out
	b.WriteString("<w:rPr>")
	style := f.style
	bold, italic := f.bold, f.italic
	if style == "" { // emphasis alone is said by a style
		switch {
		case bold:
			style, bold = styleStrong, false
		case italic:
			style, italic = styleEmphasis, false
		}
	}
	if style != "" {
		val(b, "rStyle", style)
	}
	if bold {
		b.WriteString("<w:b/>")
	}
	if italic {
		b.WriteString("<w:i/>")
	}
	w.lang()
	b.WriteString("</w:rPr>")
}

// lang writes the text's language, if known.
func (w *writer) lang() {
	if w.opts.Lang != "" {
		val(w.out, "lang", w.opts.Lang)
	}
}

// mark writes a run that holds content other than text (a tab, a break,
// a footnote's mark, a field's parts), set as f.
func (w *writer) mark(f runFmt, content string) {
	w.flush()
	w.out.WriteString("<w:r>")
	w.rPr(f)
	w.out.WriteString(content + "</w:r>")
}

// runBuf is text waiting to be written as one run, so that the pieces of
// a paragraph in one style (the lines of its source) make one run.
type runBuf struct {
	open bool
	f    runFmt
	text strings.Builder
}

// text adds s, set as f, to the paragraph.
func (w *writer) text(s string, f runFmt) {
	if s == "" {
		return
	}
	if w.run.open && w.run.f != f {
		w.flush()
	}
	w.run.open, w.run.f = true, f
	w.run.text.WriteString(s)
}

// flush writes the waiting text as a run: a tab as a tab, a line end as
// a space.
func (w *writer) flush() {
	if !w.run.open {
		return
	}
	s := w.run.text.String()
	w.run.open = false
	w.run.text.Reset()
	b := w.out
	b.WriteString("<w:r>")
	w.rPr(w.run.f)
	for i, piece := range strings.Split(s, "\t") {
		if i > 0 {
			b.WriteString("<w:tab/>")
		}
		if piece == "" {
			continue
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		escape(b, lineEnds.Replace(piece))
		b.WriteString("</w:t>")
	}
	b.WriteString("</w:r>")
}

// lineEnds makes each line end in a run's text a space, as a soft line
// break is.
var lineEnds = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// inlines writes n's inline content.
func (w *writer) inlines(n ast.Node, f runFmt) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		w.inline(ch, f)
	}
}

func (w *writer) inline(n ast.Node, f runFmt) {
	switch n := n.(type) {
	case *ast.Text:
		w.text(string(n.Value(w.src)), f)
		switch {
		case n.HardLineBreak():
			w.mark(f, "<w:br/>")
		case n.SoftLineBreak():
			w.text(" ", f)
		}
	case *ast.String:
		w.text(string(n.Value), f)
	case *ast.CodeSpan:
		code := f
		if code.style == "" {
			code.style = styleCodeChar
		}
		w.text(document.Text(n, w.src), code)
	case *ast.Emphasis:
		inner := f
		if n.Level >= 2 {
			inner.bold = true
		} else {
			inner.italic = true
		}
		w.inlines(n, inner)
	case *ast.Link:
		if url, ok := document.LinkTarget(n.Destination); ok {
			w.link(url, func(lf runFmt) { w.inlines(n, lf) }, f)
			return
		}
		w.inlines(n, f)
	case *ast.AutoLink:
		label := string(n.Label(w.src))
		if url, ok := document.AutoLinkTarget(n, w.src); ok {
			w.link(url, func(lf runFmt) { w.text(label, lf) }, f)
			return
		}
		w.text(label, f)
	case *document.Gap:
		w.text(placeholder.Text(n.What), runFmt{style: styleGap})
	case *ast.Image:
		w.text(document.Text(n, w.src), f) // its alt text: the report has no images
	case *ast.RawHTML:
		// dropped, as in HTML and PDF
	case *east.FootnoteLink:
		w.footnoteRef(n.Index)
	case *east.FootnoteBacklink:
		// Word's footnotes have their own way back
	default:
		w.inlines(n, f)
	}
}

// link writes a hyperlink around what content writes: to a bookmark in
// the document for "#id" (a table row or a heading), else to the address.
// A link to an anchor the document does not have, or a link in a link,
// keeps its text only, as in the PDF.
func (w *writer) link(url string, content func(runFmt), f runFmt) {
	lf := f
	if lf.style == "" {
		lf.style = styleLink
	}
	var open string
	if id, local := strings.CutPrefix(url, "#"); local {
		name, ok := w.bookmarks[id]
		if !ok || w.inLink {
			content(f)
			return
		}
		open = `<w:hyperlink w:anchor="` + name + `" w:history="1">`
	} else {
		if w.inLink {
			content(f)
			return
		}
		open = `<w:hyperlink r:id="` + w.linkRel(url) + `" w:history="1">`
	}
	w.flush()
	w.out.WriteString(open)
	w.inLink = true
	content(lf)
	w.flush()
	w.inLink = false
	w.out.WriteString("</w:hyperlink>")
}

// linkRel returns the relationship id of an external address, adding it
// on first use.
func (w *writer) linkRel(url string) string {
	i, ok := w.rels.ids[url]
	if !ok {
		i = len(w.rels.links)
		w.rels.links = append(w.rels.links, url)
		w.rels.ids[url] = i
	}
	return relLink(i)
}

// footnoteRef writes a reference to footnote n. Its first reference from
// the text is the note's own mark, which Word numbers and places the note
// by; a later one, or one from inside a footnote, is the note's number in
// the footnote reference style.
func (w *writer) footnoteRef(n int) {
	if _, ok := w.notes[n]; ok && w.noteRefs[n] == 0 && w.out == w.body {
		w.noteRefs[n]++
		w.noteOrder = append(w.noteOrder, n)
		w.mark(runFmt{style: styleNoteRef}, `<w:footnoteReference w:id="`+itoa(n)+`"/>`)
		return
	}
	w.text(strconv.Itoa(n), runFmt{style: styleNoteRef})
	w.flush()
}

// bookmarkName makes a Word bookmark name of an anchor id: letters,
// digits and underscores, a letter first, at most 40 characters, not one
// of used (to which it is added).
func bookmarkName(id string, used map[string]bool) string {
	var name []rune
	for _, r := range id {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			name = append(name, r)
		} else {
			name = append(name, '_')
		}
	}
	if len(name) == 0 || !unicode.IsLetter(name[0]) {
		name = append([]rune("a_"), name...)
	}
	base := string(name[:min(len(name), 40)])
	out := base
	for i := 2; used[out]; i++ {
		suffix := "_" + strconv.Itoa(i)
		out = string(name[:min(len(name), 40-len(suffix))]) + suffix
	}
	used[out] = true
	return out
}
