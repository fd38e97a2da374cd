package report_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/report"
	"unireport/internal/testkit/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// plenaryEdition is a made-up year whose vote was taken in plenary and whose
// year's figures, and one meeting's attendance, are not known.
const plenaryEdition = "../../testdata/editions/plenary-2018"

// narrative is the report's running text up to the table of positions,
// one sentence a line, as a reader reads it in the HTML.
func narrative(t *testing.T, r *report.Report, d report.Draft) string {
	t.Helper()
	text := plainText(t, r, d)
	if i := strings.Index(text, "State not party Stated support"); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, "Presented by"); i >= 0 {
		text = text[i:]
	}
	return regexp.MustCompile(`([.:)]) `).ReplaceAllString(text, "$1\n") + "\n"
}

// TestPlenaryYearWithUnknownFigures: the final report of a year whose vote
// was taken in plenary and whose letters, bilateral meetings, working-group
// meetings and one meeting's attendance are not known builds, words each
// sentence around what is not known, and says which vote it gives.
func TestPlenaryYearWithUnknownFigures(t *testing.T) {
	r, diags := report.Prepare(plenaryEdition, templates)
	if diags.HasErrors() {
		t.Fatalf("the plenary fixture has errors:\n%v", diags.Err())
	}
	got := narrative(t, r, report.Draft{})
	golden := filepath.Join("testdata", "plenary-2018.golden.txt")
	testtool.Golden(t, golden, got, *update)
	want, _ := os.ReadFile(golden)
	for _, never := range []string{"0 States", "zero", "not known States", "( ?"} {
		if strings.Contains(got, never) {
			t.Errorf("the narrative says %q", never)
		}
	}
	// Every cell of the unknown column says so; the known columns keep
	// their ticks and blanks.
	html, err := r.HTML(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?s)<tr[^>]*>\s*<th scope="row">(.*?)</th>(.*?)</tr>`).FindAllStringSubmatch(sectionOf(t, string(html), "participation"), -1)
	if len(rows) == 0 {
		t.Fatal("no rows in the participation table")
	}
	for _, row := range rows {
		// A cell's mark is drawn from its data-mark; its text says what
		// the mark means.
		cells := regexp.MustCompile(`<td([^>]*)>(.*?)</td>`).FindAllStringSubmatch(row[2], -1)
		mark := func(c []string) string {
			if m := regexp.MustCompile(`data-mark="([^"]*)"`).FindStringSubmatch(c[1]); m != nil {
				return m[1] + " " + c[2]
			}
			return c[2]
		}
		if last := mark(cells[len(cells)-1]); last != `? <span class="visually-hidden">attendance not known</span>` {
			t.Errorf("%s: the unknown meeting's cell is %q, want ? meaning attendance not known", row[1], last)
		}
		if prev := mark(cells[len(cells)-2]); strings.HasPrefix(prev, "?") {
			t.Errorf("%s: a known meeting's cell reads ?", row[1])
		}
	}
	if _, err := r.PDF(report.Draft{}); err != nil {
		t.Fatal(err)
	}
	// and as a draft, with the checklist that cannot tell who dropped out
	d, diags := report.PrepareDraft(plenaryEdition, templates)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	draft := report.Draft{On: true, Built: time.Date(2018, 11, 1, 9, 0, 0, 0, time.UTC)}
	if got := narrative(t, d, draft); !strings.HasPrefix(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(string(want)), " ")) {
		t.Error("the draft's narrative differs from the final's")
	}
	if text := plainText(t, d, draft); !strings.Contains(text, "Cannot be told while the attendance of these meetings is not known: Intersessional meetings (2018): not known") {
		t.Error("the draft's checklist concludes who dropped out while the 2018 attendance is not known")
	}
	if _, err := d.PDF(draft); err != nil {
		t.Fatal(err)
	}
}

// sectionOf returns the HTML of the table with the given id.
func sectionOf(t *testing.T, html, id string) string {
	t.Helper()
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no table %q", id)
	}
	j := strings.Index(html[i:], "</table>")
	return html[i : i+j]
}
