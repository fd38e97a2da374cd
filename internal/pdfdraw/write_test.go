package pdfdraw

import (
	"bytes"
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"unireport/internal/fonts"
	"unireport/internal/layout"
	"unireport/internal/testkit/testtool"
)

var keep = flag.String("keep", "", "also write the sample PDFs into this folder, to look at")

var created = time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC)

func options() Options {
	return Options{
		Title:    "Status of Universalization of the Anti-Personnel Mine Ban Convention",
		Author:   "President of the Sixteenth Meeting of the States Parties",
		Subject:  "Universalization of the Convention",
		Keywords: "APMBC universalization States not party",
		Language: "en",
		Created:  created,
	}
}

func layoutSample(t testing.TB, doc layout.Document) []layout.Page {
	t.Helper()
	m := NewMeasurer(nil)
	pages, err := layout.Layout(doc, layout.A4(), m)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func writeFile(t *testing.T, name string, pages []layout.Page, o Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, pages, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// tool finds a command-line tool; without it the test skips, saying why,
// except in CI, where a missing tool fails the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	return testtool.Need(t, name, "poppler-utils")
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// The sample's text comes back from the PDF whole and in order, without
// replacement characters.
func TestTextComesBack(t *testing.T) {
	pages := layoutSample(t, sample())
	if len(pages) < 3 {
		t.Fatalf("sample is %d pages; want the positions table to run over several", len(pages))
	}
	path := writeFile(t, "sample.pdf", pages, options())
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	if strings.ContainsRune(text, '\uFFFD') {
		t.Error("extracted text holds U+FFFD")
	}
	flat := strings.Join(strings.Fields(text), " ")
	last := -1
	for _, s := range []string{
		"Status of Universalization of the Anti-Personnel Mine Ban Convention",
		"Presented by the President of the Sixteenth Meeting of the States Parties",
		"8 December 2017",
		"Introduction",
		"“formal adherence to the Convention by States not party to the Convention”",
		"Convention’s website",
		"2017 UNGA First Committee Convention Resolution",
		"√",
		"Positions of States not party",
		"Sources of information:",
		"Marshall Islands",
		"The Marshall Islands are signatory to the Convention.",
		"End of the report.",
	} {
		i := strings.Index(flat[last+1:], s)
		if i < 0 {
			t.Errorf("%q missing or out of order in the extracted text", s)
			continue
		}
		last += 1 + i
	}
	// The split cell's words, in order across the page breaks.
	got := regexp.MustCompile(`w\d{4}`).FindAllString(text, -1)
	if len(got) != 700 {
		t.Errorf("%d numbered words extracted, want 700", len(got))
	}
	for i, w := range got {
		if want := "w" + pad4(i); w != want {
			t.Errorf("word %d is %s, want %s", i, w, want)
			break
		}
	}
	info := run(t, "pdfinfo", path)
	for _, s := range []string{`Title:\s+Status of Universalization`, `Author:\s+President of the Sixteenth`, `Creator:\s+unireport`, `Keywords:\s+APMBC`, `Page size:\s+595.28 x 841.89 pts \(A4\)`, `CreationDate:\s+Fri Dec  8 00:00:00 2017`} {
		if !regexp.MustCompile(s).MatchString(info) {
			t.Errorf("pdfinfo lacks %q:\n%s", s, info)
		}
	}
	if !regexp.MustCompile(`Pages:\s+` + itoa(len(pages)) + `\n`).MatchString(info) {
		t.Errorf("pdfinfo page count, want %d:\n%s", len(pages), info)
	}
	// Every page carries its number.
	for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
		lines := strings.Split(strings.TrimSpace(page), "\n")
		if strings.TrimSpace(lines[len(lines)-1]) != itoa(i+1) {
			t.Errorf("page %d ends with %q, not its number", i+1, lines[len(lines)-1])
		}
	}
	if strings.Contains(text, "DRAFT") {
		t.Error("a final build carries DRAFT")
	}
}

func pad4(i int) string { s := itoa(i); return strings.Repeat("0", 4-len(s)) + s }
func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// The outline lists the title and the headings, nested by level, and the
// document carries its language.
func TestOutline(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, layoutSample(t, sample()), options()); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	utf16 := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, r := range s {
			b = append(b, byte(r>>8), byte(r))
		}
		return b
	}
	for _, s := range []string{"Status of Universalization", "Introduction", "Positions of States not party"} {
		if !bytes.Contains(pdf, append([]byte("/Title ("), utf16(s)...)) {
			t.Errorf("no outline entry %q", s)
		}
	}
	// Three outline entries and the document's own title.
	if n := bytes.Count(pdf, []byte("/Title (")); n != 4 {
		t.Errorf("%d titles, want 4", n)
	}
	if !bytes.Contains(pdf, []byte("/Lang (en)")) {
		t.Error("no /Lang")
	}
}

// All fonts are embedded, as subsets: the four faces are 1.5 MB whole.
func TestFontsEmbedded(t *testing.T) {
	path := writeFile(t, "fonts.pdf", layoutSample(t, sample()), options())
	if st, err := os.Stat(path); err != nil {
		t.Fatal(err)
	} else if st.Size() > 300_000 {
		t.Errorf("PDF of %d bytes: fonts not subset?", st.Size())
	}
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	var names []string
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		if len(f) < 7 || f[len(f)-4] != "yes" {
			t.Errorf("font not named as a subset: %s", l)
		}
		names = append(names, f[0])
	}
	// Each face is named after its file's PostScript name, behind the
	// tag of its subset.
	for _, face := range []string{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} {
		if !slices.ContainsFunc(names, func(n string) bool { return subsetName.MatchString(n) && n[7:] == face }) {
			t.Errorf("face TAG+%s missing:\n%s", face, out)
		}
	}
}

// The same pages and options give the same bytes.
func TestReproducible(t *testing.T) {
	pages := layoutSample(t, sample())
	var a, b bytes.Buffer
	if err := Write(&a, pages, options()); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, layoutSample(t, sample()), options()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same input differ")
	}
	o := options()
	o.Created = created.Add(time.Hour)
	var c bytes.Buffer
	if err := Write(&c, pages, o); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("the creation date does not reach the file")
	}
}

// A draft carries the watermark and its build time on every page.
func TestDraft(t *testing.T) {
	o := options()
	o.Draft, o.BuildTime = true, time.Date(2017, 11, 30, 14, 5, 0, 0, time.UTC)
	pages := layoutSample(t, sample())
	path := writeFile(t, "draft.pdf", pages, o)
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	// The watermark is rotated: extracted a letter a line.
	if n := strings.Count(strings.Join(strings.Fields(text), ""), "DRAFT"); n != len(pages) {
		t.Errorf("%d DRAFT watermarks on %d pages", n, len(pages))
	}
	if n := strings.Count(text, "Draft built 2017-11-30 14:05 UTC"); n != len(pages) {
		t.Errorf("%d build notes on %d pages", n, len(pages))
	}
	if err := Write(new(bytes.Buffer), pages, Options{Created: created, Draft: true}); err == nil {
		t.Error("a draft without a build time was accepted")
	}
}

// Write refuses bad input with an error naming what is wrong, and never
// panics.
func TestWriteErrors(t *testing.T) {
	good := layoutSample(t, layout.Document{Blocks: []layout.Block{para("Hello")}})
	with := func(f func(p *layout.Page)) []layout.Page {
		p := good[0]
		p.Texts = append([]layout.Text(nil), p.Texts...)
		f(&p)
		return []layout.Page{p}
	}
	cases := []struct {
		name  string
		pages []layout.Page
		opts  Options
		want  string
	}{
		{"emoji", with(func(p *layout.Page) { p.Texts[0].Text = "Hi 😀" }), options(), "U+1F600"},
		{"CJK in bold", with(func(p *layout.Page) { p.Texts[0].Text = "中"; p.Texts[0].Style.Bold = true }), options(), "U+4E2D"},
		{"control character", with(func(p *layout.Page) { p.Texts[0].Text = "a\x07" }), options(), "control character U+0007"},
		{"invalid UTF-8", with(func(p *layout.Page) { p.Texts[0].Text = "a\xff" }), options(), "invalid UTF-8"},
		{"NaN", with(func(p *layout.Page) { p.Texts[0].X = math.NaN() }), options(), "invalid position"},
		{"zero size", with(func(p *layout.Page) { p.Texts[0].Size = 0 }), options(), "invalid position or size"},
		{"dangling link", with(func(p *layout.Page) { p.Links = []layout.Link{{URL: "#nowhere"}} }), options(), "#nowhere"},
		{"no date", good, Options{}, "Created"},
		{"bad language", good, Options{Created: created, Language: "en) /Evil"}, "BCP 47"},
		{"no pages", nil, options(), "no pages"},
		{"bad page size", with(func(p *layout.Page) { p.Width = -1 }), options(), "invalid size"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, c.pages, c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want one containing %q", err, c.want)
			}
			if buf.Len() != 0 {
				t.Error("bytes written despite the error")
			}
		})
	}
	// Odd but valid input draws.
	odd := with(func(p *layout.Page) {
		p.Texts = append(p.Texts, layout.Text{Text: "", Size: 9}, layout.Text{Text: "(\\) ) (", Size: 9, X: 100, Baseline: 100})
		p.Bookmarks = []layout.Bookmark{{Text: "Deep", Level: 5}, {Text: "(paren", Level: 0}}
	})
	if err := Write(new(bytes.Buffer), odd, options()); err != nil {
		t.Error(err)
	}
}

// Another font set can be given; a broken one fails cleanly.
func TestOtherFonts(t *testing.T) {
	set, err := fonts.Load(fonts.Bytes(fonts.Regular), fonts.Bytes(fonts.Bold), fonts.Bytes(fonts.Italic), fonts.Bytes(fonts.BoldItalic))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMeasurer(set)
	pages, err := layout.Layout(layout.Document{Blocks: []layout.Block{para("Other fonts")}}, layout.A4(), m)
	if err != nil {
		t.Fatal(err)
	}
	o := options()
	o.Fonts = set
	if err := Write(new(bytes.Buffer), pages, o); err != nil {
		t.Fatal(err)
	}
}

func TestMeasurer(t *testing.T) {
	m := NewMeasurer(nil)
	r := m.Width("mmmm", layout.Style{}, 10)
	b := m.Width("mmmm", layout.Style{Bold: true}, 10)
	if !(r > 20 && r < 40) || b <= r {
		t.Errorf("widths regular %.2f bold %.2f", r, b)
	}
	if w := m.Width("mm", layout.Style{}, 20); math.Abs(w-r) > 0.001 {
		t.Errorf("width does not scale with size: %.3f vs %.3f", w, r)
	}
	// Widths add up, as layout assumes.
	if a, b, ab := m.Width("Con", layout.Style{}, 11), m.Width("vention", layout.Style{}, 11), m.Width("Convention", layout.Style{}, 11); math.Abs(a+b-ab) > 0.001 {
		t.Errorf("widths do not add: %.3f + %.3f != %.3f", a, b, ab)
	}
	// Characters beyond the font measure without panicking.
	if w := m.Width("a😀中\x00", layout.Style{Italic: true}, 10); w <= 0 {
		t.Errorf("width %.2f", w)
	}
	if w := m.Width("√", layout.Style{}, 10); w <= 0 {
		t.Errorf("tick width %.2f", w)
	}
}
