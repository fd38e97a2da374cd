package shortrun

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"
	"unsafe"
)

const (
	hugePage = 2 << 20 // a transparent huge page on x86-64 and arm64
	// madvHugePage and madvCollapse are MADV_HUGEPAGE and MADV_COLLAPSE
	// (Linux 6.1), which package syscall lacks.
	madvHugePage = 14
	madvCollapse = 25
)

// hugeHeap asks the kernel to back the heap, as it is and n bytes more,
// with transparent huge pages where it offers them only on request
// ("madvise", Debian's default). The runtime maps new heap on demand
// without that advice, so a block of n bytes is allocated to make it map
// the space, the mappings that hold the heap are advised, and the block is
// collected at once, leaving the space free for what the command
// allocates next. Call it first in main, while the heap is small. The
// advice is only advice: where the kernel has no huge pages to give, or
// the calls fail, nothing changes but the collection.
func hugeHeap(n int) {
	if !hugePagesOnRequest() {
		return
	}
	// No collection but the one below: the block alone would start one
	// (it is more than the heap's first goal), and a collection asked for
	// while one runs waits for it, then makes another.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	first := &struct{ p *int }{} // where the heap is so far
	block := make([]byte, n)
	// Addresses as numbers, never turned back into pointers: they are
	// only handed to the kernel.
	firstAt, blockAt := uintptr(unsafe.Pointer(first)), uintptr(unsafe.Pointer(&block[0]))
	if maps, err := os.ReadFile("/proc/self/maps"); err == nil {
		heap, ok := mappingHolding(maps, firstAt)
		if ok {
			syscall.Syscall(syscall.SYS_MADVISE, heap.lo, heap.hi-heap.lo, madvHugePage)
		}
		if m, ok := mappingHolding(maps, blockAt); ok && m != heap {
			syscall.Syscall(syscall.SYS_MADVISE, m.lo, m.hi-m.lo, madvHugePage)
		}
		// A 2 MB stretch that already holds some (small) pages gets no
		// huge page later: the stretches from first's to the block's
		// start, which the command's next allocations fill, are made
		// huge pages now, their pages copied. (The stretch before
		// first's, if the heap began there, is left: it holds little
		// more than the runtime's own start, and a huge page there would
		// be 2 MB of memory for it.)
		lo := max(heap.lo, firstAt&^(hugePage-1))
		hi := min(heap.hi, (blockAt+hugePage)&^(hugePage-1))
		if ok && lo < hi {
			syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvCollapse)
		}
	}
	runtime.KeepAlive(first)
	runtime.KeepAlive(block)
	block = nil
	runtime.GC()
}

// mapping is the address range of one line of /proc/self/maps.
type mapping struct{ lo, hi uintptr }

// mappingHolding returns the mapping, as listed in maps (the text of
// /proc/self/maps), that holds address a; false if none does.
func mappingHolding(maps []byte, a uintptr) (mapping, bool) {
	for line := range bytes.Lines(maps) {
		rng, _, _ := bytes.Cut(line, []byte(" "))
		l, h, ok := bytes.Cut(rng, []byte("-"))
		if !ok {
			continue
		}
		lo, err1 := strconv.ParseUint(string(l), 16, 64)
		hi, err2 := strconv.ParseUint(string(h), 16, 64)
		if err1 == nil && err2 == nil && uintptr(lo) <= a && a < uintptr(hi) {
			return mapping{uintptr(lo), uintptr(hi)}, true
		}
	}
	return mapping{}, false
}

// hugePagesOnRequest reports whether the kernel gives transparent huge
// pages to memory advised to have them: its setting is "always" or
// "madvise", not "never" (or absent).
func hugePagesOnRequest() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && !bytes.Contains(b, []byte("[never]"))
}
