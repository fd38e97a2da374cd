package layout

import "testing"

// Every text carries its element: a paragraph's lines on both pages it is
// split over, a cell's lines on both pages its row is split over, a link's
// words; the header rows set again on a continuation page are artifacts,
// with no element, and set once with their cells' elements.
func TestElements(t *testing.T) {
	root := &Elem{Role: "Document"}
	p := root.Add("P")
	link := p.Add("Link")
	tbl := root.Add("Table")
	th := tbl.Add("TR").Add("TH")
	tr := tbl.Add("TR")
	name, long := tr.Add("TD"), tr.Add("TD")
	head := Row{Cells: []Cell{{Blocks: []Block{&Paragraph{Runs: []Run{{Text: "Heading"}}, Elem: th}}}, {}}}
	body := Row{Cells: []Cell{
		{Blocks: []Block{&Paragraph{Runs: []Run{{Text: "Name"}}, Elem: name}}},
		{Blocks: []Block{&Paragraph{Runs: []Run{{Text: words("c", 900)}}, Elem: long}}},
	}}
	doc := Document{Structure: root, Blocks: []Block{
		&Paragraph{Runs: []Run{{Text: words("p", 1500) + " "}, {Text: "site", Link: "https://example.org/", Elem: link}}, Elem: p},
		&Table{Head: []Row{head}, Body: []Row{body}},
	}}
	pages := mustLayout(t, doc)
	if len(pages) < 3 {
		t.Fatalf("%d pages: the paragraph and the row are not split", len(pages))
	}
	heads := 0
	pagesOf := map[*Elem]map[int]bool{}
	for _, pg := range pages {
		for _, tx := range pg.Texts {
			if tx.Text == "Heading" {
				heads++
				if heads == 1 && (tx.Elem != th || tx.Artifact) {
					t.Errorf("the first header row: element %v, artifact %v", tx.Elem, tx.Artifact)
				}
				if heads > 1 && (tx.Elem != nil || !tx.Artifact) {
					t.Errorf("a repeated header row on page %d: element %v, artifact %v", pg.Number, tx.Elem, tx.Artifact)
				}
				continue
			}
			if tx.Elem == nil || tx.Artifact {
				t.Errorf("page %d: %q has no element", pg.Number, tx.Text)
				continue
			}
			want := map[byte]*Elem{'p': p, 's': link, 'c': long, 'N': name}[tx.Text[0]]
			if tx.Elem != want {
				t.Errorf("page %d: %q belongs to %s", pg.Number, tx.Text, tx.Elem.Role)
			}
			if pagesOf[tx.Elem] == nil {
				pagesOf[tx.Elem] = map[int]bool{}
			}
			pagesOf[tx.Elem][pg.Number] = true
		}
		for _, l := range pg.Links {
			if l.Elem != link {
				t.Errorf("page %d: the link's element is %v", pg.Number, l.Elem)
			}
		}
	}
	if heads < 2 {
		t.Errorf("the header row is set %d times; the test wants the table continued", heads)
	}
	if len(pagesOf[p]) < 2 || len(pagesOf[long]) < 2 {
		t.Errorf("the paragraph is on pages %v and the long cell on %v: not split", pagesOf[p], pagesOf[long])
	}
}
