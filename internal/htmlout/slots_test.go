package htmlout

import (
	"html/template"
	"strings"
	"testing"

	"unireport/internal/document"
)

// TestSlots checks the exact page of a tiny document with a title prefix
// and both slots: the prefix escaped at the start of the title, the slots
// verbatim at the end of the head and of the body, nothing else changed.
func TestSlots(t *testing.T) {
	doc := document.Parse([]byte("Hello `</body>`.\n"))
	opts := Options{Title: "T", Lang: "fr", Draft: true, Built: "1 May 2017 09:30 UTC", Generator: "g 1"}
	plain, err := Render(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	top := "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	head := "<meta name=\"generator\" content=\"g 1\">\n<style>\n" + style + "</style>\n"
	body := "<body class=\"draft\">\n<header class=\"draft-banner\"><p>Draft, built 1 May 2017 09:30 UTC. Not for circulation.</p></header>\n" +
		"<main>\n<p>Hello <code>&lt;/body&gt;</code>.</p>\n</main>\n"
	want := top + "<title>DRAFT: T</title>\n" + head + "</head>\n" + body + "</body>\n</html>\n"
	if string(plain) != want {
		t.Errorf("without slots:\n%s\nwant:\n%s", plain, want)
	}

	opts.TitlePrefix = "2 errors <&> · "
	opts.HeadEnd = template.HTML("<link rel=\"icon\" href=\"data:,\">\n<style>x{}</style>\n")
	opts.BodyEnd = template.HTML("<nav>bar</nav>\n<script data-build=\"b-1\">let a = 1 < 2;</script>\n")
	got, err := Render(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	want = top + "<title>2 errors &lt;&amp;&gt; · DRAFT: T</title>\n" + head + string(opts.HeadEnd) + "</head>\n" +
		body + string(opts.BodyEnd) + "</body>\n</html>\n"
	if string(got) != want {
		t.Errorf("with slots:\n%s\nwant:\n%s", got, want)
	}
	if !strings.HasPrefix(string(got), top) || strings.Count(string(got), "</body>") != 1 {
		t.Error("the slots changed the page around them")
	}
}
