package htmlout

import (
	"strings"
	"testing"
	"unireport/internal/testkit/testtool"

	"unireport/internal/document"
	"unireport/internal/placeholder"
)

// render returns the whole page of md.
func render(t *testing.T, md string) string {
	t.Helper()
	b, err := Render(document.Parse([]byte(md)), Options{Title: "T", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// body returns the rendered body of md, without the page around it.
func body(t *testing.T, md string) string {
	t.Helper()
	b, err := Body(document.Parse([]byte(md)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// same fails the test when got is not want, with the first line that
// differs.
func same(t *testing.T, what, got, want string) {
	t.Helper()
	if d := testtool.Diff(want, got); d != "" {
		t.Errorf("%s: %s--- got:\n%s", what, d, got)
	}
}

// pageHead is the page's head up to its style sheet, for a page titled T
// in English.
const pageHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>T</title>
<meta name="generator" content="unireport">
<style>
`

func TestRawHTMLAndScriptLinksNeverPassThrough(t *testing.T) {
	out := body(t, "Hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<div onmouseover=\"x()\">block</div>\n\n"+
		"[click](javascript:alert(1)) [also](JaVaScRiPt:alert(2)) <javascript:alert(3)>\n\n"+
		"::::: table t id=t\n:::: row\n::: cell\n<img src=x onerror=alert(1)> [c](javascript:evil())\n:::\n::::\n:::::\n")
	// Raw HTML is dropped, and a link to a script keeps its text only.
	same(t, "body", out, `<p>Hello <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>
<!-- raw HTML omitted -->
<p>click also javascript:alert(3)</p>
<section class="table-wrap" tabindex="0">
<table class="data-table table-t" id="t">
<tbody>
<tr><td><!-- raw HTML omitted --> c</td></tr>
</tbody>
</table>
</section>
`)
}

func TestSafeLinksKept(t *testing.T) {
	out := body(t, "[site](https://www.apminebanconvention.org/ \"APMBC\") <isu@apminebanconvention.org> [sec](#state-armenia)\n")
	same(t, "body", out, `<p><a href="https://www.apminebanconvention.org/" title="APMBC">site</a> `+
		`<a href="mailto:isu@apminebanconvention.org">isu@apminebanconvention.org</a> <a href="#state-armenia">sec</a></p>
`)
}

// The page is the document in a head that loads nothing: its style sheet
// inline, no script, no link to another file.
func TestPageIsSelfContained(t *testing.T) {
	out := render(t, "# Title\n\nText.\n")
	same(t, "page", out, pageHead+style+`</style>
</head>
<body>
<main>
<h1 id="title">Title</h1>
<p>Text.</p>
</main>
</body>
</html>
`)
	// The style sheet is part of the page as it stands.
	for _, bad := range []string{"<script", "<link", "http://", "https://", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %q: it must need nothing from elsewhere", bad)
		}
	}
}

// The page's metadata is escaped into the head.
func TestPageMetadata(t *testing.T) {
	b, err := Render(document.Parse([]byte("Text.\n")), Options{
		Title: "A & B", Lang: "fr", Author: "The \"ISU\"", Subject: "<Status>", Keywords: "mines, ban",
	})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "page", string(b), `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A &amp; B</title>
<meta name="author" content="The &#34;ISU&#34;">
<meta name="description" content="&lt;Status&gt;">
<meta name="keywords" content="mines, ban">
<meta name="generator" content="unireport">
<style>
`+style+`</style>
</head>
<body>
<main>
<p>Text.</p>
</main>
</body>
</html>
`)
}

// HTML wants the caption first, then the column group; the scrolling box
// is a region named after the caption.
func TestTableMarkup(t *testing.T) {
	out := body(t, "::::: table demo id=demo widths=1,3\n:::: caption hidden\nThe caption\n::::\n"+
		":::: row head\n::: header scope=col colspan=2\nH\n:::\n::::\n"+
		":::: row id=state-x\n::: header scope=row\nX\n:::\n::: cell align=center\nA\n\nB\n:::\n::::\n:::::\n")
	same(t, "table", out, `<section class="table-wrap" aria-label="The caption" tabindex="0">
<table class="data-table table-demo" id="demo">
<caption class="visually-hidden">The caption</caption>
<colgroup><col style="width:25.0%"><col style="width:75.0%"></colgroup>
<thead>
<tr><th scope="col" colspan="2" class="codes">H</th></tr>
</thead>
<tbody>
<tr id="state-x"><th scope="row">X</th><td class="center"><p>A</p>
<p>B</p>
</td></tr>
</tbody>
</table>
</section>
`)
}

// A column header made of short codes carries the class codes, so that it
// is never hyphenated; a header of words, a row header (a State's name) and
// a data cell do not.
func TestHeaderCodes(t *testing.T) {
	who := placeholder.Mark("who attended")
	for _, tc := range []struct {
		text, html string
		codes      bool
	}{
		{"2014", "2014", true}, {"14MSP", "14MSP", true}, {"3rd RevCon", "3rd RevCon", true}, {"MSP", "MSP", true},
		{"Year", "Year", true}, {"UNGA vote (3)", "UNGA vote (3)", true},
		{"Intersessional meetings", "Intersessional meetings", false}, {"State not Party", "State not Party", false},
		{"In favour (15)", "In favour (15)", false},
		{"16MSP " + who, `16MSP <mark class="gap">[to fill in: who attended]</mark>`, false},
		{"", "", false},
	} {
		class := "center"
		if tc.codes {
			class += " codes"
		}
		out := body(t, "::::: table t id=t\n:::: row head\n::: header scope=col align=center\n"+tc.text+"\n:::\n::::\n"+
			":::: row\n::: header scope=row\nUSA\n:::\n::: cell\n2014\n:::\n::::\n:::::\n")
		same(t, "header "+tc.text, out, `<section class="table-wrap" tabindex="0">
<table class="data-table table-t" id="t">
<thead>
<tr><th id="t-col1" scope="col" class="`+class+`">`+tc.html+`</th></tr>
</thead>
<tbody>
<tr><th id="t-row1" headers="t-col1" scope="row">USA</th><td>2014</td></tr>
</tbody>
</table>
</section>
`)
	}
}

func TestDraftBanner(t *testing.T) {
	doc := document.Parse([]byte("Text.\n"))
	final, err := Render(doc, Options{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	draft, err := Render(doc, Options{Title: "T", Draft: true, Built: "27 November 2026 10:00 UTC"})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "final", string(final), pageHead+style+`</style>
</head>
<body>
<main>
<p>Text.</p>
</main>
</body>
</html>
`)
	same(t, "draft", string(draft), strings.Replace(pageHead, "<title>T", "<title>DRAFT: T", 1)+style+`</style>
</head>
<body class="draft">
<header class="draft-banner"><p>Draft, built 27 November 2026 10:00 UTC. Not for circulation.</p></header>
<main>
<p>Text.</p>
</main>
</body>
</html>
`)
}

// An image is never loaded from elsewhere: its alt text stands for it.
func TestImagesAreNotFetched(t *testing.T) {
	same(t, "body", body(t, "Before ![a map of the region](https://example.org/map.png) after.\n"),
		"<p>Before a map of the region after.</p>\n")
}

// A gap is a highlighted "[to fill in: …]", its text escaped, and the page
// carries the gap's style only when it has a gap.
func TestGap(t *testing.T) {
	same(t, "body", body(t, "Presented on "+placeholder.Mark("the date & <time>")+", *by "+placeholder.Mark("x")+"*.\n"),
		`<p>Presented on <mark class="gap">[to fill in: the date &amp; &lt;time&gt;]</mark>, <em>by <mark class="gap">[to fill in: x]</mark></em>.</p>`+"\n")
	end := "</style>\n</head>\n<body>\n<main>\n"
	same(t, "a page with a gap", render(t, "A "+placeholder.Mark("b")+"\n"),
		pageHead+style+gapStyle+end+`<p>A <mark class="gap">[to fill in: b]</mark></p>`+"\n</main>\n</body>\n</html>\n")
	same(t, "a page without a gap", render(t, "A b\n"),
		pageHead+style+end+"<p>A b</p>\n</main>\n</body>\n</html>\n")
	if !strings.Contains(gapStyle, "mark.gap {") || strings.Contains(style, "mark.gap") {
		t.Error("the gap's style is not in gap.css alone")
	}
	cell := body(t, "::::: table t id=t\n:::: caption\nCaption "+placeholder.Mark("c")+"\n::::\n:::: row\n::: cell\n"+placeholder.Mark("d")+"\n:::\n::::\n:::::\n")
	same(t, "table", cell, `<section class="table-wrap" aria-label="Caption [to fill in: c]" tabindex="0">
<table class="data-table table-t" id="t">
<caption>Caption <mark class="gap">[to fill in: c]</mark></caption>
<tbody>
<tr><td><mark class="gap">[to fill in: d]</mark></td></tr>
</tbody>
</table>
</section>
`)
}
