package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"unireport/internal/report"
	"unireport/internal/testkit/pandocplain"
	"unireport/internal/testkit/seedtext"
	"unireport/internal/testkit/testtool"
)

// These tests open the 2017 DOCX in the two other programs that read Word
// files on the machine: LibreOffice, which lays it out and prints it to a
// PDF that poppler reads back, and pandoc, which reads its text. A
// reader's text must carry the official text's words in order, at least
// minShare of them; the rest is what the two programs lay out their own
// way: LibreOffice hyphenates and breaks lines and pages where it will,
// and the word order of a row split over two pages is that of the page.

// minShare is the share of the official words a reader must find in order.
const minShare = 0.995

// convertTimeout bounds one LibreOffice conversion: it takes seconds, and
// a hung conversion must not hang the tests.
const convertTimeout = 3 * time.Minute

// writeDOCX writes the 2017 report's final DOCX and a draft's into dir,
// named as the build names them, and returns their paths.
func writeDOCX(t *testing.T, dir string) (final, draft string) {
	t.Helper()
	r, _ := build2017(t)
	for _, d := range []report.Draft{{}, {On: true, Built: draftBuilt}} {
		b, err := r.DOCX(d)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, r.BaseName(d)+".docx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if d.On {
			draft = path
		} else {
			final = path
		}
	}
	return final, draft
}

// convertToPDF prints the DOCX files to PDF with one LibreOffice run (it
// takes seconds to start) and returns the PDFs' paths. LibreOffice keeps
// its settings in a profile folder of its own, here a fresh one in dir.
func convertToPDF(t *testing.T, soffice, dir string, docx ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), convertTimeout)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, docx...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir) // nothing written outside dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var pdfs []string
	for _, d := range docx {
		p := strings.TrimSuffix(d, ".docx") + ".pdf"
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("soffice wrote no %s:\n%s", filepath.Base(p), out)
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// seedWords are the official text's words in reading order, footnotes
// aside, and the official words of each footnote.
func seedWords(t *testing.T) (text []string, notes [][]string, s *seedtext.Seed) {
	t.Helper()
	seed, raw := loadSeed(t)
	for _, n := range seed.Footnotes {
		notes = append(notes, seedtext.Words(n))
	}
	return wordsOf(seedDocument(t, seed, raw)), notes, seed
}

// checkInOrder reports whether got carries want's words in order, at
// least the share least; it logs the share and, on failure, the words
// missed.
func checkInOrder(t *testing.T, what string, got, want []string, least float64) {
	t.Helper()
	found := seedtext.InOrder(got, want)
	share := seedtext.Share(found)
	if share < least {
		t.Errorf("%s carries %.2f%% of the official words in order, want at least %.1f%%; missed:\n  %s",
			what, 100*share, 100*least, strings.Join(seedtext.Missing(want, found, 20), "\n  "))
		return
	}
	t.Logf("%s carries %.2f%% of the %d official words in order", what, 100*share, len(want))
}

// vocabulary is what a reader knows of the official text: its words, and
// which of them follow one another.
type vocabulary struct{ words, pairs map[string]bool }

func newVocabulary(words []string) vocabulary {
	v := vocabulary{map[string]bool{}, map[string]bool{}}
	for i, w := range words {
		v.words[w] = true
		if i > 0 {
			v.pairs[words[i-1]+" "+w] = true
		}
	}
	return v
}

var (
	brokenWord = regexp.MustCompile(`(\p{L}+)-\n(\p{L}+)`)
	// a footnote's mark, which pdftotext joins to the word it is set on
	markedWord = regexp.MustCompile(`(\p{L}{2,})([1-9])\b`)
)

// read undoes what a reader's eye undoes in pdftotext's text: a word a
// line end broke with a hyphen is joined where the joined word is a word
// of the official text and the two halves are not two of its words that
// follow one another ("anti-personnel" keeps its hyphen); a footnote's
// mark is taken off the word it is set on.
func (v vocabulary) read(text string) string {
	text = brokenWord.ReplaceAllStringFunc(text, func(m string) string {
		p := brokenWord.FindStringSubmatch(m)
		if v.words[p[1]+p[2]] && !v.pairs[p[1]+" "+p[2]] {
			return p[1] + p[2] + "\n"
		}
		return m
	})
	return markedWord.ReplaceAllStringFunc(text, func(m string) string {
		p := markedWord.FindStringSubmatch(m)
		if v.words[p[1]] && !v.words[m] {
			return p[1]
		}
		return m
	})
}

// TestDOCXInLibreOffice prints the 2017 DOCX, final and draft, to PDF
// with LibreOffice (one run for both) and reads the pages back with
// poppler: the official words in order, every tick, both footnotes at the
// foot of the page that refers to them, A4 pages numbered in the footer,
// the header of the table of positions repeated on every page it goes
// on to; the draft's watermark and build time on every page, the final's
// on none.
func TestDOCXInLibreOffice(t *testing.T) {
	testtool.Long(t, "LibreOffice converts the DOCX to PDF")
	t.Parallel() // LibreOffice works for seconds while other tests run
	soffice := testtool.Need(t, "soffice", "libreoffice-writer-nogui")
	needPoppler(t)
	want, notes, seed := seedWords(t)
	dir := t.TempDir()
	final, draft := writeDOCX(t, dir)
	pdfs := convertToPDF(t, soffice, dir, final, draft)

	// The pages' text, as a reader copying from the PDF gets it, in the
	// order LibreOffice drew it.
	pages := func(pdf string) []string {
		return strings.Split(strings.TrimSuffix(run(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"), "\f"), "\f")
	}
	finalPages, draftPages := pages(pdfs[0]), pages(pdfs[1])
	vocab := newVocabulary(want)

	t.Run("words", func(t *testing.T) {
		text := vocab.read(strings.Join(finalPages, "\n"))
		checkInOrder(t, "LibreOffice's PDF", seedtext.Words(text), want, minShare)
		if n := strings.Count(text, "√"); n != 56 || seed.Participation.Ticks() != 56 {
			t.Errorf("%d ticks, the official table %d, want 56", n, seed.Participation.Ticks())
		}
		if i := strings.IndexRune(text, '\uFFFD'); i >= 0 {
			t.Errorf("a character that could not be mapped: %q", text[max(0, i-40):min(len(text), i+40)])
		}
	})

	t.Run("footnotes", func(t *testing.T) {
		// Each footnote whole, on the page that first refers to it: the
		// note's own words in order, and the words before its mark.
		refs := []string{"official", "Marshall Islands"}
		for i, n := range notes {
			page := -1
			for p, text := range finalPages {
				words := seedtext.Words(vocab.read(text))
				if seedtext.Share(seedtext.InOrder(words, n)) == 1 {
					page = p
					break
				}
			}
			if page < 0 {
				t.Errorf("footnote %d is on no page whole", i+1)
				continue
			}
			// The mark follows the word it is set on: "official1".
			mark := regexp.MustCompile(regexp.QuoteMeta(refs[i]) + `\s?` + strconv.Itoa(i+1) + `\b`)
			if !mark.MatchString(finalPages[page]) {
				t.Errorf("footnote %d is on page %d, which does not refer to it after %q", i+1, page+1, refs[i])
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		// A4 pages, each numbered in its footer: the number is the last
		// line LibreOffice drew, after the body and the footnotes.
		sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(
			run(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(len(finalPages)), pdfs[0]), -1)
		if len(sizes) != len(finalPages) || len(finalPages) < 5 || len(finalPages) > 14 {
			t.Fatalf("%d pages with %d sizes, want 5 to 14 pages (the PDF has 9)", len(finalPages), len(sizes))
		}
		for i, s := range sizes {
			w, _ := strconv.ParseFloat(s[1], 64)
			h, _ := strconv.ParseFloat(s[2], 64)
			if abs(w-595.3) > 1 || abs(h-841.9) > 1 {
				t.Errorf("page %d is %s x %s pt, want A4 upright", i+1, s[1], s[2])
			}
		}
		for i, text := range finalPages {
			lines := strings.Split(strings.TrimSpace(text), "\n")
			if last := lines[len(lines)-1]; last != strconv.Itoa(i+1) {
				t.Errorf("page %d ends with %q, want its number", i+1, last)
			}
		}
	})

	t.Run("repeated headers", func(t *testing.T) {
		// Every page from the first row of the table of positions to its
		// last starts the table with its header row; so does every page
		// the participation table goes on to.
		header := strings.Join(seedtext.Words(strings.Join(seed.Positions.Header, " ")), " ")
		first := seedtext.Words(seed.Positions.Rows[0].Paragraphs[0])[:6]
		last := seed.Positions.Rows[len(seed.Positions.Rows)-1].LastParticipation
		start, end := -1, -1
		for i, text := range finalPages {
			flat := strings.Join(seedtext.Words(text), " ")
			if start < 0 && strings.Contains(flat, strings.Join(first, " ")) {
				start = i
			}
			if strings.Contains(text, last) {
				end = i
			}
		}
		if start < 0 || end <= start {
			t.Fatalf("the table of positions runs from page %d to page %d: want more than one page", start+1, end+1)
		}
		for i := start; i <= end; i++ {
			if !strings.Contains(strings.Join(seedtext.Words(finalPages[i]), " "), header) {
				t.Errorf("page %d holds the table of positions but not its header row", i+1)
			}
		}
		t.Logf("the table of positions runs from page %d to page %d, its header on each", start+1, end+1)
		corner := strings.Join(seedtext.Words(seed.Participation.Corner), " ")
		pages := 0
		for i, text := range finalPages {
			rows := false
			for _, r := range seed.Participation.Rows {
				rows = rows || regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(r.State)+` √`).MatchString(text)
			}
			if !rows {
				continue
			}
			pages++
			if !strings.Contains(strings.Join(seedtext.Words(text), " "), corner) {
				t.Errorf("page %d holds rows of the participation table but not its header rows", i+1)
			}
		}
		if pages == 0 {
			t.Error("no page holds the participation table's rows")
		}
		t.Logf("the participation table is on %d pages, its header rows on each", pages)
	})

	t.Run("draft", func(t *testing.T) {
		for i, text := range draftPages {
			if !strings.Contains(text, "Draft built 2017-12-01 10:00 UTC") {
				t.Errorf("draft page %d does not say when it was built", i+1)
			}
		}
		for i, text := range finalPages {
			if strings.Contains(text, "Draft built") {
				t.Errorf("final page %d says it is a draft", i+1)
			}
		}
		checklist := -1
		for i, text := range draftPages {
			if strings.HasPrefix(strings.TrimSpace(text), "Editors' checklist") {
				checklist = i
			}
		}
		if checklist <= 0 || len(draftPages) <= len(finalPages) {
			t.Errorf("the draft's checklist does not start a page after the report (%d pages, the final %d)", len(draftPages), len(finalPages))
		}
		// The watermark is drawn, not written: the draft's first page
		// has its grey where the final's has little (the edges of
		// letters).
		if d, f := greyShare(t, pdfs[1]), greyShare(t, pdfs[0]); d < 2*f || d < f+0.01 {
			t.Errorf("the draft's first page is %.2f%% the watermark's grey, the final's %.2f%%: no watermark", 100*d, 100*f)
		} else {
			t.Logf("the draft's first page is %.2f%% the watermark's grey, the final's %.2f%%", 100*d, 100*f)
		}
	})
}

// greyShare renders the first page of pdf in grey at a low resolution and
// returns the share of its pixels in the watermark's grey (215 of 255).
func greyShare(t *testing.T, pdf string) float64 {
	t.Helper()
	out, err := exec.Command("pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", pdf).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	// A binary PGM: "P5", width, height, maxval, each followed by white
	// space, then a byte a pixel.
	var w, h, maxval int
	var magic string
	n, err := fmt.Fscan(bytes.NewReader(out), &magic, &w, &h, &maxval)
	if err != nil || n != 4 || magic != "P5" || maxval != 255 {
		t.Fatalf("pdftoppm wrote no 8-bit PGM: %v", err)
	}
	if len(out) < w*h {
		t.Fatal("pdftoppm wrote a short PGM")
	}
	grey := 0
	for _, v := range out[len(out)-w*h:] {
		if v >= 210 && v <= 220 {
			grey++
		}
	}
	return float64(grey) / float64(w*h)
}

// TestDOCXInPandoc reads the 2017 DOCX with pandoc (-f docx -t plain):
// no warnings, the official words in order, every tick, both footnotes.
// For the words, pandoc is run again with two options that change only
// how its text is laid out. Pandoc reads the title block (the Title,
// Subtitle and Date styles) as the document's title, subtitle and date,
// not as text: a template puts them before the text, as the title block
// stands. Its plain text sets the tables out in columns, which
// pandocplain reads cell by cell; lines as long as the longest paragraph
// keep it from breaking words in narrow columns ("A" over "zerbaijan").
func TestDOCXInPandoc(t *testing.T) {
	t.Parallel()
	pandoc := testtool.Need(t, "pandoc", "pandoc")
	want, notes, seed := seedWords(t)
	dir := t.TempDir()
	final, _ := writeDOCX(t, dir)
	tmpl := filepath.Join(dir, "title-and-text.plain")
	if err := os.WriteFile(tmpl, []byte("$title$\n\n$subtitle$\n\n$date$\n\n$body$\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), convertTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, pandoc, append([]string{"-f", "docx", "-t", "plain"}, append(args, final)...)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("pandoc: %v\n%s", err, stderr.String())
		}
		if stderr.Len() > 0 {
			t.Errorf("pandoc %s warns:\n%s", strings.Join(args, " "), stderr.String())
		}
		return stdout.String()
	}
	if plain := read(); !strings.Contains(plain, "Sources of information") {
		t.Errorf("pandoc -f docx -t plain reads no footnote:\n%s", plain[:min(len(plain), 500)])
	}
	text := pandocplain.Read(read("--columns=10000", "--template="+tmpl))
	// The footnotes come at the end, as [1] and [2].
	body, after, ok := strings.Cut(text, "\n[1] ")
	if !ok {
		t.Fatalf("pandoc's text has no footnote [1]:\n%s", text[max(0, len(text)-2000):])
	}
	// Pandoc lays nothing out: all the words, not minShare of them.
	checkInOrder(t, "pandoc's text", seedtext.Words(body), want, 1)
	if n := strings.Count(body, "√"); n != 56 || seed.Participation.Ticks() != 56 {
		t.Errorf("%d ticks, the official table %d, want 56", n, seed.Participation.Ticks())
	}
	for i, n := range notes {
		note := after
		if i == 0 {
			note, _, _ = strings.Cut(after, "\n[2] ")
		} else if _, rest, ok := strings.Cut(after, "\n[2] "); ok {
			note = rest
		}
		if !slices.Equal(seedtext.Words(note), n) {
			t.Errorf("footnote %d reads %q, want %q", i+1, strings.TrimSpace(note), seed.Footnotes[i])
		}
	}
	// Each mark where the text refers to its note.
	for i, ref := range []string{"official", "Marshall Islands"} {
		if !strings.Contains(body, fmt.Sprintf("%s[%d]", ref, i+1)) {
			t.Errorf("the text does not refer to footnote %d after %q", i+1, ref)
		}
	}
}
