package preview

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

var buildAttr = regexp.MustCompile(`<script data-build="([^"]+)">`)

// TestBurstOfSaves saves edition.toml 100 times in quick succession, half
// as atomic saves and half in place, while ten pages listen and four
// readers fetch the page without pause. It checks that the burst makes one
// or a few rebuilds, that every page fetched is whole and of one build,
// that every listener hears of the last build, and that nothing is left
// running once the listeners have gone and the server has stopped.
func TestBurstOfSaves(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t, goleak.IgnoreCurrent()) }) // runs after the server has stopped
	s, dataDir, _ := newServer(t)
	base := start(t, s)
	client := newClient(t)
	idle := settledGoroutines(t, client, base)

	var listeners []*events
	for range 10 {
		ev := openEvents(t, client, base)
		ev.next(t, 5*time.Second)
		listeners = append(listeners, ev)
	}

	path := filepath.Join(dataDir, "edition.toml")
	orig := readFile(t, path)
	stop := make(chan struct{})
	var readers sync.WaitGroup
	var mu sync.Mutex
	fetched, problems := 0, []string{}
	for range 4 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if p := checkWhole(client, base+"/"); p != "" {
					mu.Lock()
					problems = append(problems, p)
					mu.Unlock()
				}
				mu.Lock()
				fetched++
				mu.Unlock()
				time.Sleep(time.Millisecond) // leave the saver some of the machine
			}
		})
	}

	before := s.builds.Load()
	began := time.Now()
	var last string
	for i := range 100 {
		text, shown := marked(t, orig, fmt.Sprintf("save %d", i))
		last = shown
		if i%2 == 0 {
			save(t, path, text)
		} else if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(began)
	waitFor(t, "page with the last save", func() bool {
		_, page := get(t, client, base+"/")
		return strings.Contains(page, last)
	})
	time.Sleep(4 * s.cfg.Quiet) // a late rebuild would come by now
	close(stop)
	readers.Wait()
	rebuilds := s.builds.Load() - before
	t.Logf("100 saves in %v: %d rebuilds; %d pages fetched meanwhile", took.Round(time.Millisecond), rebuilds, fetched)
	// A stream of saves is rebuilt at least every MaxWait, and a build no
	// longer holds back the next one: when the saves are slow (a loaded
	// machine), allow one rebuild per MaxWait they took.
	if most := 10 + int64(took/s.cfg.MaxWait); rebuilds < 1 || rebuilds > most {
		t.Errorf("100 saves made %d rebuilds, want one or a few (at most %d)", rebuilds, most)
	}
	for _, p := range problems {
		t.Error(p)
	}

	want := s.cur.Load().id
	for i, ev := range listeners {
		got := ""
		for drained := false; !drained; {
			select {
			case id := <-ev.ids:
				got = id
			default:
				drained = true
			}
		}
		if got != want {
			t.Errorf("listener %d last heard of build %q, want %q", i, got, want)
		}
	}

	for _, ev := range listeners {
		ev.close()
	}
	client.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for s.hub.size() > 0 || runtime.NumGoroutine() > idle {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d listeners and %d goroutines left 5 s after the listeners went, want 0 and at most %d:\n%s",
				s.hub.size(), runtime.NumGoroutine(), idle, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkWhole fetches the page and says what is wrong with it, if anything:
// it must be a whole document, of one build, showing one save.
func checkWhole(client *http.Client, url string) string {
	resp, err := client.Get(url)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "reading the page: " + err.Error()
	}
	page := string(b)
	switch {
	case resp.StatusCode != http.StatusOK:
		return "status " + resp.Status
	case !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.HasSuffix(page, "</body>\n</html>\n"):
		return fmt.Sprintf("a page not whole, %d bytes", len(page))
	case len(buildAttr.FindAllString(page, -1)) != 1:
		return "a page without exactly one build id"
	case strings.Count(page, "Sources of information") != 1:
		return "a page with the note not exactly once"
	}
	return ""
}

// settledGoroutines returns the number of goroutines of a server that is
// up and has no client: after one request, with the client's connections
// closed and the count steady.
func settledGoroutines(t *testing.T, client *http.Client, base string) int {
	t.Helper()
	get(t, client, base+"/")
	client.CloseIdleConnections()
	n := runtime.NumGoroutine()
	for steady := 0; steady < 10; steady++ {
		time.Sleep(5 * time.Millisecond)
		if m := runtime.NumGoroutine(); m != n {
			n, steady = m, 0
		}
	}
	return n
}
