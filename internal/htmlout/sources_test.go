package htmlout

import (
	"strings"
	"testing"

	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/provenance"
	"unireport/internal/testkit/htmlcheck"
)

var (
	srcTitle = provenance.Source{Pos: diag.Pos{File: "data/2017/edition.toml", Line: 8, Col: 9}}
	srcCount = provenance.Source{Pos: diag.Pos{File: "data/2017/states.toml", Line: 10, Col: 1}, From: `count of [[state]] in "states.toml"`}
)

func TestSourcesRendered(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"# " + provenance.Mark(srcTitle, "Status"),
			`<h1 id="status"><span class="src" data-src="data/2017/edition.toml:8:9" tabindex="0">Status</span></h1>` + "\n"},
		{"Nonetheless, " + provenance.Mark(srcCount, "35") + " States",
			`<p>Nonetheless, <span class="src" data-src="data/2017/states.toml:10:1" data-src-from="count of [[state]] in &quot;states.toml&quot;" tabindex="0">35</span> States</p>` + "\n"},
		// a position in code, as the checklist lists them: the code
		// element names it, as the preview's list of problems does
		{"- `" + provenance.Mark(srcTitle, "data/2017/edition.toml:8:9 <x>") + "`: the title",
			"<ul>\n<li><code class=\"src\" tabindex=\"0\" data-src=\"data/2017/edition.toml:8:9\">data/2017/edition.toml:8:9 &lt;x&gt;</code>: the title</li>\n</ul>\n"},
		// in a link, which has the focus, the value does not take it
		{"[" + provenance.Mark(srcTitle, "site") + "](https://example.org)",
			`<p><a href="https://example.org"><span class="src" data-src="data/2017/edition.toml:8:9">site</span></a></p>` + "\n"},
	} {
		same(t, c.md, body(t, c.md), c.want)
	}
}

// A tick's cell shows its mark by style: the cell itself names its source
// and takes the focus.
func TestSourceOfATick(t *testing.T) {
	var w document.TableWriter
	w.Open(document.Table{Name: "participation", ID: "p"})
	w.Row(false, "")
	w.Cell(document.Cell{Header: true, Scope: "row"}, provenance.Mark(srcTitle, "China"))
	w.Cell(document.Cell{Align: document.AlignCenter, Alt: "attended"}, provenance.Mark(srcCount, "√"))
	w.Cell(document.Cell{Align: document.AlignCenter, Alt: "attended"}, "√")
	w.EndRow()
	got := body(t, w.String())
	for _, want := range []string{
		`<td data-mark="√" data-src="data/2017/states.toml:10:1" data-src-from="count of [[state]] in &quot;states.toml&quot;" tabindex="0" class="center src"><span class="visually-hidden">attended</span></td>`,
		`<td data-mark="√" class="center"><span class="visually-hidden">attended</span></td>`,
		`<th scope="row"><span class="src" data-src="data/2017/edition.toml:8:9" tabindex="0">China</span></th>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the table lacks %s:\n%s", want, got)
		}
	}
}

// TestSourcesFurniture: a page that shows sources carries their style,
// tip, status line and script, with the editor's template; one that does
// not is as it always was.
func TestSourcesFurniture(t *testing.T) {
	doc := document.Parse([]byte("A " + provenance.Mark(srcTitle, "value") + "."))
	plain, err := Render(doc, Options{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if err := htmlcheck.Check(plain); err != nil {
		t.Fatal(err)
	}
	for _, never := range []string{"<script", "unireport-src", ".src {"} {
		if strings.Contains(string(plain), never) {
			t.Errorf("a page without Sources has %q", never)
		}
	}
	page, err := Render(doc, Options{Title: "T", Draft: true, Sources: true, Editor: `subl://open?url=file://{path}&line={line}&column={col}`, EditorRoot: `/home/a "b"`})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<div id="unireport-src-tip" role="tooltip" hidden></div>`,
		`<p id="unireport-src-status" role="status" aria-live="polite"></p>`,
		`<script data-editor="subl://open?url=file://{path}&amp;line={line}&amp;column={col}" data-root="/home/a &quot;b&quot;">` + SourcesScript + "</script>\n</body>",
		sourcesStyle,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %.80q", want)
		}
	}
	if strings.Count(string(page), "<script") != 1 {
		t.Error("the page has other scripts")
	}
}

func TestCheckEditor(t *testing.T) {
	for _, ok := range []string{
		"vscode://file/{path}:{line}:{col}",
		"subl://open?url=file://{path}&line={line}&column={col}",
		"npp-open:{path}?line={line}&col={col}",
		"https://editor.example/open?file={path}",
	} {
		if err := CheckEditor(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"", "{path}", "vscode", "code --goto {path}:{line}", "1x:{path}",
		"vscode://file/", // no {path}
		"javascript:alert('{path}')", "JavaScript:{path}", "data:text/html,{path}", "vbscript:{path}", "file://{path}",
	} {
		if err := CheckEditor(bad); err == nil {
			t.Errorf("%q is accepted", bad)
		}
	}
}
