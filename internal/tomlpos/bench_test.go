package tomlpos

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// nested returns `a = [[[…]]]` with depth brackets on each side.
func nested(depth int) string {
	return "a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
}

// dataFiles returns the 2017 edition's files, by base name.
func dataFiles(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob("../../data/2017/*.toml")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no data files: %v", err)
	}
	files := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files[filepath.Base(p)] = string(b)
	}
	return files
}

func BenchmarkScanNested(b *testing.B) {
	for _, depth := range []int{1000, 10000, 30000} {
		src := nested(depth)
		b.Run("depth="+strconv.Itoa(depth), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Scan(src)
			}
		})
	}
	files := dataFiles(b)
	for _, name := range []string{"states.toml", "edition.toml", "vote.toml", "meetings.toml"} {
		src := files[name]
		b.Run("2017/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Scan(src)
			}
		})
	}
}

// BenchmarkDecodeNested measures BurntSushi's parser on the same input:
// what the depth limit spares the loader.
func BenchmarkDecodeNested(b *testing.B) {
	for _, depth := range []int{1000, 10000, 30000} {
		src := nested(depth)
		b.Run("depth="+strconv.Itoa(depth), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var v map[string]any
				if _, err := toml.Decode(src, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTooDeep measures the depth check the loader runs before parsing:
// a whole pass over each input (no limit reached).
func BenchmarkTooDeep(b *testing.B) {
	inputs := map[string]string{"depth=30000": nested(30000), "2017/states.toml": dataFiles(b)["states.toml"]}
	for _, name := range []string{"depth=30000", "2017/states.toml"} {
		src := inputs[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, deep := TooDeep(src, 1<<30); deep {
					b.Fatal("too deep")
				}
			}
		})
	}
}

// allocated returns the bytes Scan allocates on src.
func allocated(src string) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	Scan(src)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestScanLinear fails if Scan's memory grows faster than its input: with
// paths rebuilt at every level of nesting, four times the depth cost
// sixteen times the bytes.
func TestScanLinear(t *testing.T) {
	small, large := allocated(nested(2000)), allocated(nested(8000))
	ratio := float64(large) / float64(max(small, 1))
	t.Logf("depth 2000: %d B, depth 8000: %d B (×%.1f for ×4 input)", small, large, ratio)
	if ratio > 6 {
		t.Errorf("Scan allocates ×%.1f for ×4 the nesting: quadratic", ratio)
	}
}
