package report_test

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"unireport/internal/layout"
	"unireport/internal/report"
	"unireport/internal/testkit/seedtext"
	"unireport/internal/testkit/testtool"
)

// These tests read the 2017 PDF back with poppler's tools and compare what
// a reader gets from it with the official text of the 2017 report.
//
// The words come from `pdftotext -raw -bbox`: every word with its box, in
// the order the page's content stream draws them, which is the layout's
// reading order (cell by cell within a row, column by column). From each
// page the reader's text is recovered as a reader sees it:
//
//   - the page number in the bottom margin is page furniture, checked and
//     set aside;
//   - superscript numbers are footnote references (in the body) or footnote
//     numbers (at the foot of the page, at the left edge of the text);
//     footnotes are compared with the official footnotes, and each must be
//     at the foot of the page that first refers to it;
//   - a table header repeated at the top of a page counts once, as in the
//     official text;
//   - a row of the table of positions split across a page break reads, in
//     drawing order, "name, first part of the middle cell, last cell,
//     [repeated header], rest of the middle cell": the parts of each column
//     are put back together, using the boxes to tell the last column from
//     the others (its words lie to the right of every other word of the
//     row's part on that page) and the official last cell to know its words.

// needPoppler skips the test where poppler-utils are missing, and fails it
// under CI, where .ci/run installs them.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts"} {
		testtool.Need(t, tool, "poppler-utils")
	}
}

// writePDF builds the report's PDF into a temp folder and returns its path.
func writePDF(t *testing.T, r *report.Report, d report.Draft) (string, []byte) {
	t.Helper()
	b, err := r.PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), r.BaseName(report.Draft{})+".pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, b
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// pdfWord is a word as pdftotext reports it, with its box in points (y
// grows downwards).
type pdfWord struct {
	Text           string
	X0, Y0, X1, Y1 float64
}

func (w pdfWord) height() float64  { return w.Y1 - w.Y0 }
func (w pdfWord) centreX() float64 { return (w.X0 + w.X1) / 2 }

type pdfPage struct {
	Width, Height float64
	Words         []pdfWord
}

// readWords returns the words of every page of the PDF at path in drawing
// order, with their boxes.
func readWords(t *testing.T, path string) []pdfPage {
	t.Helper()
	// The HTML parser lower-cases the attribute names (xMin → xmin).
	doc, err := html.Parse(strings.NewReader(run(t, "pdftotext", "-raw", "-bbox", "-enc", "UTF-8", path, "-")))
	if err != nil {
		t.Fatal(err)
	}
	num := func(n *html.Node, key string) float64 {
		v, _ := attrOf(n, key)
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("pdftotext -bbox: %s=%q is not a number", key, v)
		}
		return f
	}
	var pages []pdfPage
	for _, p := range elements(doc, "page") {
		page := pdfPage{Width: num(p, "width"), Height: num(p, "height")}
		for _, w := range elements(p, "word") {
			var text strings.Builder
			for c := w.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			page.Words = append(page.Words, pdfWord{text.String(), num(w, "xmin"), num(w, "ymin"), num(w, "xmax"), num(w, "ymax")})
		}
		pages = append(pages, page)
	}
	return pages
}

// token is one word of the text (as seedtext.Words splits it) with the box
// of the PDF word it comes from.
type token struct {
	Text string
	Box  pdfWord
}

func tokensOf(words []pdfWord) []token {
	var out []token
	for _, w := range words {
		for _, s := range seedtext.Words(w.Text) {
			out = append(out, token{s, w})
		}
	}
	return out
}

func texts(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// readPage is one page as a reader takes it in.
type readPage struct {
	Number int
	Body   []pdfWord // the text of the page, without furniture, footnotes and references
	Refs   []int     // footnote numbers referenced in the body, in order
	Notes  []note    // footnotes at the foot of the page, in order
	Folio  []string  // the words of the bottom margin
}

type note struct {
	Number int
	Words  []string
}

// isSuperscript reports whether word i of ws is a superscript number: digits
// set clearly smaller than the words next to it.
func isSuperscript(ws []pdfWord, i int) bool {
	if !digits.MatchString(ws[i].Text) {
		return false
	}
	near := 0.0
	if i > 0 {
		near = ws[i-1].height()
	}
	if i+1 < len(ws) {
		near = max(near, ws[i+1].height())
	}
	return ws[i].height() < 0.8*near
}

// readPages splits each page into its body, footnote references, footnotes
// and furniture, and reports words outside the content area (other than the
// furniture in the bottom margin) as problems.
func readPages(pages []pdfPage, g layout.Geometry) ([]readPage, []string) {
	const slack = 0.5 // pt: rounding in pdftotext's boxes
	var out []readPage
	var problems []string
	left, right := g.MarginLeft, g.PageWidth-g.MarginRight
	top, bottom := g.MarginTop, g.PageHeight-g.MarginBottom
	for i, p := range pages {
		rp := readPage{Number: i + 1}
		if math.Abs(p.Width-g.PageWidth) > slack || math.Abs(p.Height-g.PageHeight) > slack {
			problems = append(problems, fmt.Sprintf("page %d is %.2f x %.2f pt, not A4", i+1, p.Width, p.Height))
		}
		var ws []pdfWord
		for _, w := range p.Words {
			if (w.Y0+w.Y1)/2 > bottom {
				rp.Folio = append(rp.Folio, w.Text)
				continue
			}
			if w.X0 < left-slack || w.X1 > right+slack || w.Y0 < top-slack || w.Y1 > bottom+slack {
				problems = append(problems, fmt.Sprintf("page %d: %q at (%.1f, %.1f)-(%.1f, %.1f) runs outside the text area", i+1, w.Text, w.X0, w.Y0, w.X1, w.Y1))
			}
			ws = append(ws, w)
		}
		// The footnotes begin at the first superscript number at the text's
		// left edge: a reference always follows a word, a footnote's number
		// starts a line.
		foot := len(ws)
		for j := range ws {
			if isSuperscript(ws, j) && ws[j].X0 < left+slack {
				foot = j
				break
			}
		}
		for j, w := range ws[:foot] {
			if isSuperscript(ws, j) {
				n, _ := strconv.Atoi(w.Text)
				rp.Refs = append(rp.Refs, n)
				continue
			}
			rp.Body = append(rp.Body, w)
		}
		for j := foot; j < len(ws); j++ {
			if isSuperscript(ws, j) && ws[j].X0 < left+slack {
				n, _ := strconv.Atoi(ws[j].Text)
				rp.Notes = append(rp.Notes, note{Number: n})
				continue
			}
			k := len(rp.Notes) - 1
			rp.Notes[k].Words = append(rp.Notes[k].Words, seedtext.Words(ws[j].Text)...)
		}
		out = append(out, rp)
	}
	return out, problems
}

// dehyphenate undoes the PDF's hyphenation, as text extraction and screen
// readers do: a line broken at a hyphenation point ends with a soft hyphen
// (U+00AD), and the word is joined with the first word of the next line
// without it, over as many lines as it was broken. The joined word keeps
// the first part's box.
func dehyphenate(ws []pdfWord) []pdfWord {
	out := make([]pdfWord, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		w.Text, i = joinBroken(ws, i, "\u00AD", func(a, b pdfWord) bool { return true })
		out = append(out, w)
	}
	return out
}

// joinBroken puts back together the word broken over lines that starts at
// ws[i]: while the text so far ends in one of the characters of cut and
// continues says the next word carries it on, the cut character goes and
// the next word is joined. It returns the word and the index of its last
// piece (i when it was not broken).
func joinBroken(ws []pdfWord, i int, cut string, continues func(a, b pdfWord) bool) (string, int) {
	joined, j := ws[i].Text, i
	for j+1 < len(ws) && strings.ContainsAny(lastRune(joined), cut) && continues(ws[j], ws[j+1]) {
		joined = strings.TrimRight(joined, cut) + ws[j+1].Text
		j++
	}
	return joined, j
}

// tableHeaders are the header rows of the tables that the official text
// prints once and the PDF repeats on every page a table continues on, as
// words: the participation table's and the table of positions'.
func tableHeaders(s *seedtext.Seed) map[string][]string {
	return map[string][]string{
		"participation": wordsOf(participationText(s.Participation)[:1+len(dedup(s.Participation.Years))+len(s.Participation.Labels)]),
		"positions":     wordsOf(s.Positions.Header),
	}
}

func dedup(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func hasPrefix(ts []token, words []string) bool {
	return len(ts) >= len(words) && slices.Equal(texts(ts[:len(words)]), words)
}

func contains(ts []token, words []string) bool {
	for i := range ts {
		if hasPrefix(ts[i:], words) {
			return true
		}
	}
	return false
}

func hasSuffix(ts []token, words []string) bool {
	return len(ts) >= len(words) && slices.Equal(texts(ts[len(ts)-len(words):]), words)
}

// readText joins the pages' bodies into the reader's text: a table header
// repeated at the top of a page is dropped (each table's first header
// stays), and the rows of the table of positions that a page break split
// are put back together. It also reports a header or caption left alone at
// the foot of a page, and a header repeated anywhere but at a page's top.
func readText(s *seedtext.Seed, pages []readPage) (flat []token, joined, problems []string) {
	headers := tableHeaders(s)
	var breaks []int // where a repeated header of the table of positions was dropped
	for _, p := range pages {
		ts := tokensOf(p.Body)
		for _, name := range []string{"participation", "positions"} {
			if h := headers[name]; hasPrefix(ts, h) && contains(flat, h) {
				ts = ts[len(h):]
				if name == "positions" {
					breaks = append(breaks, len(flat))
				}
			}
		}
		for name, h := range headers {
			if len(ts) > len(h) && hasSuffix(ts, h) {
				problems = append(problems, fmt.Sprintf("page %d: the %s table's header stands alone at the foot of the page", p.Number, name))
			}
		}
		for _, c := range []string{s.Vote.Caption, s.Participation.Caption} {
			if hasSuffix(ts, seedtext.Words(c)) {
				problems = append(problems, fmt.Sprintf("page %d: the caption %q is separated from its table", p.Number, c))
			}
		}
		flat = append(flat, ts...)
	}
	// Each header once: any other occurrence is a header repeated in the
	// middle of a page.
	for name, h := range headers {
		n := 0
		for i := range flat {
			if hasPrefix(flat[i:], h) {
				n++
			}
		}
		if n != 1 {
			problems = append(problems, fmt.Sprintf("the %s table's header appears %d times in the text once repeated headers at the tops of pages are dropped, want 1", name, n))
		}
	}
	start := -1
	for i := range flat {
		if hasPrefix(flat[i:], headers["positions"]) {
			start = i + len(headers["positions"])
			break
		}
	}
	if start < 0 {
		return flat, nil, append(problems, "the table of positions' header is missing")
	}
	flat, joined, rp := joinSplitRows(flat, breaks, s.Positions.Rows, start)
	if len(breaks) > 0 && len(joined) == 0 && len(rp) == 0 {
		problems = append(problems, fmt.Sprintf("the table of positions continues on %d pages, but no row was found split", len(breaks)))
	}
	return flat, joined, append(problems, rp...)
}

// joinSplitRows puts the rows of the table of positions that a page break
// split back together. From start, each row is as many words as the
// official row has (name, middle cell, last cell). A row with page breaks
// inside is in parts, one per page; each part ends with the piece of the
// last cell set on that page, whose words lie to the right of all the
// part's other words. The row becomes: the parts without those pieces, then
// the last cell whole.
// It also returns the names of the rows it joined.
func joinSplitRows(flat []token, breaks []int, rows []seedtext.PositionRow, start int) ([]token, []string, []string) {
	var problems, names []string
	out := slices.Clone(flat[:start])
	pos := start
	for _, r := range rows {
		last := seedtext.Words(r.LastParticipation)
		n := len(seedtext.Words(r.State)) + len(wordsOf(r.Paragraphs)) + len(last)
		if pos+n > len(flat) {
			break
		}
		seg := flat[pos : pos+n]
		var parts [][]token
		from := pos
		for _, b := range breaks {
			if b > pos && b < pos+n {
				parts = append(parts, flat[from:b])
				from = b
			}
		}
		if parts == nil {
			out = append(out, seg...)
			pos += n
			continue
		}
		parts = append(parts, flat[from:pos+n])
		joined, ok := rejoin(parts, last)
		if !ok {
			problems = append(problems, fmt.Sprintf("the row of %s, split over %d pages, does not end each part with a piece of its last cell %q set to the right of the rest", r.State, len(parts), r.LastParticipation))
			joined = seg
		} else {
			names = append(names, r.State)
		}
		out = append(out, joined...)
		pos += n
	}
	return append(out, flat[pos:]...), names, problems
}

// rejoin finds how the last cell's words are shared among the parts (each
// part ends with its piece, set right of the part's other words) and
// returns the parts without their pieces followed by the pieces.
func rejoin(parts [][]token, last []string) ([]token, bool) {
	var try func(k, from int, cuts []int) []int
	try = func(k, from int, cuts []int) []int {
		if k == len(parts) {
			if from == len(last) {
				return cuts
			}
			return nil
		}
		for to := len(last); to >= from; to-- {
			if k == len(parts)-1 && to != len(last) {
				break
			}
			piece := last[from:to]
			p := parts[k]
			if !hasSuffix(p, piece) || !rightOfRest(p, len(piece)) {
				continue
			}
			if c := try(k+1, to, append(cuts, to)); c != nil {
				return c
			}
		}
		return nil
	}
	cuts := try(0, 0, nil)
	if cuts == nil {
		return nil, false
	}
	var out, tail []token
	for k, p := range parts {
		from := 0
		if k > 0 {
			from = cuts[k-1]
		}
		size := cuts[k] - from
		out = append(out, p[:len(p)-size]...)
		tail = append(tail, p[len(p)-size:]...)
	}
	return append(out, tail...), true
}

// rightOfRest reports whether the last n tokens of p lie to the right of all
// the others.
func rightOfRest(p []token, n int) bool {
	if n == 0 {
		return true
	}
	lo := math.Inf(1)
	for _, t := range p[len(p)-n:] {
		lo = min(lo, t.Box.X0)
	}
	for _, t := range p[:len(p)-n] {
		if t.Box.X1 > lo {
			return false
		}
	}
	return true
}

// tickProblems checks the participation table's ticks cell by cell: each
// tick is centred under a meeting's heading (within a point), and each row
// has its ticks under the meetings the official table ticks.
func tickProblems(s *seedtext.Seed, pages []readPage) []string {
	var ws []pdfWord
	for _, p := range pages {
		ws = append(ws, p.Body...)
	}
	ts := tokensOf(ws)
	head := tableHeaders(s)["participation"]
	at := -1
	for i := range ts {
		if hasPrefix(ts[i:], head) {
			at = i
			break
		}
	}
	if at < 0 {
		return []string{"the participation table's header is missing"}
	}
	// The centre of each meeting's heading: its lines are centred in the
	// column, so the middle of all its words is the column's middle.
	var centres []float64
	k := at + len(head) - len(wordsOf(s.Participation.Labels))
	for _, l := range s.Participation.Labels {
		lo, hi := math.Inf(1), math.Inf(-1)
		for range seedtext.Words(l) {
			lo, hi = min(lo, ts[k].Box.X0), max(hi, ts[k].Box.X1)
			k++
		}
		centres = append(centres, (lo+hi)/2)
	}
	// The words from the header on, with the ticks (which have no
	// letters or digits) kept as they are.
	first := ts[at].Box
	i := slices.IndexFunc(ws, func(w pdfWord) bool { return w == first })
	ws = ws[i:]
	var problems []string
	j := 0
	for r, row := range s.Participation.Rows {
		name := seedtext.Words(row.State)
		// find the row's name
		for j < len(ws) && !hasPrefix(tokensOf(ws[j:min(j+len(name), len(ws))]), name) {
			j++
		}
		if j == len(ws) {
			problems = append(problems, fmt.Sprintf("participation table: no row for %s", row.State))
			break
		}
		j += len(name)
		got := make([]bool, len(centres))
		for ; j < len(ws) && (ws[j].Text == "√" || r+1 < len(s.Participation.Rows) && !startsRow(ws[j:], s.Participation.Rows[r+1].State)); j++ {
			if ws[j].Text != "√" {
				continue
			}
			c := slices.IndexFunc(centres, func(x float64) bool { return math.Abs(x-ws[j].centreX()) < 1 })
			if c < 0 {
				problems = append(problems, fmt.Sprintf("participation table, %s: a tick at x=%.1f is not centred under any meeting", row.State, ws[j].centreX()))
				continue
			}
			got[c] = true
		}
		if !slices.Equal(got, row.Attended) {
			problems = append(problems, fmt.Sprintf("participation table, %s: ticks %v, official %v", row.State, got, row.Attended))
		}
	}
	return problems
}

func startsRow(ws []pdfWord, state string) bool {
	name := seedtext.Words(state)
	return hasPrefix(tokensOf(ws[:min(len(name), len(ws))]), name)
}

// pdfDiffs compares what a reader gets from the PDF pages with the
// official text: the words in order, the footnotes and where they are set,
// the page numbers, the ticks; it returns one message per difference and
// what was compared.
func pdfDiffs(t *testing.T, seed *seedtext.Seed, raw string, pages []pdfPage) ([]string, string) {
	t.Helper()
	read, diffs := readPages(pages, layout.A4())
	for i := range read {
		read[i].Body = dehyphenate(read[i].Body)
	}

	for _, p := range read {
		if want := []string{strconv.Itoa(p.Number)}; !slices.Equal(p.Folio, want) {
			diffs = append(diffs, fmt.Sprintf("page %d: the bottom margin holds %q, want the page number only", p.Number, p.Folio))
		}
	}

	flat, joined, problems := readText(seed, read)
	diffs = append(diffs, problems...)
	got := texts(flat)
	want := wordsOf(seedDocument(t, seed, raw))
	if i := seedtext.FirstDifference(got, want); i >= 0 {
		diffs = append(diffs, fmt.Sprintf("the PDF's text differs from the official text at word %d (PDF: %d words, official: %d):\n  PDF:      %s\n  official: %s",
			i+1, len(got), len(want), around(got, i), around(want, i)))
	}

	// Footnotes: as the official ones, in order, each at the foot of the
	// page that first refers to it.
	var notes []note
	referenced := map[int]int{} // footnote → page of its first reference
	for _, p := range read {
		for _, n := range p.Refs {
			if _, ok := referenced[n]; !ok {
				referenced[n] = p.Number
			}
		}
		for _, n := range p.Notes {
			if referenced[n.Number] != p.Number {
				diffs = append(diffs, fmt.Sprintf("footnote %d is at the foot of page %d, but first referenced on page %d", n.Number, p.Number, referenced[n.Number]))
			}
			notes = append(notes, n)
		}
	}
	if len(notes) != len(seed.Footnotes) {
		diffs = append(diffs, fmt.Sprintf("the PDF has %d footnotes, the official text %d", len(notes), len(seed.Footnotes)))
	}
	for i := range min(len(notes), len(seed.Footnotes)) {
		w := seedtext.Words(seed.Footnotes[i])
		if notes[i].Number != i+1 {
			diffs = append(diffs, fmt.Sprintf("footnote %d is numbered %d", i+1, notes[i].Number))
		}
		if j := seedtext.FirstDifference(notes[i].Words, w); j >= 0 {
			diffs = append(diffs, fmt.Sprintf("footnote %d differs at word %d:\n  PDF:      %s\n  official: %s", i+1, j+1, around(notes[i].Words, j), around(w, j)))
		}
	}

	diffs = append(diffs, tickProblems(seed, read)...)
	return diffs, fmt.Sprintf("%d words (the rows of %s rejoined across page breaks), %d footnotes and %d ticks",
		len(want), strings.Join(joined, ", "), len(notes), seed.Participation.Ticks())
}

// TestPDFMatchesSeed reads the 2017 PDF back with pdftotext and compares it
// with the official text: the words in order (repeated header rows once,
// split rows whole), the footnotes where the official text has them, every
// tick in its cell, no replacement character, A4 pages and at most 12 of
// them, every font embedded.
func TestPDFMatchesSeed(t *testing.T) {
	needPoppler(t)
	seed, raw := loadSeed(t)
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})

	pages := readWords(t, path)
	diffs, what := pdfDiffs(t, seed, raw, pages)
	for _, d := range diffs {
		t.Error(d)
	}
	if len(diffs) == 0 {
		t.Logf("%s match the official text", what)
	}

	// The plain text, as a reader copying from the PDF gets it.
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if n := strings.Count(text, "√"); n != 56 || n != seed.Participation.Ticks() {
		t.Errorf("the PDF has %d ticks, the official table %d, want 56", n, seed.Participation.Ticks())
	}
	if i := strings.IndexRune(text, '\uFFFD'); i >= 0 {
		t.Errorf("the PDF's text has U+FFFD (a character that could not be mapped) at byte %d: %q", i, text[max(0, i-40):min(len(text), i+40)])
	}

	checkPagesAndFonts(t, path, 12)
}

// checkPagesAndFonts checks with pdfinfo that the PDF has at most maxPages
// pages, all A4 portrait, and with pdffonts that it has fonts and embeds
// every one of them.
func checkPagesAndFonts(t *testing.T, path string, maxPages int) {
	t.Helper()
	info := run(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo shows no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	if n > maxPages {
		t.Errorf("the PDF has %d pages, want at most %d", n, maxPages)
	}
	sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+(.*)$`).FindAllStringSubmatch(run(t, "pdfinfo", "-f", "1", "-l", m[1], path), -1)
	if len(sizes) != n {
		t.Errorf("pdfinfo lists %d page sizes for %d pages", len(sizes), n)
	}
	for i, s := range sizes {
		if !strings.Contains(s[1], "595.28 x 841.89 pts (A4)") {
			t.Errorf("page %d is %s, want A4 portrait", i+1, s[1])
		}
	}

	fonts := pdfFonts(t, path)
	if len(fonts) == 0 {
		t.Error("pdffonts lists no fonts")
	}
	for _, f := range fonts {
		if !f.Embedded {
			t.Errorf("font %s is not embedded", f.Name)
		}
	}
}

type pdfFont struct {
	Name     string
	Embedded bool
}

// pdfFonts lists the PDF's fonts as pdffonts reports them.
func pdfFonts(t *testing.T, path string) []pdfFont {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("pdffonts: unexpected output:\n%s", strings.Join(lines, "\n"))
	}
	// The columns are fixed-width; "emb" is the first of the yes/no
	// columns, found from the header line.
	col := strings.Index(lines[0], "emb")
	var out []pdfFont
	for _, l := range lines[2:] {
		if len(l) < col+3 {
			t.Fatalf("pdffonts: short line %q", l)
		}
		out = append(out, pdfFont{Name: strings.Fields(l)[0], Embedded: strings.TrimSpace(l[col:col+3]) == "yes"})
	}
	return out
}

// TestPDFComparisonSeesChanges makes sure the PDF comparison is not blind:
// each change to the words read from the 2017 PDF stands for a mistake the
// writer could make, and each must be reported.
func TestPDFComparisonSeesChanges(t *testing.T) {
	needPoppler(t)
	seed, raw := loadSeed(t)
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})
	pages := readWords(t, path)
	if diffs, _ := pdfDiffs(t, seed, raw, pages); len(diffs) > 0 {
		t.Fatalf("the unchanged PDF already differs: %v", diffs)
	}

	// find returns the index of the n-th word (from 0) with the text on
	// the page, failing the test if there is none.
	find := func(ps []pdfPage, page int, text string, n int) int {
		t.Helper()
		for i, w := range ps[page-1].Words {
			if w.Text == text {
				if n == 0 {
					return i
				}
				n--
			}
		}
		t.Fatalf("page %d has no word %q", page, text)
		return -1
	}
	// The continuation of Egypt's row begins page 4 ("since the 1980s");
	// its last cell ends page 3's part of the row.
	edits := []struct {
		name string
		edit func(ps []pdfPage)
	}{
		{"a word in the continuation of a split row", func(ps []pdfPage) {
			ps[3].Words[find(ps, 4, "demining", 0)].Text = "clearing"
		}},
		{"the continuation of a split row lost", func(ps []pdfPage) {
			i := find(ps, 4, "since", 0)
			ps[3].Words = slices.Delete(ps[3].Words, i, i+5)
		}},
		{"no header repeated on a continuation page", func(ps []pdfPage) {
			ps[3].Words = ps[3].Words[find(ps, 4, "since", 0):]
		}},
		{"the header repeated in the middle of a page", func(ps []pdfPage) {
			head := ps[3].Words[:find(ps, 4, "since", 0)]
			at := find(ps, 4, "Georgia", 0)
			ps[3].Words = slices.Insert(ps[3].Words, at, head...)
		}},
		{"a header alone at the foot of a page", func(ps []pdfPage) {
			head := ps[3].Words[:find(ps, 4, "since", 0)]
			ps[3].Words = ps[3].Words[len(head):]
			at := find(ps, 3, "1", 1) // the footnote's number
			ps[2].Words = slices.Insert(ps[2].Words, at, head...)
		}},
		{"the last cell of a split row drawn in the middle column", func(ps []pdfPage) {
			i := find(ps, 3, "Third", 0) // Egypt's ("(Third" is China's citation)
			ps[2].Words[i].X0, ps[2].Words[i].X1 = 160, 185
		}},
		{"a footnote reference set full size", func(ps []pdfPage) {
			i := find(ps, 3, "1", 0)
			ps[2].Words[i].Y0, ps[2].Words[i].Y1 = ps[2].Words[i-1].Y0, ps[2].Words[i-1].Y1
		}},
		{"a footnote on the wrong page", func(ps []pdfPage) {
			i := find(ps, 3, "1", 1)
			j := len(ps[2].Words) - 1 // the page number
			note := slices.Clone(ps[2].Words[i:j])
			ps[2].Words = slices.Delete(ps[2].Words, i, j)
			k := len(ps[3].Words) - 1
			ps[3].Words = slices.Insert(ps[3].Words, k, note...)
		}},
		{"a word in a footnote", func(ps []pdfPage) {
			ps[2].Words[find(ps, 3, "questionnaires", 0)].Text = "letters"
		}},
		{"a wrong page number", func(ps []pdfPage) {
			ps[4].Words[len(ps[4].Words)-1].Text = "6"
		}},
		{"a tick moved to the next column", func(ps []pdfPage) {
			i := find(ps, 2, "√", 0)
			ps[1].Words[i].X0 += 45
			ps[1].Words[i].X1 += 45
		}},
		{"a tick off the centre of its cell", func(ps []pdfPage) {
			i := find(ps, 2, "√", 3)
			ps[1].Words[i].X0 += 3
			ps[1].Words[i].X1 += 3
		}},
		{"a tick dropped", func(ps []pdfPage) {
			i := find(ps, 2, "√", 10)
			ps[1].Words = slices.Delete(ps[1].Words, i, i+1)
		}},
		{"a word running into the right margin", func(ps []pdfPage) {
			ps[0].Words[find(ps, 1, "Pursuing", 0)].X1 = 530
		}},
		{"two words of a quotation swapped", func(ps []pdfPage) {
			i := find(ps, 5, "Israel", 0)
			ws := ps[4].Words
			ws[i+1].Text, ws[i+2].Text = ws[i+2].Text, ws[i+1].Text
		}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			ps := make([]pdfPage, len(pages))
			for i, p := range pages {
				ps[i] = pdfPage{p.Width, p.Height, slices.Clone(p.Words)}
			}
			e.edit(ps)
			diffs, _ := pdfDiffs(t, seed, raw, ps)
			if len(diffs) == 0 {
				t.Error("the comparison saw no difference")
			}
			for _, d := range diffs {
				t.Log(strings.SplitN(d, "\n", 2)[0])
			}
		})
	}
}
