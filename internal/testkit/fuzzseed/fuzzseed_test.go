package fuzzseed

import (
	"path/filepath"
	"testing"
)

func TestCases(t *testing.T) {
	cases, err := Cases(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	for i, c := range cases {
		if i > 0 && cases[i-1].Name >= c.Name {
			t.Errorf("cases out of order: %s, %s", cases[i-1].Name, c.Name)
		}
		if want := filepath.Join("..", "..", "..", CasesDir, c.Name+".html"); c.GoldenPath(".html") != want {
			t.Errorf("golden %s, want %s", c.GoldenPath(".html"), want)
		}
	}
	if _, err := Cases(t.TempDir()); err == nil {
		t.Error("no error for a folder without cases")
	}
}
