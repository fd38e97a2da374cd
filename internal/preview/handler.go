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
	eventsPath = "/events"
)

// ServeHTTP serves the page, the PDF and the event stream.
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
	// Making the PDF takes longer than the other responses.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.PDFTimeout))
	snap := s.cur.Load()
	if snap.pdf == nil {
		writeHTML(w, http.StatusServiceUnavailable,
			problemsPage(snap, "The PDF is made again once the edition builds."))
		return
	}
	pdf, err := snap.pdf.get(snap.report, snap.built)
	if err != nil {
		s.logf("writing the PDF: %v", err)
		http.Error(w, "writing the PDF: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `inline; filename="`+snap.report.BaseName(report.Draft{On: true})+`.pdf"`)
	h.Set("Content-Length", strconv.Itoa(len(pdf)))
	w.Write(pdf)
}

func writeHTML(w http.ResponseWriter, status int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	w.Write(page)
}
