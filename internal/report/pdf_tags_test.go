package report_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"unireport/internal/report"
	"unireport/internal/testkit/seedtext"
	"unireport/internal/testkit/testtool"
)

// structText reads the output of pdfinfo -struct-text: the roles met, and
// the texts in the structure's order outside the Notes (the footnotes, read
// on their own) and inside them; the footnote numbers that refer to them
// (References), which the official text does not count as words, are left
// out. A word broken over lines at a soft hyphen
// is put back together.
func structText(out string) (roles map[string]bool, body, notes string) {
	roles = map[string]bool{}
	var b, n strings.Builder
	noteDepth := -1 // the indent of the Note being read, or -1
	refDepth := -1  // the indent of the Reference being read, or -1
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		depth := len(line) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if noteDepth >= 0 && depth <= noteDepth {
			noteDepth = -1
		}
		if refDepth >= 0 && depth <= refDepth {
			refDepth = -1
		}
		if !strings.HasPrefix(trimmed, `"`) {
			if strings.HasPrefix(trimmed, "/") {
				continue // an attribute
			}
			role := strings.TrimSuffix(strings.Fields(trimmed)[0], ":")
			roles[role] = true
			switch role {
			case "Note":
				noteDepth = depth
			case "Reference":
				refDepth = depth
			}
			continue
		}
		if refDepth >= 0 {
			continue
		}
		w := &b
		if noteDepth >= 0 {
			w = &n
		}
		text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
		if s := w.String(); s != "" && !strings.HasSuffix(s, "\u00AD") {
			w.WriteByte(' ')
		}
		w.WriteString(text)
	}
	join := func(s string) string { return strings.ReplaceAll(s, "\u00AD ", "") }
	return roles, strings.ReplaceAll(join(b.String()), "\u00AD", ""), join(n.String())
}

// The 2017 PDF is tagged: pdfinfo says so; its structure has the roles of
// its headings, paragraphs, tables and footnotes, and reads, in the
// structure's order, as the official text word for word, without page
// numbers or the header rows repeated on continuation pages; qpdf finds no
// error in the file nor in the draft's; in both, every marked content on
// every page is in the parent tree once, under the element that holds it,
// every element has a parent that lists it, and a row split across pages
// is one element.
func TestPDFTagged(t *testing.T) {
	t.Parallel() // poppler reads the structure slowly: beside the browser tests
	needPoppler(t)
	seed, raw := loadSeed(t)
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})

	if info := run(t, "pdfinfo", path); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
	}
	roles, body, notes := structText(structText2017(t, path))
	for _, want := range []string{"Document", "H1", "P", "Table", "Caption", "TR", "TH", "TD", "Note", "Reference"} {
		if !roles[want] {
			t.Errorf("the structure has no %s", want)
		}
	}
	want := wordsOf(seedDocument(t, seed, raw))
	got := rejoinBroken(seedtext.Words(body), want)
	if i := seedtext.FirstDifference(got, want); i >= 0 {
		t.Errorf("the structure's text differs from the official text at word %d (structure: %d words, official: %d):\n  structure: %s\n  official:  %s",
			i+1, len(got), len(want), around(got, i), around(want, i))
	}
	var wantNotes []string
	for i, f := range seed.Footnotes {
		wantNotes = append(wantNotes, strconv.Itoa(i+1))
		wantNotes = append(wantNotes, seedtext.Words(f)...)
	}
	if g := seedtext.Words(notes); !slices.Equal(g, wantNotes) {
		t.Errorf("the Notes read %q, want %q", g, wantNotes)
	}

	qpdf := testtool.Need(t, "qpdf", "qpdf")
	draft, _ := writePDF(t, r, report.Draft{On: true, Built: time.Date(2017, 11, 30, 9, 5, 0, 0, time.UTC)})
	for name, path := range map[string]string{"final": path, "draft": draft} {
		run(t, qpdf, "--check", path)
		problems, split := checkParentTree(t, run(t, qpdf, "--json", "--json-stream-data=inline", "--decode-level=generalized", path))
		for _, p := range problems {
			t.Errorf("the %s: %s", name, p)
		}
		t.Logf("the %s: %d elements span two pages", name, split)
		// The table of positions has rows split across pages: each is one
		// element, its marked content on both pages.
		if split == 0 {
			t.Errorf("the %s: no element holds marked content on two pages; the rows split across pages are not one element", name)
		}
	}
}

// rejoinBroken puts back together the words of got broken over lines at a
// hyphen, which pdfinfo -struct-text leaves out when it is a soft one: where
// got's word and the next make want's word at the same place, they are one.
func rejoinBroken(got, want []string) []string {
	var out []string
	for i := 0; i < len(got); i++ {
		w := got[i]
		j := len(out)
		for j < len(want) && w != want[j] && i+1 < len(got) && strings.HasPrefix(want[j], w+got[i+1]) {
			i++
			w += got[i]
		}
		out = append(out, w)
	}
	return out
}

// checkParentTree reads a PDF's objects from qpdf --json and returns what
// is wrong with its marked content: an MCID used twice on a page, or not
// numbered from 0 on; a page whose parent tree entry does not list as many
// elements as the page has MCIDs; an MCID whose element there does not hold
// it; an MCID held by no element or by two; an element whose parent is
// neither an element nor the root, or does not list it among its kids. It
// also returns how many elements hold marked content on more than one page
// (a row or paragraph split across pages is one element).
func checkParentTree(t *testing.T, js string) (problems []string, split int) {
	t.Helper()
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Qpdf) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
			Data string         `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		t.Fatalf("qpdf --json: the objects: %v", err)
	}
	dict := func(ref any) map[string]any {
		s, _ := ref.(string)
		o, ok := objs["obj:"+s]
		if !ok {
			return nil
		}
		if o.Stream != nil {
			return o.Stream.Dict
		}
		d, _ := o.Value.(map[string]any)
		return d
	}
	mcid := regexp.MustCompile(`/MCID (\d+)`)
	type mark struct {
		page string
		mcid int
	}
	held := map[mark]int{} // by the elements' /K
	var tree []any
	for key, o := range objs {
		d, _ := o.Value.(map[string]any)
		if d["/Type"] == "/StructTreeRoot" {
			tree, _ = dict(d["/ParentTree"])["/Nums"].([]any)
		}
		if d["/Type"] != "/StructElem" {
			continue
		}
		ref := strings.TrimPrefix(key, "obj:")
		kids, _ := d["/K"].([]any)
		onPages := map[string]bool{}
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok && m["/Type"] == "/MCR" {
				held[mark{m["/Pg"].(string), int(m["/MCID"].(float64))}]++
				onPages[m["/Pg"].(string)] = true
			}
		}
		if len(onPages) > 1 {
			split++
		}
		parent := dict(d["/P"])
		if parent == nil || parent["/Type"] != "/StructElem" && parent["/Type"] != "/StructTreeRoot" {
			problems = append(problems, fmt.Sprintf("element %s (%v) has no parent element", ref, d["/S"]))
			continue
		}
		listed := parent["/K"] == ref
		siblings, _ := parent["/K"].([]any)
		for _, s := range siblings {
			listed = listed || s == ref
		}
		if !listed {
			problems = append(problems, fmt.Sprintf("element %s (%v): its parent %v does not list it", ref, d["/S"], d["/P"]))
		}
	}
	parents := map[int][]any{}
	for i := 0; i+1 < len(tree); i += 2 {
		if a, ok := tree[i+1].([]any); ok {
			parents[int(tree[i].(float64))] = a
		}
	}
	pages := 0
	for key, o := range objs {
		d, _ := o.Value.(map[string]any)
		if d["/Type"] != "/Page" {
			continue
		}
		pages++
		ref := strings.TrimPrefix(key, "obj:")
		c := objs["obj:"+fmt.Sprint(d["/Contents"])]
		if c.Stream == nil {
			problems = append(problems, fmt.Sprintf("page %s: no content stream", ref))
			continue
		}
		data, err := base64.StdEncoding.DecodeString(c.Stream.Data)
		if err != nil {
			t.Fatal(err)
		}
		sp, ok := d["/StructParents"].(float64)
		if !ok {
			problems = append(problems, fmt.Sprintf("page %s has no /StructParents", ref))
			continue
		}
		ids := mcid.FindAllStringSubmatch(string(data), -1)
		elems := parents[int(sp)]
		if len(elems) != len(ids) {
			problems = append(problems, fmt.Sprintf("page %s: %d MCIDs, %d elements in the parent tree", ref, len(ids), len(elems)))
		}
		for i, m := range ids {
			n, _ := strconv.Atoi(m[1])
			if n != i {
				problems = append(problems, fmt.Sprintf("page %s: MCID %d where %d is due", ref, n, i))
				continue
			}
			if held[mark{ref, n}] != 1 {
				problems = append(problems, fmt.Sprintf("page %s: MCID %d is held by %d elements", ref, n, held[mark{ref, n}]))
			}
			delete(held, mark{ref, n})
			if i < len(elems) {
				found := false
				kids, _ := dict(elems[i])["/K"].([]any)
				for _, k := range kids {
					if m, ok := k.(map[string]any); ok && m["/Pg"] == ref && m["/MCID"] == float64(n) {
						found = true
					}
				}
				if !found {
					problems = append(problems, fmt.Sprintf("page %s: MCID %d: its element in the parent tree, %v, does not hold it", ref, n, elems[i]))
				}
			}
		}
	}
	if pages == 0 {
		problems = append(problems, "no pages found")
	}
	for m := range held {
		problems = append(problems, fmt.Sprintf("an element holds MCID %d of page %s, which the page does not have", m.mcid, m.page))
	}
	return problems, split
}

// A second reader agrees: pdf.js, the viewer Firefox uses to hand PDFs to
// screen readers, finds the document marked, a structure tree on every
// page, and the same roles as poppler. .ci/run installs pdfjs-dist into
// .ci/node; elsewhere the test skips without Node or pdf.js.
func TestPDFStructureInPDFJS(t *testing.T) {
	testtool.Long(t, "pdf.js reads the tagged PDF in Node")
	t.Parallel()
	needPoppler(t)
	node := testtool.Need(t, "node", "nodejs")
	root, err := seedtext.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	pdfjs := filepath.Join(root, ".ci", "node", "node_modules", "pdfjs-dist", "legacy", "build", "pdf.mjs")
	if _, err := os.Stat(pdfjs); err != nil {
		testtool.Missing(t, "pdfjs-dist is not installed (npm install --prefix .ci/node pdfjs-dist, as .ci/run does)")
	}
	r, _ := build2017(t)
	path, _ := writePDF(t, r, report.Draft{})
	out := run(t, node, filepath.Join(root, "internal", "report", "testdata", "structtree.mjs"), pdfjs, path)
	var got struct {
		Marked bool
		Pages  [][]string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !got.Marked {
		t.Error("pdf.js does not find the document marked")
	}
	roles := map[string]bool{}
	for i, p := range got.Pages {
		if len(p) == 0 {
			t.Errorf("page %d: pdf.js finds no structure", i+1)
		}
		for _, r := range p {
			if r != "Root" { // pdf.js's own root above the tree
				roles[r] = true
			}
		}
	}
	// poppler's roles: the first word of each line of -struct-text that
	// names an element.
	want := map[string]bool{}
	for _, line := range strings.Split(structText2017(t, path), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && regexp.MustCompile(`^[A-Z][A-Za-z0-9]*:?$`).MatchString(f[0]) {
			want[strings.TrimSuffix(f[0], ":")] = true
		}
	}
	if !maps.Equal(roles, want) {
		t.Errorf("pdf.js finds the roles %v, poppler %v", slices.Sorted(maps.Keys(roles)), slices.Sorted(maps.Keys(want)))
	}
}

// structText2017 is pdfinfo -struct-text of the final 2017 PDF at path,
// run once per test process: poppler renders a page again for each marked
// content it reads, a couple of seconds for this report. Every caller
// passes a final 2017 PDF, the same bytes.
func structText2017(t *testing.T, path string) string {
	t.Helper()
	struct2017.once.Do(func() {
		out, err := exec.Command("pdfinfo", "-struct-text", path).Output()
		struct2017.text, struct2017.err = string(out), err
	})
	if struct2017.err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", struct2017.err)
	}
	return struct2017.text
}

var struct2017 struct {
	once sync.Once
	text string
	err  error
}
