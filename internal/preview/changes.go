package preview

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"unireport/internal/diag"
	"unireport/internal/edition"
	"unireport/internal/report"
)

// changesPath is the page of what changed since the edition before: the
// redline of unireport changes, made again for every build.
const changesPath = "/changes"

// changesBar is the preview bar of the changes page: back to the draft,
// and its PDF.
const changesBar = `<nav class="unireport-bar" aria-label="Preview">Live preview of the changes · <a href="` + pagePath + `">Draft</a> · <a href="` + pdfPath + `">PDF</a></nav>` + "\n"

// changesCache makes a build's changes page once, when first asked for:
// a build nobody looks at the changes of costs nothing more.
type changesCache struct {
	once   sync.Once
	made   atomic.Bool // the page has been asked for
	page   []byte
	status int
}

// get returns the changes page of snap, making it on the first call;
// later and concurrent calls wait for that one.
func (c *changesCache) get(s *Server, snap *snapshot) ([]byte, int) {
	c.made.Store(true)
	c.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				c.page, c.status = noticePage(snap, fmt.Sprintf("Internal error while comparing the editions: %v. Please report this.", p)), http.StatusInternalServerError
			}
		}()
		c.page, c.status = s.changesPage(snap)
	})
	return c.page, c.status
}

// changesAhead starts making the changes page of a build just published
// when the build before had its page asked for: a page of the changes is
// likely open, and about to ask for the new one, which is then made while
// the reload event travels and the page reloads. It is called while
// s.buildMu is held, so never after the server has stopped.
func (s *Server) changesAhead(prev, next *snapshot) {
	if prev == nil || prev.changes == nil || !prev.changes.made.Load() || next.changes == nil {
		return
	}
	s.building.Go(func() { next.changes.get(s, next) })
}

func (s *Server) serveChanges(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	if snap.changes == nil {
		writeHTML(w, http.StatusServiceUnavailable,
			problemsPage(snap, "The changes are shown again once the edition builds."))
		return
	}
	page, status := snap.changes.get(s, snap)
	writeHTML(w, status, page)
}

// changesPage is the redline of the build's report against the report on
// the edition before it, read from its files now with the same templates,
// with the preview's bar and reload script; or a page saying why there
// is none.
func (s *Server) changesPage(snap *snapshot) ([]byte, int) {
	to := snap.report
	prev := to.Edition.PreviousDir()
	if prev == "" {
		return noticePage(snap, fmt.Sprintf("There is no edition before %d beside %s to compare it with.", to.Edition.Facts.Year, s.cfg.DataDir)), http.StatusOK
	}
	from, diags := s.previous.get(prev, s.cfg.TemplatesDir)
	if diags.HasErrors() {
		failed := &snapshot{id: snap.id, diags: diags, source: s.sources(diags)}
		return problemsPage(failed, "The edition before, "+prev+", does not build, so the changes cannot be shown."), http.StatusOK
	}
	c := report.CompareReports(from, to)
	var end strings.Builder
	end.WriteString(changesBar)
	writeScript(&end, snap.id)
	opts := c.HTMLOptions()
	opts.HeadEnd = template.HTML(headExtra)
	opts.BodyEnd = template.HTML(end.String())
	page, err := renderHTML(c.Doc, opts)
	if err != nil {
		return noticePage(snap, err.Error()), http.StatusInternalServerError
	}
	return page, http.StatusOK
}

// noticePage is a page of one notice, with the bar of the changes page
// and the reload script.
func noticePage(snap *snapshot, notice string) []byte {
	var b strings.Builder
	if err := problemsTmpl().Execute(&b, struct {
		Title string
		CSS   template.CSS
	}{"Changes · unireport preview", template.CSS(previewCSS)}); err != nil {
		panic(err) // a fixed template over plain strings cannot fail
	}
	b.WriteString("<main>\n<p>" + template.HTMLEscapeString(notice) + "</p>\n</main>\n")
	b.WriteString(changesBar)
	writeScript(&b, snap.id)
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// previousReport keeps the report on the edition before, prepared with the
// templates, for as long as the files it was prepared from are the same:
// the changes page of each save then prepares the edited edition only.
type previousReport struct {
	mu     sync.Mutex
	key    [sha256.Size]byte
	report *report.Report
	diags  diag.List
}

// get returns the draft report on the edition in dir with the templates
// in tmplDir, prepared again only when one of their files, or those of the
// edition before it (which its wording depends on), has changed.
func (p *previousReport) get(dir, tmplDir string) (*report.Report, diag.List) {
	folders := []string{dir, tmplDir}
	if y, ok := edition.FolderYear(filepath.Base(dir)); ok {
		if f, err := edition.Newest(filepath.Dir(dir), y); err == nil {
			folders = append(folders, f.Dir)
		}
	}
	key := filesKey(folders...)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.report == nil || p.diags.HasErrors() || key != p.key {
		p.report, p.diags = report.PrepareDraft(dir, tmplDir)
		p.key = key
	}
	return p.report, p.diags
}

// filesKey is a digest of the names and contents of the regular files in
// the folders (not below them).
func filesKey(folders ...string) [sha256.Size]byte {
	h := sha256.New()
	for _, dir := range folders {
		entries, _ := os.ReadDir(dir)
		slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		fmt.Fprintf(h, "%s\x00", dir)
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			fmt.Fprintf(h, "%s\x00%d\x00%v\x00", e.Name(), len(b), err)
			h.Write(b)
		}
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}
