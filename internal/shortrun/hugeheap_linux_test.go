package shortrun

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unsafe"
)

// childEnv makes the test binary, started again by
// TestHugeHeapAdvisesTheHeap, call hugeHeap first thing, as a command's
// main does, and report on what it allocates next.
const childEnv = "SHORTRUN_TEST_HUGEHEAP_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		hugeHeap(16 << 20)
		if err := allocatedInAdvisedMemory(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// What a process allocates after calling hugeHeap at its start lies in
// memory advised to have huge pages ("hg" among the mapping's flags in
// /proc/self/smaps), wherever the runtime placed the heap (it chooses
// the heap's base at random in each process, so several are started).
func TestHugeHeapAdvisesTheHeap(t *testing.T) {
	if !hugePagesOnRequest() {
		t.Skip("this kernel gives no transparent huge pages (/sys/kernel/mm/transparent_hugepage/enabled)")
	}
	for range 8 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
	}
}

// allocatedInAdvisedMemory allocates blocks of several sizes and checks
// that each lies in memory advised to have huge pages.
func allocatedInAdvisedMemory() error {
	for _, size := range []int{64, 4 << 10, 1 << 20, 6 << 20} {
		b := make([]byte, size)
		flags, err := vmFlags(uintptr(unsafe.Pointer(&b[0])))
		if err != nil {
			return err
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			return fmt.Errorf("%d bytes allocated after hugeHeap lie in memory without the advice (flags %q)", size, flags)
		}
	}
	return nil
}

// vmFlags returns the VmFlags of the mapping that holds address a.
func vmFlags(a uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= a && a < hi
			continue
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.TrimSpace(flags), nil
		}
	}
	if err := s.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping holds %#x", a)
}

// The mapping holding an address is found in the text of /proc/self/maps,
// whatever else the lines hold; none holds an address outside them all.
func TestMappingHolding(t *testing.T) {
	maps := []byte(`00400000-007b8000 r-xp 00000000 fe:00 247026                     /usr/bin/unireport
c000000000-c000400000 rw-p 00000000 00:00 0
c000400000-c004000000 ---p 00000000 00:00 0
7f0000000000-7f0000021000 rw-p 00000000 00:00 0 
not a mapping
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
`)
	for a, want := range map[uintptr]mapping{
		0xc000000010:   {0xc000000000, 0xc000400000},
		0xc0003fffff:   {0xc000000000, 0xc000400000},
		0x7f0000020fff: {0x7f0000000000, 0x7f0000021000},
		0x1000:         {},
	} {
		got, ok := mappingHolding(maps, a)
		if got != want || ok != (want != mapping{}) {
			t.Errorf("%#x: got %x, %v, want %x", a, got, ok, want)
		}
	}
}
