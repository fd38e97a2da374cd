package document

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// LinkTarget returns the address a link (or image) points to, as both
// writers write it: character references resolved ("&amp;" is "&",
// "&colon;" is ":") and what a URL cannot hold percent-encoded. It returns
// false when following the address could run code (javascript:, vbscript:,
// file:, data: other than an image): the writers then keep only the link's
// text. The check is made on the address as written, never on the source,
// where a reference such as "javascript&colon;" would hide the scheme.
func LinkTarget(dest []byte) (string, bool) {
	u := util.URLEscape(dest, true)
	if html.IsDangerousURL(u) {
		return "", false
	}
	return string(u), true
}

// AutoLinkTarget returns the address an autolink (<https://…> or
// <someone@example.org>) points to, with "mailto:" before an e-mail
// address, and false when following it could run code.
func AutoLinkTarget(n *ast.AutoLink, source []byte) (string, bool) {
	url := n.URL(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	u := util.URLEscape(url, false)
	if html.IsDangerousURL(u) {
		return "", false
	}
	return string(u), true
}
