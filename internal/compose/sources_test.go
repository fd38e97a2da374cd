package compose_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unireport/internal/compose"
	"unireport/internal/edition"
	"unireport/internal/provenance"
)

// draftAndFinal composes the templates in tmpl against the edition in dir,
// as a draft and as a final.
func draftAndFinal(t *testing.T, e *edition.Edition, tmpl string) (draft, final string) {
	t.Helper()
	ts, diags := compose.Load(tmpl)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	f, diags := ts.Execute(e)
	if diags.HasErrors() {
		t.Fatalf("the final: %v", diags.Err())
	}
	d, diags := ts.ExecuteDraft(e)
	if diags.HasErrors() {
		t.Fatalf("the draft: %v", diags.Err())
	}
	return string(d), string(f)
}

// TestDraftIsTheFinalWithSources: every edition's draft, without the marks
// of its sources, is its final byte for byte; and it has them.
func TestDraftIsTheFinalWithSources(t *testing.T) {
	gaps := copyEdition(t, map[string][2]string{
		edition.FactsFile: {"letters = 35", `letters = "TODO: how many letters"`},
		edition.VoteFile:  {`  "armenia",`, `  "TODO: who voted in favour",`},
	})
	if err := os.WriteFile(filepath.Join(gaps, edition.FactsFile), []byte(strings.Replace(readFile(t, filepath.Join(gaps, edition.FactsFile)),
		"date = 2017-12-08", `date = "TODO: the date"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{dataDir, "../../testdata/editions/2018", "../../testdata/editions/plenary-2018", "../../testdata/editions/wide-2019", gaps} {
		e, diags := edition.LoadDraft(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", dir, diags.Err())
		}
		draft, final := draftAndFinal(t, e, templatesDir)
		if got := provenance.Plain(draft); got != final {
			t.Errorf("%s: the draft without its sources differs from the final:\n%s", dir, diffLines(final, got))
		}
		if n := strings.Count(draft, provenance.Open); n < 100 {
			t.Errorf("%s: the draft marks %d values", dir, n)
		}
		if dir == gaps && !strings.Contains(draft, "\uE000the date\uE001") {
			t.Errorf("%s: the draft lost a gap", dir)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// marked lists the marks of a draft's text as "text@file:line: from".
func marked(draft string) []string {
	text, spans := provenance.Strip([]byte(draft))
	var out []string
	for _, sp := range spans {
		s := fmt.Sprintf("%s@%s:%d", text[sp.Start:sp.End], filepath.Base(sp.Source.Pos.File), sp.Source.Pos.Line)
		if sp.Source.From != "" {
			s += ": " + sp.Source.From
		}
		out = append(out, s)
	}
	return out
}

// lineOf is the line of file in the 2017 edition that holds want.
func lineOf(t *testing.T, file, want string) int {
	t.Helper()
	src := readFile(t, filepath.Join(dataDir, file))
	i := strings.Index(src, want)
	if i < 0 {
		t.Fatalf("%s has no %q", file, want)
	}
	return strings.Count(src[:i], "\n") + 1
}

// TestDraftMarksWhatTemplatesPrint: each way a template prints a value
// from the data marks it with where it is written, or what it is computed
// from; words of the template are never marked.
func TestDraftMarksWhatTemplatesPrint(t *testing.T) {
	e := load(t, dataDir)
	at := func(file, line string) string { return fmt.Sprintf("%s:%d", file, lineOf(t, file, line)) }
	below := func(file, line string) string { return fmt.Sprintf("%s:%d", file, lineOf(t, file, line)+1) }
	above := func(file, line string) string { return fmt.Sprintf("%s:%d", file, lineOf(t, file, line)-1) }
	firstState := fmt.Sprintf("states.toml:%d", lineOf(t, "states.toml", "\n[[state]]\n")+1)
	for _, c := range []struct {
		tmpl, want string
		first      int // how many of the marks to compare; 0: all
	}{
		{tmpl: `{{$f := .Facts}}{{$f.StatesParties}} States`, want: "162@" + at("edition.toml", "states_parties =")},
		{tmpl: `{{.Facts.Title}}`, want: "Status of Universalization of the Anti-Personnel Mine Ban Convention@" + at("edition.toml", "title =")},
		{tmpl: `{{.Facts.Date}}`, want: "8 December 2017@" + at("edition.toml", "date =")},
		{tmpl: `{{.Count}} States`, want: "35@" + firstState + ": count of [[state]] in states.toml"},
		{tmpl: `{{len .States}}`, want: "35@" + firstState + ": count of [[state]] in states.toml"},
		{tmpl: `{{with .Facts.Work.Letters}}the {{.}} States{{end}}`, want: "35@" + at("edition.toml", "letters =")},
		{tmpl: `{{with .Facts.Work.WorkingGroupMeetings}}{{words .}} {{plural . "occasion" "occasions"}}{{end}}`, want: "two@" + at("edition.toml", "working_group_meetings =")},
		{tmpl: `{{.Facts.Meeting.PreviousMeetingName}}`, want: "Fifteenth Meeting of the States Parties@" + at("edition.toml", "number =") + ": the meeting before meeting.number in edition.toml"},
		{tmpl: `{{with .Intersessional .Facts.Year}}{{.Dates}}{{end}}`, want: "8-9 June 2017@" + at("meetings.toml", `dates = "8-9 June 2017"`)},
		{tmpl: `{{$rc := .ReviewConference}}{{$rc.DisplayName}} in {{$rc.Year}}`,
			want: "Third Review Conference@" + at("meetings.toml", `name = "Third Review Conference"`) + "|2014@" + below("meetings.toml", `key = "2014-3revcon"`)},
		{tmpl: `{{$never := .NeverParticipated}}{{words (len $never)}} - {{andList (textNames $never)}}`,
			want: "four@" + above("states.toml", `key = "iran"`) + ": count of the [[state]] of states.toml without last_participation and in no attended list of meetings.toml" +
				"|Iran@" + at("states.toml", `name = "Iran"`) +
				"|the Democratic People's Republic of Korea@" + at("states.toml", `name_in_text = "the Democratic People's Republic of Korea"`) +
				"|the Republic of Korea@" + at("states.toml", `name_in_text = "the Republic of Korea"`) +
				"|Uzbekistan@" + at("states.toml", `name = "Uzbekistan"`)},
		{tmpl: `{{sentence (andList (textNames .Signatories))}} are signatory`, want: "The Marshall Islands@" + at("states.toml", `name_in_text = "the Marshall Islands"`)},
		{tmpl: `{{range $r := .ReportsBefore 2006}}{{$r.State.Name}} ({{years $r.Years}}){{end}}`,
			want: "Sri Lanka@" + at("states.toml", `name = "Sri Lanka"`) + "|2005@" + at("states.toml", "article7_reports = [2005]")},
		{tmpl: `{{$v := .Vote}}{{$caption := printf "%d UNGA vote (%s)" $v.Year $v.Body}}{{table "vote" "caption" $caption "in_favour" "For" "abstained" "Abstained" "not_present" "Away"}}`,
			want: "2017@" + at("vote.toml", "year = 2017") + "|first-committee@" + at("vote.toml", "body ="), first: 2},
		{tmpl: `{{printf "In %d, %s." .Facts.Year .Facts.Title}}`, want: "2017@" + at("edition.toml", "year = 2017") + "|Status of Universalization of the Anti-Personnel Mine Ban Convention@" + at("edition.toml", "title =")},
		// words of the template, never marked
		{tmpl: `{{sep 1 3}}{{plural 2 "has" "have"}}{{"text"}}{{printf "%d" 3}}{{len "abc"}}`},
	} {
		draft, final := draftAndFinal(t, e, writeTemplate(t, c.tmpl))
		if provenance.Plain(draft) != final {
			t.Errorf("%s: the draft without its sources is %q, the final %q", c.tmpl, provenance.Plain(draft), final)
		}
		got := marked(draft)
		if c.first > 0 {
			got = got[:min(c.first, len(got))]
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s marks\n  %q\nwant\n  %q", c.tmpl, got, c.want)
		}
	}
}

// TestDraftComputesWhatTheFinalComputes: no function, condition or
// template ever sees a mark, whatever a template does with the values.
func TestDraftComputesWhatTheFinalComputes(t *testing.T) {
	e := load(t, dataDir)
	for _, tmpl := range []string{
		`{{if eq (printf "%d" .Facts.Year) "2017"}}same{{else}}differs{{end}}`,
		`{{len (printf "%s" .Facts.Title)}}`,
		`{{$c := printf "%s" .Facts.Title}}{{len $c}} {{$c}}`,
		`{{$c := printf "%s" .Facts.Title}}{{if eq $c "x"}}{{end}}{{$c}}`,
		`{{$c := printf "%s" .Facts.Title}}{{$d := printf "[%s]" $c}}{{len $d}}{{$d}}`,
		`{{sentence (printf "%s" .Facts.Meeting.Name)}}`,
		`{{printf "%.3s|%5d|%-6s|%x|%q" .Facts.Title .Facts.Year .Facts.Meeting.ShortName .Facts.Year .Facts.Title}}`,
		`{{printf "%[1]d %[1]d %d%%" .Facts.Year}}`,
		`{{printf "%d %d" .Facts.Year}}`,
		`{{printf "%d" .Facts.Year .Facts.Year}}`,
		`{{printf "%v %s" .Facts.Date .Facts.Work.Letters}}`,
		`{{.Facts.Title | printf "%s!"}}`,
		`{{index (names .States) 0}} {{slice .Facts.Title 0 6}}`,
		`{{if eq (index (textNames .Signatories) 0) "the Marshall Islands"}}same{{end}}`,
		`{{range .States}}{{.Name}}, {{end}}`,
		`{{range $i, $s := .States}}{{$i}}{{$s.Key}}{{end}}`,
		`{{define "x"}}{{len .}}{{.}}{{end}}{{template "x" (printf "%s" .Facts.Title)}}`,
		`{{$y := .Facts.Year}}{{$y}} {{$y = 3}}{{$y}}`,
		`{{html .Facts.Title}} {{urlquery .Facts.Title}} {{js .Facts.Title}}`,
		`*{{.Facts.Title}}* **{{.Count}}** [{{.Facts.Meeting.ShortName}}](https://example.org) ` + "`{{.Facts.Year}}`",
		`{{print .Facts.Year .Facts.Title}} {{println .Count}}`,
		`{{.Facts.Work}} {{.Facts.Meeting}} {{.Vote.Body}} {{.Facts.StaleAfterYears}}`,
		`{{with .Vote.Resolution}}{{.}}{{else}}none{{end}}`,
		`{{table "positions" "caption" (printf "Positions of %d States in %d" .Count .Facts.Year) "signatory_note" "signatory"}}`,
	} {
		draft, final := draftAndFinal(t, e, writeTemplate(t, tmpl))
		if provenance.Plain(draft) != final {
			t.Errorf("%s: the draft without its sources is\n  %q\nthe final\n  %q", tmpl, provenance.Plain(draft), final)
		}
	}
}
