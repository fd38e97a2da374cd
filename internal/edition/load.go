package edition

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"unireport/internal/diag"
	"unireport/internal/inputfile"
	"unireport/internal/tomlpos"
)

// The files of an edition and what each holds.
const (
	FactsFile    = "edition.toml"
	StatesFile   = "states.toml"
	VoteFile     = "vote.toml"
	MeetingsFile = "meetings.toml"
)

// MaxFileSize is the largest edition file the loader reads, in bytes. It
// is a variable only so that tests of scale may raise it (a states.toml of
// 3,500 States is about 3 MB); nothing else changes it.
var MaxFileSize int64 = 2 << 20

// MaxQuotation is the longest quotation accepted, in characters: about six
// pages of the table of positions (the longest of 2017 has 2,300).
const MaxQuotation = 20000

// Files lists an edition's files in the order they are read.
var Files = []string{FactsFile, StatesFile, VoteFile, MeetingsFile}

// statesDoc and meetingsDoc are the top level of their files.
type statesDoc struct {
	State []*State `toml:"state,required" doc:"One table per State not party."`
}

type meetingsDoc struct {
	Meeting []*Meeting `toml:"meeting,required" doc:"One table per meeting, in the order of the participation table."`
}

// Load reads and validates the edition in dir for a final report, and
// reconciles it with the previous edition beside it. It always returns
// every problem it found, each value still to be filled in as an error;
// the edition is usable only when the list has no errors.
func Load(dir string) (*Edition, diag.List) { return loadEdition(dir, false) }

// LoadDraft is Load for a draft: a value still to be filled in is not an
// error where the draft can show it as a placeholder (text, dates,
// figures, lists of keys); the editors' checklist lists them all.
func LoadDraft(dir string) (*Edition, diag.List) { return loadEdition(dir, true) }

func loadEdition(dir string, draft bool) (*Edition, diag.List) {
	e, diags, validated := load(dir)
	if e == nil {
		return nil, diags
	}
	if validated {
		e.loadPrevious(&diags)
		e.reconcile(&diags)
		e.readFonts(&diags)
	}
	// in the order check lists problems: by file, line and column
	slices.SortStableFunc(e.gaps, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	for _, g := range e.gaps {
		if !draft || !g.Draftable {
			msg := g.Message()
			if draft {
				msg += " (a draft cannot show this value as a placeholder)"
			}
			diags.Add(diag.Diagnostic{Pos: g.Pos, Severity: diag.Error, Message: msg})
		}
	}
	diags.Sort()
	return e, diags
}

// loadPrevious loads the edition before this one, on its own, for the
// facts that compare the two.
func (e *Edition) loadPrevious(diags *diag.List) {
	dir := e.PreviousDir()
	if dir == "" {
		return
	}
	prev, pdiags, _ := load(dir)
	if pdiags.HasErrors() || prev == nil || len(prev.gaps) > 0 {
		diags.Warnf(e.Pos(FactsFile, "states_parties", true), "cannot compare with the previous edition %s: it has errors (run unireport check %s)", dir, dir)
		return
	}
	e.Previous = prev
}

// load reads and validates one edition on its own. validated reports
// whether every file decoded, so that the checks across files ran.
func load(dir string) (*Edition, diag.List, bool) {
	var diags diag.List
	e := &Edition{Dir: dir, sources: map[string]*source{}}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		diags.Errorf(diag.Pos{File: dir}, "no edition folder here: %s", describeStatErr(err))
		return nil, diags, false
	}
	var facts Facts
	var states statesDoc
	var meetings meetingsDoc
	targets := map[string]any{FactsFile: &facts, StatesFile: &states, VoteFile: &e.Vote, MeetingsFile: &meetings}
	ok := true
	for _, name := range Files {
		src := e.read(dir, name, &diags)
		if src == nil {
			ok = false
			continue
		}
		d := decoder{src: src, diags: &diags, gaps: &e.gaps}
		d.table(src.raw, "", reflect.ValueOf(targets[name]).Elem())
	}
	e.Facts = facts
	e.States = states.State
	e.Meetings = meetings.Meeting
	for i, s := range e.States {
		if s != nil {
			s.Index = i
		}
	}
	for i, m := range e.Meetings {
		if m != nil {
			m.Index = i
		}
	}
	e.buildIndex()
	// A gap that cannot hold a placeholder leaves a zero behind (a number,
	// a key): the checks across files wait until it is filled in, so that
	// it gives one error, not others derived from the zero.
	validated := ok && !diags.HasErrors() && !slices.ContainsFunc(e.gaps, func(g Gap) bool { return !g.Draftable })
	if validated {
		e.validate(&diags)
	}
	diags.Sort()
	return e, diags, validated
}

// read loads one file of the edition; nil if it is missing or unreadable.
func (e *Edition) read(dir, name string, diags *diag.List) *source {
	path := filepath.Join(dir, name)
	// Only a regular file, and only up to the limit: a file this size is
	// not an edition file (2017's largest is 60 KB), and a device or a pipe
	// would never end.
	b, err := inputfile.Read(path, MaxFileSize)
	if err != nil {
		msg, help := inputfile.Problem(err, "an edition file")
		if errors.Is(err, fs.ErrNotExist) {
			msg, help = "file is missing", fmt.Sprintf("every edition needs %s (%s)", name, fileRole[name])
		}
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: path}, Severity: diag.Error, Message: msg, Help: help})
		return nil
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF")) // a byte-order mark from some editors is harmless
	// Windows line endings: the same data, with no \r left in multi-line text
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	if !utf8.Valid(b) {
		line, col := invalidUTF8At(b)
		diags.Errorf(diag.Pos{File: path, Line: line, Col: col},
			"the file is not valid UTF-8 text (save it as UTF-8 in your editor)")
		return nil
	}
	text := string(b)
	// Refuse deep nesting before parsing: the parser recurses once per
	// level (and slows down as it goes), and no edition nests more than
	// three deep.
	const maxNesting, editionNesting = 32, 3
	if p, deep := tomlpos.TooDeep(text, maxNesting); deep {
		diags.Errorf(diag.Pos{File: path, Line: p.Line, Col: p.Col},
			"lists or tables are nested more than %d deep here: an edition needs at most %d", maxNesting, editionNesting)
		return nil
	}
	src, ok := parseSource(path, text, diags)
	if !ok {
		return nil
	}
	e.sources[name] = src
	return src
}

var fileRole = map[string]string{
	FactsFile:    "the edition's facts",
	StatesFile:   "the States not party and their positions",
	VoteFile:     "the UNGA vote on the Convention's resolution",
	MeetingsFile: "the meetings and who attended them",
}

func describeStatErr(err error) string {
	switch {
	case err == nil:
		return "it is a file, not a folder"
	case errors.Is(err, fs.ErrNotExist):
		return "the folder does not exist"
	default:
		return err.Error()
	}
}

// invalidUTF8At returns the line and column of the first invalid byte.
func invalidUTF8At(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[n:]
	}
	return line, col
}

// Pos returns the position of a key (or, with value, its value) in one of
// the edition's files, for diagnostics raised after loading.
func (e *Edition) Pos(file, path string, value bool) diag.Pos {
	if src, ok := e.sources[file]; ok {
		return src.at(path, value)
	}
	return diag.Pos{File: filepath.Join(e.Dir, file)}
}

func statePath(i int) string   { return fmt.Sprintf("state[%d]", i) }
func meetingPath(i int) string { return fmt.Sprintf("meeting[%d]", i) }

// Text is a string value of the edition's files, with where it starts.
type Text struct {
	Pos     diag.Pos
	Text    string // as written, escapes and all
	File    string // the edition file's name, e.g. edition.toml
	Path    string // the key's path in it, e.g. "work.letters", "state[3].name"
	Literal bool   // written between single quotes, where \ is no escape
}

// Texts returns every string value of the edition's files in file order:
// everything an editor typed that may reach the report (not the paths of
// font files, which never do).
func (e *Edition) Texts() []Text { return e.textsOf(Files...) }

// textsOf is Texts of the named files only.
func (e *Edition) textsOf(names ...string) []Text {
	n := 0
	for _, name := range names {
		if src, ok := e.sources[name]; ok {
			n += len(src.ix.Strings())
		}
	}
	out := make([]Text, 0, n)
	for _, name := range names {
		src, ok := e.sources[name]
		if !ok {
			continue
		}
		for _, sp := range src.ix.Strings() {
			if name == FactsFile && (sp.Path == "fonts" || strings.HasPrefix(sp.Path, "fonts.")) {
				continue
			}
			out = append(out, Text{
				Pos:     diag.Pos{File: src.path, Line: sp.Pos.Line, Col: sp.Pos.Col},
				Text:    src.text[sp.Start:sp.End],
				File:    name,
				Path:    sp.Path,
				Literal: sp.Literal,
			})
		}
	}
	return out
}
