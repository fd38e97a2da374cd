package preview

import (
	"net/http"
	"strconv"
	"time"

	"unireport/internal/report"
)

// The paths the server answers; every other path is 404.
const (
	pagePath   = "/"
	pdfPath    = "/report.pdf"
	docxPath   = "/report.docx"
	eventsPath = "/events"
)

// ServeHTTP serves the page, the PDF, the DOCX, the changes and the event
// stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		http.Error(w, s.hosts.refusal(r.Host), http.StatusMisdirectedRequest)
		return
	}
	var serve http.HandlerFunc
	switch r.URL.Path {
	case pagePath:
		serve = s.servePage
	case pdfPath:
		serve = s.servePDF
	case docxPath:
		serve = s.serveDOCX
	case changesPath:
		serve = s.serveChanges
	case eventsPath:
		serve = s.serveEvents
	default:
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	serve(w, r)
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	writeHTML(w, http.StatusOK, snap.page)
}

func (s *Server) servePDF(w http.ResponseWriter, r *http.Request) {
	s.serveFile(w, "PDF", "application/pdf", "inline", ".pdf", func(snap *snapshot) *fileCache { return snap.pdf },
		func(r *report.Report, d report.Draft) ([]byte, error) { return r.PDF(d) })
}

// serveDOCX serves the draft as a Word document, downloaded rather than
// shown: browsers do not display one.
func (s *Server) serveDOCX(w http.ResponseWriter, r *http.Request) {
	s.serveFile(w, "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment", ".docx",
		func(snap *snapshot) *fileCache { return snap.docx },
		func(r *report.Report, d report.Draft) ([]byte, error) { return r.DOCX(d) })
}

// serveFile serves the current build's file that cache holds, rendering it
// with render on the first request.
func (s *Server) serveFile(w http.ResponseWriter, what, contentType, disposition, ext string,
	cache func(*snapshot) *fileCache, render func(*report.Report, report.Draft) ([]byte, error)) {
	// Making the file takes longer than the other responses.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.PDFTimeout))
	snap := s.cur.Load()
	c := cache(snap)
	if c == nil {
		writeHTML(w, http.StatusServiceUnavailable,
			problemsPage(snap, "The "+what+" is made again once the edition builds."))
		return
	}
	d := report.Draft{On: true, Built: snap.built}
	data, err := c.get(what, func() ([]byte, error) { return render(snap.report, d) })
	if err != nil {
		s.logf("writing the %s: %v", what, err)
		http.Error(w, "writing the "+what+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", disposition+`; filename="`+snap.report.BaseName(d)+ext+`"`)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

func writeHTML(w http.ResponseWriter, status int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	w.Write(page)
}
