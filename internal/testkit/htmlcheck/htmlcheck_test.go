package htmlcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := []string{
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title><style>p>a{}</style></head>` +
			`<body><main><p>a <a href="https://example.org/?a=1&amp;b=2">b</a><br>c</p>` +
			`<section><table><caption>C</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>` +
			"<tbody>\n<tr><td><p>x</p><ul><li>y</li></ul></td></tr>\n</tbody></table></section>" +
			`<img src="data:image/png;base64,AA==" alt=""><!-- raw HTML omitted --></main></body></html>`,
		`<p>&lt;script&gt; is text; so is javascript:x and onclick=x</p>`,
	}
	for _, page := range good {
		if err := Check([]byte(page)); err != nil {
			t.Errorf("%v: %s", err, page)
		}
	}
	bad := map[string]string{
		`<p>a`:                                "never closed",
		`<p><b>a</p></b>`:                     "does not close",
		`</p>`:                                "does not close",
		`<br></br>`:                           "void",
		`<script>x</script>`:                  "<script>",
		`<p onclick="x">a</p>`:                "event handler",
		`<a href="javascript:x">a</a>`:        "runs code",
		`<a href=" JaVa&#x09;Script:x">a</a>`: "runs code",
		`<a href="vbscript:x">a</a>`:          "runs code",
		`<img src="data:text/html,x">`:        "runs code",
		`<p><div>a</div></p>`:                 "inside <p>",
		`<a href="#a"><a href="#b">b</a></a>`: "<a> inside <a>",
		`<td>a</td>`:                          "<td> in",
		`<tbody><tr><td>a</td></tr></tbody>`:  "<tbody> in",
		`<table><p>a</p></table>`:             "directly in <table>",
		`<table>text</table>`:                 "text",
		`<table><tr><td>a</td></tr></table>`:  "<tr> in <table>",
		`<table><tbody></tbody><caption>c</caption></table>`: "first child",
		`<table><tbody></tbody><thead></thead></table>`:      "<thead> after <tbody>",
		`<table><caption><table></table></caption></table>`:  "<table> in <caption>",
		`<header><header></header></header>`:                 "header",
		`<li>a</li>`:                                         "<li> in",
	}
	for page, want := range bad {
		err := Check([]byte(page))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want one saying %q", page, err, want)
		}
	}
}
