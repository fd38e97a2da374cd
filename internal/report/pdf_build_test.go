package report_test

import (
	"bytes"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"unireport/internal/layout"
	"unireport/internal/report"
)

// Two builds of the same inputs, each from a fresh Prepare, give the same
// bytes: the HTML and the PDF, final and draft (with the same build time).
func TestBuildsAreByteIdentical(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	built := time.Date(2017, 11, 30, 9, 0, 0, 0, time.UTC)
	var outs [2][4][]byte
	for i := range outs {
		r, _ := build2017(t)
		for j, d := range []report.Draft{{}, {On: true, Built: built}} {
			h, err := r.HTML(d)
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.PDF(d)
			if err != nil {
				t.Fatal(err)
			}
			outs[i][2*j], outs[i][2*j+1] = h, p
		}
	}
	for k, what := range []string{"final HTML", "final PDF", "draft HTML", "draft PDF"} {
		if !bytes.Equal(outs[0][k], outs[1][k]) {
			t.Errorf("two builds of the %s differ (%d and %d bytes)", what, len(outs[0][k]), len(outs[1][k]))
		}
	}
}

// The PDF's creation and modification dates are SOURCE_DATE_EPOCH where it
// is set, else the edition's date; an invalid value is an error.
func TestPDFDatesFollowSourceDateEpoch(t *testing.T) {
	needPoppler(t)
	r, _ := build2017(t)
	dates := func() []string {
		t.Helper()
		path, _ := writePDF(t, r, report.Draft{})
		info := run(t, "pdfinfo", "-isodates", path)
		var out []string
		for _, key := range []string{"CreationDate", "ModDate"} {
			m := regexp.MustCompile(`(?m)^` + key + `:\s+(\S+)$`).FindStringSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo shows no %s:\n%s", key, info)
			}
			out = append(out, m[1])
		}
		return out
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if got, want := dates(), []string{"2017-12-08T00:00:00Z", "2017-12-08T00:00:00Z"}; !slices.Equal(got, want) {
		t.Errorf("without SOURCE_DATE_EPOCH: dates %v, want the edition's date %v", got, want)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // 2023-11-14 22:13:20 UTC
	if got, want := dates(), []string{"2023-11-14T22:13:20Z", "2023-11-14T22:13:20Z"}; !slices.Equal(got, want) {
		t.Errorf("SOURCE_DATE_EPOCH=1700000000: dates %v, want %v", got, want)
	}
	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		if _, err := r.PDF(report.Draft{}); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
			t.Errorf("SOURCE_DATE_EPOCH=%q: err = %v, want one naming SOURCE_DATE_EPOCH", bad, err)
		}
	}
}

// A draft differs from the final build only by its marking: its laid-out
// report pages are the final's, box for box, with the editors' checklist on
// pages of its own after them; in the PDF every draft page carries the
// DRAFT watermark and the build time, and once they are taken away its
// words are the final's, page by page. The final carries neither.
func TestDraftDiffersOnlyByMarking(t *testing.T) {
	r, _ := build2017(t)
	built := time.Date(2017, 11, 30, 9, 5, 0, 0, time.UTC)
	draft := report.Draft{On: true, Built: built}
	final, err := r.Pages(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	drafted, err := r.Pages(draft)
	if err != nil {
		t.Fatal(err)
	}
	if len(drafted) <= len(final) {
		t.Fatalf("the draft has %d pages, the final %d: no checklist pages", len(drafted), len(final))
	}
	for i := range final {
		// The structures differ (the draft's has the checklist too): the
		// pages are compared by their elements' roles.
		if !reflect.DeepEqual(unlinked(final[i]), unlinked(drafted[i])) || !reflect.DeepEqual(roles(final[i]), roles(drafted[i])) {
			t.Errorf("page %d of the draft is laid out differently from the final's:\nfinal:\n%s\ndraft:\n%s",
				i+1, layout.Dump(final[i:i+1]), layout.Dump(drafted[i:i+1]))
		}
	}
	if first := drafted[len(final)].Texts; len(first) == 0 || !strings.HasPrefix(first[0].Text, "Editors") {
		t.Errorf("page %d of the draft does not begin with the editors' checklist: %+v", len(final)+1, first[:min(3, len(first))])
	}

	needPoppler(t)
	const note = "Draft built 2017-11-30 09:05 UTC"
	finalPath, _ := writePDF(t, r, report.Draft{})
	draftPath, _ := writePDF(t, r, draft)
	finalWords, draftWords := readWords(t, finalPath), readWords(t, draftPath)
	if len(draftWords) != len(drafted) || len(finalWords) != len(final) {
		t.Fatalf("the PDFs have %d and %d pages, the layouts %d and %d", len(finalWords), len(draftWords), len(final), len(drafted))
	}
	text := func(ws []pdfWord) string {
		var s []string
		for _, w := range ws {
			s = append(s, w.Text)
		}
		return strings.Join(s, " ")
	}
	// The watermark is drawn first; pdftotext may read its rotated
	// letters as words of their own.
	watermark := func(ws []pdfWord) int {
		joined := ""
		for i, w := range ws {
			joined += w.Text
			if joined == "DRAFT" {
				return i + 1
			}
			if !strings.HasPrefix("DRAFT", joined) {
				break
			}
		}
		return 0
	}
	for i, p := range draftWords {
		n := watermark(p.Words)
		all := text(p.Words[n:])
		if n == 0 {
			t.Errorf("draft page %d does not begin with the DRAFT watermark: %.60s", i+1, all)
		}
		// The note is drawn last, after the page number.
		rest, ok := strings.CutSuffix(all, " "+note)
		if !ok {
			t.Errorf("draft page %d does not end with %q: ...%s", i+1, note, all[max(0, len(all)-60):])
		}
		if i >= len(finalWords) {
			continue
		}
		if want := text(finalWords[i].Words); rest != want {
			t.Errorf("draft page %d, without its marking, differs from the final's:\ndraft: %.300s\nfinal: %.300s", i+1, rest, want)
		}
	}
	for i, p := range finalWords {
		if all := text(p.Words); watermark(p.Words) > 0 || strings.Contains(all, "DRAFT") || strings.Contains(all, "Draft built") {
			t.Errorf("final page %d carries a draft marking", i+1)
		}
	}
}

// unlinked is p with its texts and links cut from the structure.
func unlinked(p layout.Page) layout.Page {
	p.Texts = slices.Clone(p.Texts)
	for i := range p.Texts {
		p.Texts[i].Elem = nil
	}
	p.Links = slices.Clone(p.Links)
	for i := range p.Links {
		p.Links[i].Elem = nil
	}
	return p
}

// roles lists the structure roles of p's texts, with their parents'.
func roles(p layout.Page) []string {
	var out []string
	for _, t := range p.Texts {
		r := ""
		for e := t.Elem; e != nil; e = e.Parent {
			r += "/" + e.Role
		}
		out = append(out, r)
	}
	return out
}
