package htmlout

import (
	"strings"
	"testing"

	"unireport/internal/document"
	"unireport/internal/placeholder"
)

func render(t *testing.T, md string) string {
	t.Helper()
	b, err := Render(document.Parse([]byte(md)), Options{Title: "T", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRawHTMLAndScriptLinksNeverPassThrough(t *testing.T) {
	out := render(t, "Hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<div onmouseover=\"x()\">block</div>\n\n"+
		"[click](javascript:alert(1)) [also](JaVaScRiPt:alert(2)) <javascript:alert(3)>\n\n"+
		"::::: table t id=t\n:::: row\n::: cell\n<img src=x onerror=alert(1)> [c](javascript:evil())\n:::\n::::\n:::::\n")
	for _, bad := range []string{"<script", "onclick", "onmouseover", "onerror", "<img", `href="javascript`, `href="JaVaScRiPt`, `href=""`} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"click", "also", "javascript:alert(3)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the text of a neutralised link is gone: no %q", want)
		}
	}
}

func TestSafeLinksKept(t *testing.T) {
	out := render(t, "[site](https://www.apminebanconvention.org/ \"APMBC\") <isu@apminebanconvention.org> [sec](#state-armenia)\n")
	for _, want := range []string{`<a href="https://www.apminebanconvention.org/" title="APMBC">site</a>`,
		`<a href="mailto:isu@apminebanconvention.org">isu@apminebanconvention.org</a>`, `<a href="#state-armenia">sec</a>`} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}

func TestPageIsSelfContained(t *testing.T) {
	out := render(t, "# Title\n\nText.\n")
	for _, want := range []string{`<!DOCTYPE html>`, `<html lang="en">`, `<meta charset="utf-8">`, `<style>`, `<title>T</title>`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "http://", "https://", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %q: it must need nothing from elsewhere", bad)
		}
	}
}

func TestTableMarkup(t *testing.T) {
	out := render(t, "::::: table demo id=demo widths=1,3\n:::: caption hidden\nThe caption\n::::\n"+
		":::: row head\n::: header scope=col colspan=2\nH\n:::\n::::\n"+
		":::: row id=state-x\n::: header scope=row\nX\n:::\n::: cell align=center\nA\n\nB\n:::\n::::\n:::::\n")
	for _, want := range []string{
		`<table class="data-table table-demo" id="demo">`,
		`<col style="width:25.0%"><col style="width:75.0%">`,
		`<caption class="visually-hidden">The caption</caption>`,
		// HTML wants the caption first, then the column group; the
		// scrolling box is a region named after the caption.
		"<table class=\"data-table table-demo\" id=\"demo\">\n<caption class=\"visually-hidden\">The caption</caption>\n<colgroup>",
		`<section class="table-wrap" aria-label="The caption" tabindex="0">`,
		"<thead>\n<tr><th scope=\"col\" colspan=\"2\" class=\"codes\">H</th></tr>\n</thead>",
		"<tbody>\n<tr id=\"state-x\"><th scope=\"row\">X</th><td class=\"center\"><p>A</p>\n<p>B</p>\n</td></tr>\n</tbody>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table markup lacks %q:\n%s", want, out)
		}
	}
}

// A column header made of short codes carries the class codes, so that it
// is never hyphenated; a header of words, a row header (a State's name) and
// a data cell do not.
func TestHeaderCodes(t *testing.T) {
	for text, want := range map[string]bool{
		"2014": true, "14MSP": true, "3rd RevCon": true, "MSP": true, "Year": true, "UNGA vote (3)": true,
		"Intersessional meetings": false, "State not Party": false, "In favour (15)": false,
		"16MSP " + placeholder.Mark("who attended"): false, "": false,
	} {
		out := render(t, "::::: table t id=t\n:::: row head\n::: header scope=col align=center\n"+text+"\n:::\n::::\n"+
			":::: row\n::: header scope=row\nUSA\n:::\n::: cell\n2014\n:::\n::::\n:::::\n")
		if got := strings.Contains(out, `<th scope="col" class="center codes">`); got != want {
			t.Errorf("header %q: class codes %v, want %v:\n%s", text, got, want, out)
		}
		if !strings.Contains(out, `<th scope="row">USA</th><td>2014</td>`) {
			t.Errorf("a row header or a cell has a class:\n%s", out)
		}
	}
}

func TestDraftBanner(t *testing.T) {
	doc := document.Parse([]byte("Text.\n"))
	final, _ := Render(doc, Options{Title: "T"})
	draft, _ := Render(doc, Options{Title: "T", Draft: true, Built: "27 November 2026 10:00 UTC"})
	if strings.Contains(string(final), "draft-banner\"") {
		t.Error("a final build carries the draft banner")
	}
	if !strings.Contains(string(draft), "Draft, built 27 November 2026 10:00 UTC") {
		t.Error("the draft lacks its banner")
	}
}

func TestImagesAreNotFetched(t *testing.T) {
	out := render(t, "Before ![a map of the region](https://example.org/map.png) after.\n")
	if strings.Contains(out, "<img") || strings.Contains(out, "example.org") {
		t.Errorf("the page loads an image from elsewhere:\n%s", out)
	}
	if !strings.Contains(out, "Before a map of the region after.") {
		t.Errorf("the image's alt text is gone:\n%s", out)
	}
}

// A gap is a highlighted "[to fill in: …]", its text escaped, and the page
// carries the gap's style only when it has a gap.
func TestGap(t *testing.T) {
	body, err := Body(document.Parse([]byte("Presented on " + placeholder.Mark("the date & <time>") + ", *by " + placeholder.Mark("x") + "*.\n")))
	if err != nil {
		t.Fatal(err)
	}
	want := `<p>Presented on <mark class="gap">[to fill in: the date &amp; &lt;time&gt;]</mark>, <em>by <mark class="gap">[to fill in: x]</mark></em>.</p>` + "\n"
	if string(body) != want {
		t.Errorf("body:\n%s\nwant:\n%s", body, want)
	}
	if out := render(t, "A "+placeholder.Mark("b")+"\n"); !strings.Contains(out, "mark.gap {") {
		t.Error("a page with a gap lacks the gap's style")
	}
	if out := render(t, "A b\n"); strings.Contains(out, "mark.gap") || strings.Contains(out, style+gapStyle) {
		t.Error("a page without a gap has the gap's style")
	}
	cell := render(t, "::::: table t id=t\n:::: caption\nCaption "+placeholder.Mark("c")+"\n::::\n:::: row\n::: cell\n"+placeholder.Mark("d")+"\n:::\n::::\n:::::\n")
	for _, w := range []string{`aria-label="Caption [to fill in: c]"`, `<caption>Caption <mark class="gap">[to fill in: c]</mark></caption>`, `<td><mark class="gap">[to fill in: d]</mark></td>`} {
		if !strings.Contains(cell, w) {
			t.Errorf("table lacks %s:\n%s", w, cell)
		}
	}
}
