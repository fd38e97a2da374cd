// Package preview is the editors' live preview: an HTTP server that shows
// the draft report, watches the edition and the templates, rebuilds after
// each save and tells every open page to reload, or to show what is wrong.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"unireport/internal/htmlout"
)

// Defaults of Config.
const (
	// DefaultQuiet is how long the files must stay unchanged before a
	// rebuild: long enough for an editor's save (write, rename, chmod),
	// short enough to feel immediate.
	DefaultQuiet = 50 * time.Millisecond
	// DefaultMaxWait bounds the wait for quiet in a stream of changes.
	DefaultMaxWait = time.Second

	// The limits of the HTTP server, so that a client that sends slowly,
	// or never, or reads slowly, cannot hold a connection for ever.
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultReadTimeout       = 10 * time.Second
	DefaultWriteTimeout      = 30 * time.Second
	DefaultPDFTimeout        = 2 * time.Minute
	DefaultIdleTimeout       = 60 * time.Second
	DefaultMaxHeaderBytes    = 64 << 10
)

// Config says what a Server shows.
type Config struct {
	DataDir      string        // the edition's folder
	TemplatesDir string        // the templates' folder
	Quiet        time.Duration // quiet period before a rebuild; default DefaultQuiet
	MaxWait      time.Duration // longest wait for quiet; default DefaultMaxWait

	// Hosts are names, besides localhost and this machine's own names and
	// addresses, that the preview answers to: names the machine is reached
	// by, such as a DNS name on the office network. "NAME" is answered
	// with or without the port listened on, "NAME:PORT" on that port only.
	// A request for any other name is refused, so that no web page can
	// reach the drafts by pointing a name of its own at this machine (DNS
	// rebinding).
	Hosts []string

	// The limits of the HTTP server; zero for the default.
	ReadHeaderTimeout time.Duration // to read a request's header; DefaultReadHeaderTimeout
	ReadTimeout       time.Duration // to read a whole request; DefaultReadTimeout
	// WriteTimeout bounds the writing of a response, from the end of its
	// request's header; default DefaultWriteTimeout. The event stream is
	// exempt, though each event must be written within it; the PDF has
	// PDFTimeout instead.
	WriteTimeout   time.Duration
	PDFTimeout     time.Duration // to make and write the PDF; DefaultPDFTimeout
	IdleTimeout    time.Duration // to keep an idle connection open; DefaultIdleTimeout
	MaxHeaderBytes int           // the largest request header; DefaultMaxHeaderBytes

	// Editor is the URL template with which a click on where a value of
	// the draft comes from, or on a problem's position, opens it in an
	// editor: {path} (absolute), {line} and {col}, e.g.
	// vscode://file/{path}:{line}:{col}. Empty, a click copies
	// file:line:col to the clipboard. See htmlout.CheckEditor.
	Editor string

	// BuildHook, if set, is called in every build once the report is
	// built, before it is published: tests make a build slow with it.
	BuildHook func()

	Log io.Writer // where rebuilds and problems are logged; nil for nowhere
}

// Server is a live preview of one edition. Its zero value is not usable:
// make one with New.
type Server struct {
	cfg    Config
	links  sourceLinks // how the pages open a position
	roots  []root
	nonce  string // tells this run's builds from another run's
	hub    *hub
	hosts  *allowList
	builds atomic.Int64 // builds run, published or not
	cur    atomic.Pointer[snapshot]
	logMu  sync.Mutex

	previous previousReport // the edition before, for the changes page

	buildMu  sync.Mutex // guards the fields below, and publishing
	started  int64      // the number of the newest build started
	running  int        // builds under way, superseded or not
	pending  bool       // a build is due as soon as fewer run
	stopped  bool       // Serve has stopped: nothing more is built or published
	building sync.WaitGroup
}

// New makes a server for the edition and builds it once. It fails only
// when a folder is not there; problems in the files are shown by the
// server.
func New(cfg Config) (*Server, error) {
	if cfg.Quiet <= 0 {
		cfg.Quiet = DefaultQuiet
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = DefaultMaxWait
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	orDefault(&cfg.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	orDefault(&cfg.ReadTimeout, DefaultReadTimeout)
	orDefault(&cfg.WriteTimeout, DefaultWriteTimeout)
	orDefault(&cfg.PDFTimeout, DefaultPDFTimeout)
	orDefault(&cfg.IdleTimeout, DefaultIdleTimeout)
	orDefault(&cfg.MaxHeaderBytes, DefaultMaxHeaderBytes)
	cfg.DataDir, cfg.TemplatesDir = filepath.Clean(cfg.DataDir), filepath.Clean(cfg.TemplatesDir)
	for _, dir := range []string{cfg.DataDir, cfg.TemplatesDir} {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("no folder %s to preview", dir)
		}
	}
	links := sourceLinks{editor: cfg.Editor}
	if cfg.Editor != "" {
		if err := htmlout.CheckEditor(cfg.Editor); err != nil {
			return nil, err
		}
		// positions name files as given, relative to here
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("the editor's paths: %w", err)
		}
		links.root = wd
	}
	s := &Server{
		cfg:   cfg,
		links: links,
		roots: []root{{cfg.DataDir, ".toml"}, {cfg.TemplatesDir, ".md"}},
		nonce: strconv.FormatInt(time.Now().UnixNano(), 36),
		hub:   newHub(),
		hosts: newAllowList(cfg.Hosts),
	}
	s.rebuild()
	return s, nil
}

// orDefault sets *v to def if it is zero or less.
func orDefault[T time.Duration | int](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Serve serves the preview on ln and rebuilds on every change, until ctx is
// done; then it ends the open event streams, shuts the server down and
// returns nil. It does not wait for a build under way: what that build
// makes is thrown away. It closes ln. A Server serves once.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer s.stop()
	w, err := newWatcher(s.roots)
	if err != nil {
		ln.Close()
		return fmt.Errorf("watching the files: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var watching sync.WaitGroup
	watching.Go(func() { s.watch(ctx, w) })
	defer func() {
		cancel()
		watching.Wait() // never long: builds run in goroutines of their own
		w.close()
	}()

	s.hosts.listening(ln.Addr())
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    s.cfg.MaxHeaderBytes,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	s.stop()
	s.hub.close() // event streams never end by themselves
	// Let requests under way finish, briefly; then close what is left, such
	// as the connections a browser opens ahead of need.
	stop, cancelStop := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancelStop()
	if srv.Shutdown(stop) != nil {
		srv.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// shutdownGrace is how long Serve waits for requests under way when told
// to stop.
const shutdownGrace = time.Second

// watch rebuilds after each burst of changes to the inputs, until ctx is
// done.
func (s *Server) watch(ctx context.Context, w *watcher) {
	q := quiet{period: s.cfg.Quiet, max: s.cfg.MaxWait}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.relevant(ev) {
				timer.Reset(q.kick(time.Now()))
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			s.logf("watching the files: %v", err)
			if overflowed(err) {
				timer.Reset(q.kick(time.Now()))
			}
		case <-timer.C:
			q.done()
			w.rescan()
			s.rebuildSoon()
		}
	}
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, time.Now().Format("15:04:05 ")+format+"\n", args...)
}
