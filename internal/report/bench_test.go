package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/edition"
	"unireport/internal/report"
	"unireport/internal/testkit/editions"
)

// build is a full build: load, check, merge, parse, and the three
// writers (the DOCX sets its tables from the PDF's layout).
func build(b *testing.B, dir string) {
	r, diags := report.Prepare(dir, templates)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	if _, err := r.HTML(report.Draft{}); err != nil {
		b.Fatal(err)
	}
	if _, err := r.PDF(report.Draft{}); err != nil {
		b.Fatal(err)
	}
	if _, err := r.DOCX(report.Draft{}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBuild2017 is a full build of the 2017 edition: load, check,
// merge, parse, and the three writers.
func BenchmarkBuild2017(b *testing.B) {
	benchBuild(b, "../../data/2017", 35)
}

// BenchmarkDOCX2017 is what the DOCX adds to a build of the 2017 edition:
// the writer alone, on the layout the PDF has made.
func BenchmarkDOCX2017(b *testing.B) {
	r, diags := report.Prepare("../../data/2017", templates)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	if _, err := r.PDF(report.Draft{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.DOCX(report.Draft{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild10x is a full build of an edition ten times the size of
// 2017's: its 35 States ten times over (350 States, with the 2017
// quotations, up to 2,300 characters, and the long rows that split across
// pages), in the vote and the meetings ten times over too.
func BenchmarkBuild10x(b *testing.B) {
	benchBuild(b, largeEdition(b, 10), 350)
}

// BenchmarkBuild100x is BenchmarkBuild10x a hundred times over: 3,500
// States. Its time per State is that of the smaller builds when every step
// takes time linear in the edition's size.
func BenchmarkBuild100x(b *testing.B) {
	benchBuild(b, largeEdition(b, 100), 3500)
}

// benchBuild builds the edition in dir, of the given number of States, and
// reports the time per State besides the time per build, and the process's
// CPU time per State split into user (the program's work, the collector's
// included) and system (mostly the kernel giving the heap fresh pages): the
// user time is what grows with the edition's size when a step is not
// linear.
func benchBuild(b *testing.B, dir string, states int) {
	user0, sys0 := cpuTimes(b)
	for b.Loop() {
		build(b, dir)
	}
	user1, sys1 := cpuTimes(b)
	per := float64(b.N) * float64(states)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/State")
	if user1 > 0 {
		b.ReportMetric(float64((user1-user0).Nanoseconds())/per, "user-ns/State")
		b.ReportMetric(float64((sys1-sys0).Nanoseconds())/per, "sys-ns/State")
	}
}

var (
	stateKey  = regexp.MustCompile(`(?m)^key = "([a-z0-9-]+)"$`)
	stateName = regexp.MustCompile(`(?m)^(name|name_in_vote|name_in_participation|name_in_text) = "(.*)"$`)
	listKey   = regexp.MustCompile(`(?m)^  "([a-z0-9-]+)",$`)
)

// largeEdition writes an edition made of data/2017 copies times over into
// a temp folder named 2017 and returns the folder. Copy k > 1 of a State has
// the key "<key>-k<k>" and names ending " <k>" (for example "Armenia 2");
// the vote's lists and the meetings' attendance name every copy. The limit
// on the size of an edition file is raised while the test runs if the
// States' file goes beyond it.
func largeEdition(tb testing.TB, copies int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "2017")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	read := func(f string) string {
		b, err := os.ReadFile(filepath.Join("../../data/2017", f))
		if err != nil {
			tb.Fatal(err)
		}
		return string(b)
	}
	suffix := func(k int) string { return fmt.Sprintf("-k%d", k) }

	states := read(edition.StatesFile)
	first := strings.Index(states, "\n[[state]]\n")
	var sb strings.Builder // not +=, which copies all so far for every copy
	sb.WriteString(states)
	for k := 2; k <= copies; k++ {
		c := stateKey.ReplaceAllString(states[first:], `key = "${1}`+suffix(k)+`"`)
		c = stateName.ReplaceAllString(c, fmt.Sprintf(`$1 = "$2 %d"`, k))
		sb.WriteString("\n" + c)
	}
	out := sb.String()
	if n := int64(len(out)); n > edition.MaxFileSize {
		limit := edition.MaxFileSize
		edition.MaxFileSize = n
		tb.Cleanup(func() { edition.MaxFileSize = limit })
	}
	files := map[string]string{edition.StatesFile: out, edition.FactsFile: read(edition.FactsFile)}
	for _, f := range []string{edition.VoteFile, edition.MeetingsFile} {
		files[f] = listKey.ReplaceAllStringFunc(read(f), func(line string) string {
			key := listKey.FindStringSubmatch(line)[1]
			for k := 2; k <= copies; k++ {
				line += fmt.Sprintf("\n  %q,", key+suffix(k))
			}
			return line
		})
	}
	for f, s := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// The synthetic edition of the benchmark is a valid edition, ten times the
// 2017 one, and builds into a PDF about ten times as long.
func TestLargeEditionBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 350-State edition")
	}
	r, diags := report.Prepare(largeEdition(t, 10), templates)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if n := len(r.Edition.States); n != 350 {
		t.Errorf("%d States, want 350", n)
	}
	small, _ := build2017(t)
	p1, err := small.Pages(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	p10, err := r.Pages(report.Draft{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p10) < 7*len(p1) || len(p10) > 11*len(p1) {
		t.Errorf("the 10x edition has %d pages, the 2017 one %d", len(p10), len(p1))
	}
	if _, err := r.PDF(report.Draft{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("350 States: %d pages (2017: %d)", len(p10), len(p1))
}

// changes is what unireport changes does: prepare both editions, compare
// their reports, and write the redline as HTML and PDF.
func changes(b *testing.B, fromDir, toDir string) {
	from, diags := report.PrepareDraft(fromDir, templates)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	to, diags := report.PrepareDraft(toDir, templates)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	c := report.CompareReports(from, to)
	if _, err := c.HTML(); err != nil {
		b.Fatal(err)
	}
	if _, err := c.PDF(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkChanges2017ToFixture is unireport changes on the made-up 2018
// edition against 2017: load both, compose both, compare, and write the
// redline as HTML and PDF.
func BenchmarkChanges2017ToFixture(b *testing.B) {
	fromDir, toDir := editions.ChangesPair(b)
	for b.Loop() {
		changes(b, fromDir, toDir)
	}
}

// BenchmarkChangesVersusBuild times, turn by turn so that both see the
// same load on the machine, a build of 2017 and the redline of the
// made-up 2018 edition against it, and reports the redline's time as a
// multiple of the build's (x-build; the aim is 2 at most).
func BenchmarkChangesVersusBuild(b *testing.B) {
	fromDir, toDir := editions.ChangesPair(b)
	var built, compared time.Duration
	for b.Loop() {
		t0 := time.Now()
		build(b, "../../data/2017")
		t1 := time.Now()
		changes(b, fromDir, toDir)
		built, compared = built+t1.Sub(t0), compared+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(built.Milliseconds())/n, "ms-build")
	b.ReportMetric(float64(compared.Milliseconds())/n, "ms-changes")
	b.ReportMetric(float64(compared)/float64(built), "x-build")
}
