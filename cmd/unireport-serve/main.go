// Command unireport-serve is unireport's live preview: it serves the draft
// report on an edition, rebuilt and reloaded in the browser on every save,
// until Ctrl-C.
//
//	unireport serve [-addr HOST:PORT] [-host NAME]... [-editor URL-TEMPLATE] [-templates DIR] [EDITION]
//
// "unireport serve" runs this program with its arguments; it can be run
// as unireport-serve too. It is a program of its own so that unireport,
// which builds the reports, does not carry a web server: without one it
// starts in less time and memory, and needs no C library.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"unireport/internal/cmdline"
	"unireport/internal/preview"
)

func main() {
	os.Exit(serve(os.Args[1:], os.Stdout, os.Stderr))
}

func serve(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr)
}

// serveUntil is serve, stopping when ctx is done instead of on a signal.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, code, ok := cmdline.ParseServe(args, stdout, stderr)
	if !ok {
		return code
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	local := isLoopback(ln.Addr())
	if !local {
		fmt.Fprintf(stderr, "unireport: warning: listening on %s, not only on this machine: others on the network can see the drafts\n", ln.Addr())
	}
	// A name listened on is one the machine is reached by; an address is
	// allowed by the preview itself, unless it is 0.0.0.0 or [::].
	hosts := opts.Hosts
	if host, _, err := net.SplitHostPort(opts.Addr); err == nil && host != "" && net.ParseIP(host) == nil {
		hosts = append(hosts, host)
	}
	s, err := preview.New(preview.Config{DataDir: opts.Dir, TemplatesDir: opts.Templates, Hosts: hosts, Editor: opts.Editor, BuildHook: buildHook, Log: stdout})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "previewing %s at %s (Ctrl-C to stop)\n", opts.Dir, pageURL(ln.Addr()))
	if err := s.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}

// buildHook is given to the preview as Config.BuildHook: tests make a
// build slow with it.
var buildHook func()

// isLoopback reports whether addr is on this machine only.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// pageURL is the address to open for a listener; a listener on every
// interface is opened through localhost.
func pageURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}
