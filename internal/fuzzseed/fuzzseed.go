// Package fuzzseed gives the Markdown fuzz targets their seeds: the real
// 2017 report, composed from the data and the templates, and its template,
// cut into pieces small enough for a fuzzer to mutate.
package fuzzseed

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"unireport/internal/compose"
	"unireport/internal/edition"
)

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

// Add adds the pieces of Markdown as seeds of f, from the project folder
// two levels up (a package's folder).
func Add(f *testing.F, max int) {
	f.Helper()
	seeds, err := Markdown(filepath.Join("..", ".."), max)
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
