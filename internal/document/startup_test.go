package document

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestGoldmarkInitIsLight runs this test binary again with the runtime's
// init trace and checks what goldmark's packages allocate before main: the
// carried patch (third_party/goldmark.patch) leaves its regular
// expressions and tables to first use, where upstream's inits allocate
// about 540 KB (264 KB in extension alone) and take some 7 ms at every
// start of unireport.
func TestGoldmarkInitIsLight(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (github\.com/yuin/goldmark\S*) @\S+ ms, \S+ ms clock, (\d+) bytes`)
	const limit = 32 << 10 // the node kinds, renderers and attribute filters
	total, n := 0, 0
	for _, m := range line.FindAllSubmatch(out, -1) {
		b, _ := strconv.Atoi(string(m[2]))
		total += b
		n++
		if b > limit {
			t.Errorf("init of %s allocates %d bytes (at most %d): has a package-level regexp or table come back?", m[1], b, limit)
		}
	}
	if n == 0 {
		t.Fatalf("no goldmark package in the init trace:\n%s", out)
	}
	t.Logf("goldmark's %d packages allocate %d bytes at init", n, total)
}
