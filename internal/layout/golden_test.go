package layout

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleDocument has one of everything the report uses: the title block, a
// heading, styled runs with a link and a footnote reference, a list, the
// three kinds of table (the long one splitting a row over a page break, with
// a footnote referenced from a cell) and a rule.
func sampleDocument() Document {
	vote := &Table{
		Caption: []Run{{Text: "2017 UNGA First Committee Convention Resolution: Voting by States not party"}},
		Head:    []Row{row(cell("In favour (15)"), cell("Abstained (16)"), cell("Not present (3)"))},
		Body: []Row{
			row(cell("Armenia"), cell("Cuba"), cell("Kyrgyzstan")),
			row(cell("Azerbaijan"), cell("Egypt"), cell("Lebanon")),
			row(cell("Bahrain"), cell("India"), cell()),
		},
	}
	marshall := Row{ID: "marshall-islands", Cells: []Cell{
		{Blocks: []Block{&Paragraph{Runs: []Run{{Text: "Marshall Islands"}, {FootnoteRef: 2}}}}},
		cell("“Although we still have not yet ratified the treaty, we have not taken any action which is contrary to the goals. "+words("a", 160),
			"We value closely our relationship with the United States of America. "+words("b", 160)),
		cell("9MSP in 2008"),
	}}
	positions := &Table{
		Head: []Row{row(
			cell("State not party"),
			cell("Stated support for the aims of the Convention and stated circumstances for not acceding to the Convention"),
			cell("Last participation in Meetings of the States Parties (MSP) or Review Conference"))},
		Body: []Row{
			row(cell("Bahrain"), cell("No official information submitted."), cell("Second Review Conference in 2009")),
			marshall,
			row(cell("Uzbekistan"), cell("No official information submitted."), cell("Has never participated")),
		},
		Widths: []float64{1, 4, 1.3},
	}
	return Document{
		Blocks: []Block{
			&TitleBlock{
				Title: []Run{{Text: "Status of Universalization of the Anti-Personnel Mine Ban Convention"}},
				Lines: [][]Run{{{Text: "Presented by the President of the Sixteenth Meeting of the States Parties"}}, {{Text: "8 December 2017"}}},
			},
			&Heading{Level: 1, Runs: []Run{{Text: "Universalization"}}},
			&Paragraph{Runs: []Run{
				{Text: "At the Third Review Conference in 2014, States Parties made several commitments in adopting the "},
				{Text: "Maputo Action Plan", Italic: true},
				{Text: " (see the "},
				{Text: "Convention’s website", Link: "https://www.apminebanconvention.org/"},
				{Text: "). The President has prepared an overview of the "},
				{Text: "official", Bold: true},
				{FootnoteRef: 1},
				{Text: " information available."},
			}},
			&List{Items: [][]Block{{para("letters to the 35 States not party;")}, {para("bilateral meetings with 15 States not party.")}}},
			vote,
			participationTable(3),
			&Rule{},
			positions,
		},
		Footnotes: map[int][]Block{
			1: {para("Sources of information: statements delivered at Convention-related meetings, voluntary Article 7 reports.")},
			2: {para("The Marshall Islands are signatory to the Convention.")},
		},
	}
}

func TestGolden(t *testing.T) {
	pages := mustLayout(t, sampleDocument())
	got := Dump(pages)
	path := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("layout differs from %s at line %d (run go test -update if the change is meant):\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
	if len(pages) < 2 {
		t.Errorf("sample fits one page; it should split the positions table")
	}
	footnoteChecks(t, pages, map[int]string{1: "Sources of information", 2: "The Marshall Islands are signatory"})
}

// Layout keeps no state: two runs give the same pages.
func TestRepeatable(t *testing.T) {
	a := Dump(mustLayout(t, sampleDocument()))
	b := Dump(mustLayout(t, sampleDocument()))
	if a != b {
		t.Error("two layouts of one document differ")
	}
}
