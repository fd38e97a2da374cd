package docxout

import (
	"runtime"
	"testing"
)

// The last compressor put back outlives garbage collections, which empty
// a sync.Pool.
func TestCompressorKeptOverCollections(t *testing.T) {
	w := flateWriters.get()
	flateWriters.put(w)
	runtime.GC()
	runtime.GC()
	got := flateWriters.get()
	defer flateWriters.put(got)
	if got != w {
		t.Error("a new compressor after two collections; want the one kept")
	}
}
