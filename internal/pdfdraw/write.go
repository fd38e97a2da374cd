package pdfdraw

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"unireport/internal/fonts"
	"unireport/internal/layout"
	"unireport/internal/lazyregexp"
	"unireport/internal/version"
)

// Options are the document-level settings of a PDF.
type Options struct {
	// Fonts are the faces the pages were measured with; nil means the
	// embedded Liberation Serif.
	Fonts *fonts.Set

	// Document information. Language is a BCP 47 tag such as "en".
	Title, Author, Subject, Keywords, Creator, Language string

	// Created is the creation date written in the PDF, required so that
	// builds are reproducible: the caller takes it from SOURCE_DATE_EPOCH
	// or the edition's date. Modified defaults to Created.
	Created, Modified time.Time

	// Draft draws a light diagonal "DRAFT" across every page and BuildTime
	// in the footer. A final build has neither.
	Draft     bool
	BuildTime time.Time

	// Structure, when set, makes the PDF tagged (PDF/UA-1): the root of
	// the logical structure that the pages' texts point into.
	Structure *layout.Elem
}

// Furniture sizes: the page number, the draft note and the watermark.
const (
	folioSize     = 9
	draftNoteSize = 8
	watermarkSize = 110
	watermarkGray = 215 // of 255: light enough to read the text through
)

// A gap, a value still to fill in (layout.Style.Gap), is drawn in bold
// italic dark red (6.7:1 on its ground) on a light yellow ground that
// reaches gapPad beyond the text on either side.
var (
	gapInk    = [3]int{170, 0, 0}
	gapGround = [3]int{255, 240, 150}
)

const gapPad = 1

var langTag = lazyregexp.New(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Write draws pages into a PDF and writes it to w. The same pages and options
// give the same bytes. The page number is centred in the bottom margin; the
// outline lists the pages' bookmarks. Write never panics: a failure, and any
// text the fonts cannot draw, comes back as an error naming the page and
// what failed; nothing is written to w then.
func Write(w io.Writer, pages []layout.Page, opts Options) error {
	pdf, err := Render(pages, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// Render is Write that returns the PDF's bytes.
func Render(pages []layout.Page, opts Options) (_ []byte, err error) {
	stage := "starting"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfdraw: %s: internal error: %v", stage, r)
		}
	}()
	if err := opts.check(); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errors.New("pdfdraw: no pages")
	}
	set := opts.Fonts
	if set == nil {
		set = fonts.Default()
	}
	stage = "checking the pages"
	if err := check(pages, set, opts); err != nil {
		return nil, err
	}
	stage = "registering fonts"
	faces := usedFaces(pages, opts)
	pdf, err := newPDF(set, pages[0].Width, pages[0].Height, faces)
	if err != nil {
		return nil, fmt.Errorf("pdfdraw: %w", err)
	}
	opts.setInfo(pdf)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)

	// Anchors become link targets before any page refers to them.
	targets := map[string]int{}
	for _, p := range pages {
		for _, a := range p.Anchors {
			if _, dup := targets[a.ID]; !dup {
				id := pdf.AddLink()
				pdf.SetLink(id, a.Y, p.Number)
				targets[a.ID] = id
			}
		}
	}
	d := drawer{pdf: pdf, names: faceNames(set), targets: targets, opts: opts, used: map[string]map[rune]bool{}}
	if opts.Structure != nil {
		d.tags = newTagger(opts.Structure)
	}
	for i, p := range pages {
		d.index = i
		stage = fmt.Sprintf("page %d", p.Number)
		if err := d.page(p); err != nil {
			return nil, fmt.Errorf("pdfdraw: page %d: %w", i+1, err)
		}
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdfdraw: page %d: %w", i+1, err)
		}
	}
	if d.tags != nil {
		d.tags.install(pdf, len(pages))
	}
	stage = "writing the file"
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdfdraw: writing the PDF: %w", err)
	}
	out := buf.Bytes()
	if err := tagSubsets(out, set, faces, d.used); err != nil {
		return nil, fmt.Errorf("pdfdraw: %w", err)
	}
	return out, nil
}

func (o Options) check() error {
	if o.Created.IsZero() {
		return errors.New("pdfdraw: Options.Created is not set; pass SOURCE_DATE_EPOCH or the edition's date so that builds are reproducible")
	}
	if o.Language != "" && !langTag.MatchString(o.Language) {
		return fmt.Errorf("pdfdraw: language %q is not a BCP 47 tag", o.Language)
	}
	if o.Draft && o.BuildTime.IsZero() {
		return errors.New("pdfdraw: a draft needs its BuildTime")
	}
	return nil
}

func (o Options) setInfo(pdf *fpdf.Fpdf) {
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(o.Created.UTC())
	mod := o.Modified
	if mod.IsZero() {
		mod = o.Created
	}
	pdf.SetModificationDate(mod.UTC())
	creator := o.Creator
	if creator == "" {
		creator = "unireport"
	}
	pdf.SetTitle(o.Title, true)
	pdf.SetAuthor(o.Author, true)
	pdf.SetSubject(o.Subject, true)
	pdf.SetKeywords(o.Keywords, true)
	pdf.SetCreator(creator, true)
	pdf.SetProducer(version.Program(), true) // not fpdf's own "FPDF 1.7"
	pdf.SetLang(o.Language)
	pdf.SetDisplayMode("default", "continuous")
	pdf.SetXmpMetadata(xmpPacket(o, creator, o.Created, mod))
	// A viewer's window shows the title, not the file's name.
	pdf.SetDisplayDocTitle(true)
}

// check refuses what the PDF writer would draw wrongly or panic on: text the
// fonts lack, sizes and coordinates that are not finite numbers, links to
// anchors that do not exist.
func check(pages []layout.Page, set *fonts.Set, opts Options) error {
	ids := map[string]bool{}
	for _, p := range pages {
		for _, a := range p.Anchors {
			ids[a.ID] = true
		}
	}
	for i, p := range pages {
		if !finite(p.Width, p.Height) || p.Width <= 0 || p.Height <= 0 {
			return fmt.Errorf("pdfdraw: page %d: invalid size %gx%g", i+1, p.Width, p.Height)
		}
		for _, t := range p.Texts {
			face := fonts.FaceOf(t.Style.Bold, t.Style.Italic)
			if at, r, missing := set.MissingIn(face, t.Text); missing {
				return fmt.Errorf("pdfdraw: page %d: %s cannot be drawn in the %s %s face (byte %d of %q)",
					i+1, describe(r), set.Family, face, at, t.Text)
			}
			if !finite(t.X, t.Baseline, t.Size) || t.Size <= 0 {
				return fmt.Errorf("pdfdraw: page %d: text %q has an invalid position or size", i+1, t.Text)
			}
		}
		for _, l := range p.Lines {
			if !finite(l.X1, l.Y1, l.X2, l.Y2, l.Width) {
				return fmt.Errorf("pdfdraw: page %d: a rule has an invalid position", i+1)
			}
		}
		for _, f := range p.Fills {
			if !finite(f.X, f.Y, f.W, f.H, f.Gray) {
				return fmt.Errorf("pdfdraw: page %d: a fill has an invalid position", i+1)
			}
		}
		for _, l := range p.Links {
			if !finite(l.X, l.Y, l.W, l.H) {
				return fmt.Errorf("pdfdraw: page %d: link %q has an invalid position", i+1, l.URL)
			}
			if len(l.URL) > 1 && l.URL[0] == '#' && !ids[l.URL[1:]] {
				return fmt.Errorf("pdfdraw: page %d: link to %q: no row has that ID", i+1, l.URL)
			}
		}
		for _, b := range p.Bookmarks {
			if at, r, missing := set.MissingIn(fonts.Regular, b.Text); missing {
				return fmt.Errorf("pdfdraw: page %d: bookmark %q: %s at byte %d is not drawable", i+1, b.Text, describe(r), at)
			}
		}
	}
	if opts.Draft {
		if _, r, missing := set.MissingIn(fonts.Italic, draftNote(opts.BuildTime)); missing {
			return fmt.Errorf("pdfdraw: the draft note: %s is not in the font", describe(r))
		}
	}
	return nil
}

func describe(r rune) string {
	if r == 0xFFFD {
		return "invalid UTF-8 or U+FFFD"
	}
	if r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0 {
		return fmt.Sprintf("control character %U", r)
	}
	return fmt.Sprintf("character %U %q", r, r)
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func draftNote(t time.Time) string {
	return "Draft built " + t.UTC().Format("2006-01-02 15:04 UTC")
}

func gray(g float64) int { return int(math.Round(max(0, min(1, g)) * 255)) }

// drawer draws pages into one PDF.
type drawer struct {
	pdf     *fpdf.Fpdf
	names   [4]string      // the faces' names in pdf
	targets map[string]int // anchor ID → fpdf link
	opts    Options
	used    map[string]map[rune]bool // the characters drawn in each face, by its name in pdf

	// tags, for a tagged PDF, records the marked content of each page;
	// index is the current page's (0-based).
	tags  *tagger
	index int

	// The font selected last on the current page, so that a run of text in
	// one face and size selects it once.
	face fonts.Face
	size float64
}

// font selects face at size unless it is selected already.
func (d *drawer) font(face fonts.Face, size float64) {
	if face != d.face || size != d.size {
		d.pdf.SetFont(d.names[face], "", size)
		d.face, d.size = face, size
	}
}

// text draws s in the font selected last, and notes its characters for
// the face's subset tag (tagSubsets).
func (d *drawer) text(x, y float64, s string) {
	name := d.names[d.face]
	used := d.used[name]
	if used == nil {
		used = map[rune]bool{}
		d.used[name] = used
	}
	for _, r := range s {
		used[r] = true
	}
	d.pdf.Text(x, y, s)
}

// page draws one page: watermark first so that everything covers it, then
// grounds, rules, text, links, outline entries and the footer.
func (d *drawer) page(p layout.Page) error {
	pdf := d.pdf
	pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.Width, Ht: p.Height})
	d.size = 0 // select the font anew on each page
	if d.opts.Draft {
		d.artifact("", func() { d.watermark(p) })
	}
	d.artifact("", func() {
		for _, f := range p.Fills {
			g := gray(f.Gray)
			pdf.SetFillColor(g, g, g)
			pdf.Rect(f.X, f.Y, f.W, f.H, "F")
		}
		d.gapGrounds(p)
		pdf.SetDrawColor(0, 0, 0)
		for _, l := range p.Lines {
			pdf.SetLineWidth(l.Width)
			pdf.Line(l.X1, l.Y1, l.X2, l.Y2)
		}
	})
	pdf.SetTextColor(0, 0, 0)
	// Texts of one element drawn one after the other (a paragraph's
	// lines) are one marked-content sequence, as are artifacts in a row:
	// fewer MCIDs, which readers such as poppler read one at a time.
	open := false
	var cur layout.Text
	for i, t := range p.Texts {
		d.font(fonts.FaceOf(t.Style.Bold, t.Style.Italic), t.Size)
		if d.tags != nil {
			if open && sameContent(cur, t) {
				d.tags.extend(t)
			} else {
				if open {
					pdf.RawWriteStr("EMC\n")
				}
				d.tags.begin(pdf, d.index, t)
				open, cur = true, t
			}
		}
		s := t.Text
		if d.tags != nil && i+1 < len(p.Texts) && wordEnds(t, p.Texts[i+1]) {
			// The space between words is a gap on the page; in a tagged
			// PDF it is also a character, so that the text of an element
			// reads as words.
			s += " "
		}
		ink, inked := changeInk(t.Style.Change)
		if t.Style.Gap {
			ink, inked = gapInk, true
		}
		if inked {
			pdf.SetTextColor(ink[0], ink[1], ink[2])
			d.text(t.X, t.Baseline, s)
			pdf.SetTextColor(0, 0, 0)
		} else {
			d.text(t.X, t.Baseline, s)
		}
		if open && i == len(p.Texts)-1 {
			pdf.RawWriteStr("EMC\n")
		}
	}
	if hasChanges(p) {
		d.artifact("", func() { d.changeLines(p) })
	}
	n := 0 // the links added to the page
	for _, l := range p.Links {
		if len(l.URL) > 1 && l.URL[0] == '#' {
			pdf.Link(l.X, l.Y, l.W, l.H, d.targets[l.URL[1:]])
		} else if l.URL != "" {
			pdf.LinkString(l.X, l.Y, l.W, l.H, l.URL)
		} else {
			continue
		}
		if d.tags != nil {
			d.tags.link(d.index+1, n, l)
		}
		n++
	}
	// fpdf writes outline titles as UTF-16 only while a UTF-8 font is set.
	d.font(fonts.Regular, folioSize)
	for _, b := range p.Bookmarks {
		pdf.Bookmark(b.Text, b.Level, b.Y)
	}
	d.footer(p)
	return nil
}

// gapGrounds draws the light ground behind each fragment of a gap: the
// fragment's line box, a little inset from the lines above and below.
func (d *drawer) gapGrounds(p layout.Page) {
	filled := false
	for _, t := range p.Texts {
		if !t.Style.Gap {
			continue
		}
		if !filled {
			d.pdf.SetFillColor(gapGround[0], gapGround[1], gapGround[2])
			filled = true
		}
		inset := t.H * 0.04
		d.pdf.Rect(t.X-gapPad, t.Y+inset, t.W+2*gapPad, t.H-2*inset, "F")
	}
}

// footer centres the page number in the bottom margin; a draft adds its
// build time on the left.
func (d *drawer) footer(p layout.Page) {
	pdf := d.pdf
	bottom := p.Content.Y + p.Content.H
	baseline := bottom + (p.Height-bottom)/2 + folioSize/3
	num := strconv.Itoa(p.Number)
	d.font(fonts.Regular, folioSize)
	d.artifact("<</Type /Pagination /Subtype /Footer>>", func() {
		d.text(p.Content.X+(p.Content.W-pdf.GetStringWidth(num))/2, baseline, num)
	})
	if d.opts.Draft {
		d.font(fonts.Italic, draftNoteSize)
		d.artifact("<</Type /Pagination /Subtype /Footer>>", func() {
			d.text(p.Content.X, baseline, draftNote(d.opts.BuildTime))
		})
	}
}

// artifact draws with draw, marked as an artifact of the given properties
// in a tagged PDF.
func (d *drawer) artifact(props string, draw func()) {
	if d.tags == nil {
		draw()
		return
	}
	artifact(d.pdf, props, draw)
}

// watermark draws DRAFT diagonally across the page in light grey.
func (d *drawer) watermark(p layout.Page) {
	pdf := d.pdf
	const text = "DRAFT"
	d.font(fonts.Bold, watermarkSize)
	w := pdf.GetStringWidth(text)
	cx, cy := p.Width/2, p.Height/2
	angle := math.Atan2(p.Height, p.Width) * 180 / math.Pi
	pdf.TransformBegin()
	pdf.TransformRotate(angle, cx, cy)
	pdf.SetTextColor(watermarkGray, watermarkGray, watermarkGray)
	d.text(cx-w/2, cy+watermarkSize*0.35, text)
	pdf.TransformEnd()
	pdf.SetTextColor(0, 0, 0)
}

// usedFaces lists the faces the pages and their furniture are set in.
func usedFaces(pages []layout.Page, opts Options) []fonts.Face {
	used := map[fonts.Face]bool{fonts.Regular: true} // page numbers
	if opts.Draft {
		used[fonts.Bold] = true   // the watermark
		used[fonts.Italic] = true // the build time in the footer
	}
	for _, p := range pages {
		for _, t := range p.Texts {
			used[fonts.FaceOf(t.Style.Bold, t.Style.Italic)] = true
		}
	}
	var out []fonts.Face
	for _, f := range fonts.Faces {
		if used[f] {
			out = append(out, f)
		}
	}
	return out
}
