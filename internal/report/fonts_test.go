package report_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unireport/internal/edition"
	"unireport/internal/fonts"
	"unireport/internal/layout"
	"unireport/internal/pdfdraw"
	"unireport/internal/report"
)

// editionWithFonts copies data/2017 into a temp folder named 2017, writes
// the given font files into its fonts/ folder and appends the [fonts] table
// to edition.toml. It returns the edition's folder.
func editionWithFonts(t *testing.T, files map[string][]byte, table string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "2017")
	if err := os.MkdirAll(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range edition.Files {
		b, err := os.ReadFile(filepath.Join("../../data/2017", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == edition.FactsFile {
			b = append(b, "\n"+table...)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, "fonts", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The embedded faces, copied out as an edition's own files, with the bold
// face named as the regular one too.
var boldAsRegular = map[string][]byte{
	"Bold.ttf":       fonts.Bytes(fonts.Bold),
	"Italic.ttf":     fonts.Bytes(fonts.Italic),
	"BoldItalic.ttf": fonts.Bytes(fonts.BoldItalic),
}

const boldAsRegularTable = `[fonts]
regular = "fonts/Bold.ttf"
bold = "fonts/Bold.ttf"
italic = "fonts/Italic.ttf"
bold_italic = "fonts/BoldItalic.ttf"
`

// An edition that names its own font files is set in them: the PDF embeds
// those files' faces (named after them) and not the default regular face,
// and the text is measured and drawn with their metrics.
func TestEditionNamesItsFonts(t *testing.T) {
	dir := editionWithFonts(t, boldAsRegular, boldAsRegularTable)
	r, diags := report.Prepare(dir, templates)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if got := r.Fonts.Name(fonts.Regular); got != "LiberationSerif-Bold" {
		t.Fatalf("the regular face is %q, want the bold file's LiberationSerif-Bold", got)
	}
	// The layout measured the regular text with the bold face: a plain
	// paragraph is as wide as its words in bold.
	pages, err := r.Pages(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	bold := pdfdraw.NewMeasurer(fonts.Default())
	n := 0
	for _, x := range pages[0].Texts {
		if !x.Style.Bold && !x.Style.Italic && len(x.Text) > 3 {
			n++
			if w, want := x.W, bold.Width(x.Text, layout.Style{Bold: true}, x.Size); abs(w-want) > 0.01 {
				t.Errorf("regular text %q measured %.2fpt wide, %.2fpt in the bold face", x.Text, w, want)
			}
		}
	}
	if n < 100 {
		t.Errorf("page 1 has %d regular fragments", n)
	}

	needPoppler(t)
	path, _ := writePDF(t, r, report.Draft{})
	var names []string
	for _, f := range pdfFonts(t, path) {
		names = append(names, f.Name)
		if !f.Embedded {
			t.Errorf("font %s is not embedded", f.Name)
		}
	}
	// A face is named TAG+NAME, NAME its PostScript name (see pdfdraw).
	for i, n := range names {
		if len(n) > 7 && n[6] == '+' {
			names[i] = n[7:]
		}
	}
	if !slices.Contains(names, "LiberationSerif-Bold") || !slices.Contains(names, "LiberationSerif-Italic") {
		t.Errorf("the PDF's fonts are %v, want the edition's LiberationSerif-Bold and -Italic", names)
	}
	if slices.Contains(names, "LiberationSerif") {
		t.Errorf("the PDF embeds the default regular face, which the edition does not name: %v", names)
	}
	// And the words drawn are as wide as the bold face makes them.
	for _, w := range readWords(t, path)[0].Words {
		if w.Text == "Pursuing" {
			if got, want := w.X1-w.X0, bold.Width("Pursuing", layout.Style{Bold: true}, 11); abs(got-want) > 0.05 {
				t.Errorf("\"Pursuing\" is %.2fpt wide in the PDF, %.2fpt in the bold face", got, want)
			}
			return
		}
	}
	t.Error("page 1 of the PDF has no word \"Pursuing\"")
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// A font file that is missing, is not a font, or is a kind of font the PDF
// cannot embed is an error at the key naming it, and nothing is built.
func TestEditionFontErrors(t *testing.T) {
	otto := append([]byte("OTTO"), make([]byte, 64)...)
	for _, c := range []struct {
		name  string
		files map[string][]byte
		table string
		key   string // the key the error must point at
		want  string
	}{
		{"missing file", boldAsRegular, strings.Replace(boldAsRegularTable, "fonts/Italic.ttf", "fonts/Missing.ttf", 1),
			"italic", "does not exist"},
		{"not a font", map[string][]byte{"Bold.ttf": fonts.Bytes(fonts.Bold), "Italic.ttf": []byte(strings.Repeat("not a font\n", 10)), "BoldItalic.ttf": fonts.Bytes(fonts.BoldItalic)},
			boldAsRegularTable, "italic", "it is not a TrueType font file (.ttf)"},
		{"a device", boldAsRegular, strings.Replace(boldAsRegularTable, `"fonts/Italic.ttf"`, `"/dev/zero"`, 1),
			"italic", "/dev/zero: the path names a device, not a file: check the path"},
		{"CFF OpenType", map[string][]byte{"Bold.ttf": fonts.Bytes(fonts.Bold), "Italic.ttf": fonts.Bytes(fonts.Italic), "BoldItalic.otf": otto},
			strings.Replace(boldAsRegularTable, "BoldItalic.ttf", "BoldItalic.otf", 1), "bold_italic", "CFF"},
		{"truncated", map[string][]byte{"Bold.ttf": fonts.Bytes(fonts.Bold)[:5000], "Italic.ttf": fonts.Bytes(fonts.Italic), "BoldItalic.ttf": fonts.Bytes(fonts.BoldItalic)},
			boldAsRegularTable, "regular", "fonts.regular"},
		{"a folder", boldAsRegular, strings.Replace(boldAsRegularTable, `"fonts/Bold.ttf"`+"\nbold", `"fonts"`+"\nbold", 1),
			"regular", "the path names a folder, not a file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := editionWithFonts(t, c.files, c.table)
			r, diags := report.Prepare(dir, templates)
			if r != nil || !diags.HasErrors() {
				t.Fatal("the edition was accepted")
			}
			b, _ := os.ReadFile(filepath.Join(dir, edition.FactsFile))
			var line int
			for i, l := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(l, c.key+" = ") {
					line = i + 1
				}
			}
			found := false
			for _, d := range diags {
				if d.Pos.File == filepath.Join(dir, edition.FactsFile) && d.Pos.Line == line && strings.Contains(d.Message, "fonts."+c.key) && strings.Contains(d.String(), c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want an error at edition.toml:%d naming fonts.%s and saying %q; got:\n%v", line, c.key, c.want, diags.Err())
			}
			// a message says what a file is not, never what it holds
			if s := diags.Err().Error(); strings.Contains(s, "not a font\n") || strings.Contains(s, "0x") {
				t.Errorf("the message shows the file's bytes: %s", s)
			}
		})
	}
}
