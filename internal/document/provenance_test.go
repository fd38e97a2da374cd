package document_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"unireport/internal/compose"
	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/edition"
	"unireport/internal/htmlout"
	"unireport/internal/placeholder"
	"unireport/internal/provenance"
	"unireport/internal/testkit/fuzzseed"
	"unireport/internal/testkit/htmlcheck"
	"unireport/internal/testkit/seedtext"
)

func src(line int) provenance.Source {
	return provenance.Source{Pos: diag.Pos{File: "e.toml", Line: line, Col: 1}}
}

// shape dumps a tree as its writers see it without the sources: each node
// with its kind and attributes, a Provenance node replaced by its content,
// and text side by side (which the sources split) joined.
func shape(doc *document.Document) string {
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		var kids []ast.Node
		var flat func(p ast.Node)
		flat = func(p ast.Node) {
			for c := p.FirstChild(); c != nil; c = c.NextSibling() {
				if _, ok := c.(*document.Provenance); ok {
					flat(c)
					continue
				}
				kids = append(kids, c)
			}
		}
		flat(n)
		for i := 0; i < len(kids); i++ {
			c := kids[i]
			indent := strings.Repeat("  ", depth)
			if t, ok := c.(*ast.Text); ok {
				text := string(t.Value(doc.Source))
				last := t
				for i+1 < len(kids) {
					next, ok := kids[i+1].(*ast.Text)
					if !ok || last.SoftLineBreak() || last.HardLineBreak() || last.Segment.Stop != next.Segment.Start || next.IsRaw() != t.IsRaw() {
						break
					}
					text += string(next.Value(doc.Source))
					last = next
					i++
				}
				fmt.Fprintf(&b, "%sText %q soft=%v hard=%v raw=%v\n", indent, text, last.SoftLineBreak(), last.HardLineBreak(), t.IsRaw())
				continue
			}
			fmt.Fprintf(&b, "%s%s %s\n", indent, c.Kind(), attributes(c))
			walk(c, depth+1)
		}
	}
	walk(doc.Root, 0)
	return b.String()
}

// attributes are a node's own fields as its Dump prints them, without its
// position in the source.
func attributes(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Heading:
		id, _ := n.AttributeString("id")
		return fmt.Sprintf("level=%d id=%s", n.Level, id)
	case *ast.Emphasis:
		return fmt.Sprintf("level=%d", n.Level)
	case *ast.Link:
		return fmt.Sprintf("dest=%s", n.Destination)
	case *document.Gap:
		return n.What
	case *document.TableCell:
		return fmt.Sprintf("header=%v scope=%s span=%d,%d align=%s alt=%s", n.Header, n.Scope, n.ColSpan, n.RowSpan, n.Align, n.Alt)
	case *document.DataTable:
		return n.Name + " " + n.ID
	}
	return ""
}

// sourcedText is the text under each Provenance node of the tree, by the
// line of its source; but code spans, which a source holds whole when it
// starts in it (see TestProvenanceNodes).
func sourcedText(doc *document.Document) map[int]string {
	out := map[int]string{}
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*document.Provenance); ok && entering {
			for c := p.FirstChild(); c != nil; c = c.NextSibling() {
				if _, code := c.(*ast.CodeSpan); !code {
					out[p.Source.Pos.Line] += document.Text(c, doc.Source)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// markWords marks every word of md (every run of characters but spaces,
// line ends and the characters of gaps), each with its own source: the
// line of the source is the word's number.
func markWords(md string) (marked string, words []string) {
	var b strings.Builder
	last := 0
	for _, w := range regexp.MustCompile(`[^\s\x{E000}\x{E001}]+`).FindAllStringIndex(md, -1) {
		b.WriteString(md[last:w[0]])
		words = append(words, md[w[0]:w[1]])
		b.WriteString(provenance.Mark(src(len(words)), md[w[0]:w[1]]))
		last = w[1]
	}
	b.WriteString(md[last:])
	return b.String(), words
}

// TestSourcesKeepTheTree: whatever a draft marks with its source, every
// word of every case and of the 2017 report, the tree is the one of the
// text without the marks, with Provenance nodes around what was marked.
func TestSourcesKeepTheTree(t *testing.T) {
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	cases, err := fuzzseed.Cases(root)
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{}
	for _, c := range cases {
		inputs[c.Name] = string(c.Src)
	}
	e, diags := edition.Load(filepath.Join(root, "data", "2017"))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	report, diags := compose.Compose(e, filepath.Join(root, "templates"))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	inputs["2017 report"] = string(report)
	for name, md := range inputs {
		marked, words := markWords(md)
		plain, sourced := document.Parse([]byte(md)), document.Parse([]byte(marked))
		if string(sourced.Source) != md {
			t.Errorf("%s: the tree's source is not the text without its marks", name)
			continue
		}
		if a, b := shape(plain), shape(sourced); a != b {
			t.Errorf("%s: the marks changed the tree:\n%s", name, lineDiff(a, b))
			continue
		}
		// What each word's source holds is text of that word (the
		// writers' text of it: escapes resolved, a link's target not).
		n := 0
		for line, text := range sourcedText(sourced) {
			n++
			if line < 1 || line > len(words) {
				t.Errorf("%s: a source of line %d, which no word has", name, line)
				continue
			}
			if w := words[line-1]; !within(text, w) {
				t.Errorf("%s: the source of word %q holds %q", name, w, text)
			}
		}
		if n == 0 && len(words) > 0 && !document.HasProvenance(sourced.Root) && strings.ContainsAny(md, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s: no word carries its source", name)
		}
	}
}

// within reports whether every character of text, but spaces, the
// placeholder's words and the backslash of an escape just before word, is
// one of word's.
func within(text, word string) bool {
	for _, r := range text {
		if r != ' ' && r != '\\' && !strings.ContainsRune(word, r) && !strings.ContainsRune("[to fill in: ]", r) {
			return false
		}
	}
	return true
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  without marks: %s\n  with marks:    %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

// provenanceOf dumps the Provenance nodes of a paragraph's inline content:
// each as "[line: kinds of its children]".
func provenanceOf(doc *document.Document) string {
	var b strings.Builder
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		p, ok := n.(*document.Provenance)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var kids []string
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			kids = append(kids, c.Kind().String())
		}
		fmt.Fprintf(&b, "[%d in %s: %s %q]", p.Source.Pos.Line, p.Parent().Kind(), strings.Join(kids, ","), document.Text(p, doc.Source))
		return ast.WalkSkipChildren, nil
	})
	return b.String()
}

func TestProvenanceNodes(t *testing.T) {
	for _, c := range []struct{ name, md, want string }{
		{"a value in a sentence", "In " + provenance.Mark(src(1), "1997") + ", 133 States",
			`[1 in Paragraph: Text "1997"]`},
		{"emphasis it holds whole", "the " + provenance.Mark(src(2), "*Informal Working Group*") + " met",
			`[2 in Paragraph: Emphasis "Informal Working Group"]`},
		{"text, emphasis and text, one node", "a " + provenance.Mark(src(3), "b *c* d") + " e",
			`[3 in Paragraph: Text,Emphasis,Text "b c d"]`},
		{"inside emphasis", "*Action " + provenance.Mark(src(4), "#1") + " of the Plan*",
			`[4 in Emphasis: Text "#1"]`},
		{"a value over a line end", "a " + provenance.Mark(src(5), "b\nc") + " d",
			`[5 in Paragraph: Text,Text "b c"]`},
		{"an escape stays whole", `a\` + provenance.Mark(src(6), "*") + "b",
			`[6 in Paragraph: Text "\\*"]`}, // the backslash with what it escapes
		{"a gap", "Presented by the " + provenance.Mark(src(7), placeholder.Mark("the presenting office")),
			`[7 in Paragraph: Gap "[to fill in: the presenting office]"]`},
		{"in a code span", "- `" + provenance.Mark(src(8), "data/2018/edition.toml:5:8") + "`: the date",
			`[8 in TextBlock: CodeSpan "data/2018/edition.toml:5:8"]`},
		{"part of a code span: all of it, never inside it", "- `" + provenance.Mark(src(13), "data/2018/edition.toml") + ":5:8`: the date",
			`[13 in TextBlock: CodeSpan "data/2018/edition.toml:5:8"]`},
		{"in a link, never around it", "[" + provenance.Mark(src(9), "the site") + "](https://example.org)",
			`[9 in Link: Text "the site"]`},
		{"a paragraph and the next", provenance.Mark(src(10), "one\n\ntwo"),
			`[10 in Paragraph: Text "one"][10 in Paragraph: Text "two"]`},
		{"at a line start, a heading", "# " + provenance.Mark(src(11), "Status"),
			`[11 in Heading: Text "Status"]`},
		{"a value that starts a line with a list's mark", "Text\n\n" + provenance.Mark(src(12), "- item"),
			`[12 in TextBlock: Text "item"]`},
	} {
		doc := document.Parse([]byte(c.md))
		if got := provenanceOf(doc); got != c.want {
			t.Errorf("%s: %q gives\n  %s\nwant\n  %s", c.name, c.md, got, c.want)
		}
		if a, b := shape(document.Parse([]byte(provenance.Plain(c.md)))), shape(doc); a != b {
			t.Errorf("%s: the marks changed the tree:\n%s", c.name, lineDiff(a, b))
		}
	}
}

// TestSourcesInTables: a table's cells carry the sources of their values,
// and a value, even one that reads like a directive's fence, never ends
// its cell.
func TestSourcesInTables(t *testing.T) {
	var w document.TableWriter
	w.Open(document.Table{Name: "t", ID: "t"})
	w.Row(false, "")
	w.Cell(document.Cell{}, provenance.Mark(src(1), document.EscapeInline("Armenia")))
	w.Cell(document.Cell{Align: document.AlignCenter, Alt: "attended"}, provenance.Mark(src(2), "√"))
	w.Cell(document.Cell{}, provenance.Mark(src(3), ":::\n:::: row\n:::::")+" (after)")
	w.EndRow()
	doc := document.Parse([]byte(w.String()))
	tables := document.Tables(doc.Root)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	_, body := tables[0].Rows()
	if len(body) != 1 || len(body[0].Cells()) != 3 {
		t.Fatalf("the table's rows are not as written:\n%s", shape(doc))
	}
	got := sourcedText(doc)
	if got[1] != "Armenia" || got[2] != "√" || !strings.Contains(got[3], ":::") {
		t.Errorf("the cells' sources hold %v", got)
	}
	if !strings.Contains(document.Text(body[0].Cells()[2], doc.Source), "(after)") {
		t.Error("the value that reads like a fence ended its cell")
	}
}

// TestEscapeBlockReadsLinesWithoutMarks: a line is escaped as the parser
// reads it, without the marks of sources.
func TestEscapeBlockReadsLinesWithoutMarks(t *testing.T) {
	for _, s := range []string{
		provenance.Mark(src(1), ":::"),
		"  " + provenance.Mark(src(1), " :x"),
		provenance.Mark(src(1), "a\n:::b") + "\n" + provenance.Mark(src(2), "c"),
		provenance.Mark(src(1), "a") + ":::",
		provenance.Mark(src(1), "a\n") + ":: b",
		"plain\n  :::",
		provenance.Open + "cut short\n:::",
	} {
		if got, want := provenance.Plain(document.EscapeBlock(s)), document.EscapeBlock(provenance.Plain(s)); got != want {
			t.Errorf("EscapeBlock(%q) without marks is %q, want %q", s, got, want)
		}
	}
}

// gapsWhole reports whether s holds every gap mark it starts, with no
// Close of one it does not.
func gapsWhole(s string) bool {
	open := false
	for _, r := range s {
		switch string(r) {
		case placeholder.Open:
			open = true
		case placeholder.Close:
			if !open {
				return false
			}
			open = false
		}
	}
	return !open
}

// FuzzSources marks any stretch of any Markdown with a source: the tree is
// the one of the text without the mark, and what holds that source is
// text of the stretch.
func FuzzSources(f *testing.F) {
	fuzzseed.Add(f, 1<<10)
	f.Fuzz(func(t *testing.T, md []byte) {
		if len(md) > 8<<10 || !utf8.Valid(md) || provenance.Has(string(md)) || strings.ContainsAny(string(md), provenance.Sep+provenance.Close) {
			t.Skip()
		}
		s := string(md)
		// mark the middle third, cut at characters
		a, b := len(s)/3, 2*len(s)/3
		for a > 0 && !utf8.RuneStart(s[a]) {
			a--
		}
		for b < len(s) && !utf8.RuneStart(s[b]) {
			b++
		}
		marked := s[:a] + provenance.Mark(src(1), s[a:b]) + s[b:]
		plain, sourced := document.Parse(md), document.Parse([]byte(marked))
		if x, y := shape(plain), shape(sourced); x != y {
			t.Fatalf("the mark changed the tree:\n%s", lineDiff(x, y))
		}
		// and the HTML writer renders it as well-formed as without
		if body, err := htmlout.Body(sourced); err != nil {
			t.Fatal(err)
		} else if err := htmlcheck.Check(body); err != nil {
			if plainBody, _ := htmlout.Body(plain); htmlcheck.Check(plainBody) == nil {
				t.Fatalf("with the mark: %v\n%s", err, body)
			}
		}
		cutsGap := !gapsWhole(s[a:b]) // a gap goes with the stretch it starts in
		if text := sourcedText(sourced)[1]; !cutsGap && !within(text, s[a:b]) {
			t.Fatalf("the source of %q holds %q", s[a:b], text)
		}
	})
}
