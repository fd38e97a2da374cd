package preview

import "sync"

// hub tells every open page the id of the newest build. Each client has a
// channel holding at most the latest id: a slow client skips ids it has
// not read yet, and a broadcast never waits for a client.
type hub struct {
	mu      sync.Mutex
	clients map[chan string]struct{}
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan string]struct{}{}} }

// subscribe adds a client. Its channel is closed when the hub closes; call
// leave when the client goes away.
func (h *hub) subscribe() (ch <-chan string, leave func()) {
	c := make(chan string, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(c)
		return c, func() {}
	}
	h.clients[c] = struct{}{}
	return c, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.clients[c]; ok {
			delete(h.clients, c)
			close(c)
		}
	}
}

// broadcast gives id to every client, replacing an id not yet read.
func (h *hub) broadcast(id string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case <-c:
		default:
		}
		c <- id // never blocks: the buffer is empty and only we send
	}
}

// size is the number of clients.
func (h *hub) size() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every client's stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}
