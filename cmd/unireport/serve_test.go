package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an output that a test reads while serve writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingAt = regexp.MustCompile(`previewing .* at (http://\S+/) \(Ctrl-C to stop\)`)

// waitForURL waits until serve prints the address to open.
func waitForURL(t *testing.T, out *lockedBuffer) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingAt.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("serve printed no address:\n%s", out.String())
	return ""
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe serves the 2017 edition on a free loopback port, fetches the
// page, and stops the server as Ctrl-C would.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, []string{"-addr", "127.0.0.1:0", "-templates", templates, goodEdition}, &out, &errOut)
	}()
	url := waitForURL(t, &out)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("serve prints %s, want a loopback address", url)
	}
	if code, page := httpGet(t, url); code != 200 || !strings.Contains(page, "Status of Universalization") {
		t.Errorf("GET %s: %d", url, code)
	}
	if code, _ := httpGet(t, url+"data/2017/edition.toml"); code != 404 {
		t.Errorf("GET a data file: %d, want 404", code)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after stopping, want 0\n%s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop 10 s after it was told to")
	}
	if !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("stdout does not end with stopped:\n%s", out.String())
	}
	if errOut.String() != "" {
		t.Errorf("stderr: %s", errOut.String())
	}
}

// TestServeWarnsBeyondLoopback names an address open to the network: serve
// warns that others can see the drafts, and answers any host name.
func TestServeWarnsBeyondLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, []string{"-addr", "0.0.0.0:0", "-templates", templates, goodEdition}, &out, &errOut)
	}()
	url := waitForURL(t, &out)
	if !strings.Contains(errOut.String(), "warning: listening on ") || !strings.Contains(errOut.String(), "others on the network can see the drafts") {
		t.Errorf("no warning on stderr: %q", errOut.String())
	}
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Host = "preview.example.org"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("a request for another host name: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:8080": true, "127.0.0.2:80": true,
		"0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.10:8080": false,
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := isLoopback(a); got != want {
			t.Errorf("isLoopback(%s) = %v, want %v", addr, got, want)
		}
	}
	a, _ := net.ResolveTCPAddr("tcp", "0.0.0.0:8080")
	if got := pageURL(a); got != "http://localhost:8080/" {
		t.Errorf("pageURL(0.0.0.0:8080) = %s", got)
	}
	a, _ = net.ResolveTCPAddr("tcp", "[::1]:8080")
	if got := pageURL(a); got != "http://[::1]:8080/" {
		t.Errorf("pageURL([::1]:8080) = %s", got)
	}
}

// TestServeInterrupt runs serve in a child process and interrupts it, as
// Ctrl-C does: it must stop cleanly and exit 0.
func TestServeInterrupt(t *testing.T) {
	if os.Getenv("UNIREPORT_SERVE_CHILD") == "1" {
		os.Exit(run([]string{"serve", "-addr", "127.0.0.1:0", "-templates", templates, goodEdition}, os.Stdout, os.Stderr))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeInterrupt$")
	cmd.Env = append(os.Environ(), "UNIREPORT_SERVE_CHILD=1")
	var errOut lockedBuffer
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var out lockedBuffer
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.Write([]byte(sc.Text() + "\n"))
		}
	}()
	url := waitForURL(t, &out)
	if code, _ := httpGet(t, url); code != 200 {
		t.Errorf("GET %s: %d", url, code)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	<-copied
	if err := cmd.Wait(); err != nil {
		t.Errorf("after an interrupt: %v\nstderr:\n%s", err, errOut.String())
	}
	if !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("stdout does not end with stopped:\n%s", out.String())
	}
}
