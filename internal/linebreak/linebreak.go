// Package linebreak chooses where a paragraph's lines end, by the total-fit
// method of Knuth and Plass, "Breaking paragraphs into lines" (Software:
// Practice and Experience 11, 1981), the one TeX and Typst use: of all the
// ways to break the paragraph, it takes the one with the least total
// demerits, a cost that grows with the cube of how far each line's spaces
// are stretched or shrunk, so that no line is left very loose for the sake
// of filling the lines before it, as breaking greedily does.
//
// The package knows nothing of fonts or PDF. The caller describes a
// paragraph as a list of items with widths in any unit (points, in this
// project): boxes for words or parts of words, glue for the spaces between
// them, penalties for other places where a line may (or must, or must not)
// end. Break returns the indices of the items where the lines end and, for
// each line, the adjustment ratio by which its glue is to be stretched or
// shrunk to fill the measure.
//
// For text, a word is a box; the space after it is glue (NewGlue advises
// its stretch and shrink); a hyphen inside a word ("well-known") ends a box
// and is followed by a flagged penalty of width 0, a hyphenation point by a
// flagged penalty of the hyphen's width, a zero-width space by glue of
// width 0; a hard line break and the end of the paragraph are made by
// Finish.
//
// Whatever the input, Break gives every paragraph lines: when no way of
// breaking it keeps every line within Options.Tolerance, it tries again
// with Options.RelaxedTolerance, and when that fails too (a word wider than
// the measure, say) it breaks greedily, first fit, letting such a word
// stand out past the measure on a line of its own. Result.Method says which
// way was used.
//
// The work is linear in the length of the paragraph for a fixed measure,
// and bounded: paragraphs longer than Options.MaxItems go straight to
// first fit, and so do those where too many breaks fit on a line for the
// work to stay linear.
//
// The result depends on the input alone: ties between equally good ways
// are broken towards the earliest candidate, never by map order or chance.
package linebreak

import (
	"errors"
	"fmt"
	"math"
)

// Kind is what an Item stands for: Box, Glue or Penalty.
type Kind uint8

// The kinds of items, as in the paper.
const (
	// Box is material that is set as it is: a word, a part of a word, a
	// footnote number, a fixed space. A line never ends at a box.
	Box Kind = iota
	// Glue is a space that may be stretched or shrunk to justify the
	// line: the space between two words. A line may end at glue that
	// follows a box; the glue is then dropped, together with any glue and
	// penalties after it up to the next box or forced break.
	Glue
	// Penalty is a place where a line may end at a cost: the point of a
	// hyphen, say. It has no width unless the line ends there, when its
	// width (the hyphen's) is added to the line.
	Penalty
)

// Infinity is the penalty that forbids a break: a Penalty with Penalty of
// Infinity or more is never a place where a line ends. Minus Infinity, or
// less, forces a break (ForcedBreak). The value is TeX's.
const Infinity = 10000

// ForcedBreak is the penalty that ends a line whatever the cost: the end of
// a paragraph, a hard line break.
const ForcedBreak = -Infinity

// Item is one element of a paragraph: a box, glue or penalty.
type Item struct {
	Kind Kind
	// Width is the natural width of the item. For a penalty, it is the
	// width added to the line when the line ends there (a hyphen's).
	Width float64
	// Stretch and Shrink are how much glue may grow or shrink when the
	// line is justified, at an adjustment ratio of 1 and -1. Neither may
	// be negative; a line is never shrunk beyond its glue's Shrink.
	// Stretch may be +Inf (fill glue, TeX's \hfil): a line holding such
	// glue is set at its natural width, the fill glue taking all the
	// room left, and its ratio is 0. Both are 0 for boxes and penalties.
	Stretch, Shrink float64
	// Penalty is the cost of ending a line here, for a penalty item:
	// between ForcedBreak and Infinity, exclusive, an aesthetic cost
	// (negative to invite a break); Infinity or more forbids a break,
	// ForcedBreak or less forces one.
	Penalty float64
	// Flagged marks a penalty at which a break leaves a hyphen. A flagged
	// break costs Options.HyphenPenalty more than its Penalty, and two
	// lines in a row ending at flagged breaks cost
	// Options.DoubleHyphenDemerits more.
	Flagged bool
}

// NewBox returns a box of width w.
func NewBox(w float64) Item { return Item{Kind: Box, Width: w} }

// NewGlue returns glue of natural width w that may stretch by stretch and
// shrink by shrink. For the space between words, TeX's fonts take a stretch
// of half the space and a shrink of a third, which DefaultTolerance assumes.
func NewGlue(w, stretch, shrink float64) Item {
	return Item{Kind: Glue, Width: w, Stretch: stretch, Shrink: shrink}
}

// NewPenalty returns a penalty of width w (added to the line only if it
// ends there) and cost p, flagged for a hyphenation point.
func NewPenalty(w, p float64, flagged bool) Item {
	return Item{Kind: Penalty, Width: w, Penalty: p, Flagged: flagged}
}

// Finish ends a line the way a paragraph's last line ends, and returns the
// extended list: it drops trailing glue and appends a penalty forbidding a
// break, glue of width 0 and infinite stretch and a forced break (TeX's
// \parfillskip), so that the line is set at its natural width instead of
// being stretched to the measure. Every paragraph must end this way; Finish
// also serves for a hard line break inside a paragraph, whose line is not
// justified either. If the line so ended would hold no box (an empty
// paragraph, or an empty line between two hard breaks), Finish adds an
// empty box first, so that the line is kept.
func Finish(items []Item) []Item {
	for len(items) > 0 && items[len(items)-1].Kind == Glue {
		items = items[:len(items)-1]
	}
	empty := true
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		if it.Kind == Box {
			empty = false
			break
		}
		if it.Kind == Penalty && it.Penalty <= ForcedBreak {
			break
		}
	}
	if empty {
		items = append(items, NewBox(0))
	}
	return append(items,
		NewPenalty(0, Infinity, false),
		NewGlue(0, math.Inf(1), 0),
		NewPenalty(0, ForcedBreak, false))
}

// Options are the parameters of Break. DefaultOptions returns the usual
// ones; change fields of that rather than starting from the zero Options,
// whose zero tolerances accept only perfectly fitting lines.
//
// There is no looseness (TeX's \looseness): it is always 0, so the best
// breaks are taken whatever number of lines they make.
type Options struct {
	// Tolerance is the largest adjustment ratio accepted for a line in the
	// first attempt: its glue may stretch to Tolerance times its Stretch.
	// (Shrinking never goes beyond a ratio of -1.)
	Tolerance float64
	// RelaxedTolerance is the largest ratio of the second attempt, made
	// when no breaks keep every line within Tolerance. In that attempt a
	// line that is short but has nothing to stretch (a single word in a
	// narrow column) is accepted too, set at its natural width, as TeX
	// does at \tolerance=10000. No second attempt is made if it is not
	// above Tolerance.
	RelaxedTolerance float64
	// LinePenalty is added to each line's badness before squaring (TeX's
	// \linepenalty): the higher, the fewer lines.
	LinePenalty float64
	// HyphenPenalty is added to the Penalty of every flagged item (TeX's
	// \hyphenpenalty), so that the caller can mark hyphenation points with
	// a Penalty of 0 and leave their cost to the options.
	HyphenPenalty float64
	// DoubleHyphenDemerits are added when two lines in a row end at
	// flagged breaks (TeX's \doublehyphendemerits).
	DoubleHyphenDemerits float64
	// FitnessDemerits are added when a line's fitness class (tight,
	// decent, loose, very loose) is not next to the previous line's
	// (TeX's \adjdemerits), so that a very loose line does not follow a
	// decent or tight one.
	FitnessDemerits float64
	// MaxItems bounds the work: a paragraph of more items is broken first
	// fit at once. 0 means no bound.
	MaxItems int
	// LineEndStretch is stretch that every line has at its end, for
	// ragged text (TeX's \rightskip 0pt plus 2em under \RaggedRight):
	// give the spaces no stretch or shrink and this, and total fit evens
	// out the lines' lengths, a short line costing as its gap to the
	// measure, instead of stretching spaces. 0 for justified text.
	LineEndStretch float64
}

// Defaults. The penalties and demerits are TeX's (plain TeX and LaTeX), which
// decades of use have tuned for text of a few hundred words.
const (
	// DefaultTolerance is TeX's \tolerance=200 turned into a ratio (badness
	// is 100 r³, and 100·1.26³ = 200). With the space's stretch half the
	// space, as NewGlue advises, it lets a space grow to 1.63 times its
	// width, about the most a typographer accepts in justified text.
	DefaultTolerance = 1.26
	// DefaultRelaxedTolerance is TeX's \sloppy (\tolerance=9999) as a
	// ratio: spaces up to 3.3 times their width, bad but better than the
	// first fit that is the last resort.
	DefaultRelaxedTolerance = 4.64
	// DefaultLinePenalty is TeX's \linepenalty.
	DefaultLinePenalty = 10
	// DefaultHyphenPenalty is TeX's \hyphenpenalty and \exhyphenpenalty.
	DefaultHyphenPenalty = 50
	// DefaultDoubleHyphenDemerits is TeX's \doublehyphendemerits.
	DefaultDoubleHyphenDemerits = 10000
	// DefaultFitnessDemerits is TeX's \adjdemerits.
	DefaultFitnessDemerits = 10000
	// DefaultMaxItems is 20,000 items, some 8,000 words with their
	// spaces and hyphens: 20 pages of one paragraph, which no paragraph of
	// a report comes near (a long one has a few hundred words), so real
	// text never meets it. Total fit is linear, but it costs about 0.2 µs
	// and 90 bytes per item and attempt (BenchmarkBreak), 5 times first
	// fit, and may make two attempts; the bound keeps input of any
	// size (a data dump pasted without a paragraph break, where the look
	// of the lines matters little) to under 10 ms and a few megabytes.
	DefaultMaxItems = 20000
)

// DefaultOptions returns the defaults described with each constant.
func DefaultOptions() Options {
	return Options{
		Tolerance:            DefaultTolerance,
		RelaxedTolerance:     DefaultRelaxedTolerance,
		LinePenalty:          DefaultLinePenalty,
		HyphenPenalty:        DefaultHyphenPenalty,
		DoubleHyphenDemerits: DefaultDoubleHyphenDemerits,
		FitnessDemerits:      DefaultFitnessDemerits,
		MaxItems:             DefaultMaxItems,
	}
}

// Method is the way a Result was found.
type Method uint8

// The methods, from best to worst.
const (
	// Optimal is total fit with every line within Options.Tolerance.
	Optimal Method = iota
	// Relaxed is total fit with every line within
	// Options.RelaxedTolerance, or short with nothing to stretch.
	Relaxed
	// Greedy is first fit: each line takes as much as fits, shrinking its
	// glue if need be; a line that holds nothing that fits holds the
	// least there is, past the measure, and is listed in Result.Overfull.
	// It is used when total fit fails, when it would take too long (when
	// many dozens of breaks fit on one line) and for paragraphs over
	// Options.MaxItems.
	Greedy
)

func (m Method) String() string {
	switch m {
	case Optimal:
		return "optimal"
	case Relaxed:
		return "relaxed"
	case Greedy:
		return "greedy"
	}
	return fmt.Sprintf("Method(%d)", m)
}

// Result is where a paragraph's lines end and how to set them. Line i holds
// the items from Starts[i] up to Breaks[i], excluding the break item itself
// unless it is a penalty, whose width (a hyphen) then ends the line.
type Result struct {
	// Breaks are the indices of the items at which the lines end, in
	// increasing order; the last is the paragraph's final forced break.
	Breaks []int
	// Starts are the indices of each line's first item: 0 for the first
	// line, then the first item after the previous break that is a box or
	// a forced break, since glue and penalties after a break are dropped.
	// A line ending at a forced break right after another holds nothing,
	// and its start is its break.
	Starts []int
	// Ratios are the lines' adjustment ratios: to justify line i, each of
	// its glue items gets Width + Ratios[i]·Stretch when the ratio is
	// positive, Width + Ratios[i]·Shrink when it is negative. A line
	// holding fill glue (the last) has ratio 0 when short, as has a short
	// line with nothing to stretch; an overfull line has -1. Ratios are
	// always finite and at least -1.
	Ratios []float64
	// Overfull lists the lines wider than their measure even with all
	// their glue shrunk: only first fit makes them.
	Overfull []int
	// Demerits is the total cost of the breaks, for total fit; 0 for
	// first fit.
	Demerits float64
	// Method says how the breaks were found.
	Method Method
}

// Errors of Break, for input it cannot make sense of.
var (
	// ErrNoWidths is returned when the list of line widths is empty.
	ErrNoWidths = errors.New("linebreak: no line widths")
	// ErrBadWidth is returned for a line width that is NaN or infinite.
	ErrBadWidth = errors.New("linebreak: line width not a finite number")
	// ErrBadItem is returned, wrapped with the item's index, for an item
	// with a NaN or infinite width, negative stretch or shrink, infinite
	// shrink, a NaN penalty or an unknown kind.
	ErrBadItem = errors.New("linebreak: invalid item")
	// ErrNotFinished is returned when the items do not end with a forced
	// break; Finish appends one.
	ErrNotFinished = errors.New("linebreak: items do not end with a forced break (see Finish)")
)

// Break chooses the line breaks of the paragraph items, whose line i is
// widths[i] wide, or the last of widths for lines beyond them: a single
// width for a column or a table cell, or, say, a shorter first line and
// then the column's width. (The measures are a list rather than a function
// of the line number because knowing from which line on they stay the same
// is what keeps the work linear: past it, ways of breaking that differ in
// their number of lines so far need no separate account.)
//
// The items must end with a forced break, as Finish leaves them. No items
// give no lines. An error is returned only for invalid input; a paragraph
// that cannot be broken well is still broken, as Result.Method reports.
func Break(items []Item, widths []float64, opts Options) (Result, error) {
	if err := validate(items, widths); err != nil {
		return Result{}, err
	}
	if len(items) == 0 {
		return Result{Method: Optimal}, nil
	}
	p := newParagraph(items, widths, opts)
	defer p.release()
	if opts.MaxItems <= 0 || len(items) <= opts.MaxItems {
		breaks, d, out := p.totalFit(opts.Tolerance, false)
		if out == fitted {
			return p.result(breaks, d, Optimal), nil
		}
		// A relaxed attempt keeps more breaks active: if the strict one
		// went over its budget, so would it.
		if out == infeasible && opts.RelaxedTolerance > opts.Tolerance {
			if breaks, d, out := p.totalFit(opts.RelaxedTolerance, true); out == fitted {
				return p.result(breaks, d, Relaxed), nil
			}
		}
	}
	return p.result(p.firstFit(), 0, Greedy), nil
}

// FirstFit breaks the items greedily, as Break does when total fit fails:
// each line ends at the last break where it fits, shrunk if need be. It is
// the usual way of breaking lines, given for comparison.
func FirstFit(items []Item, widths []float64) (Result, error) {
	if err := validate(items, widths); err != nil {
		return Result{}, err
	}
	if len(items) == 0 {
		return Result{Method: Greedy}, nil
	}
	p := newParagraph(items, widths, DefaultOptions())
	defer p.release()
	return p.result(p.firstFit(), 0, Greedy), nil
}

func validate(items []Item, widths []float64) error {
	if len(widths) == 0 {
		return ErrNoWidths
	}
	for _, w := range widths {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return ErrBadWidth
		}
	}
	for i, it := range items {
		var why string
		switch {
		case it.Kind > Penalty:
			why = "unknown kind"
		case math.IsNaN(it.Width) || math.IsInf(it.Width, 0):
			why = "width not a finite number"
		case math.IsNaN(it.Stretch) || it.Stretch < 0:
			why = "negative or NaN stretch"
		case math.IsNaN(it.Shrink) || it.Shrink < 0 || math.IsInf(it.Shrink, 0):
			why = "negative, infinite or NaN shrink"
		case math.IsNaN(it.Penalty):
			why = "NaN penalty"
		}
		if why != "" {
			return fmt.Errorf("%w %d: %s", ErrBadItem, i, why)
		}
	}
	if n := len(items); n > 0 && !items[n-1].forced() {
		return ErrNotFinished
	}
	return nil
}

func (it Item) forced() bool { return it.Kind == Penalty && it.Penalty <= ForcedBreak }
