package preview

import (
	"testing"
	"time"
)

func TestQuietRestartsOnEachEvent(t *testing.T) {
	q := quiet{period: 50 * time.Millisecond, max: time.Second}
	t0 := time.Now()
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	// A save: write, rename and chmod within a few milliseconds. The
	// rebuild comes 50 ms after the last of them, not after the first.
	for _, at := range []int{0, 2, 3} {
		if got := q.kick(ms(at)); got != 50*time.Millisecond {
			t.Errorf("kick at %d ms: wait %v, want 50ms", at, got)
		}
	}
	q.done()
	// A stream of events every 10 ms: each restarts the wait, until the
	// burst is a second old.
	for at := 1000; at < 1950; at += 10 {
		q.kick(ms(at))
	}
	if got := q.kick(ms(1960)); got != 40*time.Millisecond {
		t.Errorf("kick 960 ms into a burst: wait %v, want the 40ms left of the second", got)
	}
	if got := q.kick(ms(2100)); got != 0 {
		t.Errorf("kick past the longest wait: wait %v, want 0", got)
	}
}
