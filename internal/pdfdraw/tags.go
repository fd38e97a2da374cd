package pdfdraw

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"unireport/internal/layout"
)

// A tagged PDF (ISO 32000-1, 14.7-14.8; PDF/UA-1): each text drawn is
// marked content with an MCID, numbered from 0 on each page, tied to its
// structure element; rules, grounds and page furniture are artifacts. The
// structure tree is written once the pages are, through fpdf's hooks: the
// elements in document order, each with its marked content and its child
// elements, and the parent tree that leads from a page's MCIDs and from
// each link annotation back to its element.

// tagger records, while the pages are drawn, which content belongs to
// which element.
type tagger struct {
	root  *layout.Elem
	pages [][]*layout.Elem // by page index: MCID → element
	// content is each element's own marked content and link
	// annotations, in drawing order.
	content map[*layout.Elem][]content
	// seen holds the elements with content in their subtree; touched
	// counts, for each element, its children seen so far, which places
	// its own content among them.
	seen    map[*layout.Elem]bool
	touched map[*layout.Elem]int
	text    map[*layout.Elem]*strings.Builder // the words of each Link
	annots  []annot
}

// content is an MCID on a page, or a link annotation (mcid < 0), placed
// after slot children of its element.
type content struct {
	page, mcid, slot int
	annot            int // with mcid < 0: the link's index on its page
}

// annot is a link annotation: its page (1-based), its index on the page,
// its element (nil if none) and its key in the parent tree.
type annot struct {
	page, i int
	elem    *layout.Elem
	url     string
}

func newTagger(root *layout.Elem) *tagger {
	return &tagger{root: root, content: map[*layout.Elem][]content{}, seen: map[*layout.Elem]bool{root: true},
		touched: map[*layout.Elem]int{}, text: map[*layout.Elem]*strings.Builder{}}
}

// touch marks e and its ancestors as holding content.
func (t *tagger) touch(e *layout.Elem) {
	for ; e != nil && !t.seen[e]; e = e.Parent {
		t.seen[e] = true
		if e.Parent != nil {
			t.touched[e.Parent]++
		}
	}
}

// begin opens the marked content of text tx on page (0-based): a new MCID
// of its element, or an artifact.
func (t *tagger) begin(pdf *fpdf.Fpdf, page int, tx layout.Text) {
	for len(t.pages) <= page {
		t.pages = append(t.pages, nil)
	}
	e := tx.Elem
	if tx.Artifact || e == nil {
		pdf.RawWriteStr("/Artifact BMC\n")
		return
	}
	mcid := len(t.pages[page])
	t.pages[page] = append(t.pages[page], e)
	t.content[e] = append(t.content[e], content{page: page, mcid: mcid, slot: t.touched[e]})
	t.touch(e)
	if e.Role == "Link" {
		b := t.text[e]
		if b == nil {
			b = &strings.Builder{}
			t.text[e] = b
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(tx.Text)
	}
	pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC\n", e.Role, mcid))
}

// extend adds text tx to the marked content begun last, which belongs to
// the same element (see sameContent).
func (t *tagger) extend(tx layout.Text) {
	if b := t.text[tx.Elem]; b != nil && tx.Elem != nil && tx.Elem.Role == "Link" {
		b.WriteByte(' ')
		b.WriteString(tx.Text)
	}
}

// wordEnds reports whether a word ends between text a and the text b drawn
// after it, in one element: b starts after a gap on the same line, or on
// the next line, where a does not end at a hyphenation point.
func wordEnds(a, b layout.Text) bool {
	if !sameContent(a, b) || a.Elem == nil {
		return false
	}
	if math.Abs(a.Baseline-b.Baseline) < 0.01 {
		return b.X > a.X+a.W+0.01
	}
	return !strings.HasSuffix(a.Text, "\u00AD") && !strings.HasSuffix(a.Text, "-")
}

// sameContent reports whether text b continues the marked content of
// text a: both of one element, or both artifacts.
func sameContent(a, b layout.Text) bool {
	aArt, bArt := a.Artifact || a.Elem == nil, b.Artifact || b.Elem == nil
	if aArt || bArt {
		return aArt && bArt
	}
	return a.Elem == b.Elem
}

// link records link annotation i of page (1-based) with its element.
func (t *tagger) link(page, i int, l layout.Link) {
	e := l.Elem
	if e != nil && !t.seen[e] {
		e = nil
	}
	t.annots = append(t.annots, annot{page: page, i: i, elem: e, url: l.URL})
	if e != nil {
		t.content[e] = append(t.content[e], content{page: page - 1, mcid: -1, annot: i, slot: t.touched[e]})
	}
}

// artifact wraps draw in an artifact of the given properties ("" for none).
func artifact(pdf *fpdf.Fpdf, props string, draw func()) {
	if props == "" {
		pdf.RawWriteStr("/Artifact BMC\n")
	} else {
		pdf.RawWriteStr("/Artifact " + props + " BDC\n")
	}
	draw()
	pdf.RawWriteStr("EMC\n")
}

// pdfString is s as a PDF text string: UTF-16BE with its byte order mark,
// in hexadecimal.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// install sets fpdf's hooks to write the structure once the pages are
// drawn; npages is the number of pages.
func (t *tagger) install(pdf *fpdf.Fpdf, npages int) {
	for len(t.pages) < npages {
		t.pages = append(t.pages, nil)
	}
	keys := map[[2]int]int{} // link (page, i) → parent tree key
	for k, a := range t.annots {
		if a.elem != nil {
			keys[[2]int{a.page, a.i}] = npages + k
		}
	}
	pdf.SetPDFVersion(1, 7)
	pdf.SetPageDictFunc(func(page int) string {
		return fmt.Sprintf("/StructParents %d /Tabs /S", page-1)
	})
	byLink := map[[2]int]annot{}
	for _, a := range t.annots {
		byLink[[2]int{a.page, a.i}] = a
	}
	pdf.SetLinkAnnotFunc(func(page, i int) string {
		a := byLink[[2]int{page, i}]
		what := a.url
		if a.elem != nil && t.text[a.elem] != nil {
			what = t.text[a.elem].String()
		}
		s := "/Contents " + pdfString("Link: "+what)
		if k, ok := keys[[2]int{page, i}]; ok {
			s = fmt.Sprintf("/StructParent %d %s", k, s)
		}
		return s
	})
	pdf.SetCatalogFunc(func() string { return t.write(pdf, npages) })
}

// write writes the structure tree root, the elements and the parent tree,
// numbered ahead so that each refers to the others in one pass, and returns
// the catalog's entries.
func (t *tagger) write(pdf *fpdf.Fpdf, npages int) string {
	rootObj := pdf.NextObj()
	var elems []*layout.Elem // in document order, the root's Document first
	var walk func(e *layout.Elem)
	walk = func(e *layout.Elem) {
		if !t.seen[e] {
			return
		}
		elems = append(elems, e)
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(t.root)
	obj := map[*layout.Elem]int{}
	for i, e := range elems {
		obj[e] = rootObj + 1 + i
	}
	treeObj := rootObj + 1 + len(elems)
	idObj := 0
	var ids []string
	idOf := map[string]*layout.Elem{}
	for _, e := range elems {
		if e.ID != "" && idOf[e.ID] == nil {
			ids = append(ids, e.ID)
			idOf[e.ID] = e
		}
	}
	sort.Strings(ids)
	if len(ids) > 0 {
		idObj = treeObj + 1
	}
	nextKey := npages + len(t.annots)
	root := fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d", obj[t.root], treeObj, nextKey)
	if idObj != 0 {
		root += fmt.Sprintf(" /IDTree %d 0 R", idObj)
	}
	pdf.PutObj(root+">>", nil)
	for _, e := range elems {
		parent := rootObj
		if e.Parent != nil {
			parent = obj[e.Parent]
		}
		var b strings.Builder
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", e.Role, parent)
		if e.ID != "" {
			fmt.Fprintf(&b, " /ID %s", pdfName(e.ID))
		}
		if e.Attrs != "" {
			b.WriteString(" " + e.Attrs)
		}
		if e.Alt != "" {
			b.WriteString(" /ActualText " + pdfString(e.Alt))
		}
		b.WriteString(" /K [")
		own := t.content[e]
		sort.SliceStable(own, func(i, j int) bool { return own[i].slot < own[j].slot })
		next := 0
		putOwn := func(upTo int) {
			for ; next < len(own) && own[next].slot <= upTo; next++ {
				c := own[next]
				pg := pdf.PageObj(c.page + 1)
				if c.mcid >= 0 {
					fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>> ", pg, c.mcid)
				} else {
					fmt.Fprintf(&b, "<</Type /OBJR /Pg %d 0 R /Obj %d 0 R>> ", pg, pdf.LinkAnnotObj(c.page+1, c.annot))
				}
			}
		}
		i := 0
		for _, k := range e.Kids {
			if t.seen[k] {
				putOwn(i)
				i++
				fmt.Fprintf(&b, "%d 0 R ", obj[k])
			}
		}
		putOwn(len(e.Kids) + len(own))
		s := strings.TrimSuffix(b.String(), " ") + "]>>"
		pdf.PutObj(s, nil)
	}
	var nums strings.Builder
	nums.WriteString("<</Nums [")
	for p, mcids := range t.pages {
		fmt.Fprintf(&nums, "%d [", p)
		for j, e := range mcids {
			if j > 0 {
				nums.WriteByte(' ')
			}
			fmt.Fprintf(&nums, "%d 0 R", obj[e])
		}
		nums.WriteString("] ")
	}
	for k, a := range t.annots {
		if a.elem != nil {
			fmt.Fprintf(&nums, "%d %d 0 R ", npages+k, obj[a.elem])
		}
	}
	pdf.PutObj(strings.TrimSuffix(nums.String(), " ")+"]>>", nil)
	if idObj != 0 {
		var names strings.Builder
		names.WriteString("<</Names [")
		for i, id := range ids {
			if i > 0 {
				names.WriteByte(' ')
			}
			fmt.Fprintf(&names, "%s %d 0 R", pdfName(id), obj[idOf[id]])
		}
		pdf.PutObj(names.String()+"]>>", nil)
	}
	return fmt.Sprintf("/StructTreeRoot %d 0 R /MarkInfo <</Marked true>>", rootObj)
}

// pdfName is s as a PDF byte string (an ID), in hexadecimal.
func pdfName(s string) string {
	return fmt.Sprintf("<%X>", s)
}
