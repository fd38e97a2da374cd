package preview

import "testing"

func TestHub(t *testing.T) {
	h := newHub()
	a, leaveA := h.subscribe()
	b, leaveB := h.subscribe()
	h.broadcast("1")
	h.broadcast("2") // a slow client sees only the latest
	if got := <-a; got != "2" {
		t.Errorf("a got %q, want the latest id, 2", got)
	}
	leaveB()
	for range b { // ends: b's channel is closed once it has left
	}
	if h.size() != 1 {
		t.Errorf("size = %d after one client left, want 1", h.size())
	}
	h.broadcast("3") // does not block on b, which has gone
	h.close()
	if got, ok := <-a; !ok || got != "3" {
		t.Errorf("a got %q, %v; want 3 before its channel closes", got, ok)
	}
	if _, ok := <-a; ok {
		t.Error("a's channel is open after the hub closed")
	}
	leaveA() // leaving after close is harmless
	c, _ := h.subscribe()
	if _, ok := <-c; ok {
		t.Error("a client joining a closed hub gets an open channel")
	}
	if h.size() != 0 {
		t.Errorf("size = %d after close, want 0", h.size())
	}
}
