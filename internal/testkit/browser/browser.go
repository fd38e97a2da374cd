// Package browser starts headless Chromium for tests, through chromedp, and
// records what a page does in it: console errors, uncaught exceptions, error
// log entries and network requests. It is test support: nothing in the
// program depends on it.
//
// Chromium is started with a fixed, short set of flags suited to a closed
// network and to running as root (see Flags), and with a fresh profile in a
// temporary folder. Where Chromium is missing, New skips the test with a
// message saying how to install it, unless the environment variable CI is
// set: then the test fails, so that a CI run without a browser cannot pass by
// skipping.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"unireport/internal/testkit/testtool"
)

// MissingMessage is what New says when no Chromium is found.
const MissingMessage = "chromium is not installed; apt-get install chromium"

// DefaultPath is where Debian's chromium package puts the browser.
const DefaultPath = "/usr/bin/chromium"

// Timeout bounds the life of a tab that New opens: every action in its
// context fails after it, so a hung page fails the test instead of blocking
// it until go test's own timeout.
const Timeout = 3 * time.Minute

// Flags are the command-line flags Chromium is started with, besides a fresh
// --user-data-dir. chromedp itself adds only what it needs to talk to the
// browser (--remote-debugging-pipe) and the first page (about:blank).
//
//   - headless: no window; no display is needed.
//   - no-sandbox: Chromium's sandbox refuses to run as root, and tests here
//     run as root.
//   - disable-gpu: there is no GPU; software rendering only.
//   - disable-quic, disable-background-networking, disable-component-update,
//     disable-sync: no traffic of the browser's own to any host (the network
//     is closed, and a test checks that the page makes no request either).
//   - no-first-run: no first-run pages or prompts.
var Flags = []string{
	"headless",
	"no-sandbox",
	"disable-gpu",
	"disable-quic",
	"no-first-run",
	"disable-background-networking",
	"disable-component-update",
	"disable-sync",
}

// Find returns the path of Chromium: "chromium" on PATH, or DefaultPath. It
// returns an error saying how to install it when there is none.
func Find() (string, error) { return find(DefaultPath) }

func find(defaultPath string) (string, error) {
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	if fi, err := os.Stat(defaultPath); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
		return defaultPath, nil
	}
	return "", errors.New(MissingMessage)
}

// require returns the path of Chromium, or skips the test (fails it when
// the environment variable CI is set) when find finds none.
func require(t testing.TB, find func() (string, error)) string {
	t.Helper()
	path, err := find()
	if err != nil {
		testtool.Missing(t, err.Error())
	}
	return path
}

// New returns the context of a new tab, for chromedp.Do and chromedp.Run, in
// the headless Chromium shared by the tests of the process: the browser is
// started by the first call (about 1.5 s), each later test only opens a tab.
// The tab is closed when the test ends; the browser when Main's tests end (or,
// without Main, with the test process). Without Chromium, New skips the test,
// or fails it when the environment variable CI is set.
func New(t testing.TB) context.Context {
	t.Helper()
	path := require(t, Find)
	b, err := shared.start(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(b)
	t.Cleanup(cancel) // closes the tab
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser: opening a tab: %v\n%s", err, shared.output.String())
	}
	// Hide the scrollbars, as phones and chromedp's own headless default do:
	// the page is then laid out at the full viewport width, window.innerWidth
	// equals document.documentElement.clientWidth, and a full-page
	// screenshot (which grows the viewport to the page, so that the vertical
	// scrollbar goes away) shows the layout that was measured.
	if _, err := chromedp.Call(ctx, emulation.SetScrollbarsHidden, emulation.SetScrollbarsHiddenParams{Hidden: true}); err != nil {
		t.Fatalf("browser: hiding the scrollbars: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, Timeout)
	t.Cleanup(cancelTimeout)
	return ctx
}

// Main runs the tests of m and then closes the shared browser and removes its
// profile; a test package that uses New calls it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(browser.Main(m)) }
func Main(m *testing.M) int {
	code := m.Run()
	shared.close()
	return code
}

// shared is the browser of the test process.
var shared sharedBrowser

type sharedBrowser struct {
	once    sync.Once
	ctx     context.Context // the browser's first tab; new tabs derive from it
	err     error
	output  syncBuffer
	profile string
	cancel  []context.CancelFunc
}

// start starts the browser once; later calls return the first call's result.
func (s *sharedBrowser) start(path string) (context.Context, error) {
	s.once.Do(func() {
		profile, err := os.MkdirTemp("", "unireport-chromium-")
		if err != nil {
			s.err = err
			return
		}
		s.profile = profile
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path),
			chromedp.UserDataDir(profile),
			chromedp.CombinedOutput(&s.output),
		}
		for _, f := range Flags {
			opts = append(opts, chromedp.Flag(f, true))
		}
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(allocCtx)
		// Closed in this order: the browser, then the process.
		s.cancel = []context.CancelFunc{cancelCtx, cancelAlloc}
		s.ctx = ctx
		// Start the browser now, so that a broken install fails here with
		// its output rather than in the first action of a test.
		if err := chromedp.Do(ctx); err != nil {
			s.err = fmt.Errorf("browser: starting %s: %w\n%s", path, err, s.output.String())
		}
	})
	return s.ctx, s.err
}

func (s *sharedBrowser) close() {
	for _, c := range s.cancel {
		c()
	}
	if s.profile != "" {
		os.RemoveAll(s.profile)
	}
}

// Recorder records, from when Record is called, the console errors, the
// uncaught exceptions, the log entries at level error, and the URLs of the
// network requests of a tab. It is safe for concurrent use.
type Recorder struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

// Record starts recording the events of the tab of ctx. Call it before the
// navigation whose events it should see.
func Record(ctx context.Context) (*Recorder, error) {
	r := &Recorder{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				r.addError("console.error: " + argsText(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			r.addError("exception: " + exceptionText(ev.ExceptionDetails))
		case *log.EventEntryAdded:
			if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
				msg := fmt.Sprintf("log (%s): %s", ev.Entry.Source, ev.Entry.Text)
				if ev.Entry.URL != "" {
					msg += " [" + ev.Entry.URL + "]"
				}
				r.addError(msg)
			}
		case *network.EventRequestWillBeSent:
			if ev.Request != nil {
				r.mu.Lock()
				r.requests = append(r.requests, ev.Request.URL)
				r.mu.Unlock()
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("browser: listening to the tab: %w", err)
	}
	return r, nil
}

func (r *Recorder) addError(s string) {
	r.mu.Lock()
	r.errors = append(r.errors, s)
	r.mu.Unlock()
}

// Errors returns the console errors, exceptions and error log entries
// recorded so far, in order.
func (r *Recorder) Errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// Requests returns the URLs of the network requests recorded so far, in
// order, including the page itself.
func (r *Recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a == nil {
			continue
		}
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	if d.URL != "" {
		s += fmt.Sprintf(" [%s:%d]", d.URL, d.LineNumber+1)
	}
	return s
}

// Screenshot takes a screenshot of the whole page of the tab of ctx, beyond
// the viewport, and writes it as a PNG file at path, making its folder if
// needed.
func Screenshot(ctx context.Context, path string) error {
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("browser: screenshot: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// syncBuffer collects the browser's output for an error message.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.b.Len() < 64<<10 {
		s.b.Write(p)
	}
	return len(p), nil
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// ScreenshotsWanted reports whether someone asked, through
// UNIREPORT_SCREENSHOTS, for the screenshots that tests take only to be
// looked at: a full-page screenshot of the report costs seconds.
func ScreenshotsWanted() bool { return os.Getenv("UNIREPORT_SCREENSHOTS") != "" }

// ScreenshotDir is where a browser test saves its screenshots for a person
// to look at: the folder UNIREPORT_SCREENSHOTS names, or a temporary one.
func ScreenshotDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("UNIREPORT_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}
