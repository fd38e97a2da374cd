package preview

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The real inputs, which tests copy and never write.
const (
	realData      = "../../data/2017"
	realTemplates = "../../templates"
)

// copyEdition copies data/2017 and the templates into a temporary folder
// and returns the two copies.
func copyEdition(t testing.TB) (dataDir, tmplDir string) {
	t.Helper()
	base := t.TempDir()
	dataDir, tmplDir = filepath.Join(base, "data", "2017"), filepath.Join(base, "templates")
	copyDir(t, realData, dataDir)
	copyDir(t, realTemplates, tmplDir)
	return dataDir, tmplDir
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// noteLine is the start of edition.toml's sources_note, which the report
// prints as a footnote; tests mark it to see a save come through.
const noteLine = `sources_note = "Sources of information:`

// marked returns the edition.toml text with its sources note marked, and
// the text the page then shows.
func marked(t testing.TB, orig, mark string) (toml, shown string) {
	t.Helper()
	if !strings.Contains(orig, noteLine) {
		t.Fatalf("edition.toml has no line starting %s", noteLine)
	}
	shown = "Sources of information (" + mark + "):"
	return strings.Replace(orig, noteLine, `sources_note = "`+shown, 1), shown
}

// brokenLine is a line of edition.toml that broken spoils.
const brokenLine = "stale_after_years = 5"

// badLine is what broken makes of brokenLine: a TOML syntax error at the
// second "=", with markup after it that the overlay must show as text.
const badLine = `stale_after_years = = "<script>window.unireportInjected = true</script>"`

// broken returns the edition.toml text with a TOML syntax error, and the
// file:line that the error names.
func broken(t testing.TB, path, orig string) (toml, where string) {
	t.Helper()
	i := strings.Index(orig, "\n"+brokenLine+"\n")
	if i < 0 {
		t.Fatalf("edition.toml has no line %q", brokenLine)
	}
	line := strings.Count(orig[:i+1], "\n") + 1
	return strings.Replace(orig, brokenLine, badLine, 1), path + ":" + strconv.Itoa(line) + ":"
}

// save writes a file as editors do: a temporary file beside it, renamed
// over it, then its mode set.
func save(t testing.TB, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// start serves s on a free loopback port until the test ends, and returns
// its address, e.g. http://127.0.0.1:40123.
func start(t testing.TB, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Serve did not return 10 s after it was told to stop")
		}
		// Serve does not wait for a build under way; the test does, so
		// that it leaves nothing running.
		s.waitBuilds()
	})
	return "http://" + ln.Addr().String()
}

// newServer makes a server for a copy of the 2017 edition.
func newServer(t testing.TB) (s *Server, dataDir, tmplDir string) {
	t.Helper()
	dataDir, tmplDir = copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	return s, dataDir, tmplDir
}

// testLog sends the server's log to the test's, with its warnings left
// out.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	if !strings.Contains(string(p), ": warning: ") {
		l.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

// get fetches url with client and returns the status and body.
func get(t testing.TB, client *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// newClient is an HTTP client of its own, whose connections are closed
// when the test ends.
func newClient(t testing.TB) *http.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// events is a client of the event stream.
type events struct {
	ids    chan string
	cancel context.CancelFunc
	done   chan struct{}
}

// openEvents connects to the event stream at base and reads build ids
// from it until closed.
func openEvents(t testing.TB, client *http.Client, base string) *events {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || ct != "text/event-stream" {
		cancel()
		resp.Body.Close()
		t.Fatalf("GET %s: %s, %s", eventsPath, resp.Status, ct)
	}
	e := &events{ids: make(chan string, 1000), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var name, data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if name == "build" {
					e.ids <- data
				}
				name, data = "", ""
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(e.close)
	return e
}

// next waits for the next build id, failing the test after timeout.
func (e *events) next(t testing.TB, timeout time.Duration) string {
	t.Helper()
	select {
	case id := <-e.ids:
		return id
	case <-time.After(timeout):
		t.Fatalf("no build event within %v", timeout)
		return ""
	}
}

// close disconnects and waits for the reader to end.
func (e *events) close() {
	e.cancel()
	<-e.done
}
