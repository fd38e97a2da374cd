package pdfdraw

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"unireport/internal/version"
)

// xmpPacket is the document's metadata as XMP (ISO 16684-1), the form that
// document-management systems, archives and accessibility checkers read:
// the same title, author, subject, keywords, tools and dates as the PDF's
// Info dictionary, and the language; a tagged PDF's claims PDF/UA-1.
// Written uncompressed, as XMP must be.
func xmpPacket(o Options, creator string, created, modified time.Time) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	date := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
	lang := o.Language
	if lang == "" {
		lang = "x-default"
	}
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about=""` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/"`)
	if o.Structure != nil {
		b.WriteString(` xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`)
	}
	b.WriteString(">\n")
	if o.Structure != nil {
		b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	}
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(o.Title))
	if o.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(o.Author))
	}
	if o.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(o.Subject))
	}
	if o.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	if o.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(o.Keywords))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", esc(version.Program()))
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n", date(created))
	fmt.Fprintf(&b, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date(modified))
	fmt.Fprintf(&b, "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date(modified))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}
