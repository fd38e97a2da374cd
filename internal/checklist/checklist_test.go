package checklist_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/checklist"
	"unireport/internal/edition"
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
	golden := filepath.Join("internal", "checklist", "testdata", "2017.golden.md")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("checklist differs from %s at line %d:\nwant %s\ngot  %s", golden, i+1, w[i], g[i])
			}
		}
		t.Fatalf("checklist differs from %s in length: %d lines, want %d", golden, len(g), len(w))
	}
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
