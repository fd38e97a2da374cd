package preview

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unireport/internal/report"
)

// BenchmarkSaveToReload measures, on the 2017 edition, the time from the
// save of a data file to the reload event at an open page: the quiet
// period, the rebuild of the HTML, and the push. It reports the median
// and the slowest tenth.
func BenchmarkSaveToReload(b *testing.B) {
	dataDir, tmplDir := copyEdition(b)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir})
	if err != nil {
		b.Fatal(err)
	}
	base := start(b, s)
	ev := openEvents(b, newClient(b), base)
	id := ev.next(b, 5*time.Second)
	path := filepath.Join(dataDir, "edition.toml")
	orig := readFile(b, path)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		text, _ := marked(b, orig, fmt.Sprintf("benchmark save %d", i))
		saved := time.Now()
		save(b, path, text)
		id = nextID(b, ev, id)
		took = append(took, time.Since(saved))
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)/2]), "ms-median")
	b.ReportMetric(ms(took[len(took)*9/10]), "ms-p90")
	b.ReportMetric(ms(s.cfg.Quiet), "ms-quiet")
}

// BenchmarkSaveToReloadChanges measures, with the page of the changes
// open (the made-up 2018 edition beside 2017), the time from the save of
// a data file to the changes page showing it: the quiet period, the
// rebuild, the push, and the request the page then makes for itself,
// which compares the two editions' reports and renders the redline. It
// reports the median and the slowest tenth.
func BenchmarkSaveToReloadChanges(b *testing.B) {
	s, dir := newChangesServer(b)
	base := start(b, s)
	client := newClient(b)
	ev := openEvents(b, client, base)
	id := ev.next(b, 5*time.Second)
	path := filepath.Join(dir, "edition.toml")
	orig := readFile(b, path)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		mark := fmt.Sprintf("benchmark save %d", i)
		text, _ := marked(b, orig, mark)
		saved := time.Now()
		save(b, path, text)
		id = nextID(b, ev, id)
		// the note's new words, marked inserted
		if _, page := get(b, client, base+changesPath); !strings.Contains(page, mark+")</ins>") {
			b.Fatalf("the changes page does not show save %d", i)
		}
		took = append(took, time.Since(saved))
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)/2]), "ms-median")
	b.ReportMetric(ms(took[len(took)*9/10]), "ms-p90")
	b.ReportMetric(ms(s.cfg.Quiet), "ms-quiet")
}

// BenchmarkDraftPDFFirstRequest measures the draft PDF of a build of the
// 2017 edition as its first request makes it: the layout, the drawing and
// the PDF writer, in a server that has made one before (as a preview that
// has been open a while has). Each round has a report of its own, fresh
// from a build (not timed), since a report keeps its layout once made.
func BenchmarkDraftPDFFirstRequest(b *testing.B) {
	dataDir, tmplDir := copyEdition(b)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir})
	if err != nil {
		b.Fatal(err)
	}
	snap := s.cur.Load()
	d := report.Draft{On: true, Built: snap.built}
	if _, err := snap.report.PDF(d); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		r, diags := report.PrepareDraft(dataDir, tmplDir)
		if diags.HasErrors() {
			b.Fatal(diags.Err())
		}
		b.StartTimer()
		if _, err := (&fileCache{}).get("PDF", func() ([]byte, error) { return r.PDF(d) }); err != nil {
			b.Fatal(err)
		}
	}
}
