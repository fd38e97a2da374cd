package linebreak

import (
	"math"
	"sync"
)

// scratch holds the working memory of one Break, reused by the next: a
// report breaks hundreds of paragraphs, and allocating it afresh for each
// was most of what line breaking cost.
type scratch struct {
	sum          []totals
	nodes        []node
	active, next []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release gives the paragraph's working memory back; p is not used after.
func (p *paragraph) release() {
	if p.scratch != nil {
		scratchPool.Put(p.scratch)
		p.scratch = nil
	}
}

// paragraph is a list of items prepared for breaking: running totals of the
// widths, so that any line's width is a subtraction.
type paragraph struct {
	items  []Item
	widths []float64
	opts   Options
	sum    []totals // sum[i] is the total of items[:i]
	*scratch
	// evals counts the lines tried (a node against a break), for the test
	// that the work grows linearly.
	evals int
}

// totals are the sums of widths, stretch and shrink of a run of items, and
// the number of fill glue items (infinite stretch) among them.
type totals struct {
	w, y, z float64
	fill    int
}

func newParagraph(items []Item, widths []float64, opts Options) *paragraph {
	s := scratchPool.Get().(*scratch)
	if cap(s.sum) < len(items)+1 {
		s.sum = make([]totals, len(items)+1)
	}
	p := &paragraph{items: items, widths: widths, opts: opts, sum: s.sum[:len(items)+1], scratch: s}
	var t totals
	for i, it := range items {
		// A penalty's width counts only where the line ends.
		if it.Kind != Penalty {
			t.w += it.Width
		}
		if it.Kind == Glue {
			if math.IsInf(it.Stretch, 1) {
				t.fill++
			} else {
				t.y += it.Stretch
			}
			t.z += it.Shrink
		}
		p.sum[i+1] = t
	}
	return p
}

// legal reports whether a line may end at item b: glue after a box, or a
// penalty below Infinity.
func (p *paragraph) legal(b int) bool {
	switch it := p.items[b]; it.Kind {
	case Glue:
		return b > 0 && p.items[b-1].Kind == Box
	case Penalty:
		return it.forced() || p.cost(it) < Infinity
	}
	return false
}

// cost is the penalty of breaking at a penalty item that is not forced,
// hyphen penalty included.
func (p *paragraph) cost(it Item) float64 {
	c := it.Penalty
	if it.Flagged {
		c += p.opts.HyphenPenalty
	}
	return max(c, ForcedBreak+1)
}

// after returns the index of the first item of the line that follows a
// break at b: the first box or forced break after b.
func (p *paragraph) after(b int) int {
	i := b + 1
	for ; i < len(p.items); i++ {
		if it := p.items[i]; it.Kind == Box || it.forced() {
			break
		}
	}
	return i
}

// measure returns the width of line number line.
func (p *paragraph) measure(line int) float64 {
	return p.widths[min(line, len(p.widths)-1)]
}

// ratio returns the adjustment ratio of the line number line that holds the
// items from s and ends at the break b: +Inf if it is short and has nothing
// to stretch, -Inf if it is long and has nothing to shrink, 0 if it holds
// fill glue and is short. A ratio below -1 means the line does not fit.
func (p *paragraph) ratio(s, b, line int) float64 {
	from, to := p.sum[s], p.sum[b]
	l := to.w - from.w
	if it := p.items[b]; it.Kind == Penalty {
		l += it.Width
	}
	target := p.measure(line)
	diff := target - l
	// The running totals round; a line that fits exactly must not come
	// out a hair too long, which would make it overfull.
	if math.Abs(diff) <= 1e-9*(1+math.Abs(target)) {
		return 0
	}
	if diff > 0 {
		if to.fill > from.fill {
			return 0
		}
		if y := to.y - from.y + p.opts.LineEndStretch; y > 0 {
			return diff / y
		}
		return math.Inf(1)
	}
	if z := to.z - from.z; z > 0 {
		return diff / z
	}
	return math.Inf(-1)
}

// Fitness classes, as TeX numbers them: lines in classes more than one
// apart do not sit well together.
const (
	veryLoose = iota // ratio above 1
	loose            // above 0.5
	decent           // from -0.5 to 0.5
	tight            // below -0.5
	nClasses
)

func fitness(r float64) int {
	switch {
	case r > 1:
		return veryLoose
	case r > 0.5:
		return loose
	case r >= -0.5:
		return decent
	}
	return tight
}

// outcome is how an attempt at total fit ended.
type outcome uint8

const (
	fitted     outcome = iota // breaks found
	infeasible                // no breaks keep every line within the tolerance
	tooLong                   // given up, over the work budget
)

// workPerItem bounds the work of an attempt at total fit: it tries at most
// this many lines per item (but at least 1<<16 in all) before giving up.
// Text tries about 13 lines per item at a 450-point measure of 10-point
// words, 36 at 800 points, and 70 to 120 when a line may end after every
// 10-point character (Chinese, say) at 450 to 800 points: the number of
// active nodes follows the number of breaks that fit on a line. The bound
// is reached only when many dozens of breaks fit on a line (boxes of
// width 0, or a huge measure), where the active list would hold most of
// the paragraph and the work grow with its square: 9,000 empty words took
// 1.3 s. It keeps an attempt on DefaultMaxItems items to some 5 million
// lines tried, under 100 ms.
const workPerItem = 256

// node is a feasible break: the paper's active or passive node. Nodes live
// in one slice and point to their predecessor by index.
type node struct {
	pos      int     // the break item; -1 for the start of the paragraph
	start    int     // the first item of the next line
	line     int     // the number of the next line, at most len(widths)-1
	prev     int     // the node of the previous break; -1 for none
	demerits float64 // total from the start of the paragraph
	fitness  int8    // of the line ending here
	flagged  bool    // the line ends at a flagged penalty
}

// candidate is the best way found so far to reach a break in one fitness
// class.
type candidate struct {
	demerits float64
	prev     int
}

// totalFit is the Knuth–Plass algorithm: for each legal break, in order, it
// tries the line from each active node (a feasible earlier break), keeps
// for each fitness class the predecessor with the least total demerits, and
// records those as new active nodes. Active nodes whose line has grown too
// long to fit even shrunk, or that a forced break has passed, are dropped;
// so the active list holds about a line's worth of breaks, and the work is
// linear in the paragraph. It returns the breaks and their total demerits,
// or why there are none: no breaks keep every line within tol, or the
// attempt went over its work budget (workPerItem).
//
// Nodes are kept in the active list ordered by line number. When lines
// differ in width, breaks reached with different numbers of lines are
// different states and get separate nodes; lines from len(widths)-1 on
// are alike, so all line numbers from there on count as one.
func (p *paragraph) totalFit(tol float64, relaxed bool) ([]int, float64, outcome) {
	o := p.opts
	budget := p.evals + max(workPerItem*len(p.items), 1<<16)
	nodes := p.scratch.nodes[:0]
	if cap(nodes) < len(p.items)/2+8 {
		nodes = make([]node, 0, len(p.items)/2+8) // real text makes about 0.6 per item
	}
	nodes = append(nodes, node{pos: -1, line: 0, prev: -1, fitness: decent})
	active := append(p.scratch.active[:0], 0)
	next := p.scratch.next[:0]
	defer func() { p.scratch.nodes, p.scratch.active, p.scratch.next = nodes[:0], active[:0], next[:0] }()
	lastLine := len(p.widths) - 1
	var (
		best     [nClasses]candidate
		found    bool
		bestLine int // the line number of the nodes the candidates make
	)
	reset := func() {
		for c := range best {
			best[c] = candidate{math.Inf(1), -1}
		}
		found = false
	}
	reset()
	for b, it := range p.items {
		if !p.legal(b) {
			continue
		}
		forced := it.forced()
		flagged := it.Kind == Penalty && it.Flagged
		pen := 0.0
		if it.Kind == Penalty && !forced {
			pen = p.cost(it)
		}
		start := -1 // the start of the line after b, found once needed
		// flush records the candidates as new active nodes at b, for each
		// fitness class whose best is within FitnessDemerits of the best
		// of all (a worse one could never win, as the fitness demerits of
		// the next line are all that may tell them apart later).
		flush := func() {
			if !found {
				return
			}
			least := math.Inf(1)
			for _, c := range best {
				least = min(least, c.demerits)
			}
			least += math.Abs(o.FitnessDemerits)
			if start < 0 {
				start = p.after(b)
			}
			for c, cd := range best {
				if cd.prev < 0 || cd.demerits > least {
					continue
				}
				next = append(next, len(nodes))
				nodes = append(nodes, node{
					pos: b, start: start, line: bestLine, prev: cd.prev,
					demerits: cd.demerits, fitness: int8(c), flagged: flagged,
				})
			}
			reset()
		}
		next = next[:0]
		for _, ai := range active {
			a := nodes[ai]
			nl := min(a.line+1, lastLine)
			if found && nl != bestLine {
				flush()
			}
			bestLine = nl
			if b < a.start {
				// b is among the glue and penalties dropped after a.
				next = append(next, ai)
				continue
			}
			p.evals++
			r := p.ratio(a.start, b, a.line)
			if r >= -1 && !forced {
				next = append(next, ai)
			}
			if r < -1 {
				continue
			}
			var bad float64
			switch {
			case r <= tol:
				bad = 100 * math.Abs(r*r*r)
			case relaxed && math.IsInf(r, 1) && b > a.start:
				// Short with nothing to stretch: set at its natural
				// width, as bad as the worst line accepted.
				bad = 100 * tol * tol * tol
			default:
				continue
			}
			d := o.LinePenalty + bad
			d *= d
			if pen >= 0 {
				d += pen * pen
			} else {
				d -= pen * pen
			}
			if flagged && a.flagged {
				d += o.DoubleHyphenDemerits
			}
			c := fitness(r)
			if c-int(a.fitness) > 1 || int(a.fitness)-c > 1 {
				d += o.FitnessDemerits
			}
			d += a.demerits
			// Strictly less: on a tie the earlier node stays.
			if d < best[c].demerits {
				best[c] = candidate{d, ai}
				found = true
			}
		}
		flush()
		active, next = next, active
		if len(active) == 0 {
			return nil, 0, infeasible
		}
		if p.evals > budget {
			return nil, 0, tooLong
		}
	}
	// The last item is a forced break: the active nodes are the ways to
	// end there. Take the least demerits, the first on a tie.
	end := active[0]
	for _, ai := range active[1:] {
		if nodes[ai].demerits < nodes[end].demerits {
			end = ai
		}
	}
	n := 0
	for i := end; nodes[i].prev >= 0; i = nodes[i].prev {
		n++
	}
	breaks := make([]int, n)
	for i := end; nodes[i].prev >= 0; i = nodes[i].prev {
		n--
		breaks[n] = nodes[i].pos
	}
	return breaks, nodes[end].demerits, fitted
}

// firstFit breaks greedily: each line ends at the last legal break where it
// fits, with its glue shrunk if need be. A line where nothing fits ends at
// its first legal break, overfull.
func (p *paragraph) firstFit() []int {
	var breaks []int
	s, lastFit := 0, -1
	for b := 0; b < len(p.items); b++ {
		if b < s || !p.legal(b) {
			continue
		}
		r := p.ratio(s, b, len(breaks))
		end := -1
		switch {
		case r >= -1 && p.items[b].forced():
			end = b
		case r >= -1:
			lastFit = b
		case lastFit >= 0:
			// Too long: end the line at the last fit and look again
			// from there.
			end, b = lastFit, lastFit
		default:
			end = b
		}
		if end >= 0 {
			breaks = append(breaks, end)
			s, lastFit = p.after(end), -1
		}
	}
	return breaks
}

// result describes the lines that breaks make.
func (p *paragraph) result(breaks []int, demerits float64, m Method) Result {
	res := Result{
		Breaks:   breaks,
		Starts:   make([]int, len(breaks)),
		Ratios:   make([]float64, len(breaks)),
		Demerits: demerits,
		Method:   m,
	}
	s := 0
	for i, b := range breaks {
		res.Starts[i] = s
		r := p.ratio(s, b, i)
		switch {
		case r < -1:
			r = -1
			res.Overfull = append(res.Overfull, i)
		case math.IsInf(r, 1):
			r = 0
		}
		res.Ratios[i] = r
		s = p.after(b)
	}
	return res
}
