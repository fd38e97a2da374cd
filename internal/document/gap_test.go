package document

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"unireport/internal/placeholder"
)

// gaps returns the Gap nodes of the tree in document order.
func gaps(root ast.Node) []*Gap {
	var out []*Gap
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if g, ok := n.(*Gap); ok && entering {
			out = append(out, g)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// within reports whether n has an ancestor of the given kind.
func within(n ast.Node, kind ast.NodeKind) bool {
	for a := n.Parent(); a != nil; a = a.Parent() {
		if a.Kind() == kind {
			return true
		}
	}
	return false
}

func mark(what string) string { return placeholder.Mark(what) }

// A mark becomes a Gap wherever text goes: paragraphs, emphasis, headings,
// the title block, a table's caption and cells, pipe tables, links and
// footnotes.
func TestGapsWhereverTextGoes(t *testing.T) {
	src := ":::: titleblock\n# Status " + mark("the year") + "\n\nPresented by the " + mark("the presenting office") + "\n\n" +
		mark("the date of presentation") + "\n::::\n\n" +
		"## Work in " + mark("the year") + "\n\n" +
		"The vote was *" + mark("the count") + " in favour* and **(" + mark("b") + ")**; see [" + mark("l") + "](#x).[^1]\n\n" +
		"::::: table demo id=t1\n:::: caption\nTable 1: " + mark("the caption") + "\n::::\n" +
		":::: row id=state-x\n::: header scope=row\nX" + mark("the name") + "\n:::\n::: cell\n" + mark("the cell") + "\n:::\n::::\n:::::\n\n" +
		"| a | b |\n|---|---|\n| " + mark("pipe") + " | d |\n\n" +
		"[^1]: A note " + mark("the source") + ".\n"
	doc := Parse([]byte(src))
	want := []struct {
		what string
		in   ast.NodeKind
	}{
		{"the year", KindTitleBlock},
		{"the presenting office", KindTitleBlock},
		{"the date of presentation", KindTitleBlock},
		{"the year", ast.KindHeading},
		{"the count", ast.KindEmphasis},
		{"b", ast.KindEmphasis},
		{"l", ast.KindLink},
		{"the caption", KindCaption},
		{"the name", KindTableCell},
		{"the cell", KindTableCell},
		{"pipe", east.KindTableCell},
		{"the source", east.KindFootnote},
	}
	got := gaps(doc.Root)
	if len(got) != len(want) {
		var whats []string
		for _, g := range got {
			whats = append(whats, g.What)
		}
		t.Fatalf("found %d gaps %q, want %d", len(got), whats, len(want))
	}
	for i, w := range want {
		if got[i].What != w.what || !within(got[i], w.in) {
			t.Errorf("gap %d: %q in %v, want %q in a %v", i, got[i].What, got[i].Parent().Kind(), w.what, w.in)
		}
	}
	if strings.Contains(Text(doc.Root, doc.Source), placeholder.Open) {
		t.Errorf("a mark is left as text: %q", Text(doc.Root, doc.Source))
	}
	// The title block's heading and paragraphs read as plain text.
	tb := doc.Root.FirstChild()
	var texts []string
	for c := tb.FirstChild(); c != nil; c = c.NextSibling() {
		texts = append(texts, Text(c, doc.Source))
	}
	if g := strings.Join(texts, "|"); g != "Status [to fill in: the year]|Presented by the [to fill in: the presenting office]|[to fill in: the date of presentation]" {
		t.Errorf("title block text: %q", g)
	}
	if c := Tables(doc.Root)[0].Caption(); Text(c, doc.Source) != "Table 1: [to fill in: the caption]" {
		t.Errorf("caption text: %q", Text(c, doc.Source))
	}
}

// Every character before a mark may touch it: a letter, a curly quote,
// punctuation, an escaped punctuation character, the start of a line.
func TestGapAfterAnyCharacter(t *testing.T) {
	for _, c := range []struct{ src, text string }{
		{mark("a") + " at the start", "[to fill in: a] at the start"},
		{"word" + mark("a") + "word", "word[to fill in: a]word"},
		{"“" + mark("a") + "”", "“[to fill in: a]”"},
		{"x\u00a0" + mark("a"), "x\u00a0[to fill in: a]"},
		{"(" + mark("a") + ")", "([to fill in: a])"},
		{`\(` + mark("a"), `\([to fill in: a]`}, // Text keeps escapes, as ever
		{`x\*y` + mark("a"), `x\*y[to fill in: a]`},
		{"line one\n" + mark("a") + " line two", "line one [to fill in: a] line two"},
		{mark("a") + mark("b"), "[to fill in: a][to fill in: b]"},
		{"*" + mark("a") + "*", "[to fill in: a]"},
		{"_" + mark("a") + "_", "[to fill in: a]"},
	} {
		doc := Parse([]byte(c.src))
		if got := Text(doc.Root, doc.Source); got != c.text {
			t.Errorf("%q: text %q, want %q", c.src, got, c.text)
		}
	}
}

// What a mark says is taken as it stands: no Markdown inside it is parsed,
// only backslash escapes are resolved.
func TestGapTextIsVerbatim(t *testing.T) {
	doc := Parse([]byte("See " + mark(`the *count* [of] a\_b & c`) + ".\n"))
	g := gaps(doc.Root)
	if len(g) != 1 || g[0].What != "the *count* [of] a_b & c" {
		t.Fatalf("gaps: %v", g)
	}
	if got := Text(doc.Root, doc.Source); got != "See [to fill in: the *count* [of] a_b & c]." {
		t.Errorf("text %q", got)
	}
	if got := Text(Parse([]byte(mark(""))).Root, []byte(mark(""))); got != "[to fill in]" {
		t.Errorf("empty gap reads %q", got)
	}
}

// An Open without its Close on the same line stays text, and so does one
// followed by another Open before the Close; broken bytes never panic.
func TestUnclosedMarkStaysText(t *testing.T) {
	o, c := placeholder.Open, placeholder.Close
	for _, tc := range []struct {
		src   string
		whats []string
	}{
		{"open " + o + " never closed\n", nil},
		{"open " + o + "a\nb" + c + " next line\n", nil},
		{o + "a" + o + "b" + c + " c\n", []string{"b"}},
		{"x" + o + " " + o + "(" + o + "y" + c + c + "\n", []string{"y"}},
		{"close " + c + " alone " + o, nil},
		{"broken \xee\x80 and \xee" + o, nil},
		{"*" + o + "*\n" + c, nil},
		{"`" + o + "a" + c + "`", nil}, // in a code span it is code
	} {
		doc := Parse([]byte(tc.src))
		var whats []string
		for _, g := range gaps(doc.Root) {
			whats = append(whats, g.What)
		}
		if strings.Join(whats, "|") != strings.Join(tc.whats, "|") {
			t.Errorf("%q: gaps %q, want %q", tc.src, whats, tc.whats)
		}
		if len(tc.whats) == 0 && strings.Contains(tc.src, o) && !strings.Contains(Text(doc.Root, doc.Source), o) {
			t.Errorf("%q: the unclosed Open is gone: %q", tc.src, Text(doc.Root, doc.Source))
		}
	}
}

// The gap parser, called at every space and punctuation character, takes
// nothing but marks: parsed with it, a document without marks has the same
// nodes and the same text (cut into more Text nodes, never within a
// character reference or an escape). Parse does not use it for such a
// document at all.
func TestGapParserChangesNothingElse(t *testing.T) {
	srcs := []string{tableSrc,
		"Text (with *emphasis*, **strong** _under_ `code`, [a link](#x \"t\") & \\*stars\\* <https://x.org> <b>raw</b>).  \nhard\\\nbreak ![img](y) [ref][r] ~x~ \\\n\n[r]: /u\n",
		"# Heading *x*\n\n> quote [^n]\n\n- item **a**\n- item_b\n\n1. x\n\n| a | b |\n|---|:-:|\n| *c* | d\\|e |\n\n[^n]: Note (1).\n",
		"***a** b* __c_ d_ [x](<y z>) `` a ` b `` \\\n&amp; AT&amp;T &#58;&#x3A; &nope; “q” x\u00a0y\n",
	}
	cases, err := filepath.Glob(filepath.Join("testdata", "cases", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(b); !strings.Contains(s, placeholder.Open) {
			srcs = append(srcs, s)
		}
	}
	if len(srcs) < 20 {
		t.Fatalf("only %d sources", len(srcs))
	}
	entity := regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|\\[[:punct:]]`)
	for _, src := range srcs {
		plain := Parse([]byte(src))
		ctx := parser.NewContext(parser.WithIDs(newIDs()))
		root := Markdown().Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
		with := &Document{Root: root, Source: []byte(src)}
		if got, want := treeString(with), treeString(plain); got != want {
			t.Errorf("%q parses differently with the gap parser:\n%s\n--- without:\n%s", src, got, want)
		}
		if HasGap(plain.Root) || HasGap(with.Root) {
			t.Errorf("%q: HasGap without a mark", src)
		}
		// No Text node ends within a reference or an escape.
		for _, m := range entity.FindAllStringIndex(src, -1) {
			_ = ast.Walk(with.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if tx, ok := n.(*ast.Text); ok && entering && tx.Segment.Start > m[0] && tx.Segment.Start < m[1] {
					t.Errorf("%q: a Text node starts within %q", src, src[m[0]:m[1]])
				}
				return ast.WalkContinue, nil
			})
		}
	}
	if !HasGap(Parse([]byte("a " + mark("b"))).Root) {
		t.Error("HasGap misses a gap")
	}
}

// treeString writes the tree's kinds and texts, adjacent Text nodes as one
// (with the line break of the last).
func treeString(doc *Document) string {
	var b strings.Builder
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tx, isText := n.(*ast.Text)
		if !entering {
			if !isText {
				b.WriteString(")")
			}
			return ast.WalkContinue, nil
		}
		if isText {
			if _, ok := n.PreviousSibling().(*ast.Text); !ok {
				b.WriteString("(Text ")
			}
			b.Write(tx.Value(doc.Source))
			if _, ok := n.NextSibling().(*ast.Text); !ok || tx.SoftLineBreak() || tx.HardLineBreak() {
				fmt.Fprintf(&b, " %v %v)", tx.SoftLineBreak(), tx.HardLineBreak())
				if ok {
					b.WriteString("(Text ")
				}
			}
			return ast.WalkContinue, nil
		}
		b.WriteString("(" + n.Kind().String())
		if s, ok := n.(*ast.String); ok {
			fmt.Fprintf(&b, " %q", s.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
