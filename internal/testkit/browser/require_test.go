package browser

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB records how require ends a test. Skip and Fatal stop the calling
// goroutine, as the real ones do.
type fakeTB struct {
	testing.TB
	mu      sync.Mutex
	skipped string
	failed  string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Skip(args ...any) {
	f.mu.Lock()
	f.skipped = fmt.Sprint(args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.failed = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

// runRequire calls require in its own goroutine, so that Skip and Fatal can
// end it.
func runRequire(tb *fakeTB, find func() (string, error)) string {
	var path string
	done := make(chan struct{})
	go func() {
		defer close(done)
		path = require(tb, find)
	}()
	<-done
	return path
}

func TestRequireWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no chromium on PATH
	missing := func() (string, error) { return find(filepath.Join(t.TempDir(), "chromium")) }

	t.Setenv("CI", "")
	tb := &fakeTB{}
	runRequire(tb, missing)
	if tb.skipped != MissingMessage || tb.failed != "" {
		t.Errorf("without CI: skipped %q, failed %q; want a skip saying %q", tb.skipped, tb.failed, MissingMessage)
	}

	t.Setenv("CI", "true")
	tb = &fakeTB{}
	runRequire(tb, missing)
	if tb.skipped != "" || !strings.Contains(tb.failed, MissingMessage) {
		t.Errorf("with CI: skipped %q, failed %q; want a failure saying %q", tb.skipped, tb.failed, MissingMessage)
	}
}

func TestRequireFindsDefaultPath(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	p, err := find("/bin/sh") // stands in for an executable at the default path
	if err != nil || p != "/bin/sh" {
		t.Errorf("find = %q, %v; want the default path", p, err)
	}
	tb := &fakeTB{}
	if got := runRequire(tb, func() (string, error) { return "/x/chromium", nil }); got != "/x/chromium" || tb.skipped != "" || tb.failed != "" {
		t.Errorf("require = %q (skipped %q, failed %q)", got, tb.skipped, tb.failed)
	}
}
