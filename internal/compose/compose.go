// Package compose merges the report's Markdown templates with an edition's
// data. Templates place facts in sentences; the facts themselves are
// methods of the edition. Data tables are written as directives that the
// document package turns into table nodes.
package compose

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/edition"
	"unireport/internal/inputfile"
	"unireport/internal/lazyregexp"
	"unireport/internal/provenance"
)

// maxTemplateSize bounds what is read: the report's template is 10 KB.
const maxTemplateSize = 1 << 20

// Main is the template that the report starts from.
const Main = "report.md"

// File is one template as read from disk.
type File struct {
	Path string
	Text string
}

// Templates are the report's templates, read and parsed.
type Templates struct {
	Dir   string
	Files []File
}

// Load reads and parses every *.md template in dir. Errors come back as
// diagnostics with the template's file, line and column.
func Load(dir string) (*Templates, diag.List) {
	var diags diag.List
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		diags.Errorf(diag.Pos{File: dir}, "no templates found: the folder must hold %s", Main)
		return nil, diags
	}
	sort.Strings(paths)
	ts := &Templates{Dir: dir}
	for _, p := range paths {
		b, err := inputfile.Read(p, maxTemplateSize)
		if err != nil {
			msg, help := inputfile.Problem(err, "a template")
			diags.Add(diag.Diagnostic{Pos: diag.Pos{File: p}, Severity: diag.Error, Message: msg, Help: help})
			continue
		}
		if !utf8.Valid(b) {
			diags.Errorf(diag.Pos{File: p}, "the template is not valid UTF-8 text (save it as UTF-8)")
			continue
		}
		ts.Files = append(ts.Files, File{Path: p, Text: string(bytes.TrimPrefix(b, []byte("\uFEFF")))})
	}
	if !slices.ContainsFunc(ts.Files, func(f File) bool { return filepath.Base(f.Path) == Main }) && !diags.HasErrors() {
		diags.Errorf(diag.Pos{File: filepath.Join(dir, Main)}, "the main template %s is missing", Main)
	}
	// Parse once here to report syntax errors with the other checks.
	if _, err := ts.parse(nil, marker{}); err != nil {
		diags.Add(templateDiag(err, dir))
	}
	return ts, diags
}

func (ts *Templates) parse(e *edition.Edition, m marker) (*template.Template, error) {
	t := template.New(Main).Option("missingkey=error").Funcs(funcs(e, m))
	for _, f := range ts.Files {
		if _, err := t.New(filepath.Base(f.Path)).Parse(f.Text); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Execute merges the templates with the edition into the report's Markdown.
func (ts *Templates) Execute(e *edition.Edition) ([]byte, diag.List) { return ts.execute(e, false) }

// ExecuteDraft is Execute for a draft: every value printed from the
// edition is marked with its source (see internal/provenance and
// markSources). The text without the marks is what Execute writes.
func (ts *Templates) ExecuteDraft(e *edition.Edition) ([]byte, diag.List) {
	return ts.execute(e, true)
}

func (ts *Templates) execute(e *edition.Edition, draft bool) ([]byte, diag.List) {
	var diags diag.List
	m := marker{on: draft}
	t, err := ts.parse(e, m)
	if err != nil {
		diags.Add(templateDiag(err, ts.Dir))
		return nil, diags
	}
	if d := checkRepeats(t, ts.Dir); d != nil {
		diags.Add(*d)
		return nil, diags
	}
	if draft {
		markSources(t, e)
	}
	md, d := execute(t, e, ts.Dir)
	if d != nil {
		diags.Add(*d)
		return nil, diags
	}
	if key, printed := edition.NotKnownPrinted(string(md)); printed {
		diags.Errorf(diag.Pos{File: filepath.Join(ts.Dir, Main)}, "the templates print %s, which is \"not known\" (%s): word that sentence around it with {{if .Known}} … {{end}}, or fill in the figure",
			key, e.Pos(edition.FactsFile, key, true))
		return nil, diags
	}
	return md, diags
}

// Compose loads the templates in dir and executes them against the edition.
func Compose(e *edition.Edition, dir string) ([]byte, diag.List) {
	ts, diags := Load(dir)
	if diags.HasErrors() {
		return nil, diags
	}
	return ts.Execute(e)
}

// text/template errors read "template: report.md:12:5: executing ..." or
// "template: report.md:12: function "x" not defined".
var templateErrPattern = lazyregexp.New(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

func templateDiag(err error, dir string) diag.Diagnostic {
	msg := err.Error()
	d := diag.Diagnostic{Severity: diag.Error, Pos: diag.Pos{File: dir}}
	if m := templateErrPattern.FindStringSubmatch(msg); m != nil {
		d.Pos.File = filepath.Join(dir, m[1])
		d.Pos.Line, _ = strconv.Atoi(m[2])
		d.Pos.Col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	d.Message = rewordTemplateError(msg)
	return d
}

var (
	executingPattern = lazyregexp.New(`^executing "[^"]*" at <([^>]*)>: (.*)$`)
	fieldPattern     = lazyregexp.New(`can't evaluate field (\w+) in type (\S+)`)
)

var parseRewords = []struct {
	pattern *lazyregexp.Regexp
	message string
}{
	{lazyregexp.New(`^unexpected "(.*)" in operand$`), `an action {{ is not closed where it should be: check that every {{ has its }} (found "$1")`},
	{lazyregexp.New(`^unclosed action`), `an action {{ is not closed: add its }}`},
	{lazyregexp.New(`^function "(.*)" not defined$`), `there is no function "$1": the functions are words, ordinal, plural, andList, years, names, textNames, sentence, sep and table`},
	{lazyregexp.New(`^unexpected EOF$`), `the template ends inside a {{if}}, {{range}} or {{with}}: add its {{end}}`},
	{lazyregexp.New(`^unexpected \{\{end\}\}`), `an {{end}} without its {{if}}, {{range}} or {{with}}`},
}

// rewordTemplateError says what went wrong in a template in plainer words,
// keeping the part of the template it concerns.
func rewordTemplateError(msg string) string {
	for _, r := range parseRewords {
		if m := r.pattern.FindStringSubmatch(msg); m != nil {
			out := r.message
			for i, g := range m[1:] {
				out = strings.ReplaceAll(out, fmt.Sprintf("$%d", i+1), g)
			}
			return out
		}
	}
	if m := executingPattern.FindStringSubmatch(msg); m != nil {
		at, what := m[1], m[2]
		if f := fieldPattern.FindStringSubmatch(what); f != nil {
			return fmt.Sprintf("%s: there is no field %q in %s", at, f[1], strings.TrimLeft(f[2], "*"))
		}
		if strings.Contains(what, "map has no entry for key") {
			return fmt.Sprintf("%s: %s", at, what)
		}
		return fmt.Sprintf("in %s: %s", at, what)
	}
	return msg
}

// funcs are the template functions: wording helpers and the data tables.
func funcs(e *edition.Edition, m marker) template.FuncMap {
	return template.FuncMap{
		"words":   words,
		"ordinal": edition.OrdinalWord,
		"plural":  plural,
		"andList": edition.AndList,
		"years":   years,
		"names":   func(states []*edition.State) []string { return mapNames(states, (*edition.State).PrintedName) },
		"textNames": func(states []*edition.State) []string {
			return mapNames(states, (*edition.State).TextName)
		},
		"sentence": sentence,
		"sep":      sep,
		"table": func(name string, args ...string) (string, error) {
			return table(e, m, name, args)
		},
	}
}

// marker marks the values of a draft's tables with their sources; in a
// final (on false) it leaves them as they are.
type marker struct{ on bool }

// mark marks text as coming from src; a source with no file is none.
func (m marker) mark(src provenance.Source, text string) string {
	if !m.on || src.Pos.File == "" {
		return text
	}
	return provenance.Mark(src, text)
}

// table renders the data table called name with its settings. Every table
// takes "widths", relative column widths such as "18,62,20"; without it the
// writers size columns from their content.
func table(e *edition.Edition, m marker, name string, args []string) (string, error) {
	switch name {
	case "vote":
		o, err := parseOptions(name, args, "caption", "hidden_caption", "widths", "landscape", "in_favour", "abstained", "not_present")
		if err != nil {
			return "", err
		}
		return voteTable(e, m, o), nil
	case "participation":
		o, err := parseOptions(name, args, "caption", "hidden_caption", "widths", "landscape", "state", "tick", "not_known", "intersessional_label",
			"tick_means", "not_known_means")
		if err != nil {
			return "", err
		}
		if o["tick"] == "" {
			o["tick"] = "√"
		}
		if o["not_known"] == "" {
			o["not_known"] = "?"
		}
		// What the marks mean, in words, for readers who do not see them.
		if o["tick_means"] == "" {
			o["tick_means"] = "attended"
		}
		if o["not_known_means"] == "" {
			o["not_known_means"] = "attendance not known"
		}
		return participationTable(e, m, o), nil
	case "positions":
		o, err := parseOptions(name, args, "caption", "hidden_caption", "widths", "landscape", "state", "position", "participation",
			"no_information", "never_participated", "signatory_note")
		if err != nil {
			return "", err
		}
		return positionsTable(e, m, o), nil
	}
	return "", fmt.Errorf("there is no table %q: the tables are \"vote\", \"participation\" and \"positions\"", name)
}

func mapNames(states []*edition.State, name func(*edition.State) string) []string {
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = name(s)
	}
	return out
}

// sep is the separator before item i of n in an English list: "", ", "
// or " and ".
func sep(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	}
	return ", "
}

// years joins years as a list: "2008 and 2009".
func years(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return edition.AndList(s)
}

// count reads a number argument: an int, or a figure of the edition. A
// figure still to fill in reads as gap; one that is not known is an error,
// as no sentence may state it.
func count(v any) (n int, gap string, err error) {
	switch v := v.(type) {
	case int:
		return v, "", nil
	case edition.Figure:
		if !v.Known() {
			return 0, "", errors.New("the figure is \"not known\": word the sentence around it with {{if .Known}} … {{end}}")
		}
		if v.IsGap() {
			return 0, v.String(), nil
		}
		n, _ := v.Number()
		return n, "", nil
	}
	return 0, "", fmt.Errorf("%v is not a number", v)
}

// words spells a number (or a figure) in words: "two"; a figure still to
// fill in prints its placeholder.
func words(v any) (string, error) {
	n, gap, err := count(v)
	if err != nil || gap != "" {
		return gap, err
	}
	return edition.NumberWord(n), nil
}

// plural picks the singular or plural word for a number (or a figure; the
// plural for one still to fill in).
func plural(v any, one, many string) (string, error) {
	n, gap, err := count(v)
	if err != nil {
		return "", err
	}
	if n == 1 && gap == "" {
		return one, nil
	}
	return many, nil
}

// sentence capitalises the first letter, to start a sentence with a name
// such as "the Marshall Islands".
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
