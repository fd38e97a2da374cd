package layout

// Style is the weight and slant a text fragment is set in. Gap marks a
// value still to fill in (Run.Gap): always with Bold and Italic, so that a
// Measurer measures it in the bold italic face it is drawn in. Change
// marks the words of a redline (Run.Change), which the face does not
// depend on.
type Style struct {
	Bold, Italic bool
	Gap          bool
	Change       Change
}

// Change marks text of a redline, one version of the report shown with
// the changes from another: words inserted, drawn underlined, or deleted,
// drawn struck through; both in a colour of their own too.
type Change int8

// The marks of a redline.
const (
	Unchanged Change = iota
	Inserted
	Deleted
)

// Measurer measures text. Width returns the advance width, in points, of s set
// in style at size points. Layout assumes widths add up: the width of a string
// is the sum of the widths of its parts (no kerning), as in the PDF writer.
// Layout calls it from more than one goroutine at once (see setBody), as it
// does the Document's Hyphenator.
type Measurer interface {
	Width(s string, style Style, size float64) float64
}

// Rect is an axis-aligned rectangle; Y is its top edge.
type Rect struct {
	X, Y, W, H float64
}

// Page is one laid-out page: its boxes in drawing order within each kind
// (fills first, then rules, then text).
type Page struct {
	Number        int     // 1-based
	Width, Height float64 // the page's size
	Content       Rect    // the area inside the margins; every box lies in it

	Fills     []Fill
	Lines     []Line
	Texts     []Text
	Links     []Link
	Anchors   []Anchor
	Bookmarks []Bookmark
	// Footnotes is the area at the foot of the page holding the separator
	// rule and the footnotes first referenced on this page; zero when none.
	Footnotes Rect
}

// Text is a fragment of text in one style on one line. X is the left edge of
// the first glyph and Baseline the baseline; Y and H are the line's box, used
// for overlap checks, and W the measured width.
type Text struct {
	X, Y, W, H float64
	Baseline   float64
	Text       string
	Style      Style
	Size       float64
	// Elem is the structure element the text belongs to; nil when the
	// document has no structure or the text is an artifact.
	Elem *Elem
	// Artifact marks a text that is not part of the content: a table's
	// header rows set again on a page the table continues on.
	Artifact bool
}

// Box returns the fragment's rectangle (its width by its line's height).
func (t Text) Box() Rect { return Rect{t.X, t.Y, t.W, t.H} }

// Line is a straight rule from (X1, Y1) to (X2, Y2), Width points thick.
type Line struct {
	X1, Y1, X2, Y2 float64
	Width          float64
}

// Fill is a rectangle filled in a grey level from 0 (black) to 1 (white).
type Fill struct {
	Rect
	Gray float64
}

// Link is a clickable area: URL is an external address, or "#ID" for an
// Anchor of that ID.
type Link struct {
	Rect
	URL  string
	Elem *Elem // the Link element, if any
}

// Anchor is a link target on a page: the top of a table row with an ID.
type Anchor struct {
	ID string
	Y  float64
}

// Bookmark is an outline entry: the title block or a heading. Level 0 is the
// top level; levels never rise by more than one from one bookmark to the next.
type Bookmark struct {
	Text  string
	Level int
	Y     float64
}
