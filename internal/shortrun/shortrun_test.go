package shortrun

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent is the runtime's GOGC now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// waitForGCPercent waits until GOGC is want (a cleanup sets it on its own
// goroutine, shortly after the collection), at most a few seconds.
func waitForGCPercent(t *testing.T, want int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); gcPercent() != want; {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC is %d, want %d", gcPercent(), want)
		}
		time.Sleep(time.Millisecond)
	}
}

// The first collection is put off, and the pacing before comes back once
// it has been made.
func TestPutOffFirstCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetGCPercent(150)
	putOffFirstCollection(400)
	if p := gcPercent(); p != 400 {
		t.Fatalf("before the first collection GOGC is %d, want 400", p)
	}
	runtime.GC()
	waitForGCPercent(t, 150)
}

// After Setup, a run that allocates far more than the first collection
// was put off to is collected as usual: the heap stays near what is live.
func TestSetupKeepsTheHeapBounded(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	Setup()
	var keep [][]byte
	for i := range 400 {
		b := make([]byte, 1<<20) // 400 MB in all, 4 MB of it live at a time
		b[0] = byte(i)
		keep = append(keep, b)
		if len(keep) > 4 {
			keep = keep[1:]
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapSys > 96<<20 {
		t.Errorf("heap of %d MB after allocating 400 MB with 4 MB live", m.HeapSys>>20)
	}
	waitForGCPercent(t, 100)
}

// A GOGC set in the environment is obeyed.
func TestSetupObeysGOGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "100")
	Setup()
	if p := gcPercent(); p != 100 {
		t.Errorf("with GOGC=100 set, GOGC is %d after Setup", p)
	}
}
