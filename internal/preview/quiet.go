package preview

import "time"

// quiet gathers a burst of events into one rebuild: the rebuild comes a
// quiet period after the last event of the burst (each event restarts the
// wait), but never later than max after its first event, so that a folder
// that never falls silent is still rebuilt.
type quiet struct {
	period, max time.Duration
	first       time.Time // the first event of the burst; zero when idle
}

// kick records an event at now and returns how long to wait, from now,
// before rebuilding.
func (q *quiet) kick(now time.Time) time.Duration {
	if q.first.IsZero() {
		q.first = now
	}
	wait := q.period
	if left := q.first.Add(q.max).Sub(now); left < wait {
		wait = max(left, 0)
	}
	return wait
}

// done ends the burst: the next event starts a new one.
func (q *quiet) done() { q.first = time.Time{} }
