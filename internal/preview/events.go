package preview

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// serveEvents streams Server-Sent Events: first the id of the build being
// served, then the id of every new build. A page reloads when an id is not
// its own, so a page that loaded just before a build and connects just
// after it still reloads. The stream ends when the client goes away or
// the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if _, ok := w.(http.Flusher); !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ids, leave := s.hub.subscribe()
	defer leave()
	// The stream lasts as long as the page is open, so the write timeout
	// of the other responses is lifted; but each event must be written
	// within it, so that a client that stops reading does not hold the
	// stream for ever.
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{})
	send := func(event string) bool {
		rc.SetWriteDeadline(time.Now().Add(s.cfg.WriteTimeout))
		if _, err := io.WriteString(w, event); err != nil {
			return false
		}
		if rc.Flush() != nil {
			return false
		}
		rc.SetWriteDeadline(time.Time{})
		return true
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	// retry: reconnect within a second when the server comes back.
	if !send(fmt.Sprintf("retry: 1000\nevent: build\ndata: %s\n\n", s.cur.Load().id)) {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case id, ok := <-ids:
			if !ok {
				return
			}
			if !send(fmt.Sprintf("event: build\ndata: %s\n\n", id)) {
				return
			}
		}
	}
}
