package layout

import (
	"fmt"
	"strconv"

	"unireport/internal/linebreak"
)

// item is a unit of the vertical flow: *lineItem, gapItem, *tableItem or
// breakItem.
type item interface{ isItem() }

// lineItem is one line of the flow: an unbreakable strip h points tall whose
// boxes have absolute x and y relative to the strip's top.
type lineItem struct {
	boxes
	h    float64
	fns  []int // footnotes referenced on this line
	keep bool  // keep with the next item (headings)
}

// boxes collects positioned boxes: a line's, with y relative to its top, or
// a page's.
type boxes struct {
	texts   []Text
	lines   []Line
	fills   []Fill
	links   []Link
	anchors []Anchor
	marks   []Bookmark
}

// put appends a line's boxes moved down by y.
func (b *boxes) put(l *lineItem, y float64) {
	for _, t := range l.texts {
		t.Y += y
		t.Baseline += y
		b.texts = append(b.texts, t)
	}
	for _, r := range l.lines {
		r.Y1 += y
		r.Y2 += y
		b.lines = append(b.lines, r)
	}
	for _, f := range l.fills {
		f.Y += y
		b.fills = append(b.fills, f)
	}
	for _, k := range l.links {
		k.Y += y
		b.links = append(b.links, k)
	}
	for _, a := range l.anchors {
		a.Y += y
		b.anchors = append(b.anchors, a)
	}
	for _, m := range l.marks {
		m.Y += y
		b.marks = append(b.marks, m)
	}
}

// gapItem is vertical space, dropped at the top of a page or a cell fragment.
type gapItem struct{ h float64 }

// breakItem ends the page, unless the page is still empty.
type breakItem struct{}

// turnItem ends the page, unless it is still empty, and sets what follows
// on pages of geometry g: a landscape table's, then the document's again.
type turnItem struct{ g Geometry }

func (turnItem) isItem() {}

func (*lineItem) isItem()  {}
func (gapItem) isItem()    {}
func (*tableItem) isItem() {}
func (breakItem) isItem()  {}

// preparer measures blocks once and holds what measuring needs.
type preparer struct {
	m         Measurer
	g         Geometry
	hyph      Hyphenator // nil: no hyphenation
	hyphCache map[string][]int
	items     []linebreak.Item // scratch for line breaking (see totalFit)
	boxOf     []int
	spaces    map[spaceKey]float64
	refs      []int // footnote references met, for checking
	level     int   // outline level of the last heading met: a table's entry goes under it
	err       error // the first error met while laying out

	where    Warning   // the table and column being laid out, for warnings
	warnings []Warning // words broken between letters, each once

	tables map[*Table]Columns // how each table outside cells and footnotes was set
}

// newPreparer returns a preparer measuring with m, setting type by g and
// hyphenating with h (nil: no hyphenation).
func newPreparer(m Measurer, g Geometry, h Hyphenator) *preparer {
	return &preparer{m: m, g: g, hyph: h, spaces: map[spaceKey]float64{}, tables: map[*Table]Columns{}}
}

// warn records that word was broken between letters where it is being set.
func (p *preparer) warn(word string) {
	w := p.where
	w.Word = word
	p.addWarning(w)
}

// addWarning records w unless it is recorded already.
func (p *preparer) addWarning(w Warning) {
	for _, o := range p.warnings {
		if o == w {
			return
		}
	}
	p.warnings = append(p.warnings, w)
}

type spaceKey struct {
	st   Style
	size float64
}

func (p *preparer) spaceWidth(st Style, size float64) float64 {
	k := spaceKey{st, size}
	w, ok := p.spaces[k]
	if !ok {
		w = p.m.Width(" ", st, size)
		p.spaces[k] = w
	}
	return w
}

// ctx is what a block's surroundings decide about its look.
type ctx struct {
	hyphenate hyphenMode
	size      float64 // text size
	align     Align   // alignment of paragraphs that leave it to the context
	bold      bool    // header cells
	gap       float64 // space after a paragraph
	nested    bool    // in a cell or footnote: no bookmarks, tables unsplit
}

// prepared is a block measured once. minMax gives the narrowest width it can
// take without breaking words and its natural width; lay sets it at a width
// and appends its flow items.
type prepared interface {
	minMax() (lo, hi float64)
	lay(x, w float64, out []item) []item
}

func (p *preparer) prepare(blocks []Block, c ctx) ([]prepared, error) {
	out := make([]prepared, 0, len(blocks))
	for i, b := range blocks {
		pb, err := p.prepareBlock(b, c)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", i+1, err)
		}
		out = append(out, pb)
	}
	return out, nil
}

func (p *preparer) prepareBlock(b Block, c ctx) (prepared, error) {
	switch b := b.(type) {
	case *Paragraph:
		if b == nil {
			return nil, fmt.Errorf("nil *Paragraph")
		}
		a := b.Align
		if a == AlignDefault {
			a = c.align
		}
		return &prepPara{p.newTextBlock(b.Runs, b.Elem, c.size, c.bold, a, c.hyphenate), c.gap}, nil
	case *Heading:
		if b == nil {
			return nil, fmt.Errorf("nil *Heading")
		}
		return p.prepareHeading(b, c), nil
	case *List:
		if b == nil {
			return nil, fmt.Errorf("nil *List")
		}
		return p.prepareList(b, c)
	case *Table:
		if b == nil {
			return nil, fmt.Errorf("nil *Table")
		}
		return p.prepareTable(b, c)
	case *Rule:
		return &prepRule{p.g, c.gap}, nil
	case *PageBreak:
		return prepBreak{nested: c.nested}, nil
	case *TitleBlock:
		if b == nil {
			return nil, fmt.Errorf("nil *TitleBlock")
		}
		return p.prepareTitle(b, c), nil
	case nil:
		return nil, fmt.Errorf("nil block")
	}
	return nil, fmt.Errorf("unknown block type %T", b)
}

// prepPara is a paragraph: its lines, then space.
type prepPara struct {
	tb  *textBlock
	gap float64
}

func (b *prepPara) minMax() (float64, float64) { return b.tb.minW, b.tb.maxW }

// hyphenatedMin is the narrowest width b takes when its words may be
// hyphenated: a paragraph's widest fragment; other blocks' minimum.
func hyphenatedMin(b prepared) float64 {
	if pp, ok := b.(*prepPara); ok {
		return pp.tb.hyphenated()
	}
	lo, _ := b.minMax()
	return lo
}

func (b *prepPara) lay(x, w float64, out []item) []item {
	for _, l := range b.tb.lines(x, w) {
		out = append(out, l)
	}
	if b.gap > 0 {
		out = append(out, gapItem{b.gap})
	}
	return out
}

// prepHeading is a heading: space, bold lines kept with what follows, space.
type prepHeading struct {
	tb            *textBlock
	before, after float64
	level         int
	mark          string
	nested        bool
}

func (p *preparer) prepareHeading(h *Heading, c ctx) *prepHeading {
	size, italic := c.size, false
	before, after := c.size, c.gap
	if !c.nested {
		switch {
		case h.Level <= 1:
			size, before = p.g.BodySize+1, 2*p.g.BodySize
		case h.Level == 2:
			before = 1.5 * p.g.BodySize
		default:
			italic = true
		}
	}
	runs := h.Runs
	if italic {
		runs = make([]Run, len(h.Runs))
		for i, r := range h.Runs {
			r.Italic = true
			runs[i] = r
		}
	}
	mark := h.Bookmark
	if mark == "" {
		mark = plainText(h.Runs)
	}
	if !c.nested && mark != "" {
		p.level = max(h.Level-1, 0)
	}
	return &prepHeading{
		tb:     p.newTextBlock(runs, h.Elem, size, true, AlignLeft, hyphenNever),
		before: before, after: after,
		level: max(h.Level-1, 0), mark: mark, nested: c.nested,
	}
}

func (b *prepHeading) minMax() (float64, float64) { return b.tb.minW, b.tb.maxW }

func (b *prepHeading) lay(x, w float64, out []item) []item {
	out = append(out, gapItem{b.before})
	for i, l := range b.tb.lines(x, w) {
		if !b.nested {
			l.keep = true
			if i == 0 && b.mark != "" {
				l.marks = append(l.marks, Bookmark{Text: b.mark, Level: b.level})
			}
		}
		out = append(out, l)
	}
	return append(out, gapItem{b.after})
}

// prepList is a list: each item's blocks indented, its marker hanging in
// the indent beside the item's first line.
type prepList struct {
	p       *preparer
	g       Geometry
	size    float64
	items   []listEntry
	indent  float64
	markerW float64 // the widest marker
}

type listEntry struct {
	label   *Elem // the marker's element
	marker  string
	markerW float64
	blocks  []prepared
}

func (p *preparer) prepareList(l *List, c ctx) (*prepList, error) {
	pl := &prepList{p: p, g: p.g, size: c.size, indent: p.g.ListIndent * c.size / p.g.BodySize}
	n := l.Start
	if n == 0 {
		n = 1
	}
	for i, it := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(n+i) + "."
		}
		blocks, err := p.prepare(it, c)
		if err != nil {
			return nil, fmt.Errorf("list item %d: %w", i+1, err)
		}
		mw := p.m.Width(marker, Style{}, c.size)
		pl.markerW = max(pl.markerW, mw)
		var label *Elem
		if i < len(l.Labels) {
			label = l.Labels[i]
		}
		pl.items = append(pl.items, listEntry{label, marker, mw, blocks})
	}
	return pl, nil
}

func (b *prepList) minMax() (lo, hi float64) {
	for _, it := range b.items {
		for _, pb := range it.blocks {
			l, h := pb.minMax()
			lo, hi = max(lo, l), max(hi, h)
		}
	}
	indent := max(b.indent, b.markerW+b.size*0.4)
	return lo + indent, hi + indent
}

func (b *prepList) lay(x, w float64, out []item) []item {
	lh := b.size * b.g.Leading
	gap := b.size * 0.4 // between a marker and its item's text
	// The indent holds the widest marker beside the text. Deeply nested
	// lists, and lists in narrow cells, indent less rather than run out of
	// width: the items keep two ems of text at least (room for the widest
	// letters, such as "Ǆ" or a bold "Щ"), and a marker with no room left
	// beside its text gets a line of its own.
	indent := min(max(b.indent, b.markerW+gap), w/4, max(0, w-2*b.size))
	for _, it := range b.items {
		if it.markerW > w+eps && b.p.err == nil {
			b.p.err = fmt.Errorf("list marker %q needs %.0fpt; it has %.0fpt", it.marker, it.markerW, w)
		}
		start := len(out)
		for _, pb := range it.blocks {
			out = pb.lay(x+indent, w-indent, out)
		}
		var first *lineItem
		for _, o := range out[start:] {
			if l, ok := o.(*lineItem); ok {
				first = l
				break
			}
			if _, ok := o.(*tableItem); ok {
				break
			}
		}
		mx := x + indent - gap - it.markerW
		if first == nil || mx < x-eps {
			// The item starts with a table or is empty, or the marker
			// has no room beside the text: it gets a line of its own.
			first = &lineItem{h: lh}
			out = append(out[:start], append([]item{first}, out[start:]...)...)
		}
		bl := b.g.baseline(b.size, lh)
		if len(first.texts) > 0 {
			bl = first.texts[0].Baseline
			for _, t := range first.texts {
				if t.Size >= b.size*0.9 {
					bl = t.Baseline
					break
				}
			}
		}
		mx = max(mx, x)
		first.texts = append([]Text{{X: mx, Y: 0, W: it.markerW, H: first.h, Baseline: bl, Text: it.marker, Size: b.size, Elem: it.label}}, first.texts...)
	}
	return out
}

// prepRule is a horizontal rule with space above and below.
type prepRule struct {
	g   Geometry
	gap float64
}

func (*prepRule) minMax() (float64, float64) { return 0, 0 }

func (b *prepRule) lay(x, w float64, out []item) []item {
	h := 2 * b.gap
	return append(out, &lineItem{h: h, boxes: boxes{lines: []Line{{x, h / 2, x + w, h / 2, b.g.RuleWidth}}}})
}

// prepBreak is a page break; nested in a cell or footnote it is nothing.
type prepBreak struct{ nested bool }

func (prepBreak) minMax() (float64, float64) { return 0, 0 }

func (b prepBreak) lay(x, w float64, out []item) []item {
	if b.nested {
		return out
	}
	return append(out, breakItem{})
}

// prepTitle is the title block of the first page.
type prepTitle struct {
	title    *textBlock
	lines    []*textBlock
	mark     string
	bodySize float64
}

func (p *preparer) prepareTitle(t *TitleBlock, c ctx) *prepTitle {
	b := &prepTitle{mark: plainText(t.Title), bodySize: p.g.BodySize}
	b.title = p.newTextBlock(t.Title, t.TitleElem, p.g.TitleSize, true, AlignCenter, hyphenNever)
	for i, l := range t.Lines {
		size := p.g.BodySize
		if i == 0 {
			size++ // the presenting line
		}
		var e *Elem
		if i < len(t.LineElems) {
			e = t.LineElems[i]
		}
		b.lines = append(b.lines, p.newTextBlock(l, e, size, false, AlignCenter, hyphenNever))
	}
	return b
}

func (b *prepTitle) minMax() (lo, hi float64) {
	for _, tb := range append([]*textBlock{b.title}, b.lines...) {
		lo, hi = max(lo, tb.minW), max(hi, tb.maxW)
	}
	return lo, hi
}

// lay sets the title, a body line's space, then the lines half a body line
// apart, all kept with what follows but the last, and two body lines' space.
func (b *prepTitle) lay(x, w float64, out []item) []item {
	for i, l := range b.title.lines(x, w) {
		l.keep = true
		if i == 0 && b.mark != "" {
			l.marks = append(l.marks, Bookmark{Text: b.mark})
		}
		out = append(out, l)
	}
	space := b.bodySize
	for i, tb := range b.lines {
		out = append(out, gapItem{space})
		space = b.bodySize / 2
		for _, l := range tb.lines(x, w) {
			l.keep = i < len(b.lines)-1
			out = append(out, l)
		}
	}
	return append(out, gapItem{2 * b.bodySize})
}
