package linebreak

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The benchmarks break paragraphs of random 10-point words (see
// randomParagraph) at a 450-point measure, with no MaxItems, so that the
// time per word shows how the work grows: it should stay flat.
func BenchmarkBreak(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		items := randomParagraph(rand.New(rand.NewPCG(uint64(n), 1)), n, false)
		o := DefaultOptions()
		o.MaxItems = 0
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var res Result
			for b.Loop() {
				res, _ = Break(items, []float64{450}, o)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/word")
			b.ReportMetric(float64(len(res.Breaks)), "lines")
			b.ReportMetric(float64(res.Method), "method")
			// The lines tried per word, the measure of the work that the
			// time per word follows when the machine is quiet.
			p := newParagraph(items, []float64{450}, o)
			p.totalFit(o.Tolerance, false)
			b.ReportMetric(float64(p.evals)/float64(n), "tries/word")
		})
	}
}

// BenchmarkFirstFit is the greedy breaking of the same paragraphs, for
// comparison.
func BenchmarkFirstFit(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		items := randomParagraph(rand.New(rand.NewPCG(uint64(n), 1)), n, false)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FirstFit(items, []float64{450})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/word")
		})
	}
}
