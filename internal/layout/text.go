package layout

import (
	"strconv"
	"strings"
	"unicode"
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
	fn    int // footnote referenced by this stretch, if any
}

func (s seg) sameLook(t seg) bool {
	return s.style == t.style && s.size == t.size && s.rise == t.rise && s.link == t.link && s.fn == 0 && t.fn == 0
}

// token is an unbreakable unit of text: a word, or the part of a hyphenated
// word up to its hyphen.
type token struct {
	segs  []seg
	w     float64
	space float64 // width of the space after it; 0 when glued to the next
	// spaceStyle is the style of that space, so that fragments on either side
	// of it can be merged into one string when they share its look.
	spaceStyle Style
	brk        bool // a hard line break follows
}

// textBlock is a paragraph prepared for wrapping: measured tokens and the
// widths that table column sizing needs.
type textBlock struct {
	p      *preparer
	tokens []token
	size   float64 // the size of the text the line height follows
	lh     float64
	align  Align
	minW   float64 // the widest token
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

// newTextBlock tokenizes and measures runs set at size (bold adds weight to
// every run, for headings and header cells).
func (p *preparer) newTextBlock(runs []Run, size float64, bold bool, align Align) *textBlock {
	tb := &textBlock{p: p, size: size, lh: size * p.g.Leading, align: align}
	var (
		cur     token
		open    bool // cur has content
		buf     strings.Builder
		segLook seg
	)
	flushSeg := func() {
		if buf.Len() == 0 {
			return
		}
		s := segLook
		s.text = buf.String()
		s.w = p.m.Width(s.text, s.style, s.size)
		cur.segs = append(cur.segs, s)
		cur.w += s.w
		buf.Reset()
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
		st := Style{Bold: r.Bold || bold, Italic: r.Italic}
		if r.Gap {
			st = Style{Bold: true, Italic: true, Gap: true}
		}
		look := seg{style: st, size: size, link: r.Link}
		text := r.Text
		if r.FootnoteRef > 0 {
			look.fn = r.FootnoteRef
			if text == "" {
				text = strconv.Itoa(r.FootnoteRef)
			}
			p.refs = append(p.refs, r.FootnoteRef)
		}
		if r.Superscript || r.FootnoteRef > 0 {
			look.size, look.rise = size*supScale, size*supRise
		}
		if open && !look.sameLookAs(segLook) {
			flushSeg()
		}
		segLook = look
		rs := []rune(text)
		for i, c := range rs {
			switch {
			case c == '\n':
				endToken(0, st, true)
			case c == '\u00AD': // soft hyphen: a break we do not use
			case c == '\u200B': // zero-width space: a break with no width
				endToken(0, st, false)
			case c == ' ' || c == '\t' || c == '\r' || c != '\u00A0' && c != '\u202F' && unicode.IsSpace(c):
				endToken(p.spaceWidth(st, size), st, false)
			default:
				buf.WriteRune(c)
				open = true
				// A hyphen between letters is a break opportunity.
				if c == '-' && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
					endToken(0, st, false)
				}
			}
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
	line := 0.0
	for _, t := range tb.tokens {
		tb.minW = max(tb.minW, t.w)
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
	return s.style == t.style && s.size == t.size && s.rise == t.rise && s.link == t.link && s.fn == t.fn
}

// wrap breaks the tokens into lines no wider than width, greedily. A token
// wider than a line is broken between characters.
func (tb *textBlock) wrap(width float64) [][]token {
	if tb.minW <= width+eps {
		return tb.wrapWhole(width)
	}
	var (
		lines [][]token
		cur   []token
		w     float64
	)
	for _, t := range tb.tokens {
		if len(cur) > 0 && w+cur[len(cur)-1].space+t.w > width+eps {
			lines, cur, w = append(lines, cur), nil, 0
		}
		if t.w > width+eps && len(t.segs) > 0 {
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

// wrapWhole is wrap when every token fits a line: the lines are slices of
// the block's tokens, nothing is copied.
func (tb *textBlock) wrapWhole(width float64) [][]token {
	var lines [][]token
	start, w := 0, 0.0
	for i, t := range tb.tokens {
		if i > start && w+tb.tokens[i-1].space+t.w > width+eps {
			lines, start, w = append(lines, tb.tokens[start:i:i]), i, 0
		}
		if i > start {
			w += tb.tokens[i-1].space
		}
		w += t.w
		if t.brk {
			lines, start, w = append(lines, tb.tokens[start:i+1:i+1]), i+1, 0
		}
	}
	if start < len(tb.tokens) {
		lines = append(lines, tb.tokens[start:])
	}
	return lines
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
					Text:     s.text, Style: s.style, Size: s.size,
				})
			}
			if s.link != "" {
				if n := len(li.links); n > 0 && li.links[n-1].URL == s.link && hasPrev && prev.link == s.link {
					li.links[n-1].W = x + s.w - li.links[n-1].X
				} else {
					li.links = append(li.links, Link{Rect{x, 0, s.w, tb.lh}, s.link})
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
