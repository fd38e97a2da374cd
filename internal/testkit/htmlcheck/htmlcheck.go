// Package htmlcheck checks the HTML the writers make, for tests and fuzz
// targets: that it is well-formed (every element closed, in order, and
// standing where a browser keeps it, so that a browser shows what the
// document tree holds) and that nothing in it can run code.
package htmlcheck

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// voids are the elements that have no end tag.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// closesP are the elements whose start tag closes an open <p> in a browser:
// inside a paragraph they would restructure the page.
var closesP = map[string]bool{"address": true, "article": true, "aside": true, "blockquote": true, "details": true,
	"div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true, "ul": true}

// Check returns the first way in which page is not well-formed (an element
// not closed, or closed out of order, or standing where a browser would not
// keep it) or could run code (a script, an event handler, an address that
// runs code).
func Check(page []byte) error {
	z := html.NewTokenizer(bytes.NewReader(page))
	var open []string
	lastChild := "" // the element just closed, while its parent has had nothing since
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(open) > 0 {
				return fmt.Errorf("elements never closed: %v", open)
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			if name == "script" || name == "iframe" || name == "object" || name == "embed" {
				return fmt.Errorf("a <%s> element", name)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return fmt.Errorf("<%s %s=%q>: an event handler", name, a.Key, a.Val)
				}
				if a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction" {
					if dangerous(a.Val) {
						return fmt.Errorf("<%s %s=%q>: an address that runs code", name, a.Key, a.Val)
					}
				}
			}
			if closesP[name] && slices.Contains(open, "p") {
				return fmt.Errorf("<%s> inside <p> (open: %v)", name, open)
			}
			if name == "a" && slices.Contains(open, "a") {
				return fmt.Errorf("<a> inside <a>")
			}
			if err := checkPlace(name, open, lastChild); err != nil {
				return err
			}
			lastChild = ""
			if tt == html.StartTagToken && !voids[name] {
				open = append(open, name)
			} else {
				lastChild = name
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if voids[string(name)] {
				return fmt.Errorf("an end tag </%s> for a void element", name)
			}
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return fmt.Errorf("</%s> does not close the open element (open: %v)", name, open)
			}
			open = open[:len(open)-1]
			lastChild = string(name)
		case html.TextToken:
			if len(open) > 0 && tableParts[open[len(open)-1]] && strings.TrimSpace(string(z.Text())) != "" {
				return fmt.Errorf("text %q directly in <%s> (open: %v)", z.Text(), open[len(open)-1], open)
			}
		}
	}
}

// tableParts are the elements that hold only other elements of a table: a
// browser moves anything else out of the table.
var tableParts = map[string]bool{"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "colgroup": true}

// parents lists, for the elements that may stand only in certain others,
// where they may.
var parents = map[string][]string{
	"caption": {"table"}, "colgroup": {"table"}, "thead": {"table"}, "tbody": {"table"}, "tfoot": {"table"},
	"tr": {"thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"}, "col": {"colgroup"}, "li": {"ul", "ol"},
}

// checkPlace reports an element that a browser would not keep where it
// stands: a table part outside its table, anything but a table part in a
// table, a table in a caption, a header in a header. prev is the element
// that the new one follows in the same parent, if any.
func checkPlace(name string, open []string, prev string) error {
	parent := ""
	if len(open) > 0 {
		parent = open[len(open)-1]
	}
	if want, ok := parents[name]; ok && !slices.Contains(want, parent) {
		return fmt.Errorf("<%s> in <%s>, not in %v (open: %v)", name, parent, want, open)
	}
	if tableParts[parent] && parents[name] == nil {
		return fmt.Errorf("<%s> directly in <%s> (open: %v)", name, parent, open)
	}
	if name == "caption" && prev != "" {
		return fmt.Errorf("<caption> after <%s>: it must be the table's first child", prev)
	}
	if name == "thead" && prev != "" && prev != "caption" && prev != "colgroup" {
		return fmt.Errorf("<thead> after <%s> (open: %v)", prev, open)
	}
	if name == "table" && slices.Contains(open, "caption") {
		return fmt.Errorf("<table> in <caption> (open: %v)", open)
	}
	if (name == "header" || name == "footer") && (slices.Contains(open, "header") || slices.Contains(open, "footer")) {
		return fmt.Errorf("<%s> in a header or footer (open: %v)", name, open)
	}
	return nil
}

// dangerous reports whether a browser would run the address as code: its
// scheme, after the white space and control characters browsers drop, is
// javascript:, vbscript:, or data: other than an image.
func dangerous(url string) bool {
	var b strings.Builder
	for _, r := range url {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	u := strings.ToLower(b.String())
	if strings.HasPrefix(u, "data:") {
		for _, img := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
			if strings.HasPrefix(u, img) {
				return false
			}
		}
		return true
	}
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:")
}
