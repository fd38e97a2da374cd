package report_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/provenance"
	"unireport/internal/report"
)

// sourceTraces are what shows a value's source in a page: its attributes,
// the class of its element, the tip and the script, and the marks.
var sourceTraces = regexp.MustCompile(`data-src|class="[^"]*\bsrc\b|unireport-src|<script|` + provenance.Open + `|` + provenance.Close)

// TestFinalsCarryNoSources: a final report, however it was prepared, has
// no trace of where its values come from; a draft has them.
func TestFinalsCarryNoSources(t *testing.T) {
	for _, dir := range []string{"../../data/2017", "../../testdata/editions/2018", "../../testdata/editions/plenary-2018"} {
		for _, prepare := range []func(string, string) (*report.Report, error){prepareFinal, prepareDraft} {
			r, err := prepare(dir, templates)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			final, err := r.HTML(report.Draft{})
			if err != nil {
				t.Fatal(err)
			}
			if m := sourceTraces.Find(final); m != nil {
				t.Errorf("%s: the final HTML shows sources: %q", dir, m)
			}
			if bytes.Contains(r.Markdown, []byte(provenance.Open)) {
				t.Errorf("%s: the report's Markdown holds marks", dir)
			}
		}
		r, err := prepareDraft(dir, templates)
		if err != nil {
			t.Fatal(err)
		}
		draft, err := r.HTML(report.Draft{On: true, Built: time.Date(2018, 11, 1, 9, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(draft, []byte(`data-src="`)); n < 200 {
			t.Errorf("%s: the draft names %d sources", dir, n)
		}
		if bytes.ContainsAny(draft, provenance.Open+provenance.Sep+provenance.Close) {
			t.Errorf("%s: a mark of a source reached the draft HTML", dir)
		}
	}
}

// TestDraftPDFCarriesNoSources: the draft PDF of a report prepared as a
// draft, whose tree carries the sources, is byte for byte the draft PDF of
// the same report prepared as a final, whose tree carries none.
func TestDraftPDFCarriesNoSources(t *testing.T) {
	built := report.Draft{On: true, Built: time.Date(2017, 11, 30, 9, 5, 0, 0, time.UTC)}
	var pdfs [][]byte
	for _, prepare := range []func(string, string) (*report.Report, error){prepareDraft, prepareFinal} {
		r, err := prepare(filepath.Join("..", "..", "data", "2017"), templates)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := r.PDF(built)
		if err != nil {
			t.Fatal(err)
		}
		pdfs = append(pdfs, pdf)
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Error("the draft PDF differs when the tree carries the sources of its values")
	}
}

// TestDraftNamesTheEditor: the editor's URL template and the folder paths
// are made absolute against are the script's, in the draft only.
func TestDraftNamesTheEditor(t *testing.T) {
	r, err := prepareDraft("../../data/2017", templates)
	if err != nil {
		t.Fatal(err)
	}
	d := report.Draft{On: true, Editor: "vscode://file/{path}:{line}:{col}", EditorRoot: "/home/editor/unireport"}
	page, err := r.HTML(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<script data-editor="vscode://file/{path}:{line}:{col}" data-root="/home/editor/unireport">`) {
		t.Error("the draft does not name the editor")
	}
	d.On = false
	if page, _ := r.HTML(d); bytes.Contains(page, []byte("vscode")) {
		t.Error("the final names the editor")
	}
}

func prepareFinal(data, tmpl string) (*report.Report, error) {
	r, diags := report.Prepare(data, tmpl)
	return r, diags.Err()
}

func prepareDraft(data, tmpl string) (*report.Report, error) {
	r, diags := report.PrepareDraft(data, tmpl)
	return r, diags.Err()
}
