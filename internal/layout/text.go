package layout

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"unireport/internal/linebreak"
)

// hyphenMode says when a text block may break its words at hyphenation
// points.
type hyphenMode int

const (
	// hyphenAlways: running text, where a hyphen is a break like any
	// other, at a cost (the zero value: body, lists, footnotes).
	hyphenAlways hyphenMode = iota
	// hyphenIfNeeded: table cells, which hyphenate only when a word is
	// wider than the column.
	hyphenIfNeeded
	// hyphenNever: headings, captions, the title, and a State's name
	// heading its row.
	hyphenNever
)

// Superscripts are set smaller and raised by these fractions of the size of
// the text around them.
const (
	supScale = 0.62
	supRise  = 0.36
)

// seg is a stretch of a token in one style, measured once.
type seg struct {
	text  string
	style Style
	size  float64
	rise  float64 // baseline shift upwards
	w     float64
	link  string
	fn    int   // footnote referenced by this stretch, if any
	elem  *Elem // the structure element of this stretch
}

func (s seg) sameLook(t seg) bool {
	return s.style == t.style && s.size == t.size && s.rise == t.rise && s.link == t.link && s.fn == 0 && t.fn == 0 &&
		(s.elem == t.elem || s.link != "") // adjacent links to one address are one link
}

// token is an unbreakable unit of text: a word, the part of a hyphenated
// word up to its hyphen, or a part of a word between hyphenation points.
type token struct {
	segs  []seg
	w     float64
	space float64 // width of the space after it; 0 when glued to the next
	// soft marks a hyphenation point after the token: the next token goes
	// on the word, and a line that ends here ends with a hyphen, hyphen
	// wide.
	soft   bool
	hyphen float64
	// spaceStyle is the style of that space, so that fragments on either side
	// of it can be merged into one string when they share its look.
	spaceStyle Style
	brk        bool // a hard line break follows
}

// textBlock is a paragraph prepared for wrapping: measured tokens and the
// widths that table column sizing needs.
type textBlock struct {
	p      *preparer
	tokens []token // the words; split at their hyphenation points once split
	whole  []token // the same words unsplit, for breaking between letters
	split  bool    // whether tokens are split (see hyphenated)
	size   float64 // the size of the text the line height follows
	lh     float64
	align  Align
	mode   hyphenMode
	minW   float64 // the widest word
	hyphW  float64 // the widest part of a word between hyphenation points, with its hyphen, once split
	maxW   float64 // the widest line between hard breaks, unwrapped
}

// plainText returns the runs' text with footnote references left out, for
// bookmarks.
func plainText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.FootnoteRef == 0 {
			b.WriteString(r.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// letterBefore reports whether the character before s[i:] is a letter.
func letterBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && unicode.IsLetter(r)
}

// letterAfter reports whether s[i:] starts with a letter.
func letterAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && unicode.IsLetter(r)
}

// newTextBlock tokenizes and measures runs set at size (bold adds weight to
// every run, for headings and header cells).
func (p *preparer) newTextBlock(runs []Run, elem *Elem, size float64, bold bool, align Align, mode hyphenMode) *textBlock {
	tb := &textBlock{p: p, size: size, lh: size * p.g.Leading, align: align, mode: mode}
	// About one token a word, most of one segment: room for them all at
	// once.
	words := 1
	for _, r := range runs {
		words += strings.Count(r.Text, " ") + strings.Count(r.Text, "-")
	}
	tb.tokens = make([]token, 0, words)
	firstSegs := make([]seg, 0, words) // each token's first segment
	var (
		cur     token
		open    bool // cur has content
		segLook seg
		// The segment's text is text[from:to] while it is whole in the
		// run's text, as it nearly always is; buf holds it when it is not
		// (a soft hyphen left out of a word).
		text     string
		from, to int
		buf      strings.Builder
	)
	flushSeg := func() {
		if from == to && buf.Len() == 0 {
			return
		}
		s := segLook
		if buf.Len() > 0 {
			buf.WriteString(text[from:to])
			s.text = buf.String()
			buf.Reset()
		} else {
			s.text = text[from:to]
		}
		from = to
		s.w = p.m.Width(s.text, s.style, s.size)
		if len(cur.segs) == 0 {
			firstSegs = append(firstSegs, s)
			n := len(firstSegs)
			cur.segs = firstSegs[n-1 : n : n] // a second segment is appended elsewhere
		} else {
			cur.segs = append(cur.segs, s)
		}
		cur.w += s.w
	}
	endToken := func(space float64, st Style, brk bool) {
		flushSeg()
		if !open {
			// Spaces after a space, or at the start, add nothing; a break
			// after nothing still counts (an empty line).
			if brk {
				if n := len(tb.tokens); n > 0 && !tb.tokens[n-1].brk {
					tb.tokens[n-1].brk = true
					tb.tokens[n-1].space = 0
				} else {
					tb.tokens = append(tb.tokens, token{brk: true})
				}
			} else if n := len(tb.tokens); n > 0 && tb.tokens[n-1].space == 0 && !tb.tokens[n-1].brk {
				tb.tokens[n-1].space, tb.tokens[n-1].spaceStyle = space, st
			}
			return
		}
		cur.space, cur.spaceStyle, cur.brk = space, st, brk
		if brk {
			cur.space = 0
		}
		tb.tokens = append(tb.tokens, cur)
		cur, open = token{}, false
	}
	for _, r := range runs {
		st := Style{Bold: r.Bold || bold, Italic: r.Italic, Change: r.Change}
		if r.Gap {
			st = Style{Bold: true, Italic: true, Gap: true, Change: r.Change}
		}
		look := seg{style: st, size: size, link: r.Link, elem: elem}
		if r.Elem != nil {
			look.elem = r.Elem
		}
		rt := r.Text
		if r.FootnoteRef > 0 {
			look.fn = r.FootnoteRef
			if rt == "" {
				rt = strconv.Itoa(r.FootnoteRef)
			}
			p.refs = append(p.refs, r.FootnoteRef)
		}
		if r.Superscript || r.FootnoteRef > 0 {
			look.size, look.rise = size*supScale, size*supRise
		}
		if open && !look.sameLookAs(segLook) {
			flushSeg()
		}
		buf.WriteString(text[from:to]) // a word going on from the run before
		segLook = look
		text, from, to = rt, 0, 0
		for i := 0; i < len(text); {
			c, n := utf8.DecodeRuneInString(text[i:])
			next := i + n
			switch {
			case c == '\n':
				endToken(0, st, true)
			case c == '\u00AD': // soft hyphen: a break we do not use
				buf.WriteString(text[from:to]) // the segment goes on after it
			case c == utf8.RuneError && n == 1: // invalid UTF-8, set as U+FFFD
				buf.WriteString(text[from:to])
				buf.WriteRune(c)
				open = true
			case c == '\u200B': // zero-width space: a break with no width
				endToken(0, st, false)
			case c == ' ' || c == '\t' || c == '\r' || c != '\u00A0' && c != '\u202F' && unicode.IsSpace(c):
				endToken(p.spaceWidth(st, size), st, false)
			default:
				to = next
				open = true
				// A hyphen between letters is a break opportunity.
				if c == '-' && letterBefore(text, i) && letterAfter(text, i+1) {
					endToken(0, st, false)
				}
				i = next
				continue
			}
			from, to, i = next, next, next
		}
	}
	endToken(0, Style{}, false)
	// A trailing hard break adds no empty line.
	if n := len(tb.tokens); n > 0 {
		if tb.tokens[n-1].brk && len(tb.tokens[n-1].segs) == 0 {
			tb.tokens = tb.tokens[:n-1]
		}
		if n := len(tb.tokens); n > 0 {
			tb.tokens[n-1].brk, tb.tokens[n-1].space = false, 0
		}
	}
	tb.whole = tb.tokens
	for _, t := range tb.whole {
		tb.minW = max(tb.minW, t.w)
	}
	line := 0.0
	for _, t := range tb.whole {
		line += t.w
		if t.brk {
			tb.maxW, line = max(tb.maxW, line), 0
			continue
		}
		line += t.space
	}
	tb.maxW = max(tb.maxW, line)
	return tb
}

// sameLookAs compares everything but the text, including footnote numbers, so
// a footnote reference is always a segment of its own.
func (s seg) sameLookAs(t seg) bool {
	return s.style == t.style && s.size == t.size && s.rise == t.rise && s.link == t.link && s.fn == t.fn && s.elem == t.elem
}

// hyphenate splits each word of one look at the points where a hyphen may
// go; words of several looks (a name with its footnote number) stay whole.
func (p *preparer) hyphenate(tokens []token) []token {
	var out []token
	for i, t := range tokens {
		if len(t.segs) != 1 || t.segs[0].fn != 0 || t.segs[0].rise != 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		s := t.segs[0]
		pts, seen := p.hyphCache[s.text]
		if !seen {
			pts = p.hyph.Points(s.text)
			if p.hyphCache == nil {
				p.hyphCache = map[string][]int{}
			}
			p.hyphCache[s.text] = pts // a report repeats its words
		}
		if len(pts) == 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(tokens)+2*len(pts)), tokens[:i]...)
		}
		hyphen := p.m.Width(softHyphen, s.style, s.size)
		from := 0
		for _, at := range append(pts, len(s.text)) {
			part := s
			part.text = s.text[from:at]
			part.w = p.m.Width(part.text, s.style, s.size)
			piece := token{segs: []seg{part}, w: part.w, soft: true, hyphen: hyphen}
			if at == len(s.text) {
				piece.soft, piece.hyphen = false, 0
				piece.space, piece.spaceStyle, piece.brk = t.space, t.spaceStyle, t.brk
			}
			out = append(out, piece)
			from = at
		}
	}
	if out == nil {
		return tokens
	}
	return out
}

// hyphenated splits the block's words at their hyphenation points, once,
// and returns the widest part with its hyphen. A table cell's words are
// split only when its column asks (see prepTable.hyphenatedMins): most
// columns never need it.
func (tb *textBlock) hyphenated() float64 {
	if tb.split {
		return tb.hyphW
	}
	tb.split = true
	if tb.mode != hyphenNever && tb.p.hyph != nil {
		tb.tokens = tb.p.hyphenate(tb.whole)
	}
	for _, t := range tb.tokens {
		tb.hyphW = max(tb.hyphW, t.w+t.hyphen)
	}
	return tb.hyphW
}

// wrap breaks the tokens into lines no wider than width, by total fit
// (internal/linebreak): the breaks that make the paragraph's lines the
// most even, hyphenating where that pays (see hyphenMode). A word wider
// than a line even hyphenated is broken between letters, first fit, and
// reported.
func (tb *textBlock) wrap(width float64) [][]token {
	if tb.minW <= width+eps {
		// TeX's first pass: words whole, if every line then comes out
		// at least decent (\pretolerance); only a paragraph that needs
		// them gets hyphens, and few. Ragged lines never need them.
		if lines, ok := tb.totalFit(tb.whole, width, false); ok || tb.mode != hyphenAlways || tb.align != AlignJustify {
			return lines
		}
	}
	soft := tb.mode == hyphenAlways || tb.mode == hyphenIfNeeded && tb.minW > width+eps
	if soft && tb.hyphenated() <= width+eps {
		lines, _ := tb.totalFit(tb.tokens, width, true)
		return lines
	}
	var (
		lines [][]token
		cur   []token
		w     float64
	)
	for _, t := range tb.whole {
		if len(cur) > 0 && w+cur[len(cur)-1].space+t.w > width+eps {
			lines, cur, w = append(lines, cur), nil, 0
		}
		if t.w > width+eps && len(t.segs) > 0 {
			tb.p.warn(tokenText(t))
			pieces := tb.breakToken(t, width)
			for _, pc := range pieces[:len(pieces)-1] {
				lines = append(lines, append(cur, pc))
				cur, w = nil, 0
			}
			t = pieces[len(pieces)-1]
		}
		if len(cur) > 0 {
			w += cur[len(cur)-1].space
		}
		cur = append(cur, t)
		w += t.w
		if t.brk {
			lines, cur, w = append(lines, cur), nil, 0
		}
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func tokenText(t token) string {
	var b strings.Builder
	for _, s := range t.segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// pretolerance is the largest adjustment ratio of a line set without
// hyphenation in the first pass: TeX's \pretolerance=100 (badness 100 r³).
const pretolerance = 1.0

// totalFit is wrap when every token fits a line: Knuth and Plass's total
// fit over the tokens (see the glue below for ragged text), taking
// hyphenation points only when soft is set.
// The lines are slices of the block's tokens; only a line ending at a
// hyphenation point gets a copy of its last token, with the hyphen.
func (tb *textBlock) totalFit(toks []token, width float64, soft bool) (lines [][]token, decent bool) {
	if len(toks) == 0 {
		return nil, true
	}
	// The item lists are scratch, reused from paragraph to paragraph.
	items := tb.p.items[:0]
	boxOf := tb.p.boxOf[:0] // the item index of each token's box
	defer func() { tb.p.items, tb.p.boxOf = items[:0], boxOf[:0] }()
	// Justified: TeX's interword glue, stretch a half, shrink a third.
	// Ragged (table cells, centred headings): rigid spaces and stretch at
	// each line's end instead (LaTeX's \RaggedRight, 2 em), so that total
	// fit evens out the lines' lengths rather than their spaces.
	opts := linebreak.DefaultOptions()
	stretch, shrink := 0.5, 1.0/3
	if tb.align != AlignJustify {
		stretch, shrink = 0, 0
		opts.LineEndStretch = 2 * tb.size
	}
	for i, t := range toks {
		boxOf = append(boxOf, len(items))
		items = append(items, linebreak.NewBox(t.w))
		switch {
		case i == len(toks)-1:
		case t.brk:
			items = linebreak.Finish(items)
		case t.space > 0:
			items = append(items, linebreak.NewGlue(t.space, t.space*stretch, t.space*shrink))
		case t.soft && soft:
			items = append(items, linebreak.NewPenalty(t.hyphen, 0, true))
		case t.soft:
			items = append(items, linebreak.NewPenalty(0, linebreak.Infinity, false))
		case endsWithHyphen(t):
			items = append(items, linebreak.NewPenalty(0, 0, true))
		default: // glued by a zero-width space: a break that costs nothing
			items = append(items, linebreak.NewPenalty(0, 0, false))
		}
	}
	items = linebreak.Finish(items)
	res, err := linebreak.Break(items, []float64{width}, opts)
	if err != nil { // widths are finite and the items finished: never
		tb.p.err = err
		return [][]token{toks}, false
	}
	decent = res.Method == linebreak.Optimal
	for _, r := range res.Ratios {
		decent = decent && r <= pretolerance
	}
	lines = make([][]token, 0, len(res.Breaks))
	next := 0 // the first token not yet on a line
	for _, b := range res.Breaks {
		end := next
		for end < len(toks) && boxOf[end] < b {
			end++
		}
		if end == next {
			continue // the empty box Finish adds for an empty line
		}
		line := toks[next:end:end]
		if last := line[len(line)-1]; last.soft && items[b].Kind == linebreak.Penalty && items[b].Flagged {
			line = append(append([]token(nil), line[:len(line)-1]...), withHyphen(last))
		}
		lines = append(lines, line)
		next = end
	}
	return lines, decent
}

func endsWithHyphen(t token) bool {
	n := len(t.segs)
	return n > 0 && strings.HasSuffix(t.segs[n-1].text, "-")
}

// softHyphen is what a line broken at a hyphenation point ends with: the
// soft hyphen, which fonts draw as a hyphen and which text extraction,
// copying and screen readers know to drop when they join the word again.
const softHyphen = "\u00AD"

// withHyphen is t ending a line at its hyphenation point: a hyphen is set
// after it, in its look.
func withHyphen(t token) token {
	last := t.segs[len(t.segs)-1]
	segs := append([]seg(nil), t.segs...)
	last.text += softHyphen
	last.w += t.hyphen
	segs[len(segs)-1] = last
	t.segs, t.w, t.soft, t.hyphen, t.space = segs, t.w+t.hyphen, false, 0, 0
	return t
}

// breakToken cuts a token too wide for a line into pieces that fit, measuring
// its characters one by one (rare: only words longer than a column).
func (tb *textBlock) breakToken(t token, width float64) []token {
	var (
		pieces []token
		cur    token
	)
	for _, s := range t.segs {
		if s.fn > 0 {
			// A footnote number is never split between lines.
			if cur.w > 0 && cur.w+s.w > width+eps {
				pieces, cur = append(pieces, cur), token{}
			}
			cur.segs, cur.w = append(cur.segs, s), cur.w+s.w
			continue
		}
		var b strings.Builder
		bw := 0.0
		for _, c := range s.text {
			cw := tb.p.m.Width(string(c), s.style, s.size)
			if cur.w+bw+cw > width+eps && cur.w+bw > 0 {
				if b.Len() > 0 {
					ns := s
					ns.text, ns.w = b.String(), bw
					cur.segs, cur.w = append(cur.segs, ns), cur.w+bw
				}
				pieces = append(pieces, cur)
				cur, bw = token{}, 0
				b.Reset()
			}
			b.WriteRune(c)
			bw += cw
		}
		if b.Len() > 0 {
			ns := s
			ns.text, ns.w = b.String(), bw
			cur.segs, cur.w = append(cur.segs, ns), cur.w+bw
		}
	}
	cur.space, cur.spaceStyle, cur.brk = t.space, t.spaceStyle, t.brk
	return append(pieces, cur)
}

// lines wraps the block at width and returns its lines with text placed from
// x. The last line of a justified paragraph, and lines ended by a hard break,
// are set flush left.
func (tb *textBlock) lines(x, width float64) []*lineItem {
	var out []*lineItem
	wrapped := tb.wrap(width)
	for i, toks := range wrapped {
		li := &lineItem{h: tb.lh}
		natural, gaps := 0.0, 0
		for j, t := range toks {
			natural += t.w
			if j < len(toks)-1 {
				natural += t.space
				if t.space > 0 {
					gaps++
				}
			}
		}
		last := i == len(wrapped)-1 || toks[len(toks)-1].brk
		start, extra := x, 0.0
		switch tb.align {
		case AlignCenter:
			start += (width - natural) / 2
		case AlignRight:
			start += width - natural
		case AlignJustify:
			if !last && gaps > 0 && natural < width {
				extra = (width - natural) / float64(gaps)
			}
		}
		if tb.align == AlignJustify && gaps > 0 && natural > width+eps {
			// total fit shrinks a justified line's spaces, by a third at
			// most, the last line's too
			extra = max((width-natural)/float64(gaps), -tb.p.spaceWidth(Style{}, tb.size)/3)
		}
		tb.place(li, toks, start, extra)
		out = append(out, li)
	}
	return out
}

// place sets a line's tokens from x, adding extra to every space. Adjacent
// stretches of the same look are merged into one fragment, with the space
// between them, unless spaces are stretched.
func (tb *textBlock) place(li *lineItem, toks []token, x, extra float64) {
	g := tb.p.g
	var (
		prev    seg  // the look of the last fragment, for merging
		hasPrev bool // whether there is one
		merged  strings.Builder
	)
	// The text of the last fragment grows in merged while stretches join
	// it, and is set when the fragment is complete.
	flush := func() {
		if merged.Len() > 0 {
			li.texts[len(li.texts)-1].Text = merged.String()
			merged.Reset()
		}
	}
	if extra != 0 {
		li.texts = make([]Text, 0, len(toks)) // a fragment per word
	}
	gapStyle, gap := Style{}, 0.0
	for j, t := range toks {
		for _, s := range t.segs {
			merge := hasPrev && prev.sameLook(s) && len(li.texts) > 0
			if merge && gap > 0 && (extra != 0 || gapStyle != s.style || s.rise != 0) {
				merge = false
			}
			if merge {
				f := &li.texts[len(li.texts)-1]
				if merged.Len() == 0 {
					merged.WriteString(f.Text)
				}
				if gap > 0 {
					merged.WriteByte(' ')
				}
				merged.WriteString(s.text)
				f.W = x + s.w - f.X
			} else {
				flush()
				li.texts = append(li.texts, Text{
					X: x, Y: 0, W: s.w, H: tb.lh,
					Baseline: g.baseline(tb.size, tb.lh) - s.rise,
					Text:     s.text, Style: s.style, Size: s.size, Elem: s.elem,
				})
			}
			if s.link != "" {
				if n := len(li.links); n > 0 && li.links[n-1].URL == s.link && hasPrev && prev.link == s.link {
					li.links[n-1].W = x + s.w - li.links[n-1].X
				} else {
					li.links = append(li.links, Link{Rect{x, 0, s.w, tb.lh}, s.link, s.elem})
				}
			}
			if s.fn > 0 && !containsInt(li.fns, s.fn) {
				li.fns = append(li.fns, s.fn)
			}
			x += s.w
			prev, hasPrev = s, true
			gap = 0
		}
		if j < len(toks)-1 {
			gap, gapStyle = t.space, t.spaceStyle
			if gap > 0 {
				x += gap + extra
			}
		}
	}
	flush()
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
