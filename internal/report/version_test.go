package report_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/report"
)

// The version comes from the build info: a test binary is unstamped.
func TestVersion(t *testing.T) {
	if v := report.Version(); v != "(devel)" {
		t.Errorf("Version() = %q in a test, want (devel)", v)
	}
}

// The HTML's generator and the PDF's producer name unireport and its
// version, and the PDF's fonts are named as the subsets they are.
func TestOutputsNameVersion(t *testing.T) {
	r, b := build2017(t)
	want := `<meta name="generator" content="unireport ` + report.Version() + `">`
	if !strings.Contains(string(b), want) {
		t.Errorf("the HTML lacks %s", want)
	}
	needPoppler(t)
	subset := regexp.MustCompile(`^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$`)
	for _, d := range []report.Draft{{}, {On: true, Built: time.Date(2017, 11, 30, 9, 0, 0, 0, time.UTC)}} {
		path, _ := writePDF(t, r, d)
		info := run(t, "pdfinfo", path)
		if want := "Producer:        unireport " + report.Version() + "\n"; !strings.Contains(info, want) {
			t.Errorf("draft %v: pdfinfo does not say %q:\n%s", d.On, want, info)
		}
		fonts := pdfFonts(t, path)
		if len(fonts) < 3 {
			t.Errorf("draft %v: %d fonts, want regular, bold and italic", d.On, len(fonts))
		}
		for _, f := range fonts {
			if !subset.MatchString(f.Name) {
				t.Errorf("draft %v: font %q is not named TAG+LiberationSerif…", d.On, f.Name)
			}
		}
		out := run(t, "pdffonts", path)
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
			// name type encoding emb sub uni object ID
			if f := strings.Fields(l); len(f) < 7 || f[len(f)-4] != "yes" {
				t.Errorf("draft %v: pdffonts does not see a subset: %s", d.On, l)
			}
		}
	}
}
