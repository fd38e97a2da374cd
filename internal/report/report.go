// Package report runs the pipeline: an edition's data and the templates
// become one document tree, which the writers turn into HTML, PDF and
// DOCX.
package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/checklist"
	"unireport/internal/compose"
	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/docxout"
	"unireport/internal/edition"
	"unireport/internal/fonts"
	"unireport/internal/glyphs"
	"unireport/internal/htmlout"
	"unireport/internal/layout"
	"unireport/internal/pdfout"
	"unireport/internal/placeholder"
	"unireport/internal/provenance"
	"unireport/internal/version"
)

// Report is an edition prepared for writing.
type Report struct {
	Edition  *edition.Edition
	Markdown []byte // the templates merged with the data
	Doc      *document.Document
	Warnings diag.List  // what check warns about, for the editors' checklist
	Fonts    *fonts.Set // the faces the PDF is set in: the edition's, or the embedded ones

	templates string // the templates' folder, for positions

	// marked is, for a report prepared as a draft, Markdown with each
	// value marked with its source (see internal/provenance); Markdown is
	// the same without the marks. nil for a final.
	marked []byte

	// draft is the tree of a draft: the report and the checklist, parsed
	// once from draftMarkdown, whichever writers render it.
	draft         *document.Document
	draftMarkdown []byte
	draftOnce     sync.Once

	// sets are the final's and the draft's trees laid out on pages, each
	// once, for the PDF and the DOCX, which sets its tables' columns as
	// the PDF does.
	sets [2]typeset
}

type typeset struct {
	once sync.Once
	res  pdfout.Typeset
	err  error

	// The tables' columns are known before the pages: columnsSet is
	// closed (once, by columnsDone) when columns holds them, or when the
	// layout has ended, however it ended.
	columnsOnce sync.Once
	columnsSet  chan struct{}
	columnsDone func()
	columns     map[ast.Node]layout.Columns
}

// waitable makes s's columnsSet, once.
func (s *typeset) waitable() {
	s.columnsOnce.Do(func() {
		s.columnsSet = make(chan struct{})
		s.columnsDone = sync.OnceFunc(func() { close(s.columnsSet) })
	})
}

func (r *Report) set(d Draft) *typeset {
	if d.On {
		return &r.sets[1]
	}
	return &r.sets[0]
}

// typeset lays out the tree of d as the PDF sets it, once.
func (r *Report) typeset(d Draft) (pdfout.Typeset, error) {
	s := r.set(d)
	s.once.Do(func() {
		s.waitable()
		defer s.columnsDone() // a table could not be set, or the layout failed
		s.res, s.err = pdfout.SetTablesFirst(r.Tree(d), pdfout.Measurer(r.Fonts), r.Edition.Facts.Language, func(cols map[ast.Node]layout.Columns) {
			s.columns = cols
			s.columnsDone()
		})
	})
	return s.res, s.err
}

// tableColumns returns the columns the PDF's layout of d gives the body's
// tables, as soon as they are set: laying out the rest of the pages goes
// on meanwhile, where it was started, or here in the background.
func (r *Report) tableColumns(d Draft) (map[ast.Node]layout.Columns, error) {
	s := r.set(d)
	s.waitable()
	go r.typeset(d) // starts the layout unless it is under way
	<-s.columnsSet
	if s.columns != nil {
		return s.columns, nil
	}
	_, err := r.typeset(d)
	return nil, err
}

// Prepare loads and checks the edition in dataDir for a final report,
// merges it with the templates in tmplDir and parses the result. It
// returns nil and the diagnostics when anything is in error (a value still
// to be filled in among them); warnings come back either way.
func Prepare(dataDir, tmplDir string) (*Report, diag.List) { return prepare(dataDir, tmplDir, false) }

// PrepareDraft is Prepare for a draft: values still to be filled in are
// shown in place as marked placeholders, and listed first in the
// editors' checklist, instead of stopping the build.
func PrepareDraft(dataDir, tmplDir string) (*Report, diag.List) {
	return prepare(dataDir, tmplDir, true)
}

func prepare(dataDir, tmplDir string, draft bool) (*Report, diag.List) {
	e, ts, set, diags := load(dataDir, tmplDir, draft)
	if diags.HasErrors() {
		return nil, diags
	}
	execute := ts.Execute
	if draft {
		execute = ts.ExecuteDraft // each value marked with its source
	}
	md, cdiags := execute(e)
	diags.Add(cdiags...)
	if diags.HasErrors() {
		return nil, diags
	}
	r := &Report{Edition: e, Markdown: md, Warnings: diags, Fonts: set, templates: tmplDir}
	if draft {
		r.marked = md
		r.Markdown, _ = provenance.Strip(md)
	}
	r.Doc = document.Parse(r.Markdown)
	return r, diags
}

// Checklist is the editors' checklist for this edition, as Markdown.
func (r *Report) Checklist() string { return checklist.Markdown(r.Edition, r.Warnings) }

// Tree returns the document tree to render: a draft carries the editors'
// checklist at its end, on pages of its own so that the report's pages are
// those of the final build; a final build never carries it. A report
// prepared as a draft carries the source of each value, and of each
// position its checklist lists (document.Provenance); a final never does.
// Each is parsed once, however many writers render it.
func (r *Report) Tree(d Draft) *document.Document {
	if !d.On {
		return r.Doc
	}
	r.draftOnce.Do(func() {
		if r.marked != nil {
			r.draftMarkdown = append(append([]byte{}, r.marked...), "\n\n::: pagebreak\n:::\n\n"+checklist.Marked(r.Edition, r.Warnings)...)
		} else {
			r.draftMarkdown = append(append([]byte{}, r.Markdown...), "\n\n::: pagebreak\n:::\n\n"+r.Checklist()...)
		}
		r.draft = document.Parse(r.draftMarkdown)
	})
	return r.draft
}

// Sourced reports whether the report's draft shows where its values come
// from: whether it was prepared as a draft.
func (r *Report) Sourced() bool { return r.marked != nil }

// Source returns the Markdown that Tree(d) is parsed from: the same
// source gives the same tree.
func (r *Report) Source(d Draft) []byte {
	if !d.On {
		return r.Markdown
	}
	r.Tree(d)
	return r.draftMarkdown
}

// load reads the edition, its fonts and the templates, and checks that the
// fonts can draw every character of the edition and the templates.
func load(dataDir, tmplDir string, draft bool) (*edition.Edition, *compose.Templates, *fonts.Set, diag.List) {
	loadEdition := edition.Load
	if draft {
		loadEdition = edition.LoadDraft
	}
	e, diags := loadEdition(dataDir)
	ts, tdiags := compose.Load(tmplDir)
	diags.Add(tdiags...)
	set := fonts.Default()
	if e != nil {
		set = loadFonts(e, &diags)
	}
	if set != nil {
		font := allFaces{set}
		if e != nil {
			for _, t := range e.Texts() {
				glyphs.Check(font, t.Chars(), &diags)
			}
		}
		if ts != nil {
			for _, f := range ts.Files {
				glyphs.Check(font, diag.Chars(f.Text, diag.Pos{File: f.Path, Line: 1, Col: 1}), &diags)
			}
		}
	}
	diags.Sort()
	return e, ts, set, diags
}

// loadFonts returns the fonts the edition names in its [fonts] table (the
// edition has read the files), or the embedded Liberation Serif when it
// names none. A file that is not a TrueType font the PDF writer can embed
// is an error at the key that names it; the result is nil then, and the
// characters are not checked against any font.
func loadFonts(e *edition.Edition, diags *diag.List) *fonts.Set {
	if e.Facts.Fonts == nil {
		return fonts.Default()
	}
	data := e.FontData
	if data == nil {
		return nil // the edition has said why
	}
	set, err := fonts.Load(data[fonts.Regular], data[fonts.Bold], data[fonts.Italic], data[fonts.BoldItalic])
	if err == nil {
		err = pdfout.CheckFonts(set)
	}
	if err != nil {
		var fe *fonts.FaceError
		if !errors.As(err, &fe) {
			diags.Errorf(e.Pos(edition.FactsFile, "fonts", false), "fonts: %v", err)
			return nil
		}
		diags.Errorf(e.FontPos(fe.Face), "fonts.%s: %s cannot be used in the PDF: %v", edition.FontKey(fe.Face), e.FontPath(fe.Face), fe.Err)
		return nil
	}
	return set
}

// allFaces can draw a character when every face of the set can: text may
// be set in any of them.
type allFaces struct{ set *fonts.Set }

func (f allFaces) Has(r rune) bool {
	for _, face := range fonts.Faces {
		if !f.set.Has(face, r) {
			return false
		}
	}
	return true
}

// BaseName is the file name of the outputs without extension, e.g.
// universalization-status-2017; a draft's ends in -draft, so that a draft
// never replaces a final.
func (r *Report) BaseName(d Draft) string {
	name := "universalization-status-" + strconv.Itoa(r.Edition.Facts.Year)
	if d.On {
		name += "-draft"
	}
	return name
}

// Draft says how a draft is marked; the zero value is a final build.
type Draft struct {
	On    bool
	Built time.Time // the build time, shown on drafts
	// Editor is the URL template with which a click on a value's source
	// opens it in an editor, e.g. vscode://file/{path}:{line}:{col} (see
	// htmlout.Options.Editor); empty, a click copies file:line:col.
	// EditorRoot is the folder relative paths are made absolute against.
	Editor, EditorRoot string
}

// HTML renders the report as one self-contained HTML page.
func (r *Report) HTML(d Draft) ([]byte, error) {
	return htmlout.Render(r.Tree(d), r.HTMLOptions(d))
}

// HTMLOptions are the options HTML renders the page with: its title,
// language and metadata, and the draft's banner.
func (r *Report) HTMLOptions(d Draft) htmlout.Options {
	m := r.Metadata()
	return htmlout.Options{
		Title:    m.Title,
		Lang:     m.Lang,
		Author:   m.Author,
		Subject:  m.Subject,
		Keywords: m.Keywords,
		Draft:    d.On,
		Built:    builtText(d),
		// a draft prepared as one shows where its values come from
		Sources:    d.On && r.Sourced(),
		Editor:     d.Editor,
		EditorRoot: d.EditorRoot,
		// The PDF's producer says the same (pdfdraw).
		Generator: version.Program(),
	}
}

// Version is unireport's version (see package version).
func Version() string { return version.String() }

func builtText(d Draft) string {
	if !d.On || d.Built.IsZero() {
		return ""
	}
	return d.Built.Format("2 January 2006 15:04 MST")
}

// PDF renders the report as a PDF. Its dates come from SOURCE_DATE_EPOCH
// where set, else from the edition's date, so that a build is reproducible.
func (r *Report) PDF(d Draft) ([]byte, error) {
	pdf, _, err := r.PDFWarnings(d)
	return pdf, err
}

// PDFWarnings is PDF that also says, as warnings for the editors, where the
// layout had to break a word between letters (a word wider than its table
// column even in the smallest type).
func (r *Report) PDFWarnings(d Draft) ([]byte, diag.List, error) {
	props, err := r.properties(d)
	if err != nil {
		return nil, nil, err
	}
	res, err := r.typeset(d)
	if err != nil {
		return nil, nil, err
	}
	pdf, err := pdfout.Draw(res, pdfout.Options{Properties: props, Fonts: r.Fonts})
	if err != nil {
		return nil, nil, err
	}
	return pdf, r.typesetDiags(res.Warnings), nil
}

// properties are what the PDF and the DOCX of d say of themselves: the
// metadata, and as their creation date SOURCE_DATE_EPOCH's where set, else
// the edition's date (a draft's build time while its date is still to
// fill in).
func (r *Report) properties(d Draft) (document.Properties, error) {
	f := r.Edition.Facts
	date := f.Date.Time()
	if f.Date.IsZero() { // a draft whose date of presentation is still to fill in
		date = d.Built
	}
	created, err := SourceDate(date)
	if err != nil {
		return document.Properties{}, err
	}
	m := r.Metadata()
	return document.Properties{Title: m.Title, Author: m.Author, Subject: m.Subject, Keywords: m.Keywords,
		Lang: m.Lang, Created: created, Draft: d.On, Built: d.Built}, nil
}

// DOCX renders the report as a Word document: the same tree as the PDF,
// its tables with the columns the PDF's layout gave them, its pages A4
// with the PDF's margins.
func (r *Report) DOCX(d Draft) ([]byte, error) {
	props, err := r.properties(d)
	if err != nil {
		return nil, err
	}
	columns, err := r.tableColumns(d)
	if err != nil {
		return nil, err
	}
	font := "" // the embedded Liberation Serif: Word's Times New Roman has its widths
	if r.Fonts != nil && r.Fonts.Family != fonts.DefaultFamily {
		font = r.Fonts.Family
	}
	return docxout.Render(r.Tree(d), docxout.Options{
		Properties: props,
		Generator:  version.Program(),
		Font:       font,
		Columns:    columns,
	})
}

// TypesetWarnings lays the final report out as its PDF sets it and returns
// what PDFWarnings would warn about, for check.
func (r *Report) TypesetWarnings() (diag.List, error) {
	res, err := pdfout.Set(r.Doc, pdfout.Measurer(r.Fonts), r.Edition.Facts.Language)
	return r.typesetDiags(res.Warnings), err
}

// typesetDiags words the layout's warnings for editors, each at the first
// value of the edition that holds the word (else at the templates).
func (r *Report) typesetDiags(ws []layout.Warning) diag.List {
	var out diag.List
	for _, w := range ws {
		where := "in running text"
		if w.Table != "" {
			where = fmt.Sprintf("in the %s table, column %q", w.Table, w.Column)
		}
		pos := diag.Pos{File: filepath.Join(r.templates, compose.Main)}
		for _, t := range r.Edition.Texts() {
			if strings.Contains(t.Text, w.Word) {
				pos = t.Pos
				break
			}
		}
		out.Warnf(pos, "%q is too wide for its place %s, even hyphenated and in %v pt type: it is broken between two letters where no hyphen may go; shorten it, give the table a shorter label, or set it on a landscape page",
			w.Word, where, layout.MinTableSize)
	}
	return out
}

// SourceDate returns the time in SOURCE_DATE_EPOCH, or fallback when it is
// not set (reproducible-builds.org's convention).
func SourceDate(fallback time.Time) (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return fallback, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not %q", v)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// Metadata is what both writers declare of the document, in plain text
// (a draft's gaps read "[to fill in: …]" there), built in one place.
type Metadata struct {
	Title, Author, Subject, Keywords, Lang string
}

// Metadata returns the report's metadata: the title, the presenting office
// as author, the title and date as subject, the keywords and the language.
func (r *Report) Metadata() Metadata {
	f := r.Edition.Facts
	return Metadata{
		Title:    placeholder.Plain(f.Title),
		Author:   placeholder.Plain(f.PresentedBy),
		Subject:  placeholder.Plain(fmt.Sprintf("%s, %s", f.Title, f.Date)),
		Keywords: placeholder.Plain(fmt.Sprintf("Anti-Personnel Mine Ban Convention, universalization, States not party, %s, %d", f.Meeting.ShortName, f.Year)),
		Lang:     f.Language,
	}
}

// OutputDir is the default output folder for an edition: output/<year>.
func OutputDir(root string, year int) string { return filepath.Join(root, strconv.Itoa(year)) }
