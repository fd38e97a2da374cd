package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
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
// warns that others can see the drafts, and still answers only to this
// machine's names and to those given with -host, so that no web page can
// reach the drafts by rebinding a name of its own to this machine.
func TestServeWarnsBeyondLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, []string{"-addr", "0.0.0.0:0", "-host", "preview.example.org", "-host", "unireport.office.example",
			"-templates", templates, goodEdition}, &out, &errOut)
	}()
	url := waitForURL(t, &out)
	if !strings.Contains(errOut.String(), "warning: listening on ") || !strings.Contains(errOut.String(), "others on the network can see the drafts") {
		t.Errorf("no warning on stderr: %q", errOut.String())
	}
	name, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"preview.example.org":      200,
		"unireport.office.example": 200,
		name:                       200,
		"attacker.example":         421,
		"office.example":           421,
	} {
		code, body := getAs(t, url, host)
		if code != want {
			t.Errorf("a request for host %s: %d, want %d", host, code, want)
		}
		if code != 200 && !strings.Contains(body, "-host") {
			t.Errorf("the refusal of host %s does not name -host: %q", host, body)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestServeHostFlag checks that -host takes host names only.
func TestServeHostFlag(t *testing.T) {
	for _, name := range []string{"", "http://preview.example.org/", "a b"} {
		var out, errOut lockedBuffer
		code := serveUntil(context.Background(), []string{"-addr", "127.0.0.1:0", "-host", name, "-templates", templates, goodEdition}, &out, &errOut)
		if code != 2 || !strings.Contains(errOut.String(), "want a host name") {
			t.Errorf("-host %q: exit %d, stderr %q; want 2 and a complaint", name, code, errOut.String())
		}
	}
}

// getAs gets url giving host as the Host header.
func getAs(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeStopsDuringSlowBuild saves a file and stops serve while the
// build of that save is slow: serve stops at once, and prints nothing
// after "stopped" when the build ends.
func TestServeStopsDuringSlowBuild(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var calls atomic.Int32
	buildHook = func() {
		if calls.Add(1) == 2 { // the first build is New's
			close(entered)
			<-release
		}
	}
	var released sync.Once
	t.Cleanup(func() { released.Do(func() { close(release) }); buildHook = nil })

	dir := copyEdition(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, []string{"-addr", "127.0.0.1:0", "-templates", templates, dir}, &out, &errOut)
	}()
	waitForURL(t, &out)
	// serve prints its address before it watches the files: save until a
	// save is seen.
	for saves := 0; ; saves++ {
		touch(t, filepath.Join(dir, "vote.toml"))
		select {
		case <-entered:
		case <-time.After(200 * time.Millisecond):
			if saves < 50 {
				continue
			}
			t.Fatal("no build after a save")
		}
		break
	}
	cancel()
	stopped := time.Now()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after stopping, want 0\n%s", code, errOut.String())
		}
		if took := time.Since(stopped); took > 2*time.Second {
			t.Errorf("serve took %v to stop", took)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop 5 s after it was told to, while a build was slow")
	}
	released.Do(func() { close(release) })
	time.Sleep(200 * time.Millisecond) // for the build to end, and to print if it would
	if !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("stdout does not end with stopped:\n%s", out.String())
	}
}

// touch writes a file again as it is, as an editor's save.
func touch(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
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

// startChild runs the test named test again in a child process with env
// added, for the child to run serve; its output is collected until it
// ends (copied closes then). The child is killed when the test ends.
func startChild(t *testing.T, test string, env ...string) (cmd *exec.Cmd, out, errOut *lockedBuffer, copied chan struct{}) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env...)
	out, errOut = &lockedBuffer{}, &lockedBuffer{}
	cmd.Stderr = errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	copied = make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.Write([]byte(sc.Text() + "\n"))
		}
	}()
	return cmd, out, errOut, copied
}

// TestServeInterrupt runs serve in a child process and interrupts it, as
// Ctrl-C does: it must stop cleanly and exit 0.
func TestServeInterrupt(t *testing.T) {
	if os.Getenv("UNIREPORT_SERVE_CHILD") == "1" {
		os.Exit(serve([]string{"-addr", "127.0.0.1:0", "-templates", templates, goodEdition}, os.Stdout, os.Stderr))
	}
	cmd, out, errOut, copied := startChild(t, "TestServeInterrupt", "UNIREPORT_SERVE_CHILD=1")
	url := waitForURL(t, out)
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

// TestServeInterruptDuringSlowBuild interrupts serve in a child process
// while the build of a save is slow (its build hook never returns): it
// must still stop at once and exit 0.
func TestServeInterruptDuringSlowBuild(t *testing.T) {
	if dir := os.Getenv("UNIREPORT_SERVE_SLOW_CHILD"); dir != "" {
		var calls atomic.Int32
		buildHook = func() {
			if calls.Add(1) > 1 { // the first build is New's
				fmt.Println("slow build started")
				time.Sleep(time.Hour)
			}
		}
		os.Exit(serve([]string{"-addr", "127.0.0.1:0", "-templates", templates, dir}, os.Stdout, os.Stderr))
	}
	dir := copyEdition(t)
	// GORACE: a child built with -race sleeps a second before it exits,
	// which is not serve's doing.
	cmd, out, errOut, copied := startChild(t, "TestServeInterruptDuringSlowBuild", "UNIREPORT_SERVE_SLOW_CHILD="+dir, "GORACE=atexit_sleep_ms=0")
	waitForURL(t, out)
	// serve prints its address before it watches the files: save until a
	// save is seen.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "slow build started") {
		if time.Now().After(deadline) {
			t.Fatalf("no build after a save:\n%s", out.String())
		}
		touch(t, filepath.Join(dir, "vote.toml"))
		time.Sleep(200 * time.Millisecond)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	interrupted := time.Now()
	exited := make(chan error, 1)
	go func() {
		<-copied
		exited <- cmd.Wait()
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after an interrupt: %v\nstderr:\n%s", err, errOut.String())
		}
		t.Logf("stopped %v after the interrupt", time.Since(interrupted).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("serve did not stop 5 s after an interrupt during a slow build\nstdout:\n%s", out.String())
	}
	if !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("stdout does not end with stopped:\n%s", out.String())
	}
}
