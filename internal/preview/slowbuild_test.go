package preview

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// gate makes one build slow: once armed, the next build to reach
// Config.BuildHook waits there until the gate is opened.
type gate struct {
	armed   atomic.Bool
	entered chan struct{} // closed when a build waits at the gate
	open    chan struct{} // closed to let it go on
	opened  atomic.Bool
}

// newGate makes a closed gate. Open it in a cleanup registered after the
// server's, so that a failing test leaves no build waiting.
func newGate() *gate { return &gate{entered: make(chan struct{}), open: make(chan struct{})} }

func (g *gate) hook() {
	if g.armed.CompareAndSwap(true, false) {
		close(g.entered)
		<-g.open
	}
}

func (g *gate) release() {
	if g.opened.CompareAndSwap(false, true) {
		close(g.open)
	}
}

// waitEntered waits for a build to wait at the gate.
func (g *gate) waitEntered(t *testing.T) {
	t.Helper()
	select {
	case <-g.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("no build reached the gate within 5 s")
	}
}

// TestSlowBuildIsSuperseded makes the build of one save slow, saves again
// meanwhile: the second save is built and shown without waiting for the
// first, and when the slow build ends its result, older than what is
// shown, is thrown away.
func TestSlowBuildIsSuperseded(t *testing.T) {
	g := newGate()
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t}, BuildHook: g.hook})
	if err != nil {
		t.Fatal(err)
	}
	base := start(t, s)
	t.Cleanup(g.release)
	client := newClient(t)
	ev := openEvents(t, client, base)
	id := ev.next(t, 5*time.Second)

	path := filepath.Join(dataDir, "edition.toml")
	orig := readFile(t, path)
	slowText, slowShown := marked(t, orig, "the slow save")
	g.armed.Store(true)
	save(t, path, slowText)
	g.waitEntered(t)

	text, shown := marked(t, orig, "the save after it")
	save(t, path, text)
	id = nextID(t, ev, id)
	if _, page := get(t, client, base+"/"); !strings.Contains(page, shown) {
		t.Fatalf("the page of build %s lacks %q", id, shown)
	}

	g.release()
	s.waitBuilds()
	if now := s.cur.Load().id; now != id {
		t.Errorf("after the slow build ended the build served is %s, want %s still", now, id)
	}
	select {
	case got := <-ev.ids:
		t.Errorf("a build event %s after the slow build ended", got)
	case <-time.After(4 * s.cfg.Quiet):
	}
	if _, page := get(t, client, base+"/"); strings.Contains(page, slowShown) || !strings.Contains(page, shown) {
		t.Errorf("after the slow build ended the page shows its text %q, or lacks %q", slowShown, shown)
	}
}

// TestServeStopsDuringSlowBuild stops the server while a build is slow:
// Serve returns at once, and the build, when it ends, publishes nothing.
func TestServeStopsDuringSlowBuild(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	g := newGate()
	t.Cleanup(g.release)
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t}, BuildHook: g.hook})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	client := newClient(t)
	ev := openEvents(t, client, "http://"+ln.Addr().String())
	id := ev.next(t, 5*time.Second)

	path := filepath.Join(dataDir, "edition.toml")
	text, _ := marked(t, readFile(t, path), "saved just before Ctrl-C")
	g.armed.Store(true)
	save(t, path, text)
	g.waitEntered(t)

	cancel()
	stopped := time.Now()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
		t.Logf("Serve returned %v after it was told to stop", time.Since(stopped).Round(time.Millisecond))
	case <-time.After(time.Second):
		t.Error("Serve did not return within 1 s of being told to stop while a build was slow")
		g.release()
		<-done
	}

	g.release()
	s.waitBuilds()
	if now := s.cur.Load().id; now != id {
		t.Errorf("the slow build was published after the server stopped: %s, was %s", now, id)
	}
	ev.close()
	client.CloseIdleConnections()
}
