package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"unireport/internal/htmlout"
	"unireport/internal/preview"
)

// defaultAddr is where serve listens: this machine only.
const defaultAddr = "127.0.0.1:8080"

func serve(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr)
}

// serveUntil is serve, stopping when ctx is done instead of on a signal.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-addr HOST:PORT] [-host NAME]... [-editor URL-TEMPLATE] [-templates DIR] [EDITION]",
		"Serves the draft report on EDITION, rebuilt and reloaded on every save, until Ctrl-C.\n"+
			"A click on a value, or on a problem's position, opens its file:line:col in the\n"+
			"-editor, or copies it to the clipboard.\n"+editionHelp)
	addr := fs.String("addr", defaultAddr, "listen on `HOST:PORT`")
	var hosts hostNames
	fs.Var(&hosts, "host", "answer also to `NAME` (or NAME:PORT), a name this machine is reached by; repeatable")
	tmpl := fs.String("templates", templatesDir, "read the templates from `DIR`")
	editor := editorFlag(fs)
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	dir, code, ok := editionArg(fs, stderr)
	if !ok {
		return code
	}
	ln, err := net.Listen("tcp", *addr)
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
	if host, _, err := net.SplitHostPort(*addr); err == nil && host != "" && net.ParseIP(host) == nil {
		hosts = append(hosts, host)
	}
	s, err := preview.New(preview.Config{DataDir: dir, TemplatesDir: *tmpl, Hosts: hosts, Editor: editor.tmpl, BuildHook: buildHook, Log: stdout})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "previewing %s at %s (Ctrl-C to stop)\n", dir, pageURL(ln.Addr()))
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

// hostNames is the value of the repeatable flag -host.
type hostNames []string

func (h *hostNames) String() string { return strings.Join(*h, ",") }

func (h *hostNames) Set(name string) error {
	if name == "" || strings.ContainsAny(name, "/ \t") {
		return fmt.Errorf("want a host name such as preview.example.org, or NAME:PORT, not %q", name)
	}
	*h = append(*h, name)
	return nil
}

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

// editorTemplate is the value of the flag -editor: a URL template that
// opens a file:line:col in an editor, checked as it is set.
type editorTemplate struct{ tmpl string }

func (e *editorTemplate) String() string { return e.tmpl }

func (e *editorTemplate) Set(tmpl string) error {
	if err := htmlout.CheckEditor(tmpl); err != nil {
		return err
	}
	e.tmpl = tmpl
	return nil
}

// editorFlag adds -editor to fs.
func editorFlag(fs *flag.FlagSet) *editorTemplate {
	e := &editorTemplate{}
	fs.Var(e, "editor", "a click on a value's source opens it with `URL-TEMPLATE`, e.g. vscode://file/{path}:{line}:{col}\n({path} absolute, {line}, {col}); without it, a click copies file:line:col")
	return e
}
