// Package fuzzseed gives the Markdown fuzz targets their seeds: the named
// Markdown cases of internal/document/testdata/cases, the real 2017 report,
// composed from the data and the templates, and its template, cut into
// pieces small enough for a fuzzer to mutate. The writers' golden tests
// read the same cases (see Cases and Golden).
package fuzzseed

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unireport/internal/compose"
	"unireport/internal/edition"
)

// CasesDir is the folder of the named Markdown cases, from the project
// folder root: one NAME.md a case, with its goldens NAME.html (htmlout's
// body), NAME.layout (pdfout's layout, as layout.Dump writes it) and
// NAME.docx.txt (docxout's parts that hold the text).
var CasesDir = filepath.Join("internal", "document", "testdata", "cases")

// Case is one named Markdown case.
type Case struct {
	Name string // the file name without .md
	Path string // the .md file, as found from the folder passed to Cases
	Src  []byte
}

// GoldenPath returns the path of the case's golden with the extension ext
// (".html", ".layout", ".docx.txt").
func (c Case) GoldenPath(ext string) string {
	return strings.TrimSuffix(c.Path, ".md") + ext
}

// Cases returns the named cases, by name, from the project folder root.
func Cases(root string) ([]Case, error) {
	dir := filepath.Join(root, CasesDir)
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, &os.PathError{Op: "glob", Path: filepath.Join(dir, "*.md"), Err: os.ErrNotExist}
	}
	cases := make([]Case, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		cases = append(cases, Case{Name: strings.TrimSuffix(filepath.Base(p), ".md"), Path: p, Src: src})
	}
	slices.SortFunc(cases, func(a, b Case) int { return strings.Compare(a.Name, b.Name) })
	return cases, nil
}

// Markdown returns the composed 2017 report and its template, read from the
// project folder root, in pieces of at most max bytes cut at blank lines (a
// piece may cut a data table: that is a case too).
func Markdown(root string, max int) ([][]byte, error) {
	e, diags := edition.Load(filepath.Join(root, "data", "2017"))
	if err := diags.Err(); err != nil {
		return nil, err
	}
	md, cdiags := compose.Compose(e, filepath.Join(root, "templates"))
	if err := cdiags.Err(); err != nil {
		return nil, err
	}
	tmpl, err := os.ReadFile(filepath.Join(root, "templates", compose.Main))
	if err != nil {
		return nil, err
	}
	return append(Pieces(md, max), Pieces(tmpl, max)...), nil
}

// Add adds the named cases, whole, and the pieces of the report's Markdown
// as seeds of f, from the project folder two levels up (a package's
// folder).
func Add(f *testing.F, max int) {
	f.Helper()
	root := filepath.Join("..", "..")
	cases, err := Cases(root)
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range cases {
		f.Add(c.Src)
	}
	seeds, err := Markdown(root, max)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		f.Add(s)
	}
}

// Pieces cuts src at blank lines into pieces of at most max bytes; a
// paragraph longer than max is cut at max.
func Pieces(src []byte, max int) [][]byte {
	var out [][]byte
	var cur []byte
	for _, para := range bytes.SplitAfter(src, []byte("\n\n")) {
		if len(cur)+len(para) > max && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		for len(para) > max {
			out = append(out, para[:max])
			para = para[max:]
		}
		cur = append(cur, para...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
