package report_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unireport/internal/testkit/browser"
	"unireport/internal/testkit/seedtext"
	"unireport/internal/testkit/testtool"
)

// axeSource returns axe-core's script, which .ci/run installs into
// .ci/node (npm axe-core); the test skips without it, and fails in CI.
func axeSource(t *testing.T) string {
	t.Helper()
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, ".ci", "node", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		testtool.Missing(t, "axe-core is not installed (npm install --prefix .ci/node axe-core, as .ci/run does)")
	}
	return string(b)
}

// axeResult is what axe-core reports of a rule: its id, and the elements
// it found, by selector.
type axeResult struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
		Any    []struct {
			Message      string `json:"message"`
			RelatedNodes []struct {
				HTML string `json:"html"`
			} `json:"relatedNodes"`
		} `json:"any"`
	} `json:"nodes"`
}

// TestHTMLAccessibility runs axe-core, the engine of the accessibility
// checkers in browsers' developer tools, on the final and the draft 2017
// HTML and the redline of the made-up 2018 edition against it in Chromium, with the rules of WCAG 2.2 AA and axe's best
// practices: no violation, and nothing it could not judge in a cell that
// holds a mark (a tick it cannot read). What it could not judge elsewhere
// is logged: the participation table's corner header, two rows high, is
// one, since axe does not follow a cell across rows.
func TestHTMLAccessibility(t *testing.T) {
	testtool.Long(t, "axe-core audits three pages in Chromium")
	t.Parallel() // a tab of the shared browser
	axe := axeSource(t)
	_, final := build2017(t)
	for _, c := range []struct {
		name string
		html []byte
	}{{"final", final}, {"draft", draft2017(t)}, {"changes", fixtureChangesHTML(t)}} {
		path := filepath.Join(t.TempDir(), c.name+".html")
		if err := os.WriteFile(path, c.html, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx := browser.New(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(path))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+"\n;true")); err != nil {
			t.Fatalf("%s: loading axe-core: %v", c.name, err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
  resultTypes: ["violations", "incomplete"],
}).then(r => JSON.stringify({violations: r.violations, incomplete: r.incomplete}))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: running axe-core: %v", c.name, err)
		}
		var res struct{ Violations, Incomplete []axeResult }
		if err := json.Unmarshal([]byte(raw), &res); err != nil {
			t.Fatal(err)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: %s (%s) at %d elements, e.g. %.200s", c.name, v.ID, v.Help, len(v.Nodes), v.Nodes[0].HTML)
		}
		for _, v := range res.Incomplete {
			cells := 0
			for _, n := range v.Nodes {
				if strings.HasPrefix(n.HTML, "<td") && strings.Contains(n.HTML, `aria-hidden="true"`) {
					cells++
				}
			}
			if cells > 0 {
				why := ""
				if a := v.Nodes[0].Any; len(a) > 0 {
					why = a[0].Message
					for _, r := range a[0].RelatedNodes {
						why += fmt.Sprintf(" [%.120s]", r.HTML)
					}
				}
				t.Errorf("%s: axe could not judge %s (%s) at %d cells with a mark, e.g. %.200s: %s", c.name, v.ID, v.Help, cells, v.Nodes[0].HTML, why)
			} else {
				t.Logf("%s: axe could not judge %s at %d elements:", c.name, v.ID, len(v.Nodes))
				for _, n := range v.Nodes {
					if len(n.Any) > 0 {
						t.Logf("  %.100s: %s", n.HTML, n.Any[0].Message)
					}
				}
			}
		}
	}
}
