package pdfdraw

import (
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/layout"
)

// A gap is drawn in dark red bold italic on a light yellow ground, with
// its face embedded; a page without a gap neither embeds that face nor
// has those colours.
func TestGapDrawn(t *testing.T) {
	gapDoc := layout.Document{Blocks: []layout.Block{
		&layout.Paragraph{Runs: []layout.Run{{Text: "Presented on "}, {Text: "[to fill in: the date of presentation]", Gap: true}, {Text: " by the President."}}},
	}}
	plainDoc := layout.Document{Blocks: []layout.Block{
		&layout.Paragraph{Runs: []layout.Run{{Text: "Presented on "}, {Text: "8 December 2017", Italic: true}, {Text: " by the President."}}},
	}}
	for _, c := range []struct {
		name string
		doc  layout.Document
		gap  bool
	}{{"gap.pdf", gapDoc, true}, {"nogap.pdf", plainDoc, false}} {
		path := writeFile(t, c.name, layoutSample(t, c.doc), options())
		text := strings.Join(strings.Fields(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")), " ")
		if c.gap && !strings.Contains(text, "Presented on [to fill in: the date of presentation] by the President.") {
			t.Errorf("text of the gap: %q", text)
		}
		fonts := run(t, "pdffonts", path)
		if strings.Contains(fonts, "+LiberationSerif-BoldItalic ") != c.gap {
			t.Errorf("%s: bold italic embedded: %v, want %v:\n%s", c.name, !c.gap, c.gap, fonts)
		}
		red, yellow := colours(t, path)
		if (red > 20 && yellow > 200) != c.gap || !c.gap && (red > 0 || yellow > 0) {
			t.Errorf("%s: %d dark red and %d light yellow pixels", c.name, red, yellow)
		}
	}
}

// colours renders the PDF's first page and counts its dark red (gap text)
// and light yellow (gap ground) pixels.
func colours(t *testing.T, path string) (red, yellow int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page")
	run(t, "pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", path, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			switch {
			case r > 130 && r < 210 && g < 50 && bl < 50:
				red++
			case r > 245 && g > 230 && g < 250 && bl > 130 && bl < 170:
				yellow++
			}
		}
	}
	return red, yellow
}
