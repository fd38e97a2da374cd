// Package shortrun sets up the Go runtime's memory for a command that runs
// once and exits: build, check and changes allocate about 14 MB in some
// 70 ms for one edition. For such a run two costs of the runtime's usual
// settings weigh more than much of what the program itself does, measured
// on the 2-core virtual machines the report is built on:
//
//   - The first touch of each 4 KB page of new memory: 14 µs there
//     (touching 16 MB took 56 ms in 4 KB pages, 1 ms in 2 MB huge pages),
//     and a build touched some 2,700 pages. Debian's kernels give huge
//     pages only to memory that asks for them, which Go's heap does not.
//   - Each garbage collection, which takes one of the two cores for its
//     marking while it runs: a build made five, for a heap that never
//     holds more than 10 MB.
//
// Setup asks for the heap in huge pages and puts the first collection off
// until the heap has grown to a size that one edition's build stays near;
// from the first collection on, the runtime's usual pacing (GOGC) applies,
// so a much larger edition is collected as any program is.
package shortrun

import (
	"os"
	"runtime"
	"runtime/debug"
)

const (
	// hugeHeapBytes is how much new heap is asked to be backed by huge
	// pages: more than a build of one edition uses at its peak.
	hugeHeapBytes = 16 << 20
	// firstGCPercent paces the collections until the first one: the
	// runtime starts its first collection when the heap reaches 4 MB
	// times GOGC/100, so 175 puts it off to 7 MB. Later is faster still,
	// but each 2 MB the heap grows by is 2 MB more memory in huge pages:
	// a build of 2017 peaks at about 23 MB resident with 175 (30 runs:
	// 24.0 MB with 200, 4% faster; 21.7 MB with 150).
	firstGCPercent = 175
)

// Setup sets the runtime's memory up for a short run. Call it first in
// main, before the command allocates, and only for commands that run once
// and exit (not for a server). A GOGC set in the environment is obeyed.
func Setup() {
	hugeHeap(hugeHeapBytes)
	if os.Getenv("GOGC") == "" {
		putOffFirstCollection(firstGCPercent)
	}
}

// putOffFirstCollection paces collections at percent until the first one
// ends, then at the percent the runtime had before.
func putOffFirstCollection(percent int) {
	before := debug.SetGCPercent(percent)
	// The sentinel is unreachable at once: the first collection finds it
	// so, and its cleanup then puts the pacing back. (It holds a pointer,
	// so that it is not one of the tiny objects the runtime packs
	// together, which a cleanup may never be run for.)
	sentinel := &struct{ p *int }{}
	runtime.AddCleanup(sentinel, func(before int) { debug.SetGCPercent(before) }, before)
}
