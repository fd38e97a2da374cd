package preview

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"
)

// TestHostAllowList serves on a loopback port and asks for the page under
// many host names, as a browser would after following a link or a
// rebinding of a name: only this machine's names and addresses, and the
// names given in Config.Hosts, are answered, with or without the port
// listened on.
func TestHostAllowList(t *testing.T) {
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t},
		Hosts: []string{"preview.office.example", "Tunnel.Example.:9000"}})
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(start(t, s), "http://")
	_, port, _ := net.SplitHostPort(addr)
	want := map[string]int{
		"localhost":                      200,
		"localhost:" + port:              200,
		"localhost:9999":                 200, // a tunnel (ssh -L) to another local port
		"127.0.0.1:" + port:              200,
		"127.0.0.1":                      200,
		"[::1]:" + port:                  200,
		"[::1]":                          200,
		"preview.localhost":              200,
		"LOCALHOST.":                     200,
		"preview.office.example":         200,
		"preview.office.example:" + port: 200,
		"PREVIEW.Office.Example.":        200,
		"preview.office.example:1":       421,
		"tunnel.example:9000":            200,
		"tunnel.example":                 421,
		"attacker.example":               421,
		"attacker.example:" + port:       421,
		"198.51.100.7:" + port:           421, // TEST-NET-2: no address of this machine
		"localhost.evil.org":             421,
		"127.0.0.1.nip.io:" + port:       421,
		"office.example":                 421,
		"":                               421, // no Host at all (HTTP/1.0)
	}
	name, err := os.Hostname()
	if err != nil || name == "" {
		t.Fatalf("os.Hostname: %q, %v", name, err)
	}
	want[name] = 200
	want[strings.ToUpper(name)+".:"+port] = 200
	if short, _, ok := strings.Cut(name, "."); ok {
		want[short] = 200
	}
	if !isLocalName(name) {
		want[name+":1"] = 421
	}
	if ip := interfaceAddr(t); ip.IsValid() {
		t.Logf("this machine's address %s", ip)
		want[ip.String()] = 200
		want[net.JoinHostPort(ip.String(), port)] = 200
		want[net.JoinHostPort(ip.String(), "1")] = 421
	}
	for host, code := range want {
		got, body := askAs(t, addr, host)
		if got != code {
			t.Errorf("Host %q: %d, want %d", host, got, code)
		}
		if got != 200 && !strings.Contains(body, "-host") {
			t.Errorf("Host %q: the refusal does not name the -host flag: %q", host, body)
		}
	}
}

// isLocalName is whether a host name is localhost or under it.
func isLocalName(name string) bool {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	return name == "localhost" || strings.HasSuffix(name, ".localhost")
}

// interfaceAddr is an address of this machine other than a loopback one,
// if it has one.
func interfaceAddr(t *testing.T) netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Logf("net.InterfaceAddrs: %v", err)
		return netip.Addr{}
	}
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil && !p.Addr().IsLoopback() && p.Addr().Zone() == "" {
			return p.Addr()
		}
	}
	return netip.Addr{}
}

// askAs asks the server at addr for the page with the given Host header,
// or with none if host is "", and returns the status and body.
func askAs(t *testing.T, addr, host string) (int, string) {
	t.Helper()
	c := dial(t, addr)
	if host == "" {
		fmt.Fprint(c, "GET / HTTP/1.0\r\n\r\n")
	} else {
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("Host %q: %v", host, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// dial connects to addr; the connection is closed when the test ends, and
// gives up after 10 s whatever happens.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(10 * time.Second))
	return c
}

// waitClosed reads from c until the server closes it, and fails the test
// if that takes longer than limit.
func waitClosed(t *testing.T, c net.Conn, what string, limit time.Duration) {
	t.Helper()
	start := time.Now()
	c.SetReadDeadline(start.Add(limit))
	_, err := io.Copy(io.Discard, c)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("%s: the connection is still open after %v", what, limit)
		return
	}
	t.Logf("%s: closed after %v (%v)", what, time.Since(start).Round(time.Millisecond), err)
}

// TestSlowClientsAreCut opens connections that send part of a request, or
// a request whose body never comes, or nothing after a request, or a huge
// header: the server closes each within its timeout, or refuses it.
func TestSlowClientsAreCut(t *testing.T) {
	t.Parallel() // its own server and its own tab of the shared browser
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t},
		ReadHeaderTimeout: 200 * time.Millisecond, ReadTimeout: 400 * time.Millisecond,
		IdleTimeout: 300 * time.Millisecond, WriteTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(start(t, s), "http://")
	const limit = 2 * time.Second

	c := dial(t, addr)
	fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: localhost\r\n") // and never the blank line
	waitClosed(t, c, "a header that never ends", limit)

	c = dial(t, addr)
	fmt.Fprint(c, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly the start")
	waitClosed(t, c, "a body that never comes", limit)

	c = dial(t, addr)
	fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	waitClosed(t, c, "an idle connection", limit)

	c = dial(t, addr)
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: %s\r\n\r\n", strings.Repeat("x", 100<<10))
	resp, err = http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil || resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a header of 100 KB: %v %v, want 431", resp, err)
	}
}

// TestEventsOutliveWriteTimeout keeps an event stream open for longer than
// the write and read timeouts: it still hears of the next build.
func TestEventsOutliveWriteTimeout(t *testing.T) {
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t},
		ReadTimeout: 100 * time.Millisecond, WriteTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	base := start(t, s)
	client := newClient(t)
	ev := openEvents(t, client, base)
	id := ev.next(t, 5*time.Second)
	time.Sleep(500 * time.Millisecond)
	path := dataDir + "/edition.toml"
	text, _ := marked(t, readFile(t, path), "after a long wait")
	save(t, path, text)
	nextID(t, ev, id)
}

// TestPDFOutlivesWriteTimeout asks for the PDF, which takes longer to
// make than the write timeout of the other responses.
func TestPDFOutlivesWriteTimeout(t *testing.T) {
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Log: testLog{t}, WriteTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	base := start(t, s)
	resp, err := newClient(t).Get(base + pdfPath)
	if err != nil {
		t.Fatalf("GET %s: %v", pdfPath, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("GET %s: %s, %d bytes, %v", pdfPath, resp.Status, len(b), err)
	}
}
