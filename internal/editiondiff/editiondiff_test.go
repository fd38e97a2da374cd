package editiondiff_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/edition"
	"unireport/internal/editiondiff"
	"unireport/internal/testkit/editions"
	"unireport/internal/testkit/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// load loads an edition, failing the test on errors.
func load(t *testing.T, dir string) *edition.Edition {
	t.Helper()
	e, diags := edition.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("%s:\n%v", dir, diags.Err())
	}
	return e
}

// TestSummaryOfTheFixture: the made-up 2018 edition against data/2017
// gives the sentences of the golden file, and among them at least one of
// each kind of change the editors ask about.
func TestSummaryOfTheFixture(t *testing.T) {
	fromDir, toDir := editions.ChangesPair(t)
	s := editiondiff.Compare(load(t, fromDir), load(t, toDir), editiondiff.Options{})
	got := s.Text()
	testtool.Golden(t, filepath.Join("testdata", "changes-2018.golden"), got, *update)
	for kind, want := range map[string]string{
		"an accession":                 "- Sri Lanka acceded to the Convention on 13 December 2017.\n",
		"a withdrawal":                 "- Ruritania withdrew from the Convention, with effect from 1 June 2018",
		"a new quotation":              "- Tonga: new quotation (Test fixture, 2018).\n",
		"a changed quotation":          "- China: quotation changed (Third Review Conference, 2014).\n",
		"a quotation removed":          "- Armenia: quotation removed (",
		"a vote moved":                 "- Tonga: not present → in favour.\n",
		"the new counts":               "- The vote now stands at 14 in favour, 18 abstained and 2 not present (it was 15 in favour, 16 abstained and 3 not present).\n",
		"a meeting added":              "- 16MSP (2017) added: attended by China, Lebanon, Morocco, Ruritania and United States of America.\n",
		"attendance gained":            "- Intersessional meetings (2017): attendance gained: Egypt.\n",
		"attendance lost":              "- Intersessional meetings (2015): attendance lost: Lebanon.\n",
		"an Article 7 report added":    "- Mongolia: a voluntary Article 7 report for 2018 added.\n",
		"the States Parties":           "- States Parties: 162 → 163.\n",
		"the letters written":          "- Letters written to States not party: 35 → 34.\n",
		"a figure of the year's work":  "- Meetings of the Informal Working Group on Universalization: 2 → 1.\n",
		"the meeting presented to":     "- Presented to: Sixteenth Meeting of the States Parties (16MSP) → Seventeenth Meeting of the States Parties (17MSP).\n",
		"a State's name in the vote":   "- Vietnam: name in the vote: Vietnam → Viet Nam.\n",
		"a State's last participation": "- China: last participation: 15MSP in 2016 → 16MSP in 2017.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary has no sentence for %s: want %q", kind, want)
		}
	}
}

// TestNoChanges: an edition against itself, or against a copy of itself
// loaded on its own, has nothing to say.
func TestNoChanges(t *testing.T) {
	dir := filepath.Join(editions.ModuleRoot(t), editions.Data2017)
	e := load(t, dir)
	if s := editiondiff.Compare(e, e, editiondiff.Options{}); !s.Empty() || s.Text() != "" {
		t.Errorf("2017 against itself:\n%s", s.Text())
	}
	if s := editiondiff.Compare(e, load(t, dir), editiondiff.Options{}); !s.Empty() {
		t.Errorf("2017 against a copy of itself:\n%s", s.Text())
	}
}

// edit replaces old by new in a file of the edition in dir.
func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	path := filepath.Join(dir, file)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOtherKinds: the changes the fixture does not hold, each made to a
// copy of 2017 and compared with 2017, with the arrow given.
func TestOtherKinds(t *testing.T) {
	for _, c := range []struct {
		name, file, old, new, want string
	}{
		{"attendance no longer known", edition.MeetingsFile,
			"dates = \"8-9 June 2017\"\nattended = [\n  \"lebanon\",\n  \"morocco\",\n  \"saudi-arabia\",\n  \"sri-lanka\",\n  \"united-states-of-america\",\n]",
			"dates = \"8-9 June 2017\"\nattended = \"not known\"",
			"- Intersessional meetings (2017): attendance not known.\n"},
		{"a citation changed", edition.StatesFile, `occasion = "60th UNGA First Committee"`, `occasion = "60th UNGA First Committee, New York"`,
			"- Armenia: a quotation's citation changed: 60th UNGA First Committee, 7 October 2005 -> 60th UNGA First Committee, New York, 7 October 2005.\n"},
		{"a figure not known", edition.FactsFile, "letters = 35", `letters = "not known"`,
			"- Letters written to States not party: 35 -> not known.\n"},
		{"a meeting's dates", edition.MeetingsFile, `dates = "8-9 June 2017"`, `dates = "7-9 June 2017"`,
			"- Intersessional meetings (2017): dates: 8-9 June 2017 -> 7-9 June 2017.\n"},
		{"a signatory", edition.StatesFile, "key = \"bahrain\"\nname = \"Bahrain\"\n", "key = \"bahrain\"\nname = \"Bahrain\"\nsignatory = true\n",
			"- Bahrain: signatory: no -> yes.\n"},
		{"a report removed", edition.StatesFile, "article7_reports = [2008, 2009]", "article7_reports = [2008]",
			"- Azerbaijan: a voluntary Article 7 report for 2009 removed.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := editions.Lay(t, map[string]string{"old": editions.Data2017, "new": editions.Data2017})
			edit(t, filepath.Join(root, "new"), c.file, c.old, c.new)
			s := editiondiff.Compare(load(t, filepath.Join(root, "old")), load(t, filepath.Join(root, "new")), editiondiff.Options{Arrow: "->"})
			if !strings.Contains(s.Text(), c.want) {
				t.Errorf("want %q in:\n%s", c.want, s.Text())
			}
			if n := strings.Count(s.Text(), "\n- "); n != 1 {
				t.Errorf("%d sentences for one change:\n%s", n, s.Text())
			}
		})
	}
}

// TestDraftEdition: values still to fill in read as such, and a vote whose
// lists are still to fill in is not read as every State's vote moved.
func TestDraftEdition(t *testing.T) {
	root := editions.Lay(t, map[string]string{"old": editions.Data2017, "new": editions.Data2017})
	dir := filepath.Join(root, "new")
	edit(t, dir, edition.FactsFile, `presented_by = "President of the Sixteenth Meeting of the States Parties"`, `presented_by = "TODO: the presenting office"`)
	edit(t, dir, edition.VoteFile, "abstained = [\n", "abstained = [\"TODO: who abstained\",\n")
	to, diags := edition.LoadDraft(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	got := editiondiff.Compare(load(t, filepath.Join(root, "old")), to, editiondiff.Options{}).Text()
	want := "## The edition\n" +
		"- Presented by: the President of the Sixteenth Meeting of the States Parties → [to fill in: the presenting office].\n" +
		"## The vote\n" +
		"- The vote's lists are still to fill in.\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
