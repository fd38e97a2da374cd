package htmlout

import (
	"strings"
	"testing"
)

// Regression test for what FuzzMarkdownToHTML found: a character
// reference hid the scheme of a link from the check ("javascript&colon;x"
// is not javascript: until the reference is resolved), and the link was
// written with the reference resolved: href="javascript:x".
func TestLinkSchemeHiddenByReference(t *testing.T) {
	out := render(t, "[a](javascript&colon;x) [b](JAVASCRIPT&#58;x) [c](&#x6A;avascript:x) [d](vbscript&colon;x) [e](data&colon;text/html,x) [f][r]\n\n"+
		"[r]: javascript&colon;z\n\n![g](javascript&colon;y)\n")
	for _, bad := range []string{"javascript:", "JAVASCRIPT:", "vbscript:", "data:text"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"<p>a b c d e f", "<p>g</p>"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q (the links' text):\n%s", want, out)
		}
	}
	if out := render(t, "[q](https://example.org/?a=1&amp;b=2)\n"); !strings.Contains(out, `href="https://example.org/?a=1&amp;b=2"`) {
		t.Errorf("a safe link with a reference: %s", out)
	}
}
