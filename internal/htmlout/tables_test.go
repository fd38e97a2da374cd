package htmlout_test

import (
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/htmlout"
)

// A pipe table is written as a table, as the data tables are: in a box
// that scrolls it, its header row in <thead> as column headers, its other
// rows in <tbody>, each cell a cell of its own.
func TestPipeTable(t *testing.T) {
	src := "### Official information per State\n\n" +
		"| State | Newest | Age |\n|---|:-:|--:|\n" +
		"| Bahrain | none | — |\n| Israel | **1997** | 20 |\n"
	body, err := htmlout.Body(document.Parse([]byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	got := string(body)
	for _, want := range []string{
		`<h3 id="official-information-per-state">Official information per State</h3>`,
		`<section class="table-wrap" aria-labelledby="official-information-per-state" tabindex="0">` + "\n" +
			`<table class="data-table pipe-table">` + "\n<thead>\n" +
			`<tr><th scope="col">State</th><th scope="col" class="center">Newest</th><th scope="col" class="right codes">Age</th></tr>` + "\n</thead>\n<tbody>\n" +
			`<tr><td>Bahrain</td><td class="center">none</td><td class="right">—</td></tr>` + "\n" +
			`<tr><td>Israel</td><td class="center"><strong>1997</strong></td><td class="right">20</td></tr>` + "\n" +
			"</tbody>\n</table>\n</section>\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the table is not written as\n%s\ngot:\n%s", want, got)
		}
	}
}

// A pipe table with no heading just before it is named after its column
// headers, so that the box a keyboard user scrolls has a name.
func TestPipeTableName(t *testing.T) {
	src := "Some text.\n\n| A | B & C |\n|---|---|\n| 1 | 2 |\n"
	body, err := htmlout.Body(document.Parse([]byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<section class="table-wrap" aria-label="Table: A, B &amp; C" tabindex="0">`; !strings.Contains(string(body), want) {
		t.Errorf("want %s in\n%s", want, body)
	}
	if strings.Count(string(body), "<tr>") != 2 {
		t.Errorf("want 2 rows:\n%s", body)
	}
}
