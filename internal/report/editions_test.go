package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"unireport/internal/edition"
	"unireport/internal/report"
	"unireport/internal/testkit/testtool"
)

const templates = "../../templates"

// editionPair lays out data/2017 and the made-up 2018 fixture side by
// side, as editions follow each other under data/, and applies edits to
// the 2018 files ({file, old, new}).
func editionPair(t *testing.T, edits ...[3]string) string {
	t.Helper()
	root := t.TempDir()
	for year, src := range map[string]string{"2017": "../../data/2017", "2018": "../../testdata/editions/2018"} {
		if err := os.MkdirAll(filepath.Join(root, year), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range edition.Files {
			b, err := os.ReadFile(filepath.Join(src, f))
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			for _, e := range edits {
				if year == "2018" && e[0] == f {
					if !strings.Contains(s, e[1]) {
						t.Fatalf("%s has no %q", f, e[1])
					}
					s = strings.Replace(s, e[1], e[2], 1)
				}
			}
			if err := os.WriteFile(filepath.Join(root, year, f), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// plainText renders the report's HTML and strips the markup, so sentences
// read as a reader sees them.
func plainText(t *testing.T, r *report.Report, d report.Draft) string {
	t.Helper()
	b, err := r.HTML(d)
	if err != nil {
		t.Fatal(err)
	}
	// A span is inline, within a word or beside it (a draft's value with
	// its source); every other tag parts words.
	text := regexp.MustCompile(`</?span\b[^>]*>`).ReplaceAllString(string(b), "")
	text = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(text, " ")
	text = strings.NewReplacer("&#39;", "'", "&quot;", `"`, "&amp;", "&").Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

func TestNarrativeFollowsAccessionsAndWithdrawals(t *testing.T) {
	root := editionPair(t)
	r, diags := report.Prepare(filepath.Join(root, "2018"), templates)
	if diags.HasErrors() {
		t.Fatalf("the 2018 fixture has errors:\n%v", diags.Err())
	}
	text := plainText(t, r, report.Draft{})
	for _, want := range []string{
		"As of 2018, the Convention has 163 States Parties",
		"Nonetheless, 34 States remain outside of the scope of the Convention.",
		"Since the Sixteenth Meeting of the States Parties, Sri Lanka and Palestine have acceded to the Convention.",
		"Ruritania has withdrawn from the Convention, with effect from 1 June 2018.",
		"inviting the 34 States that remain outside",
		"States not party have submitted reports previously including Azerbaijan (2008 and 2009), Lao PDR (2011), Mongolia (2007), Morocco (2017) and Ruritania (2016).",
		"In favour (14)", "Abstained (17)", "Not present (3)",
		"Presented by the President of the Seventeenth Meeting of the States Parties",
		"as mandated by the Sixteenth Meeting of the States Parties",
		"has met on one occasion",
		"the 7-8 June 2018 intersessional meetings",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the 2018 report lacks %q", want)
		}
	}
	for _, gone := range []string{"Sri Lanka (2005)", "Palestine (2012 and 2013)", "In 2018,"} {
		if strings.Contains(text, gone) {
			t.Errorf("the 2018 report still says %q", gone)
		}
	}
}

func TestNoChangeNoSentence(t *testing.T) {
	r, diags := report.Prepare("../../data/2017", templates)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	text := plainText(t, r, report.Draft{})
	for _, s := range []string{"have acceded", "has acceded", "withdrawn from the Convention"} {
		if strings.Contains(text, s) {
			t.Errorf("the 2017 report, with no changes recorded, says %q", s)
		}
	}
}

func TestStatesPartiesMustReconcile(t *testing.T) {
	root := editionPair(t, [3]string{"edition.toml", "states_parties = 163", "states_parties = 164"})
	_, diags := report.Prepare(filepath.Join(root, "2018"), templates)
	err := diags.Err()
	if err == nil {
		t.Fatal("a States Parties count that does not reconcile was accepted")
	}
	msg := err.Error()
	for _, want := range []string{
		filepath.Join(root, "2018", "edition.toml") + ":",
		"states_parties is 164, but the previous edition " + filepath.Join(root, "2017") + " has 162",
		"2 accessions and 1 withdrawal", "which make 163",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error lacks %q:\n%s", want, msg)
		}
	}
}

func TestChangesMustMatchTheList(t *testing.T) {
	for _, c := range []struct {
		name string
		edit [3]string
		want string
	}{
		{"acceded State still listed", [3]string{"edition.toml", `key = "palestine"`, `key = "lebanon"`},
			"Lebanon acceded on 29 December 2017: it is no longer a State not party: remove its [[state]] table"},
		{"State dropped without accession", [3]string{"edition.toml", "kind = \"accession\"\nstate = \"Sri Lanka\"", "kind = \"withdrawal\"\nstate = \"Sri Lanka\""},
			`the withdrawal of Sri Lanka names key "sri-lanka", which was already a State not party in the previous edition`},
		{"withdrawal not yet in effect", [3]string{"edition.toml", "date = 2018-06-01", "date = 2019-06-01"},
			"takes effect only on 1 June 2019"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := report.Prepare(filepath.Join(editionPair(t, c.edit), "2018"), templates)
			if err := diags.Err(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("want an error with %q, got %v", c.want, err)
			}
		})
	}
}

func TestDraftCarriesTheChecklistFinalDoesNot(t *testing.T) {
	r, diags := report.Prepare("../../data/2017", templates)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	final := plainText(t, r, report.Draft{})
	draft := plainText(t, r, report.Draft{On: true})
	if strings.Contains(final, "Editors' checklist") {
		t.Error("the final HTML carries the editors' checklist")
	}
	if !strings.Contains(draft, "Editors' checklist for the 2017 edition") || !strings.Contains(draft, "Dropped out of the meetings in 2017 (7)") {
		t.Error("the draft HTML lacks the editors' checklist")
	}
	testtool.Need(t, "pdftotext", "poppler-utils")
	for _, c := range []struct {
		d    report.Draft
		want bool
	}{{report.Draft{}, false}, {report.Draft{On: true, Built: time.Date(2017, 11, 30, 9, 0, 0, 0, time.UTC)}, true}} {
		pdf, err := r.PDF(c.d)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "r.pdf")
		os.WriteFile(path, pdf, 0o644)
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(out), "Editors’ checklist") || strings.Contains(string(out), "Editors' checklist"); got != c.want {
			t.Errorf("draft %v: PDF has the checklist: %v, want %v", c.d.On, got, c.want)
		}
	}
}

// TestEveryEditionBuilds builds every edition under data/, HTML and PDF.
func TestEveryEditionBuilds(t *testing.T) {
	dirs, _ := filepath.Glob("../../data/[0-9][0-9][0-9][0-9]")
	if len(dirs) == 0 {
		t.Fatal("no editions under data/")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r, diags := report.Prepare(dir, templates)
			if diags.HasErrors() {
				t.Fatalf("%s has errors:\n%v", dir, diags.Err())
			}
			if _, err := r.HTML(report.Draft{}); err != nil {
				t.Error(err)
			}
			if _, err := r.PDF(report.Draft{}); err != nil {
				t.Error(err)
			}
		})
	}
}
