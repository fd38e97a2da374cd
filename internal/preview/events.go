package preview

import (
	"fmt"
	"net/http"
)

// serveEvents streams Server-Sent Events: first the id of the build being
// served, then the id of every new build. A page reloads when an id is not
// its own, so a page that loaded just before a build and connects just
// after it still reloads. The stream ends when the client goes away or
// the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ids, leave := s.hub.subscribe()
	defer leave()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	// retry: reconnect within a second when the server comes back.
	if _, err := fmt.Fprintf(w, "retry: 1000\nevent: build\ndata: %s\n\n", s.cur.Load().id); err != nil {
		return
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case id, ok := <-ids:
			if !ok {
				return
			}
			if _, err := fmt.Fprintf(w, "event: build\ndata: %s\n\n", id); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}
