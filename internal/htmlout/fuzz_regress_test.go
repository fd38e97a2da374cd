package htmlout

import (
	"testing"
)

// Regression test for what FuzzMarkdownToHTML found: a character
// reference hid the scheme of a link from the check ("javascript&colon;x"
// is not javascript: until the reference is resolved), and the link was
// written with the reference resolved: href="javascript:x".
func TestLinkSchemeHiddenByReference(t *testing.T) {
	// The links keep their text, and nothing else.
	same(t, "body", body(t, "[a](javascript&colon;x) [b](JAVASCRIPT&#58;x) [c](&#x6A;avascript:x) [d](vbscript&colon;x) [e](data&colon;text/html,x) [f][r]\n\n"+
		"[r]: javascript&colon;z\n\n![g](javascript&colon;y)\n"),
		"<p>a b c d e f</p>\n<p>g</p>\n")
	// A safe link keeps its reference, escaped as it was.
	same(t, "a safe link with a reference", body(t, "[q](https://example.org/?a=1&amp;b=2)\n"),
		`<p><a href="https://example.org/?a=1&amp;b=2">q</a></p>`+"\n")
}
