package docxcheck

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

const (
	contentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	packageRels  = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	documentRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`
	styles       = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`
	// a table of two columns: a cell spanning both, then a cell
	// spanning two rows beside one, then its continuation beside one
	body = `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:bookmarkStart w:id="1" w:name="row"/><w:bookmarkEnd w:id="1"/><w:hyperlink w:anchor="row"><w:r><w:t>to the row</w:t></w:r></w:hyperlink><w:hyperlink r:id="rId9"><w:r><w:t>out</w:t></w:r></w:hyperlink></w:p>` +
		`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`
)

func document(body string) string {
	return `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + `</w:body></w:document>`
}

// pack zips the parts in order: name, content, name, content, …
func pack(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		f, err := z.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func good(doc string) []string {
	return []string{"[Content_Types].xml", contentTypes, "_rels/.rels", packageRels,
		"word/document.xml", doc, "word/_rels/document.xml.rels", documentRels, "word/styles.xml", styles}
}

func TestCheckGood(t *testing.T) {
	if err := Check(pack(t, good(document(body))...)); err != nil {
		t.Fatal(err)
	}
}

// Each flaw that makes Word refuse a file is reported.
func TestCheckFlaws(t *testing.T) {
	flaws := []struct {
		name, old, new, want string
	}{
		{"not well-formed", "</w:body>", "</w:bod>", "not well-formed"},
		{"unknown style", `w:val="Normal"`, `w:val="Nothing"`, `pStyle "Nothing"`},
		{"a footnote not in footnotes.xml", "<w:t>out</w:t>", `<w:footnoteReference w:id="3"/>`, "footnote 3"},
		{"a link to no bookmark", `w:anchor="row"`, `w:anchor="nowhere"`, `bookmark "nowhere"`},
		{"a link with no relationship", `r:id="rId9"`, `r:id="rId8"`, "rId8"},
		{"a bookmark not closed", `<w:bookmarkEnd w:id="1"/>`, ``, "never closed"},
		{"a cell without a paragraph", `<w:tc><w:p/></w:tc></w:tr></w:tbl>`, `<w:tc></w:tc></w:tr></w:tbl>`, "end with a paragraph"},
		{"a row narrower than the grid", `<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`, ``, "spans 1 columns"},
		{"a merge with nothing above", `<w:vMerge w:val="restart"/>`, ``, "continues a merge"},
		{"a list not in numbering.xml", "<w:p/></w:tc></w:tr></w:tbl>", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc></w:tr></w:tbl>`, "list 1"},
	}
	for _, f := range flaws {
		if !strings.Contains(body, f.old) && f.old != "</w:body>" {
			t.Fatalf("%s: the body has no %q", f.name, f.old)
		}
		doc := strings.Replace(document(body), f.old, f.new, 1)
		err := Check(pack(t, good(doc)...))
		if err == nil || !strings.Contains(err.Error(), f.want) {
			t.Errorf("%s: Check = %v, want an error saying %q", f.name, err, f.want)
		}
	}
	// The package's own flaws.
	parts := good(document(body))
	if err := Check(pack(t, append(parts[2:], parts[:2]...)...)); err == nil || !strings.Contains(err.Error(), "first member") {
		t.Errorf("content types last: Check = %v", err)
	}
	if err := Check(pack(t, append(parts, "word/extra.bin", "x")...)); err == nil || !strings.Contains(err.Error(), "no content type") {
		t.Errorf("an untyped part: Check = %v", err)
	}
	if err := Check(pack(t, parts[:len(parts)-2]...)); err == nil || !strings.Contains(err.Error(), "styles.xml") {
		t.Errorf("a related part missing: Check = %v", err)
	}
}

func TestNodes(t *testing.T) {
	p, err := Open(pack(t, good(document(body))...))
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Part("word/document.xml")
	if n := len(doc.All("tc")); n != 5 {
		t.Errorf("%d cells, want 5", n)
	}
	if got := doc.TextOf(); !strings.HasPrefix(got, "to the rowout\n") {
		t.Errorf("TextOf = %q", got)
	}
	if v := doc.All("gridSpan")[0].W("val"); v != "2" {
		t.Errorf("gridSpan %q", v)
	}
}
