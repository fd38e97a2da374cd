package report_test

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"unireport/internal/edition"
	"unireport/internal/layout"
	"unireport/internal/report"
	"unireport/internal/testkit/seedtext"
	"unireport/internal/testkit/testtool"
)

// These tests look at the PDF's typesetting as poppler reads it back: that
// line breaking never cuts a word without a hyphen, that the ticks of a wide
// participation table sit under their meetings, and that justified lines
// are not stretched into wide gaps.

// wideEdition is a made-up edition whose participation table has 12
// meeting columns, so narrow that the labels ("Intersessional meetings",
// "14MSP", "4th RevCon") and some States' names must be broken.
const wideEdition = "../../testdata/editions/wide-2019"

// hyphens are the characters a word broken at the end of a line may end
// with: a hyphen, a soft hyphen, the Unicode hyphen.
const hyphens = "-\u00AD\u2010"

// TestWideTableNoBrokenWord sets the wide fixture and checks (a) that every
// word of the PDF is a word of the HTML, once a hyphenated fragment at the
// end of a line is joined with its continuation, and (b) that every tick of
// the participation table is under its meeting's label, as many per State
// as the data records.
func TestWideTableNoBrokenWord(t *testing.T) {
	testtool.Need(t, "pdftotext", "poppler-utils")
	r, diags := report.Prepare(wideEdition, templates)
	if diags.HasErrors() {
		t.Fatalf("%s has errors:\n%v", wideEdition, diags.Err())
	}
	b, err := r.HTML(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	vocab := htmlWords(t, b)
	path, _ := writePDF(t, r, report.Draft{})
	pages := readWords(t, path)

	t.Run("words", func(t *testing.T) {
		bad := unknownWords(pages, vocab, layout.A4())
		if len(bad) == 0 {
			return
		}
		count := map[string]int{}
		var distinct, lines []string
		for _, w := range bad {
			if count[w.Word] == 0 {
				distinct = append(distinct, w.Word)
			}
			count[w.Word]++
			lines = append(lines, "  "+w.String())
		}
		for i, d := range distinct {
			distinct[i] = fmt.Sprintf("%q ×%d", d, count[d])
		}
		t.Errorf("%d words of the PDF are not words of the HTML (a word broken across lines without a hyphen?): %s\n%s",
			len(bad), strings.Join(distinct, ", "), strings.Join(lines, "\n"))
	})

	t.Run("ticks", func(t *testing.T) {
		problems, ticks := tickColumns(r.Edition, pages)
		for _, p := range problems {
			t.Error(p)
		}
		if len(problems) == 0 {
			t.Logf("%d ticks in %d rows, each under its meeting's label", ticks, len(r.Edition.Participants()))
		}
	})
}

// htmlWords returns the words (as seedtext.Words splits them) of the HTML's
// visible text: the text of its body, outside <style> and <script>, with a
// space at every tag as plainText puts one. (plainText itself keeps the
// <title> and the stylesheet, whose words are not the report's.)
func htmlWords(t *testing.T, b []byte) map[string]bool {
	t.Helper()
	body := find(parseHTML(t, b), func(n *html.Node) bool { return n.Data == "body" })
	if body == nil {
		t.Fatal("the HTML has no <body>")
	}
	var text strings.Builder
	walk(body, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script"):
			return false
		case n.Type == html.TextNode:
			text.WriteString(n.Data)
		}
		text.WriteByte(' ')
		return true
	})
	words := map[string]bool{}
	for _, w := range seedtext.Words(text.String()) {
		words[w] = true
	}
	return words
}

// strangeWord is a word of the PDF that is not a word of the HTML.
type strangeWord struct {
	Word       string  // the word, as seedtext.Words splits the PDF word
	Page       int     // from 1
	Box        pdfWord // the PDF word it is in
	Prev, Next string  // the PDF words drawn before and after it
}

func (w strangeWord) String() string {
	return fmt.Sprintf("page %d at x=%.1f, y=%.1f: %q (PDF word %q, between %q and %q)",
		w.Page, w.Box.X0, w.Box.Y0, w.Word, w.Box.Text, w.Prev, w.Next)
}

// unknownWords returns the words of the pages that are not in vocab, in
// drawing order. Words are compared as seedtext.Words splits them, runs of
// letters and digits, so that punctuation (straight or curly quotes) does
// not count. The page numbers in the bottom margin are page furniture,
// which the HTML does not have, and are not looked at.
//
// A word broken at the end of a line is first put back together: a word
// that ends in a hyphen (or a soft hyphen) is joined with its continuation,
// and the pieces pass when they make words of vocab ("Interses-" + "sional",
// or over three lines "In-" + "terses-" + "sional"). The continuation is
// the next word drawn (the layout draws a paragraph or a cell line by line,
// before anything else) when it is set on the next line and starts left of
// the fragment's end. Pieces that make no word of vocab are looked at
// alone, which lets a line broken after a word's own hyphen pass ("anti-" +
// "personnel"). (dehyphenate, for the 2017 comparison, joins soft-hyphen
// breaks alone, and keeps only the first piece's box, which would hide
// where the other pieces are.)
func unknownWords(pages []pdfPage, vocab map[string]bool, g layout.Geometry) []strangeWord {
	known := func(s string) bool {
		for _, w := range seedtext.Words(s) {
			if !vocab[w] {
				return false
			}
		}
		return true
	}
	var out []strangeWord
	for p, page := range pages {
		var ws []pdfWord
		for _, w := range page.Words {
			if (w.Y0+w.Y1)/2 <= g.PageHeight-g.MarginBottom {
				ws = append(ws, w)
			}
		}
		text := func(i int) string {
			if i < 0 || i >= len(ws) {
				return ""
			}
			return ws[i].Text
		}
		for i := 0; i < len(ws); i++ {
			joined, j := joinBroken(ws, i, hyphens, continues)
			if j > i && known(joined) {
				i = j
				continue
			}
			for _, w := range seedtext.Words(ws[i].Text) {
				if !vocab[w] {
					out = append(out, strangeWord{w, p + 1, ws[i], text(i - 1), text(i + 1)})
				}
			}
		}
	}
	return out
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// continues reports whether b, drawn right after a, is set on the line
// after a's and starts left of a's end: the next line of the same
// paragraph or cell.
func continues(a, b pdfWord) bool {
	h := a.height()
	return b.Y0 > a.Y0+h/2 && b.Y0 < a.Y1+h && b.X0 < a.X1
}

// squash is a label or name as its letters run through the words it is
// set in, whether broken with a hyphen or not.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(hyphens, r) || r == ' ' {
			return -1
		}
		return r
	}, s)
}

// matchAt reports whether the words from ws[i] spell want (squashed) and
// returns the index after the last of them.
func matchAt(ws []pdfWord, i int, want string) (int, bool) {
	want = squash(want)
	got := ""
	for j := i; j < len(ws); j++ {
		got += squash(ws[j].Text)
		if got == want {
			return j + 1, true
		}
		if !strings.HasPrefix(want, got) {
			break
		}
	}
	return 0, false
}

// span is a horizontal range on the page.
type span struct{ Lo, Hi float64 }

func (s span) has(x float64) bool { return s.Lo <= x && x <= s.Hi }

// tickColumns checks the participation table's ticks against the
// edition's data. On each page the table is on, the meetings' columns are
// the horizontal ranges of their labels in the header (found by their
// letters, since a label may be broken into pieces), and the rows begin at
// the States' names (found the same way, left of the first column). Each
// tick belongs to the row whose name is the nearest above its centre, and
// to the column whose label's range holds its centre; each State must have
// a tick under each meeting it attended, and no other. It returns the
// problems and the number of ticks found.
func tickColumns(e *edition.Edition, pages []pdfPage) ([]string, int) {
	var problems []string
	type row struct {
		State *edition.State
		Top   float64
	}
	cols := map[int][]span{} // page index → the columns, in meeting order
	rows := map[int][]row{}  // page index → the rows begun on it
	bottom := map[int]float64{}
	participants := e.Participants()
	next := 0 // the next State to find
	for p, page := range pages {
		ws := page.Words
		for i := range ws {
			k, c, ok := i, []span{}, true
			for _, m := range e.Meetings {
				end, found := matchAt(ws, k, m.Label)
				if !found {
					ok = false
					break
				}
				s := span{math.Inf(1), math.Inf(-1)}
				for _, w := range ws[k:end] {
					s = span{min(s.Lo, w.X0), max(s.Hi, w.X1)}
					bottom[p] = max(bottom[p], w.Y1)
				}
				c, k = append(c, s), end
			}
			if ok {
				cols[p] = c
				break
			}
		}
		if cols[p] == nil {
			continue
		}
		for i := range ws {
			if next == len(participants) {
				break
			}
			s := participants[next]
			if ws[i].Y0 < bottom[p] || ws[i].X1 > cols[p][0].Lo {
				continue
			}
			if _, ok := matchAt(ws, i, s.ParticipationName()); ok {
				rows[p] = append(rows[p], row{s, ws[i].Y0})
				next++
			}
		}
	}
	if len(cols) == 0 {
		return []string{fmt.Sprintf("the participation table's header (the labels %q in order) is not found in the PDF", labels(e))}, 0
	}
	for _, s := range participants[next:] {
		problems = append(problems, fmt.Sprintf("participation table: no row for %s (%q) found after the rows before it", s.Name, s.ParticipationName()))
	}

	got := map[*edition.State][]int{}
	ticks := 0
	for p, page := range pages {
		for _, w := range page.Words {
			if w.Text != "√" {
				continue
			}
			ticks++
			x, y := w.centreX(), (w.Y0+w.Y1)/2
			at := fmt.Sprintf("page %d, x=%.1f, y=%.1f", p+1, x, y)
			if cols[p] == nil || y < bottom[p] {
				problems = append(problems, fmt.Sprintf("a tick at %s is not under the participation table's header", at))
				continue
			}
			var r *row
			for i := range rows[p] {
				if rows[p][i].Top <= y {
					r = &rows[p][i]
				}
			}
			if r == nil {
				problems = append(problems, fmt.Sprintf("a tick at %s is in no State's row", at))
				continue
			}
			c := slices.IndexFunc(cols[p], func(s span) bool { return s.has(x) })
			if c < 0 {
				problems = append(problems, fmt.Sprintf("participation table, %s: the tick at %s is under no meeting's label (labels at x %s)", r.State.Name, at, spans(cols[p])))
				continue
			}
			got[r.State] = append(got[r.State], c)
		}
	}
	for _, s := range participants {
		var want []int
		for c, m := range e.Meetings {
			if m.AttendedBy(s) {
				want = append(want, c)
			}
		}
		if !slices.Equal(got[s], want) {
			problems = append(problems, fmt.Sprintf("participation table, %s: %d ticks under %s, want %d under %s",
				s.Name, len(got[s]), columnNames(e, got[s]), len(want), columnNames(e, want)))
		}
	}
	if ticks != e.Ticks() {
		problems = append(problems, fmt.Sprintf("the PDF has %d ticks, the data %d attendances", ticks, e.Ticks()))
	}
	return problems, ticks
}

func labels(e *edition.Edition) []string {
	var out []string
	for _, m := range e.Meetings {
		out = append(out, m.Label)
	}
	return out
}

func columnNames(e *edition.Edition, cs []int) string {
	var out []string
	for _, c := range cs {
		m := e.Meetings[c]
		out = append(out, fmt.Sprintf("%s %d", m.Label, m.Year))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func spans(ss []span) string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%.1f-%.1f", s.Lo, s.Hi))
	}
	return strings.Join(out, " ")
}

// pdfLine is a line as `pdftotext -bbox-layout` groups words, with its box.
type pdfLine struct {
	Page  int // from 1
	Box   pdfWord
	Words []pdfWord
}

// readLines returns the lines of every page of the PDF at path, as
// `pdftotext -bbox-layout` finds them.
func readLines(t *testing.T, path string) []pdfLine {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")))
	if err != nil {
		t.Fatal(err)
	}
	box := func(n *html.Node) pdfWord {
		var f [4]float64
		for i, key := range []string{"xmin", "ymin", "xmax", "ymax"} {
			v, _ := attrOf(n, key)
			if f[i], err = strconv.ParseFloat(v, 64); err != nil {
				t.Fatalf("pdftotext -bbox-layout: %s=%q is not a number", key, v)
			}
		}
		var text strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				text.WriteString(c.Data)
			}
		}
		return pdfWord{strings.TrimSpace(text.String()), f[0], f[1], f[2], f[3]}
	}
	var out []pdfLine
	for p, page := range elements(doc, "page") {
		for _, l := range elements(page, "line") {
			line := pdfLine{Page: p + 1, Box: box(l)}
			for _, w := range elements(l, "word") {
				line.Words = append(line.Words, box(w))
			}
			out = append(out, line)
		}
	}
	return out
}

// spacing is a body line's mean gap between words over its height.
type spacing struct {
	Ratio float64
	Line  pdfLine
}

func (s spacing) String() string {
	var ws []string
	for _, w := range s.Line.Words {
		ws = append(ws, w.Text)
	}
	return fmt.Sprintf("%.3f (page %d, y=%.1f): %s", s.Ratio, s.Line.Page, s.Line.Box.Y0, strings.Join(ws, " "))
}

// bodySpacing measures the body lines of lines: the lines of paragraphs
// and footnotes. A footnote reference (a superscript number) is part of the
// word it follows, not a word of its own. A body line has five words or
// more, starts at the left margin (or, in a footnote, at the footnote
// indent) and its words span more than 70% of the content width. That
// leaves out the tables: their cells start a cell padding in from the
// margin, and pdftotext may join the lines of cells side by side into one
// line spanning most of the width (a line of a quotation in the table of
// positions with its row's last participation), whose gaps would read as
// huge; it leaves out the title block and the captions, which are centred,
// and the last line of a paragraph unless it is nearly full. The ratio is
// the mean gap between consecutive words divided by the line's height
// (yMax-yMin of pdftotext's line box).
func bodySpacing(lines []pdfLine, g layout.Geometry) []spacing {
	const slack = 1.0 // pt
	width := g.PageWidth - g.MarginLeft - g.MarginRight
	var out []spacing
	for _, l := range lines {
		var ws []pdfWord
		for i, w := range l.Words {
			if isSuperscript(l.Words, i) {
				if len(ws) > 0 {
					ws[len(ws)-1].X1 = w.X1
				}
				continue
			}
			ws = append(ws, w)
		}
		atMargin := math.Abs(l.Box.X0-g.MarginLeft) <= slack || math.Abs(l.Box.X0-g.MarginLeft-g.FootnoteIndent) <= slack
		if len(ws) < 5 || !atMargin || ws[len(ws)-1].X1-ws[0].X0 <= 0.7*width {
			continue
		}
		gaps := 0.0
		for i := 1; i < len(ws); i++ {
			gaps += ws[i].X0 - ws[i-1].X1
		}
		out = append(out, spacing{gaps / float64(len(ws)-1) / l.Box.height(), l})
	}
	return out
}

// TestJustifiedSpacing measures the gaps between words in the body lines
// of the 2017 PDF (see bodySpacing for which lines): relative to the line
// height, 95% of the lines have a mean gap of at most 0.33, and none more
// than 0.45, the point where a justified line reads as full of holes.
func TestJustifiedSpacing(t *testing.T) {
	testtool.Need(t, "pdftotext", "poppler-utils")
	const p95Max, lineMax = 0.33, 0.45
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})
	ss := bodySpacing(readLines(t, path), layout.A4())
	if len(ss) < 20 {
		t.Fatalf("only %d body lines found in %s: is the rule that finds them still right?", len(ss), filepath.Base(path))
	}
	slices.SortStableFunc(ss, func(a, b spacing) int { return cmp.Compare(b.Ratio, a.Ratio) })
	mean := 0.0
	for _, s := range ss {
		mean += s.Ratio
	}
	mean /= float64(len(ss))
	// nearest rank: the smallest ratio that at least 95% of the lines are at or below
	p95 := ss[len(ss)-int(math.Ceil(0.95*float64(len(ss))))].Ratio
	worst := make([]string, min(3, len(ss)))
	for i := range worst {
		worst[i] = "  " + ss[i].String()
	}
	t.Logf("%d body lines: mean gap/line height %.3f, p95 %.3f, max %.3f; the worst:\n%s",
		len(ss), mean, p95, ss[0].Ratio, strings.Join(worst, "\n"))
	if p95 > p95Max {
		t.Errorf("the 95th percentile of gap/line height is %.3f, want at most %.2f", p95, p95Max)
	}
	var over []string
	for _, s := range ss {
		if s.Ratio > lineMax {
			over = append(over, "  "+s.String())
		}
	}
	if len(over) > 0 {
		t.Errorf("%d lines have a mean gap over %.2f of their height:\n%s", len(over), lineMax, strings.Join(over, "\n"))
	}
}
