// Package layout is the report's page layout engine. It takes a Document of
// blocks and styled runs, measures text through a Measurer and returns pages
// of positioned boxes (text fragments, rules, fills, links, bookmarks,
// footnote areas) for a drawing back end such as internal/pdfdraw.
//
// Layout works in two passes. Preparing a block measures each word once and
// records its minimum and natural widths; laying out at a width then wraps
// those measured words without measuring again, so nested tables and lists do
// not re-measure their subtrees. Pagination places the laid-out lines, tables
// and footnotes on pages. Nothing is kept between calls to Layout.
//
// All lengths are in PostScript points (1/72 inch); y grows downwards from the
// top edge of the page.
package layout

// Document is the input of Layout: the blocks of the body in reading order and
// the footnotes they reference.
type Document struct {
	Blocks []Block
	// Footnotes maps a footnote number to its content. A footnote is set at
	// the foot of the page that holds its first reference (a Run with that
	// FootnoteRef); footnotes never referenced are not set.
	Footnotes map[int][]Block
	// Hyphenator tells where a word may be hyphenated; nil sets no
	// hyphens. Running text uses it as any other break, at a cost; table
	// cells only for words too long for their column, and never in the
	// body cell heading a row (a State's name).
	Hyphenator Hyphenator
	// Structure, when set, is the root of the document's logical
	// structure (a tagged PDF's structure tree): the blocks, rows, cells
	// and runs point into it, and the texts laid out from them carry
	// their element (Text.Elem).
	Structure *Elem
	// Notes are the footnotes' elements by number, which their numbers
	// at the foot of the page belong to.
	Notes map[int]*Elem
	// TablesSet, when set, is called with the columns of the body's
	// tables (Result.Tables) as soon as they are set, before the pages
	// are: a writer that sets the same tables elsewhere (the DOCX) need
	// not wait for the pages. It is called at most once, possibly from
	// another goroutine, and not when a table cannot be set.
	TablesSet func(map[*Table]Columns)
}

// Elem is an element of the document's logical structure: a standard
// structure type of ISO 32000-1, 14.8.4 (Document, H1, P, Table, TR, TH,
// TD, L, LI, Lbl, LBody, Link, Reference, Note, Caption), its parent and
// its child elements in reading order.
type Elem struct {
	Role   string
	Parent *Elem
	Kids   []*Elem
	// Attrs are extra entries of the element's dictionary, such as
	// "/A <</O /Table /Scope /Column>>".
	Attrs string
	// Alt is the element's replacement text (ActualText): what a mark
	// in a table cell means, in words.
	Alt string
	// ID identifies a Note.
	ID string
}

// Add appends a child element of role to e and returns it.
func (e *Elem) Add(role string) *Elem {
	k := &Elem{Role: role, Parent: e}
	e.Kids = append(e.Kids, k)
	return k
}

// Hyphenator gives the byte offsets inside word where a hyphen may go. It
// must be safe for concurrent use.
type Hyphenator interface {
	Points(word string) []int
}

// Warning is a compromise the layout had to make, for the editors: a word
// broken between two letters where no hyphen may go, because it is wider
// than its column even in the smallest type.
type Warning struct {
	Table  string // the table's name, e.g. "participation"; "" outside tables
	Column string // the column's heading, or its number
	Word   string
}

// Block is a block-level element: *Paragraph, *Heading, *List, *Table,
// *Rule, *TitleBlock or *PageBreak.
type Block interface{ isBlock() }

// Align is the horizontal alignment of text in a paragraph or a table cell.
type Align int

// Alignments. AlignDefault takes the context's default: justified for body
// paragraphs, left in table cells and footnotes, or the cell's own Align.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

// Paragraph is a run of text wrapped into lines.
type Paragraph struct {
	Runs  []Run
	Align Align
	Elem  *Elem // the P, or the cell's TD or TH, the paragraph belongs to
}

// Heading is a section heading: bold, kept with what follows, and listed in
// the PDF outline. Level 1 is the top level.
type Heading struct {
	Level int
	Runs  []Run
	// Bookmark is the outline entry's text; empty means the heading's text.
	Bookmark string
	Elem     *Elem
}

// List is a bulleted (Ordered false) or numbered list. Start is the first
// number of an ordered list; 0 means 1.
type List struct {
	Ordered bool
	Start   int
	Items   [][]Block
	// Labels are the Lbl elements of the items' markers, by item.
	Labels []*Elem
}

// Table is a ruled table. Head rows are repeated at the top of every page the
// table continues on; a Body row taller than the space left on a page is split
// line by line, its cells continuing side by side on the next page.
type Table struct {
	// Name names the table in warnings, e.g. "participation".
	Name string
	// Landscape sets the table on pages of its own turned sideways, for a
	// table too wide for the page's width; a table in a cell or a
	// footnote ignores it.
	Landscape bool
	// Caption is set above the table, centred and bold, and kept with it.
	Caption []Run
	Head    []Row
	Body    []Row
	// Bookmark, when set, is the table's entry in the outline, under the
	// heading before it; a body row's own Bookmark goes under it.
	Bookmark string
	// Widths are optional relative column widths. When every column has a
	// positive entry, columns share the table width in these proportions;
	// columns whose entry is zero, negative or missing are sized from their
	// content and the others share the rest in proportion. Either way no
	// column is made narrower than its longest word while the words fit.
	Widths []float64
	// CaptionElem is the caption's element.
	CaptionElem *Elem
}

// Row is a table row. ID, if set, names an anchor at the row's top that a
// Run's Link "#ID" points to.
type Row struct {
	Cells []Cell
	ID    string
	// Bookmark, when set on a body row of a table with a Bookmark, is the
	// row's entry in the outline (a State of the table of positions).
	Bookmark string
}

// Cell is a table cell. ColSpan and RowSpan of 0 mean 1. The cells of Head
// rows, the column headers, are set bold and centred on a light grey ground.
// A body cell with Header set heads its row (a State's name): it is set like
// the other body cells, as official documents set the first column, so that
// the grey marks only the header rows repeated on each page. Align is the
// default alignment of the cell's paragraphs.
//
// Body cells spanning rows are kept together with the rows they span: such a
// group is never split across pages, and a group taller than a page is an
// error.
type Cell struct {
	Blocks  []Block
	ColSpan int
	RowSpan int
	Header  bool
	Align   Align
}

// Rule is a horizontal rule across the text width.
type Rule struct{}

// PageBreak starts a new page, unless nothing has been set on the current
// page yet. It is for matter that must not share a page with what precedes
// it, such as a draft's editors' checklist after the report. In a table cell
// or a footnote it does nothing.
type PageBreak struct{}

// TitleBlock is the document's title as an official document sets it on its
// first page: the title centred in bold, then its lines centred under it:
// the first (the presenting line, for example "Presented by the President
// of the Sixteenth Meeting of the States Parties") a point larger than the
// body, the others (the date) at the body's size.
type TitleBlock struct {
	Title []Run
	Lines [][]Run
	// TitleElem and LineElems are the elements of the title and of
	// each line.
	TitleElem *Elem
	LineElems []*Elem
}

// Run is a stretch of text in one style. A Run with FootnoteRef > 0 is a
// footnote reference: it is set as a superscript number (Text, or the number
// itself when Text is empty) and makes the footnote appear on its page. Link
// is a URL, or "#ID" for a table row with that ID. A Run with Gap set is a
// value an editor has still to fill in (a draft's "[to fill in: …]"): it is
// set in bold italic with Style.Gap, which the drawing back end shows as a
// highlight, and never shares a fragment with text that is not a gap.
type Run struct {
	Text        string
	Bold        bool
	Italic      bool
	Superscript bool
	Link        string
	FootnoteRef int
	Gap         bool
	// Change marks the words of a redline, inserted or deleted.
	Change Change
	// Elem, when set, is the run's own element (a Link or a Reference);
	// else the run belongs to its block's.
	Elem *Elem
}

func (*Paragraph) isBlock()  {}
func (*Heading) isBlock()    {}
func (*List) isBlock()       {}
func (*Table) isBlock()      {}
func (*Rule) isBlock()       {}
func (*PageBreak) isBlock()  {}
func (*TitleBlock) isBlock() {}
