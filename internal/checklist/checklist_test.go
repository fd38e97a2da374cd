package checklist_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/checklist"
	"unireport/internal/edition"
	"unireport/internal/testkit/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden file")

func TestChecklistGolden(t *testing.T) {
	// Load from the project root so that paths in the warnings read as an
	// editor sees them.
	t.Chdir("../..")
	e, diags := edition.Load("data/2017")
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	got := checklist.Markdown(e, diags)
	testtool.Golden(t, filepath.Join("internal", "checklist", "testdata", "2017.golden.md"), got, *update)
}

func TestAttentionOrder(t *testing.T) {
	t.Chdir("../..")
	e, diags := edition.Load("data/2017")
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := checklist.Markdown(e, diags)
	order := []string{"### No official information", "### Never took part", "### Dropped out", "### Official information older", "### Official information per State", "### Warnings of check"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, h)
		if i < last {
			t.Errorf("%q comes before the section it should follow", h)
		}
		last = i
	}
	// Within the table, no information first, then the oldest.
	table := md[strings.Index(md, "| Bahrain"):]
	if strings.Index(table, "| Israel | 1997") > strings.Index(table, "| Mongolia | 2011") {
		t.Error("older information is not listed first")
	}
	if !strings.Contains(md, "Lebanon: last participation is given as Third Review Conference") {
		t.Error("the checklist lacks check's warning on Lebanon")
	}
}

// TestUndatedInformation: a State whose quotations name no year has
// information of unknown age: never "from 0, 2017 years old", and never
// listed as stale.
func TestUndatedInformation(t *testing.T) {
	dir := t.TempDir()
	for _, f := range edition.Files {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", "2017", f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == edition.StatesFile {
			for _, d := range []string{"date = \"4 December 1997\"\n", "date = \"7 October 2005\"\n"} {
				if !strings.Contains(s, d) {
					t.Fatalf("data/2017 has no %q", d)
				}
				s = strings.Replace(s, d, "", 1) // Armenia's two dates
			}
			s = strings.Replace(s, `occasion = "60th UNGA First Committee"`, `occasion = "UNGA First Committee"`, 1)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, diags := edition.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := checklist.Markdown(e, diags)
	if !strings.Contains(md, "| Armenia | undated | unknown |") {
		t.Errorf("Armenia's undated information is not shown as of unknown age:\n%s", md)
	}
	if strings.Contains(md, "from 0") || strings.Contains(md, "- Armenia: newest") {
		t.Errorf("undated information is counted from year 0:\n%s", md)
	}
}

// TestDroppedOutNeedsKnownAttendance: while a meeting of the edition's
// year has attendance not known, nobody is said to have dropped out.
func TestDroppedOutNeedsKnownAttendance(t *testing.T) {
	e, diags := edition.Load(filepath.Join("..", "..", "testdata", "editions", "plenary-2018"))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := checklist.Markdown(e, diags)
	if !strings.Contains(md, "### Dropped out of the meetings in 2018\n\nCannot be told while the attendance of these meetings is not known:\n\n- Intersessional meetings (2018): not known\n") {
		t.Errorf("the checklist concludes who dropped out:\n%s", md)
	}
	if len(e.DroppedOut()) != 0 {
		t.Errorf("DroppedOut = %d States while attendance is not known", len(e.DroppedOut()))
	}
}
