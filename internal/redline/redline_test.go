package redline_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/redline"
	"unireport/internal/testkit/htmlcheck"
)

// compare is the redline of two Markdown texts.
func compare(old, new string, opts redline.Options) *document.Document {
	return redline.Compare(document.Parse([]byte(old)), document.Parse([]byte(new)), nil, opts)
}

// show writes a redline as text: deletions [-so-], insertions {+so+},
// rows on lines of their own starting with their change, cells split by
// |, folds as <first words|label>, note references as ^N.
func show(doc *document.Document) string {
	var b strings.Builder
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Value(doc.Source))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *document.Edit:
			switch {
			case entering && n.Deleted:
				b.WriteString("[-")
			case entering:
				b.WriteString("{+")
			case n.Deleted:
				b.WriteString("-]")
			default:
				b.WriteString("+}")
			}
		case *document.TableRow:
			if entering {
				fmt.Fprintf(&b, "\nrow %s:", or(n.Change.String(), "same"))
			}
		case *document.TableCell:
			if entering {
				b.WriteString(" |")
				if n.ColSpan > 1 {
					fmt.Fprintf(&b, "(span %d)", n.ColSpan)
				}
				b.WriteString(" ")
			}
		case *document.Fold:
			if entering {
				b.WriteString("<")
				b.WriteString(document.Text(n.Excerpt(), doc.Source))
				b.WriteString("|" + n.Label + ">")
				return ast.WalkSkipChildren, nil
			}
		case *east.FootnoteLink:
			if entering {
				fmt.Fprintf(&b, "^%d", n.Index)
			}
		case *ast.Paragraph, *ast.TextBlock:
			if _, inCell := n.Parent().(*document.TableCell); !entering && !inCell {
				b.WriteString("\n")
			}
		case *document.DataTable:
			if !entering {
				b.WriteString("\n")
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func or(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// html renders a redline's body, checking that it is well-formed.
func html(t *testing.T, doc *document.Document) string {
	t.Helper()
	b, err := htmlout.Render(doc, htmlout.Options{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if err := htmlcheck.Check(b); err != nil {
		t.Fatalf("the redline's HTML: %v", err)
	}
	return string(b)
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"words changed", "As of 2017, 35 States remain.\n", "As of 2018, 34 States remain.\n",
			"As of [-2017-]{+2018+}, [-35-]{+34+} States remain."},
		{"a sentence added", "One sentence.\n", "One sentence. And another.\n",
			"One sentence. {+And another.+}"},
		{"a paragraph added between", "First.\n\nThird.\n", "First.\n\nSecond.\n\nThird.\n",
			"First.\n{+Second.+}\nThird."},
		{"a paragraph removed", "First.\n\nSecond.\n\nThird.\n", "First.\n\nThird.\n",
			"First.\n[-Second.-]\nThird."},
		{"a word put in italics", "a plain word\n", "a *plain* word\n",
			"a [-plain-]{+plain+} word"},
		{"italics kept around a change", "*one two three*\n", "*one four three*\n",
			"one [-two-]{+four+} three"},
		{"lines of the source are spaces", "one two\nthree four\n", "one two three\nfour\n",
			"one two three four"},
		{"a heading", "# Title of 2017\n\nText.\n", "# Title of 2018\n\nText.\n",
			"Title of [-2017-]{+2018+}Text."},
		{"a list item added", "- one\n- two\n", "- one\n- two\n- three\n",
			"one\ntwo\n{+three+}"},
		// what only the old version has, read from its own source
		{"an autolink and code removed", "See <https://a.example/x> and `code` now.\n", "See now.\n",
			"See [-https://a.example/x and code-] now."},
		{"a paragraph with a link removed", "Keep.\n\nSee [the *site*](https://a.example/) \\* too.\n", "Keep.\n",
			"Keep.\n[-See the site \\* too.-]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := compare(c.old, c.new, redline.Options{})
			if got := show(doc); got != c.want {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
			html(t, doc)
		})
	}
}

func TestMarksInHTML(t *testing.T) {
	got := html(t, compare("As of *2017*, 35 States.\n", "As of *2018*, 34 States.\n", redline.Options{}))
	for _, want := range []string{
		`<em><del class="redline">2017</del><ins class="redline">2018</ins></em>`,
		`<del class="redline">35</del><ins class="redline">34</ins> States.`,
		"ins.redline {", // the style sheet of the marks
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the HTML lacks %q:\n%s", want, got)
		}
	}
	if same := html(t, compare("Text.\n", "Text.\n", redline.Options{})); strings.Contains(same, "redline") {
		t.Errorf("a redline of no change has marks or their styles:\n%s", same)
	}
}

// table writes a data table: rows of cells, the first row the header;
// a body row whose first cell starts with "#" has that id and a row
// header.
func table(name string, rows ...[]string) string {
	var w document.TableWriter
	w.Open(document.Table{Name: name, ID: name})
	for i, r := range rows {
		id, cells := "", r
		if i > 0 && strings.HasPrefix(r[0], "#") {
			id, cells = r[0][1:], r[1:]
		}
		w.Row(i == 0, id)
		for j, c := range cells {
			cell := document.Cell{}
			switch {
			case i == 0:
				cell = document.Cell{Header: true, Scope: "col"}
			case id != "" && j == 0:
				cell = document.Cell{Header: true, Scope: "row"}
			}
			w.Cell(cell, c)
		}
		w.EndRow()
	}
	return w.String()
}

func TestKeyedRows(t *testing.T) {
	old := table("positions",
		[]string{"State", "Position"},
		[]string{"#a", "Armenia", "Supports it."},
		[]string{"#b", "Bahrain", "No information."},
		[]string{"#c", "China", "Not yet."},
	)
	new := table("positions",
		[]string{"State", "Position"},
		[]string{"#a", "Armenia", "Supports it fully."},
		[]string{"#c", "China", "Not yet."},
		[]string{"#d", "Denmark", "New here."},
	)
	got := show(compare(old, new, redline.Options{}))
	want := strings.Join([]string{
		"row same: | State | Position",
		"row changed: | Armenia | Supports it {+fully+}.",
		// Bahrain's row is gone, not China's cells moved up into it
		"row deleted: | [-Bahrain-] | [-No information.-]",
		"row same: | China | Not yet.",
		"row inserted: | {+Denmark+} | {+New here.+}",
	}, "\n")
	if got != want {
		t.Errorf("\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestListRows: the rows of a table with no keys are lists by column (the
// vote): a name that moved is struck out of one column and added in
// another, and each column stays in its order.
func TestListRows(t *testing.T) {
	old := table("vote",
		[]string{"In favour (2)", "Not present (2)"},
		[]string{"Armenia", "Kyrgyzstan"},
		[]string{"China", "Tonga"},
	)
	new := table("vote",
		[]string{"In favour (3)", "Not present (1)"},
		[]string{"Armenia", "Kyrgyzstan"},
		[]string{"China", ""},
		[]string{"Tonga", ""},
	)
	got := show(compare(old, new, redline.Options{}))
	want := strings.Join([]string{
		"row changed: | In favour ([-2-]{+3+}) | Not present ([-2-]{+1+})",
		"row same: | Armenia | Kyrgyzstan",
		"row changed: | China | [-Tonga-]",
		"row changed: | {+Tonga+} |",
	}, "\n")
	if got != want {
		t.Errorf("\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestColumnAdded: a meeting added to a table with a header of years over
// meetings is a column inserted; the year's header spans it too.
func TestColumnAdded(t *testing.T) {
	header := func(w *document.TableWriter, years [][2]string) {
		w.Row(true, "")
		w.Cell(document.Cell{Header: true, Scope: "col", RowSpan: 2}, "State")
		// count the meetings of each year
		var order []string
		span := map[string]int{}
		for _, y := range years {
			if span[y[0]] == 0 {
				order = append(order, y[0])
			}
			span[y[0]]++
		}
		for _, y := range order {
			w.Cell(document.Cell{Header: true, Scope: "colgroup", ColSpan: span[y]}, y)
		}
		w.EndRow()
		w.Row(true, "")
		for _, y := range years {
			w.Cell(document.Cell{Header: true, Scope: "col"}, y[1])
		}
		w.EndRow()
	}
	make := func(years [][2]string, rows map[string][]string, order []string) string {
		var w document.TableWriter
		w.Open(document.Table{Name: "participation", ID: "participation"})
		header(&w, years)
		for _, s := range order {
			w.Row(false, "")
			w.Cell(document.Cell{Header: true, Scope: "row"}, s)
			for _, c := range rows[s] {
				w.Cell(document.Cell{}, c)
			}
			w.EndRow()
		}
		return w.String()
	}
	old := make([][2]string{{"2016", "15MSP"}, {"2017", "Inter"}},
		map[string][]string{"China": {"x", ""}, "Egypt": {"", ""}}, []string{"China", "Egypt"})
	new := make([][2]string{{"2016", "15MSP"}, {"2017", "Inter"}, {"2017", "16MSP"}},
		map[string][]string{"China": {"x", "", "x"}, "Egypt": {"", "x", ""}}, []string{"China", "Egypt"})
	got := show(compare(old, new, redline.Options{}))
	want := strings.Join([]string{
		"row same: | State | 2016 |(span 2) 2017",
		"row changed: | 15MSP | Inter | {+16MSP+}",
		"row changed: | China | x |  | {+x+}",
		"row changed: | Egypt |  | {+x+} |",
	}, "\n")
	if got != want {
		t.Errorf("\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestFold: a long unchanged paragraph of a table's body is folded to its
// first words, with its count of words; a changed one, or one outside a
// table, is not.
func TestFold(t *testing.T) {
	long := strings.Repeat("word ", 44) + "end."
	old := table("positions", []string{"State", "Position"},
		[]string{"#a", "Armenia", long + "\n\nSecond " + long},
		[]string{"#b", "Bahrain", long}) + long + "\n"
	new := table("positions", []string{"State", "Position"},
		[]string{"#a", "Armenia", long + "\n\nSecond " + long + " More."},
		[]string{"#b", "Bahrain", long}) + long + "\n"
	got := show(compare(old, new, redline.Options{}))
	fold := "<word word word word word word word word word word…|unchanged, 45 words>"
	want := strings.Join([]string{
		"row same: | State | Position",
		"row changed: | Armenia | " + fold + "Second " + long + " {+More.+}",
		"row same: | Bahrain | " + fold,
		long,
	}, "\n")
	if got != want {
		t.Errorf("\n got:\n%s\nwant:\n%s", got, want)
	}
	if got := show(compare(old, new, redline.Options{FoldWords: -1})); strings.Contains(got, "unchanged") {
		t.Errorf("FoldWords -1 folds:\n%s", got)
	}
	h := html(t, compare(old, new, redline.Options{}))
	if !strings.Contains(h, `<details class="fold"><summary><span class="fold-excerpt">word word`) ||
		!strings.Contains(h, `word…</span> <span class="fold-label">(unchanged, 45 words)</span></summary>`+"\n<p>word word") {
		t.Errorf("the fold's HTML:\n%s", h)
	}
}

// TestFootnotes: a note's reference kept is the new version's; a
// reference deleted keeps its note's number and gets an id of its own; a
// note only the old version has is deleted, numbered after the others.
func TestFootnotes(t *testing.T) {
	old := "Text[^a] and more[^b].\n\nOther[^a].\n\n[^a]: Note A.\n\n[^b]: Note B.\n"
	new := "Text[^a] and more.\n\nOther[^a].\n\n[^a]: Note A, changed.\n"
	doc := compare(old, new, redline.Options{})
	got := show(doc)
	want := "Text^1 and more[-^2-].\nOther^1.\nNote A{+, changed+}.\n[-Note B.-]"
	if got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	h := html(t, doc)
	if n := strings.Count(h, `id="fnref:1"`); n != 1 {
		t.Errorf("fnref:1 is the id of %d references", n)
	}
}

// TestSelf: a document against itself marks nothing, and folds what is
// long in its tables.
func TestSelf(t *testing.T) {
	src := table("positions", []string{"State", "Position"}, []string{"#a", "Armenia", strings.Repeat("w ", 60)}) + "Text[^n].\n\n[^n]: Note.\n"
	doc := compare(src, src, redline.Options{})
	if strings.ContainsAny(show(doc), "[{") || strings.Contains(show(doc), "row changed") {
		t.Errorf("a document against itself:\n%s", show(doc))
	}
	if !strings.Contains(show(doc), "unchanged, 60 words") {
		t.Errorf("no fold:\n%s", show(doc))
	}
}

// TestDeterministic: the same two texts give the same bytes.
func TestDeterministic(t *testing.T) {
	old := table("v", []string{"A", "B"}, []string{"x", "y"}) + "One two[^a].\n\n[^a]: N.\n"
	new := table("v", []string{"A", "B"}, []string{"y", "x"}, []string{"z", ""}) + "One three[^a].\n\n[^a]: M.\n"
	first := html(t, compare(old, new, redline.Options{}))
	for range 5 {
		if again := html(t, compare(old, new, redline.Options{})); again != first {
			t.Fatal("two redlines of the same texts differ")
		}
	}
}

// TestBounded: two long paragraphs with nothing in common, and two long
// tables each with its own rows, are compared in bounded time.
func TestBounded(t *testing.T) {
	var a, b bytes.Buffer
	for i := range 30000 {
		fmt.Fprintf(&a, "a%d ", i)
		fmt.Fprintf(&b, "b%d ", i)
	}
	old, new := a.String()+"\n", b.String()+"\n"
	rows := func(prefix string) [][]string {
		out := [][]string{{"State", "Position"}}
		for i := range 2000 {
			out = append(out, []string{fmt.Sprintf("#%s%d", prefix, i), fmt.Sprintf("%s %d", prefix, i), "text"})
		}
		return out
	}
	old += table("positions", rows("x")...)
	new += table("positions", rows("y")...)
	start := time.Now()
	doc := compare(old, new, redline.Options{})
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v", took)
	}
	got := show(doc)
	if !strings.HasPrefix(got, "[-a0 a1") || strings.Count(got, "row deleted") != 2000 || strings.Count(got, "row inserted") != 2000 {
		t.Errorf("the redline of texts with nothing in common is not all deleted and inserted: %.200s", got)
	}
}
