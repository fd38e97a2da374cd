package browser_test

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unireport/internal/testkit/browser"
)

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// TestRecorder loads a page that logs an error, throws, and asks for a
// missing image, and checks that the recorder sees all three and both
// requests; then takes a screenshot.
func TestRecorder(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><p id="p">Hello</p><img src="missing.png" alt="">
<script>console.log("fine"); console.error("bad thing", 42); throw new Error("boom");</script>
</body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := browser.New(t)
	rec, err := browser.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(fileURL(page))); err != nil {
		t.Fatal(err)
	}
	// A round trip after the load: events sent before its reply are seen.
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("p").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if text != "Hello" {
		t.Errorf("text = %q, want Hello", text)
	}

	errs := strings.Join(rec.Errors(), "\n")
	for _, want := range []string{`console.error: "bad thing" 42`, "exception: ", "boom", "missing.png"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q; got:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "fine") {
		t.Errorf("console.log recorded as an error:\n%s", errs)
	}
	reqs := rec.Requests()
	if !slices.Contains(reqs, fileURL(page)) || !slices.Contains(reqs, fileURL(filepath.Join(dir, "missing.png"))) {
		t.Errorf("requests = %q, want the page and missing.png", reqs)
	}

	shot := filepath.Join(dir, "shot.png")
	if err := browser.Screenshot(ctx, shot); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG (%d bytes)", len(b))
	}
}

func TestFind(t *testing.T) {
	p, err := browser.Find()
	if err != nil {
		if err.Error() != browser.MissingMessage {
			t.Errorf("Find error = %q, want %q", err, browser.MissingMessage)
		}
		return
	}
	if !filepath.IsAbs(p) {
		t.Errorf("Find = %q, want an absolute path", p)
	}
}
