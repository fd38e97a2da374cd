package preview

import (
	"html"
	"strings"
	"testing"

	"unireport/internal/diag"
	"unireport/internal/htmlout"
)

// TestOverlayPositionsAreLinks: each problem's position opens in the
// editor, as a draft's values do: the page carries the script that does
// it, which the policy allows.
func TestOverlayPositionsAreLinks(t *testing.T) {
	snap := &snapshot{id: "x-1", broken: true, links: sourceLinks{editor: "vscode://file/{path}:{line}:{col}", root: "/home/editor"}, diags: diag.List{
		{Pos: diag.Pos{File: "data/2017/vote.toml", Line: 3, Col: 7}, Severity: diag.Error, Message: "bad"},
		{Pos: diag.Pos{File: "templates/report.md"}, Severity: diag.Error, Message: "no line"},
		{Severity: diag.Error, Message: "nowhere"},
	}}
	b, err := pageFor(snap)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	checkWellFormed(t, page)
	for _, want := range []string{
		`<code class="src" tabindex="0" data-src="data/2017/vote.toml:3:7">data/2017/vote.toml:3:7</code>: <span class="unireport-sev-error">error</span>: bad`,
		`<code class="src" tabindex="0" data-src="templates/report.md">templates/report.md</code>:`,
		`<li><code></code>: <span class="unireport-sev-error">error</span>: nowhere`,
		`<script data-editor="vscode://file/{path}:{line}:{col}" data-root="/home/editor">` + htmlout.SourcesScript + "</script>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", html.EscapeString(want[:min(len(want), 120)]))
		}
	}
	if !strings.Contains(csp, "'"+scriptHash(htmlout.SourcesScript)+"'") {
		t.Errorf("the policy does not allow the script that opens sources: %s", csp)
	}
}
