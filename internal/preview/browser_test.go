package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"unireport/internal/testkit/browser"
)

// TestInBrowser opens the preview in headless Chromium and saves a data
// file: the page reloads with the new text at the same place. It breaks
// the TOML: the overlay names the file and line. It fixes it: the overlay
// goes. With scripts off, the broken page still shows the overlay.
func TestInBrowser(t *testing.T) {
	t.Parallel() // its own server and its own tab of the shared browser
	ctx := browser.New(t)
	rec, err := browser.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, dataDir, _ := newServer(t)
	base := start(t, s)
	shots := browser.ScreenshotDir(t)
	path := filepath.Join(dataDir, "edition.toml")
	orig := readFile(t, path)

	act(t, ctx, chromedp.EmulateViewport(1000, 700), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("main")))
	waitFor(t, "the page to listen", func() bool { return s.hub.size() == 1 })
	y := eval[float64](t, ctx, `window.scrollTo(0, 1500); window.unireportMark = true; window.scrollY`)
	if y < 1400 {
		t.Fatalf("could not scroll the page: scrollY %v", y)
	}

	text, shown := marked(t, orig, "edited in the browser test")
	save(t, path, text)
	poll(t, ctx, "the page to reload with the new text",
		`!window.unireportMark && document.readyState === "complete" && document.body.innerText.includes(`+jsString(shown)+`)`)
	if y = eval[float64](t, ctx, `window.scrollY`); y < 1450 || y > 1550 {
		t.Errorf("after the reload scrollY is %v, want 1500 kept", y)
	}
	screenshot(t, ctx, shots, "preview-1-reloaded.png")
	eval[bool](t, ctx, `document.querySelector(".footnotes").scrollIntoView(); true`)
	screenshot(t, ctx, shots, "preview-1-new-text.png")
	eval[bool](t, ctx, `window.scrollTo(0, 1500); true`)

	bad, where := broken(t, path, orig)
	save(t, path, bad)
	poll(t, ctx, "the overlay", `document.getElementById("unireport-overlay") !== null`)
	overlay := eval[string](t, ctx, `document.getElementById("unireport-overlay").innerText`)
	if !strings.Contains(overlay, where) || !strings.Contains(overlay, ": error: ") {
		t.Errorf("the overlay does not name %s:\n%s", where, overlay)
	}
	// The source around the error, the markup in its line shown as text.
	if here := eval[string](t, ctx, `document.querySelector("#unireport-overlay .unireport-here").textContent`); !strings.HasSuffix(here, " | "+badLine) {
		t.Errorf("the overlay marks %q, want the line %q", here, badLine)
	}
	if n := eval[float64](t, ctx, `document.querySelectorAll("#unireport-overlay pre .unireport-line").length`); n != 5 {
		t.Errorf("the overlay shows %v lines of source, want 5", n)
	}
	if eval[bool](t, ctx, `window.unireportInjected === true || document.querySelector("#unireport-overlay script") !== null`) {
		t.Error("the markup of the broken line became an element of the page")
	}
	if y = eval[float64](t, ctx, `window.scrollY`); y < 1450 {
		t.Errorf("the overlay's reload lost the place: scrollY %v", y)
	}
	screenshot(t, ctx, shots, "preview-2-overlay.png")

	save(t, path, orig)
	poll(t, ctx, "the overlay to go",
		`document.readyState === "complete" && document.getElementById("unireport-overlay") === null && document.body.innerText.includes("Sources of information:")`)
	screenshot(t, ctx, shots, "preview-3-fixed.png")

	// Scripts off: the page as served must show the overlay by itself.
	save(t, path, bad)
	waitFor(t, "the broken build", func() bool { return s.cur.Load().broken })
	// Let the page's own reload finish first: a navigation while it runs is
	// aborted (net::ERR_ABORTED).
	poll(t, ctx, "the page's own reload", `document.readyState === "complete" && document.getElementById("unireport-overlay") !== null`)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	act(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#unireport-overlay")))
	if overlay, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#unireport-overlay"))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(overlay, where) {
		t.Errorf("without scripts the overlay does not name %s:\n%s", where, overlay)
	}
	screenshot(t, ctx, shots, "preview-4-no-script.png")
	t.Logf("screenshots in %s", shots)

	for _, e := range rec.Errors() {
		t.Errorf("in the browser: %s", e)
	}
	for _, u := range rec.Requests() {
		if !strings.HasPrefix(u, base+"/") {
			t.Errorf("the page requested %s", u)
		}
	}
}

func act(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates expr in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// poll evaluates expr in the page every 20 ms until it is true, failing
// the test after 10 s. Unlike chromedp.Poll it outlives a reload.
func poll(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
