package tomlpos

import (
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// FuzzScan checks the index and the depth check on any input: neither
// panics; both take time (and Scan memory) in proportion to the input; on
// input the parser accepts, every position lies within the text, the index
// agrees with the old scanner's (where that one is unambiguous) and the
// depth check sees at least the nesting the parser saw.
func FuzzScan(f *testing.F) {
	for _, src := range dataFiles(f) {
		f.Add(src)
	}
	for _, src := range []string{
		doc,
		nested(100),
		"a = " + strings.Repeat("[", MaxIndexDepth+6) + `"x"` + strings.Repeat("]", MaxIndexDepth+6) + "\nb = 1\n",
		"a = " + strings.Repeat("{b = ", 40) + "1" + strings.Repeat("}", 40) + "\n",
		"a = [{b = [{c = [1, \"]\"]}]}]\n[[t]]\n[t.u]\n[[t]]\nv = ['[', \"\\\"[\"]\n",
		"a = \"\"\"\n[[[ \\\"\"\" ]\n\"\"\"\nb = '''[[''''\nc = [[1]] # [[[\n",
		"x = [\n  # ]]\n  [\n  ],\n]\n",
		"\"é\" = [\"😀\"]\n[\"\"]\nx = 1\n[\"a.b\".c]\n\"d[0]\" = 2\n",
		"a = [[[[", "[[a", "a = {", "a = \"\"\"", "\xff[{", "[]\n=1\n", "a.=1", "a = [1,,2]",
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		bytesBefore, start := allocatedBytes(), time.Now()
		ix := Scan(src)
		for _, limit := range []int{0, 1, 2, 32} {
			if p, deep := TooDeep(src, limit); deep {
				if c := charAt(src, p); c != '[' && c != '{' {
					t.Fatalf("TooDeep(%d) at %d:%d, on %q, not a bracket", limit, p.Line, p.Col, c)
				}
			}
		}
		elapsed, alloc := time.Since(start), allocatedBytes()-bytesBefore
		// Time is noisy on a busy machine (the fuzzer's own workers, the
		// garbage collector): only the best of three runs counts.
		bound := 500*time.Millisecond + time.Duration(len(src))*20*time.Microsecond
		for range 2 {
			if elapsed <= bound {
				break
			}
			start = time.Now()
			Scan(src)
			TooDeep(src, 32)
			elapsed = min(elapsed, time.Since(start))
		}
		if elapsed > bound {
			t.Fatalf("Scan and TooDeep took %v on %d bytes (more than %v): not linear", elapsed, len(src), bound)
		}
		// The allocation metric is cheap to read but counts by whole spans,
		// and other goroutines of the fuzzer allocate too: over the bound,
		// the best of three exact counts decides.
		if bound := uint64(1<<20 + 1024*len(src)); alloc > bound {
			for range 3 {
				alloc = min(alloc, allocated(src))
			}
			if alloc > bound {
				t.Fatalf("Scan allocated %d bytes on %d (more than %d): not linear", alloc, len(src), bound)
			}
		}
		// lookups never panic either, whatever the path
		ix.Key(src)
		ix.Value(src)

		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			ix.Strings()
			ix.Paths()
			return
		}
		checkPositions(t, src, ix)
		if d := arrayDepth(v, false); d > 0 {
			if _, deep := TooDeep(src, d-1); !deep {
				t.Fatalf("the parser saw lists or tables %d deep, TooDeep(%d) nothing", d, d-1)
			}
		}
		for _, p := range ix.Paths() {
			if _, ok := ix.Key(p); !ok {
				t.Fatalf("Key(%q) not found, though in Paths", p)
			}
		}
		if _, deep := TooDeep(src, MaxIndexDepth); !deep && plainKeys(&ix.root) {
			sameAsReference(t, src)
		}
	})
}

// allocatedBytes returns the bytes allocated so far by the program.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// charAt returns the first byte of the character at p, 0 if p is outside
// src.
func charAt(src string, p Pos) byte {
	for line := 1; line < p.Line; line++ {
		i := strings.IndexByte(src, '\n')
		if i < 0 {
			return 0
		}
		src = src[i+1:]
	}
	col := 1
	for i := range src {
		if col == p.Col {
			return src[i]
		}
		if src[i] == '\n' {
			break
		}
		col++
	}
	return 0
}

// arrayDepth returns how deep v nests inline arrays and tables, as far as
// the parsed value tells: an array of tables ([[t]], []map) and a table
// that is not in an array may or may not have been written inline, so
// they do not count.
func arrayDepth(v any, inArray bool) int {
	d := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			d = max(d, arrayDepth(e, true))
		}
		return d + 1
	case []map[string]any:
		for _, m := range v {
			d = max(d, arrayDepth(m, false))
		}
	case map[string]any:
		for _, e := range v {
			d = max(d, arrayDepth(e, false))
		}
		if inArray {
			d++
		}
	}
	return d
}

// plainKeys reports whether every key below n is non-empty ASCII without
// dots or brackets: the old scanner then had one path per key (it spelled
// quoted keys with dots like dotted keys and cut other characters to their
// first byte).
func plainKeys(n *node) bool {
	for name, c := range n.children {
		if name == "" || strings.ContainsAny(name, ".[]") || !isASCII(name) || !plainKeys(c) {
			return false
		}
	}
	for _, e := range n.elems {
		if !plainKeys(e) {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
