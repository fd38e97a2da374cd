package pdfdraw

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"unireport/internal/layout"
	"unireport/internal/testkit/testtool"
	"unireport/internal/version"
)

// subsetName is the name of an embedded subset: a tag of six capitals, a
// plus and the font's name (PDF 32000-1, 9.6.4).
var subsetName = regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z0-9-]+$`)

// Every font is named as the subset it is, pdffonts says so, the producer
// is unireport with its version, and the file is sound: the names took the
// place of fpdf's without moving the cross-reference table's offsets.
func TestSubsetNames(t *testing.T) {
	o := options()
	o.Draft, o.BuildTime = true, created // the draft's faces too
	path := writeFile(t, "subset.pdf", layoutSample(t, sample()), o)
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 5 {
		t.Fatalf("pdffonts lists fewer than 3 fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if len(f) < 9 || !subsetName.MatchString(f[0]) || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("want an embedded subset named TAG+NAME, sub yes: %s", l)
		}
	}
	if strings.Contains(out, "utf8") || strings.Contains(out, "zzz") {
		t.Errorf("fpdf's own names are left:\n%s", out)
	}

	info := run(t, "pdfinfo", path)
	if want := "Producer:        " + version.Program() + "\n"; !strings.Contains(info, want) {
		t.Errorf("pdfinfo does not say %q:\n%s", want, info)
	}
	if strings.Contains(info, "FPDF") {
		t.Errorf("pdfinfo names FPDF:\n%s", info)
	}

	qpdf := testtool.Need(t, "qpdf", "qpdf")
	if b, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, b)
	}
}

// regularTag is the subset tag of the regular face in pdf.
func regularTag(t *testing.T, pdf []byte) string {
	t.Helper()
	m := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+LiberationSerif\n`).FindAllSubmatch(pdf, -1)
	if len(m) != 2 || !bytes.Equal(m[0][1], m[1][1]) {
		t.Fatalf("want the regular face named TAG+LiberationSerif in its Type0 font and its CIDFont; found %q", m)
	}
	if !bytes.Contains(pdf, []byte("/FontName /"+string(m[0][1])+"+LiberationSerif\n")) {
		t.Errorf("the font descriptor is not named %s+LiberationSerif", m[0][1])
	}
	return string(m[0][1])
}

// The tag comes from the glyphs drawn: the same text gives the same tag,
// and the same bytes, build after build; other text another tag.
func TestSubsetTagFollowsGlyphs(t *testing.T) {
	write := func(text string) []byte {
		t.Helper()
		var buf bytes.Buffer
		doc := layout.Document{Blocks: []layout.Block{para(text)}}
		if err := Write(&buf, layoutSample(t, doc), options()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b, c := write("Mine ban"), write("Mine ban"), write("Mine bans")
	if !bytes.Equal(a, b) {
		t.Error("two PDFs of the same text differ")
	}
	ta, tc := regularTag(t, a), regularTag(t, c)
	if ta == tc {
		t.Errorf("texts with different letters both have the subset tag %s", ta)
	}
}
