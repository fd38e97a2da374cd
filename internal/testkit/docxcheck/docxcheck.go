// Package docxcheck opens a DOCX file for tests and checks what Word
// needs of it: every XML part well-formed, every part typed and related,
// and the document's references whole (styles, footnotes, numbering,
// links, bookmarks, table grids). Word refuses a file that breaks these,
// where LibreOffice and pandoc may read it all the same. It is test
// support only: nothing in the program depends on it.
package docxcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
)

// W is the namespace of WordprocessingML.
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// R is the namespace of relationship references (r:id).
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Node is an element of a part, with its attributes, its child elements
// and its text (the character data directly in it).
type Node struct {
	Name  xml.Name
	Attr  []xml.Attr
	Kids  []*Node
	Text  string
	Up    *Node
	Index int // its place among its parent's children
}

// Get returns the value of the attribute local in namespace space.
func (n *Node) Get(space, local string) (string, bool) {
	for _, a := range n.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// W returns the value of the attribute w:local, or "".
func (n *Node) W(local string) string {
	v, _ := n.Get(W, local)
	return v
}

// Is reports whether n is the element w:local.
func (n *Node) Is(local string) bool { return n.Name.Space == W && n.Name.Local == local }

// All returns the elements w:local under n (n included), in document
// order.
func (n *Node) All(local string) []*Node {
	var out []*Node
	n.Walk(func(c *Node) bool {
		if c.Is(local) {
			out = append(out, c)
		}
		return true
	})
	return out
}

// Kid returns n's first child w:local, or nil.
func (n *Node) Kid(local string) *Node {
	for _, k := range n.Kids {
		if k.Is(local) {
			return k
		}
	}
	return nil
}

// Walk calls fn for n and the elements under it in document order, not
// going under an element for which fn returns false.
func (n *Node) Walk(fn func(*Node) bool) {
	if !fn(n) {
		return
	}
	for _, k := range n.Kids {
		k.Walk(fn)
	}
}

// TextOf returns the text of the w:t elements under n, with a space for
// each w:tab and w:br, and a line end after each paragraph.
func (n *Node) TextOf() string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(c *Node) {
		switch {
		case c.Is("t"):
			b.WriteString(c.Text)
		case c.Is("tab"), c.Is("br"):
			b.WriteByte(' ')
		}
		for _, k := range c.Kids {
			walk(k)
		}
		if c.Is("p") {
			b.WriteByte('\n')
		}
	}
	walk(n)
	return b.String()
}

// Package is a DOCX file opened: its members in order, and its XML parts
// parsed.
type Package struct {
	Names []string          // the zip's members, in order
	Raw   map[string][]byte // every member's bytes
	Parts map[string]*Node  // the root of every XML part (.xml, .rels)
}

// Part returns the root of the named part, or nil.
func (p *Package) Part(name string) *Node { return p.Parts[name] }

// Open reads a DOCX file and parses its XML parts; an error names the
// first member that is not well-formed XML.
func Open(docx []byte) (*Package, error) {
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("not a zip file: %w", err)
	}
	p := &Package{Raw: map[string][]byte{}, Parts: map[string]*Node{}}
	for _, f := range z.File {
		if _, dup := p.Raw[f.Name]; dup {
			return nil, fmt.Errorf("%s is in the zip twice", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		p.Names = append(p.Names, f.Name)
		p.Raw[f.Name] = b
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			root, err := parse(b)
			if err != nil {
				return nil, fmt.Errorf("%s is not well-formed XML: %w", f.Name, err)
			}
			p.Parts[f.Name] = root
		}
	}
	return p, nil
}

// parse reads one XML document into a tree of Nodes: one root element,
// nothing but white space and processing instructions around it.
func parse(b []byte) (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var root *Node
	var stack []*Node
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &Node{Name: t.Name, Attr: t.Copy().Attr}
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = n
			} else {
				up := stack[len(stack)-1]
				n.Up, n.Index = up, len(up.Kids)
				up.Kids = append(up.Kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(t)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// Check opens a DOCX file and checks it; it returns the first problem.
func Check(docx []byte) error {
	p, err := Open(docx)
	if err != nil {
		return err
	}
	return p.Check()
}

// Check checks the package as Word reads it:
//   - [Content_Types].xml comes first and gives every part a type;
//   - every relationship to a part names a part of the zip, and the main
//     document is related from _rels/.rels;
//   - every style, footnote, list and link the document names is defined,
//     every bookmark is opened and closed once, every in-document link
//     names a bookmark;
//   - every table's grid has as many columns as each of its rows spans,
//     a cell continuing a merge from above has one to continue, and
//     every cell ends with a paragraph.
func (p *Package) Check() error {
	if len(p.Names) == 0 || p.Names[0] != "[Content_Types].xml" {
		return errors.New("[Content_Types].xml is not the zip's first member")
	}
	ct := p.Parts["[Content_Types].xml"]
	if ct == nil {
		return errors.New("no [Content_Types].xml")
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, k := range ct.Kids {
		switch k.Name.Local {
		case "Default":
			ext, _ := k.Get("", "Extension")
			defaults[strings.ToLower(ext)] = true
		case "Override":
			name, _ := k.Get("", "PartName")
			overrides[name] = true
		}
	}
	for _, name := range p.Names {
		if name == "[Content_Types].xml" {
			continue
		}
		if !overrides["/"+name] && !defaults[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))] {
			return fmt.Errorf("%s has no content type", name)
		}
	}
	for name := range overrides {
		if _, ok := p.Raw[strings.TrimPrefix(name, "/")]; !ok {
			return fmt.Errorf("[Content_Types].xml types %s, which the zip does not hold", name)
		}
	}

	rels := map[string]map[string]string{} // part → relationship id → target part ("" external)
	for _, name := range p.Names {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		dir, file := path.Split(name)
		owner := path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(file, ".rels"))
		base := path.Dir(owner)
		if dir == "_rels/" {
			base = ""
		}
		ids := map[string]string{}
		for _, r := range p.Parts[name].Kids {
			id, _ := r.Get("", "Id")
			target, _ := r.Get("", "Target")
			mode, _ := r.Get("", "TargetMode")
			if _, dup := ids[id]; dup {
				return fmt.Errorf("%s: relationship %s twice", name, id)
			}
			if mode == "External" {
				ids[id] = ""
				continue
			}
			part := path.Join(base, target)
			if _, ok := p.Raw[part]; !ok {
				return fmt.Errorf("%s: relationship %s names %s, which the zip does not hold", name, id, part)
			}
			ids[id] = part
		}
		rels[owner] = ids
	}
	if !slices.Contains(mapValues(rels["."]), "word/document.xml") && !slices.Contains(mapValues(rels[""]), "word/document.xml") {
		return errors.New("_rels/.rels does not relate word/document.xml")
	}

	styles := map[string]string{} // style id → type
	if s := p.Parts["word/styles.xml"]; s != nil {
		for _, st := range s.All("style") {
			styles[st.W("styleId")] = st.W("type")
		}
	}
	notes := map[string]bool{}
	if f := p.Parts["word/footnotes.xml"]; f != nil {
		for _, n := range f.All("footnote") {
			if notes[n.W("id")] {
				return fmt.Errorf("footnote %s twice", n.W("id"))
			}
			notes[n.W("id")] = true
		}
	}
	nums := map[string]bool{}
	if n := p.Parts["word/numbering.xml"]; n != nil {
		for _, num := range n.All("num") {
			nums[num.W("numId")] = true
		}
	}
	for _, name := range p.Names {
		root := p.Parts[name]
		if root == nil || !strings.HasPrefix(name, "word/") || strings.Contains(name, "_rels/") {
			continue
		}
		if err := checkPart(name, root, styles, notes, nums, rels[name]); err != nil {
			return err
		}
	}
	return nil
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// checkPart checks the references and tables of one part.
func checkPart(name string, root *Node, styles map[string]string, notes, nums map[string]bool, rels map[string]string) error {
	var err error
	fail := func(format string, a ...any) {
		if err == nil {
			err = fmt.Errorf(name+": "+format, a...)
		}
	}
	kinds := map[string]string{"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}
	opened, closed := map[string]bool{}, map[string]bool{}
	names := map[string]bool{}
	var anchors []string
	root.Walk(func(n *Node) bool {
		if n.Name.Space != W {
			return true
		}
		switch n.Name.Local {
		case "pStyle", "rStyle", "tblStyle":
			if styles[n.W("val")] != kinds[n.Name.Local] {
				fail("%s %q is not a %s style of styles.xml", n.Name.Local, n.W("val"), kinds[n.Name.Local])
			}
		case "basedOn", "next":
			if _, ok := styles[n.W("val")]; !ok {
				fail("style %s names %q, which is not a style", n.Name.Local, n.W("val"))
			}
		case "footnoteReference":
			if !notes[n.W("id")] {
				fail("footnote %s is referenced but not in footnotes.xml", n.W("id"))
			}
		case "numId":
			if n.Up != nil && n.Up.Is("numPr") && !nums[n.W("val")] {
				fail("list %s is not in numbering.xml", n.W("val"))
			}
		case "hyperlink":
			if id, ok := n.Get(R, "id"); ok {
				if target, ok := rels[id]; !ok || target != "" {
					fail("hyperlink %s has no external relationship", id)
				}
			} else if a := n.W("anchor"); a != "" {
				anchors = append(anchors, a)
			} else {
				fail("a hyperlink with no target")
			}
		case "bookmarkStart":
			id := n.W("id")
			if opened[id] || names[n.W("name")] {
				fail("bookmark %s (%s) twice", id, n.W("name"))
			}
			opened[id], names[n.W("name")] = true, true
			if len(n.W("name")) > 40 {
				fail("bookmark name %q is longer than 40 characters", n.W("name"))
			}
		case "bookmarkEnd":
			if !opened[n.W("id")] || closed[n.W("id")] {
				fail("bookmark end %s without its start", n.W("id"))
			}
			closed[n.W("id")] = true
		case "tbl":
			if e := checkTable(n); e != nil {
				fail("%v", e)
			}
		case "tc":
			if len(n.Kids) == 0 || !n.Kids[len(n.Kids)-1].Is("p") {
				fail("a table cell does not end with a paragraph")
			}
		}
		return err == nil
	})
	for id := range opened {
		if !closed[id] {
			fail("bookmark %s is never closed", id)
		}
	}
	for _, a := range anchors {
		if !names[a] {
			fail("a link to bookmark %q, which the part does not have", a)
		}
	}
	return err
}

// checkTable checks that each row of t spans its grid's columns and that
// each cell continuing a vertical merge has a cell above it in the same
// columns.
func checkTable(t *Node) error {
	grid := t.Kid("tblGrid")
	if grid == nil {
		return errors.New("a table without w:tblGrid")
	}
	cols := len(grid.All("gridCol"))
	if cols == 0 {
		return errors.New("a table whose grid has no columns")
	}
	if t.Kid("tr") == nil {
		return errors.New("a table without rows")
	}
	var above map[int]int // the span of the merged cell starting at each column in the row above
	for r, tr := range t.Kids {
		if !tr.Is("tr") {
			continue
		}
		row := map[int]int{}
		col := 0
		for _, tc := range tr.Kids {
			if !tc.Is("tc") {
				continue
			}
			span := 1
			pr := tc.Kid("tcPr")
			if pr != nil {
				if g := pr.Kid("gridSpan"); g != nil {
					n, err := strconv.Atoi(g.W("val"))
					if err != nil || n < 1 {
						return fmt.Errorf("row %d: gridSpan %q", r+1, g.W("val"))
					}
					span = n
				}
				if v := pr.Kid("vMerge"); v != nil {
					if v.W("val") != "restart" && above[col] != span {
						return fmt.Errorf("row %d, column %d: a cell continues a merge that no cell above starts", r+1, col+1)
					}
					row[col] = span
				}
			}
			col += span
		}
		if col == 0 {
			return fmt.Errorf("row %d has no cells", r+1)
		}
		if col != cols {
			return fmt.Errorf("row %d spans %d columns, the grid has %d", r+1, col, cols)
		}
		above = row
	}
	return nil
}
