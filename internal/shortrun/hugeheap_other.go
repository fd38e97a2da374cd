//go:build !linux

package shortrun

// hugeHeap does nothing where the kernel's huge pages are not asked for
// in this way.
func hugeHeap(n int) {}
