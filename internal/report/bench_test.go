package report_test

import (
	"testing"

	"unireport/internal/report"
)

// BenchmarkBuild2017 is a full build of the 2017 edition: load, check,
// merge, parse, and both writers.
func BenchmarkBuild2017(b *testing.B) {
	for b.Loop() {
		r, diags := report.Prepare("../../data/2017", templates)
		if diags.HasErrors() {
			b.Fatal(diags.Err())
		}
		if _, err := r.HTML(report.Draft{}); err != nil {
			b.Fatal(err)
		}
		if _, err := r.PDF(report.Draft{}); err != nil {
			b.Fatal(err)
		}
	}
}
