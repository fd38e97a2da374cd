package document_test

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/document"
)

// casesDir holds the named Markdown cases, NAME.md, with their goldens:
// NAME.html, the HTML writer's body (checked by internal/htmlout's
// TestCases), NAME.layout, the PDF writer's pages as layout.Dump writes
// them (checked by internal/pdfout's TestCases), and NAME.docx.txt, the
// DOCX writer's parts that hold the text (checked by internal/docxout's
// TestCases). The fuzzers take the cases as seeds
// (internal/testkit/fuzzseed).
var casesDir = filepath.Join("testdata", "cases")

// goldenExts are the goldens every case has, and the only other files the
// folder holds.
var goldenExts = []string{".html", ".layout", ".docx.txt"}

// Every case has both goldens, and every golden its case: a case renamed
// or removed leaves no golden behind.
func TestCasesHaveGoldens(t *testing.T) {
	entries, err := os.ReadDir(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			t.Errorf("%s: a folder among the cases", e.Name())
			continue
		}
		if strings.HasPrefix(e.Name(), ".") { // .gitattributes
			continue
		}
		files[e.Name()] = true
		if name, ok := strings.CutSuffix(e.Name(), ".md"); ok {
			names = append(names, name)
		}
	}
	if len(names) < 30 {
		t.Fatalf("only %d cases in %s", len(names), casesDir)
	}
	for _, name := range names {
		if name == "" || strings.ContainsFunc(name, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }) {
			t.Errorf("%s.md: name a case in lower-case words joined by hyphens", name)
		}
		delete(files, name+".md")
		for _, ext := range goldenExts {
			if !files[name+ext] {
				t.Errorf("%s.md has no golden %s%s (run go test -update in internal/htmlout, internal/pdfout and internal/docxout)", name, name, ext)
			}
			delete(files, name+ext)
		}
	}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		t.Errorf("%s: not a case (NAME.md) nor the golden of one (NAME%s)", f, strings.Join(goldenExts, ", NAME"))
	}
}

// Every case parses into a tree whose text nodes point into its source,
// the same tree twice.
func TestCasesParse(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(casesDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no cases in %s", casesDir)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".md"), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			doc := document.Parse(src)
			if doc.Root == nil || doc.Root.Kind() != ast.KindDocument {
				t.Fatalf("root %v, want a document", doc.Root)
			}
			if !bytes.Equal(doc.Source, src) {
				t.Error("the document's source is not the case")
			}
			if len(bytes.TrimSpace(src)) > 0 && !doc.Root.HasChildren() {
				t.Error("a case with text parses to an empty tree")
			}
			err = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if tx, ok := n.(*ast.Text); ok && entering {
					if s := tx.Segment; s.Start < 0 || s.Start > s.Stop || s.Stop > len(src) {
						t.Errorf("text node %d:%d outside the source (%d bytes)", s.Start, s.Stop, len(src))
					}
				}
				return ast.WalkContinue, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if a, b := document.Text(doc.Root, src), document.Text(document.Parse(src).Root, src); a != b {
				t.Errorf("two parses differ in text:\n%q\n%q", a, b)
			}
		})
	}
}
