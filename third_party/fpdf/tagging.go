package fpdf

// Hooks for writing a tagged PDF (ISO 32000-1, 14.7-14.8): the caller marks
// content with RawWriteStr (BDC/EMC) and writes its structure tree itself;
// these hooks let it add what fpdf writes alone: entries in each page's and
// each link annotation's dictionary and in the catalog, and objects of its own.

// tagHooks holds the hooks; all nil means a document is written as before.
type tagHooks struct {
	page      func(page int) string
	annot     func(page, i int) string
	catalog   func() string
	annotObjs [][]int // annotObjs[page][i]: object number of link i of page
	extra     string  // catalog entries returned by catalog
}

// SetPDFVersion makes the header's version at least major.minor.
func (f *Fpdf) SetPDFVersion(major, minor uint) {
	if v := pdfVersionFrom(major, minor); v > f.pdfVersion {
		f.pdfVersion = v
	}
}

// SetPageDictFunc sets fn to return extra entries, such as
// "/StructParents 0 /Tabs /S", for the dictionary of page n (1-based).
func (f *Fpdf) SetPageDictFunc(fn func(page int) string) { f.tags.page = fn }

// SetLinkAnnotFunc makes link annotations indirect objects, written after the
// pages, and sets fn to return extra entries, such as "/StructParent 2", for
// the dictionary of link i (0-based, in the order added) of page n.
// LinkAnnotObj tells their object numbers.
func (f *Fpdf) SetLinkAnnotFunc(fn func(page, i int) string) { f.tags.annot = fn }

// SetCatalogFunc sets fn to be called once every page, resource and outline
// is written and before the document information and catalog: it may write
// objects with PutObj and returns extra entries for the catalog, such as
// "/StructTreeRoot 12 0 R /MarkInfo <</Marked true>>".
func (f *Fpdf) SetCatalogFunc(fn func() string) { f.tags.catalog = fn }

// PageObj returns the object number of page n's dictionary.
func (f *Fpdf) PageObj(page int) int { return 1 + 2*page }

// LinkAnnotObj returns the object number of link i of page n, once the pages
// are written, if SetLinkAnnotFunc is set; else 0.
func (f *Fpdf) LinkAnnotObj(page, i int) int {
	if page < len(f.tags.annotObjs) && i < len(f.tags.annotObjs[page]) {
		return f.tags.annotObjs[page][i]
	}
	return 0
}

// NextObj returns the number PutObj gives the next object it writes.
func (f *Fpdf) NextObj() int { return f.n + 1 }

// PutObj writes an object whose dictionary is dict, followed by stream if
// it is not nil (its /Length is added to dict; it is not compressed), and
// returns its number. It may be called only from the SetCatalogFunc hook.
func (f *Fpdf) PutObj(dict string, stream []byte) int {
	f.newobj()
	if stream == nil {
		f.out(dict)
	} else {
		f.outf("<<%s /Length %d>>", trimDict(dict), len(stream))
		f.putstream(stream)
	}
	f.out("endobj")
	return f.n
}

func trimDict(d string) string {
	if len(d) >= 4 && d[:2] == "<<" && d[len(d)-2:] == ">>" {
		return d[2 : len(d)-2]
	}
	return d
}

// putLinkAnnots writes the link annotations as objects numbered from first,
// as putpages has referred to them.
func (f *Fpdf) putLinkAnnots() {
	for n := 1; n < len(f.tags.annotObjs); n++ {
		for i, pl := range f.pageLinks[n] {
			f.newobj()
			var a fmtBuffer
			f.linkAnnot(&a, pl)
			f.out(a.String()[:a.Len()-2] + " " + f.tags.annot(n, i) + ">>")
			f.out("endobj")
		}
	}
}
