package layout

// mm is one millimetre in points.
const mm = 72 / 25.4

// Geometry is the page format and the typographic settings of a layout.
type Geometry struct {
	PageWidth, PageHeight float64
	// Margins around the content area. Page furniture (the page number)
	// is drawn by the writer inside the bottom margin, below the content.
	MarginTop, MarginBottom, MarginLeft, MarginRight float64

	BodySize     float64 // body text
	TableSize    float64 // text in table cells
	FootnoteSize float64 // footnote text
	TitleSize    float64 // the title of the title block
	Leading      float64 // line height as a multiple of the font size

	// Ascent and Descent are the font's ascender and descender as fractions
	// of the em, used to put the baseline in the middle of the line box.
	Ascent, Descent float64

	ParagraphSpacing float64 // space after a paragraph
	CellPadding      float64 // space between a cell's rules and its text
	ListIndent       float64 // indent of list items' text
	FootnoteIndent   float64 // hanging indent of footnote text
	RuleWidth        float64 // thickness of table rules and the separator
	HeaderGray       float64 // grey level of header cells
}

// A4 returns the geometry of an official A4 document: 25 mm side margins,
// 20 mm top and 25 mm bottom, Liberation Serif at 11 pt for the body, 9 pt in
// tables and footnotes.
func A4() Geometry {
	return Geometry{
		PageWidth: 210 * mm, PageHeight: 297 * mm,
		MarginTop: 20 * mm, MarginBottom: 25 * mm,
		MarginLeft: 25 * mm, MarginRight: 25 * mm,

		BodySize: 11, TableSize: 9, FootnoteSize: 9, TitleSize: 14,
		Leading: 1.2,
		// Liberation Serif's hhea metrics.
		Ascent: 0.891, Descent: 0.216,

		ParagraphSpacing: 6,
		CellPadding:      3,
		ListIndent:       18,
		FootnoteIndent:   10,
		RuleWidth:        0.5,
		HeaderGray:       0.88,
	}
}

// turned is the geometry of the same page turned sideways (landscape), with
// the same margins.
func (g Geometry) turned() Geometry {
	g.PageWidth, g.PageHeight = g.PageHeight, g.PageWidth
	return g
}

// content returns the area inside the margins.
func (g Geometry) content() Rect {
	return Rect{g.MarginLeft, g.MarginTop, g.PageWidth - g.MarginLeft - g.MarginRight, g.PageHeight - g.MarginTop - g.MarginBottom}
}

// baseline returns the baseline's offset from the top of a line box of height
// lh holding text of the given size: the glyphs' box is centred in the line.
func (g Geometry) baseline(size, lh float64) float64 {
	return (lh-(g.Ascent+g.Descent)*size)/2 + g.Ascent*size
}
