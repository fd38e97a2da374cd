package preview

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"time"

	"unireport/internal/diag"
	"unireport/internal/document"
	"unireport/internal/htmlout"
	"unireport/internal/report"
)

// snapshot is one build as served. It is never changed once published, so
// a request that holds one serves a whole page of one build.
type snapshot struct {
	id     string    // tells pages which build they show
	diags  diag.List // every problem of this build
	broken bool      // this build failed: the page shows the last good one under an overlay
	report *report.Report
	links  sourceLinks // how the page opens a position
	built  time.Time   // when report was built
	shown  *rendering  // report's HTML; nil when there is no report
	source []*excerpt  // when broken, the source around each problem (nil where none)
	page   []byte      // the page served at /
	pdf    *fileCache  // nil when broken
	docx   *fileCache  // nil when broken
	// changes is the page of what changed since the edition before; nil
	// when broken
	changes *changesCache
}

// rendering is what the draft HTML of a report is rendered from: the page
// served renders doc with opts, the preview's own markup in the slots of
// the options. source, the Markdown doc was parsed from, tells without
// rendering whether a build changed anything.
type rendering struct {
	doc    *document.Document
	opts   htmlout.Options
	source []byte
}

// maxBuilds is how many builds may run at once: the newest, and one that a
// newer save has superseded but that has not ended yet. A superseded build
// cannot be stopped in the middle of loading the files or running the
// templates (the pipeline takes no context), but it skips what is left
// after that, and it is bounded: it ends by itself. A build due while two
// run starts as soon as one of them ends.
const maxBuilds = 2

// rebuildSoon starts a build of the files as they are now in a goroutine
// of its own, and returns at once. A build under way is superseded: what
// it makes is thrown away, never published over a newer build.
func (s *Server) rebuildSoon() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if s.stopped {
		return
	}
	if s.running >= maxBuilds {
		s.pending = true
		return
	}
	s.startLocked()
}

// startLocked starts the next build; s.buildMu is held.
func (s *Server) startLocked() {
	s.started++
	n := s.started
	s.running++
	s.pending = false
	s.building.Add(1)
	go func() {
		defer s.building.Done()
		s.runBuild(n)
		s.buildMu.Lock()
		defer s.buildMu.Unlock()
		s.running--
		if s.pending && !s.stopped {
			s.startLocked()
		}
	}()
}

// rebuild builds the report from the files in the caller's goroutine and,
// if the result differs from what is served, publishes it and tells every
// open page. It reports whether it published.
func (s *Server) rebuild() bool {
	s.buildMu.Lock()
	s.started++
	n := s.started
	s.buildMu.Unlock()
	return s.runBuild(n)
}

// runBuild is build number n. It publishes what it makes unless that shows
// what is served already, or a newer build has started meanwhile, or the
// server has stopped; it reports whether it published.
//
// A build compares its result with the build served when it starts. That
// is still the one served when it publishes: only the newest build started
// may publish.
func (s *Server) runBuild(n int64) bool {
	s.builds.Add(1)
	start := time.Now()
	prev := s.cur.Load()
	next := s.build(prev, start, fmt.Sprintf("%s-%d", s.nonce, n), func() bool { return s.superseded(n) })
	if s.cfg.BuildHook != nil {
		s.cfg.BuildHook()
	}
	if next == nil {
		return false
	}
	took := time.Since(start)
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if s.supersededLocked(n) {
		return false
	}
	s.cur.Store(next)
	s.hub.broadcast(next.id)
	s.logBuild(next, took)
	s.changesAhead(prev, next)
	return true
}

// superseded reports whether build n may not publish: a newer build has
// started, or the server has stopped.
func (s *Server) superseded(n int64) bool {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	return s.supersededLocked(n)
}

func (s *Server) supersededLocked(n int64) bool { return s.stopped || n != s.started }

// stop ends building: no build starts or publishes after it returns. A
// build under way goes on to its end, and then throws away what it made.
func (s *Server) stop() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.stopped = true
}

// waitBuilds waits for the builds under way to end. Only tests use it:
// Serve does not wait for them.
func (s *Server) waitBuilds() { s.building.Wait() }

// build runs the pipeline and returns the new snapshot, or nil when it
// would show what prev shows, or when it has become stale: then it stops
// early, since what it makes would be thrown away.
func (s *Server) build(prev *snapshot, now time.Time, id string, stale func() bool) *snapshot {
	r, diags := s.prepare()
	if stale() {
		return nil
	}
	if r != nil {
		shown := rendered(r, now, s.links)
		if prev != nil && unchanged(prev, shown, diags) {
			return nil
		}
		next := &snapshot{id: id, diags: diags, report: r, links: s.links, built: now, shown: shown, pdf: &fileCache{}, docx: &fileCache{}, changes: &changesCache{}}
		page, err := pageFor(next)
		if err == nil {
			next.page = page
			return next
		}
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: s.cfg.TemplatesDir}, Severity: diag.Error, Message: err.Error()})
	}
	source := s.sources(diags)
	if prev != nil && prev.broken && slices.Equal(diags, prev.diags) && slices.EqualFunc(source, prev.source, (*excerpt).equal) {
		return nil
	}
	next := &snapshot{id: id, diags: diags, broken: true, source: source, links: s.links}
	if prev != nil {
		next.report, next.built, next.shown = prev.report, prev.built, prev.shown
	}
	next.page, _ = pageFor(next) // a broken build's page falls back to the problems alone
	return next
}

// unchanged reports whether a good build, shown with its diagnostics,
// shows what prev shows: the same Markdown rendered with the same options
// but for the time of the build (the draft banner keeps prev's).
func unchanged(prev *snapshot, shown *rendering, diags diag.List) bool {
	if prev.broken || !slices.Equal(diags, prev.diags) || !bytes.Equal(shown.source, prev.shown.source) {
		return false
	}
	a, b := shown.opts, prev.shown.opts
	a.Built, b.Built = "", ""
	return a == b
}

// prepare loads, checks and merges the inputs. A failure of any kind, even
// a panic, comes back as diagnostics: a bad save never stops the server.
func (s *Server) prepare() (r *report.Report, diags diag.List) {
	defer func() {
		if p := recover(); p != nil {
			r = nil
			diags.Add(diag.Diagnostic{Pos: diag.Pos{File: s.cfg.DataDir}, Severity: diag.Error,
				Message: fmt.Sprintf("internal error while building: %v", p), Help: "please report this"})
		}
	}()
	r, diags = report.PrepareDraft(s.cfg.DataDir, s.cfg.TemplatesDir)
	if diags.HasErrors() {
		return nil, diags
	}
	return r, diags
}

// sourceLinks say how a page opens the position of a value's source, or
// of a problem: in the editor whose URL template editor is, with paths
// made absolute against root; with no editor, by copying it.
type sourceLinks struct{ editor, root string }

// rendered is what the draft HTML of r, built at the given time, is
// rendered from, as report.HTML renders it.
func rendered(r *report.Report, built time.Time, links sourceLinks) *rendering {
	d := report.Draft{On: true, Built: built, Editor: links.editor, EditorRoot: links.root}
	return &rendering{doc: r.Tree(d), opts: r.HTMLOptions(d), source: r.Source(d)}
}

// renderHTML is htmlout.Render, with a panic as an error.
func renderHTML(doc *document.Document, opts htmlout.Options) (html []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			html, err = nil, fmt.Errorf("internal error while writing the HTML: %v", p)
		}
	}()
	return htmlout.Render(doc, opts)
}

func (s *Server) logBuild(snap *snapshot, took time.Duration) {
	if snap.broken {
		s.logf("%s: not built: %s", s.cfg.DataDir, snap.diags.Summary())
		for _, d := range snap.diags {
			if d.Severity == diag.Error {
				s.logf("  %s", d)
			}
		}
		return
	}
	s.logf("%s: built in %d ms (%s)", s.cfg.DataDir, took.Milliseconds(), snap.diags.Summary())
}

// fileCache renders one of a build's files (its PDF, its DOCX) once, when
// first asked for.
type fileCache struct {
	once sync.Once
	data []byte
	err  error
}

// get returns the file, calling render on the first call; later and
// concurrent calls wait for that one. what names the file in an error.
func (c *fileCache) get(what string, render func() ([]byte, error)) ([]byte, error) {
	c.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				c.data, c.err = nil, fmt.Errorf("internal error while writing the %s: %v", what, p)
			}
		}()
		c.data, c.err = render()
	})
	return c.data, c.err
}
