package preview

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"time"

	"unireport/internal/diag"
	"unireport/internal/report"
)

// snapshot is one build as served. It is never changed once published, so
// a request that holds one serves a whole page of one build.
type snapshot struct {
	id     string    // tells pages which build they show
	diags  diag.List // every problem of this build
	broken bool      // this build failed: the page shows the last good one under an overlay
	report *report.Report
	built  time.Time // when report was built
	html   []byte    // report's HTML as the writer made it; nil when there is no report
	page   []byte    // the page served at /
	pdf    *pdfCache // nil when broken
}

// rebuild builds the report from the files and, if the result differs from
// what is served, publishes it and tells every open page. It reports
// whether it published.
func (s *Server) rebuild() bool {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.builds.Add(1)
	start := time.Now()
	prev := s.cur.Load()
	next := s.build(prev, start)
	if next == nil {
		return false
	}
	s.gen++
	next.id = fmt.Sprintf("%s-%d", s.nonce, s.gen)
	next.page = pageFor(next)
	s.cur.Store(next)
	s.hub.broadcast(next.id)
	s.logBuild(next, time.Since(start))
	return true
}

// build runs the pipeline and returns the new snapshot, or nil when it
// would show what prev shows.
func (s *Server) build(prev *snapshot, now time.Time) *snapshot {
	r, diags := s.prepare()
	if r != nil {
		html, err := s.render(r, now)
		if err == nil {
			if prev != nil && s.unchanged(prev, r, diags, html, now) {
				return nil
			}
			return &snapshot{diags: diags, report: r, built: now, html: html, pdf: &pdfCache{}}
		}
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: s.cfg.TemplatesDir}, Severity: diag.Error, Message: err.Error()})
	}
	if prev != nil && prev.broken && slices.Equal(diags, prev.diags) {
		return nil
	}
	next := &snapshot{diags: diags, broken: true}
	if prev != nil {
		next.report, next.built, next.html = prev.report, prev.built, prev.html
	}
	return next
}

// unchanged reports whether a good build, r with its diagnostics and its
// html rendered at built, shows what prev shows. The draft banner gives
// the time of the build to the minute: in another minute than prev's, r is
// rendered again with prev's time to compare.
func (s *Server) unchanged(prev *snapshot, r *report.Report, diags diag.List, html []byte, built time.Time) bool {
	if prev.broken || !slices.Equal(diags, prev.diags) {
		return false
	}
	if bytes.Equal(html, prev.html) {
		return true
	}
	if sameMinute(prev.built, built) {
		return false
	}
	old, err := s.render(r, prev.built)
	return err == nil && bytes.Equal(old, prev.html)
}

func sameMinute(a, b time.Time) bool { return a.Truncate(time.Minute).Equal(b.Truncate(time.Minute)) }

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

// render writes the draft HTML of r, built at the given time.
func (s *Server) render(r *report.Report, built time.Time) (html []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			html, err = nil, fmt.Errorf("internal error while writing the HTML: %v", p)
		}
	}()
	return r.HTML(report.Draft{On: true, Built: built})
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

// pdfCache renders a build's PDF once, when first asked for.
type pdfCache struct {
	once sync.Once
	data []byte
	err  error
}

// get returns the PDF of r, rendering it on the first call; later and
// concurrent calls wait for that one.
func (c *pdfCache) get(r *report.Report, built time.Time) ([]byte, error) {
	c.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				c.data, c.err = nil, fmt.Errorf("internal error while writing the PDF: %v", p)
			}
		}()
		c.data, c.err = r.PDF(report.Draft{On: true, Built: built})
	})
	return c.data, c.err
}
