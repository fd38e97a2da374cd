package edition

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"unireport/internal/diag"
	"unireport/internal/lazyregexp"
	"unireport/internal/placeholder"
	"unireport/internal/tomlpos"
)

// source is one TOML file of an edition, parsed, with its positions.
type source struct {
	path string // as shown to editors, e.g. data/2017/states.toml
	text string
	raw  map[string]any
	ix   *tomlpos.Index
}

// at returns the position of the key (or, with value, the value) at path.
func (s *source) at(path string, value bool) diag.Pos {
	get := s.ix.Key
	if value {
		get = s.ix.Value
	}
	for p := path; ; {
		if pos, ok := get(p); ok {
			return diag.Pos{File: s.path, Line: pos.Line, Col: pos.Col}
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return diag.Pos{File: s.path, Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

// parseSource parses src as TOML; a syntax error becomes a diagnostic.
func parseSource(path, src string, diags *diag.List) (*source, bool) {
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := lineCol(src, pe.Position.Start, pe.Position.Line)
			msg, help := syntaxMessage(pe)
			if m, h, c, ok := unquotedDate(lineText(src, line)); ok {
				msg, help, col = m, h, c
			}
			diags.Add(diag.Diagnostic{
				Pos:      diag.Pos{File: path, Line: line, Col: col},
				Severity: diag.Error,
				Message:  msg,
				Help:     help,
			})
		} else {
			diags.Errorf(diag.Pos{File: path}, "cannot read the file as TOML: %v", err)
		}
		return nil, false
	}
	return &source{path: path, text: src, raw: raw, ix: tomlpos.Scan(src)}, true
}

// lineCol returns the line and column, in characters like every other
// position, of the byte offset start in src. The parser's own column counts
// bytes (wrong after a curly quote) and, at the start of a line, points past
// the end of the line before; its line is kept only if start is out of range.
func lineCol(src string, start, line int) (int, int) {
	if start < 0 || start > len(src) {
		return line, 0
	}
	// At the end of the file the parser's offset can fall inside the last
	// character (`"…` gives 3): count from where that character starts.
	for start > 0 && start < len(src) && !utf8.RuneStart(src[start]) {
		start--
	}
	before := src[:start]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[lineStart:]) + 1
}

// lineText returns line n (1-based) of src, "" if there is none.
func lineText(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	line, _, _ := strings.Cut(src, "\n")
	return line
}

// decoder fills Go values from a parsed source, strictly: every key must be
// known, every required key present, every value of the right type.
type decoder struct {
	src   *source
	diags *diag.List
	gaps  *[]Gap // values still to fill in
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[Date]()
	figureType      = reflect.TypeFor[Figure]()
	keyListType     = reflect.TypeFor[KeyList]()
	attendanceType  = reflect.TypeFor[Attendance]()
	voteBodyType    = reflect.TypeFor[VoteBody]()
	posType         = reflect.TypeFor[diag.Pos]()
)

// table decodes the TOML table m at path into the struct rv.
func (d *decoder) table(m map[string]any, path string, rv reflect.Value) {
	t := rv.Type()
	known := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == posType && f.Name == "At" {
			rv.Field(i).Set(reflect.ValueOf(d.src.at(path, false)))
			continue
		}
		name, required, ok := fieldKey(f)
		if !ok {
			continue
		}
		known[name] = true
		v, present := m[name]
		if !present {
			if required {
				d.diags.Errorf(d.src.at(path, false), "missing required key %q%s", name, d.context(join(path, name)))
			}
			continue
		}
		d.value(v, join(path, name), rv.Field(i))
	}
	var unknown []string
	for k := range m {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	// report in file order
	slices.SortFunc(unknown, func(a, b string) int {
		pa, pb := d.src.at(join(path, a), false), d.src.at(join(path, b), false)
		if pa.Line != pb.Line {
			return pa.Line - pb.Line
		}
		return pa.Col - pb.Col
	})
	for _, k := range unknown {
		msg := fmt.Sprintf("unknown key %q%s", k, d.context(join(path, k)))
		if s := suggest(k, mapKeys(known)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.diags.Errorf(d.src.at(join(path, k), false), "%s", msg)
	}
}

// value decodes one TOML value into rv.
func (d *decoder) value(v any, path string, rv reflect.Value) {
	if s, ok := v.(string); ok && IsBlank(s) {
		what := blankHint(s)
		*d.gaps = append(*d.gaps, Gap{Pos: d.src.at(path, true), Key: d.keyName(path), What: what, Draftable: setGap(rv, what, path)})
		return
	}
	t := rv.Type()
	switch t {
	case dateType:
		tm, ok := v.(time.Time)
		if !ok {
			d.wrongDate(v, path)
			return
		}
		rv.Set(reflect.ValueOf(Date{Year: tm.Year(), Month: tm.Month(), Day: tm.Day()}))
		return
	case figureType:
		switch v := v.(type) {
		case int64:
			rv.Set(reflect.ValueOf(Figure{n: int(v), key: path}))
		case string:
			if !isNotKnown(v) {
				d.wrongType(v, path, `a whole number, or "not known"`)
				return
			}
			rv.Set(reflect.ValueOf(Figure{notKnown: true, key: path}))
		default:
			d.wrongType(v, path, `a whole number, or "not known"`)
		}
		return
	case keyListType:
		if d.blankItem(v, path, rv) {
			return
		}
		if keys, ok := d.keys(v, path, false); ok {
			rv.Set(reflect.ValueOf(KeyList{Keys: keys}))
		}
		return
	case attendanceType:
		if s, ok := v.(string); ok && isNotKnown(s) {
			rv.Set(reflect.ValueOf(Attendance{notKnown: true}))
			return
		}
		if d.blankItem(v, path, rv) {
			return
		}
		if keys, ok := d.keys(v, path, true); ok {
			rv.Set(reflect.ValueOf(Attendance{Keys: keys}))
		}
		return
	case voteBodyType:
		s, ok := v.(string)
		if !ok {
			d.wrongType(v, path, "text in quotes")
			return
		}
		b, err := parseVoteBody(s)
		if err != nil {
			d.diags.Errorf(d.src.at(path, true), "%s: %v", d.keyName(path), err)
			return
		}
		rv.Set(reflect.ValueOf(b))
		return
	}
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		s, ok := v.(string)
		if !ok {
			d.wrongType(v, path, "text in quotes")
			return
		}
		if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.diags.Errorf(d.src.at(path, true), "%s: %v", d.keyName(path), err)
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := v.(string); ok {
			rv.SetString(s)
		} else {
			d.wrongType(v, path, "text in quotes")
		}
	case reflect.Int:
		if n, ok := v.(int64); ok {
			rv.SetInt(n)
		} else {
			d.wrongType(v, path, "a whole number")
		}
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			rv.SetBool(b)
		} else {
			d.wrongType(v, path, "true or false")
		}
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(v, path, p.Elem())
		rv.Set(p)
	case reflect.Struct:
		if m, ok := v.(map[string]any); ok {
			d.table(m, path, rv)
		} else {
			d.wrongType(v, path, "a table")
		}
	case reflect.Slice:
		items, ok := asList(v)
		if !ok {
			d.wrongType(v, path, "a list in square brackets")
			return
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			d.value(item, path+"["+strconv.Itoa(i)+"]", s.Index(i))
		}
		rv.Set(s)
	default:
		panic("edition: no decoding for " + t.String()) // a programming error in the model
	}
}

// keys reads a list of State keys as written: whether each names a State
// is checked after loading, where a name or a typo can be answered with
// the key it meant.
func (d *decoder) keys(v any, path string, notKnownAllowed bool) ([]Key, bool) {
	want := "a list of State keys in square brackets"
	if notKnownAllowed {
		want += `, or "not known"`
	}
	items, ok := asList(v)
	if !ok {
		d.wrongType(v, path, want)
		return nil, false
	}
	keys := make([]Key, 0, len(items))
	for i, item := range items {
		s, ok := item.(string)
		if !ok {
			d.wrongType(item, path+"["+strconv.Itoa(i)+"]", "a State key in quotes")
			return nil, false
		}
		keys = append(keys, Key(s))
	}
	return keys, true
}

// blankItem records a list of keys holding a TODO item, as unireport new
// writes it (in_favour = ["TODO: …"]), as one gap for the whole list.
func (d *decoder) blankItem(v any, path string, rv reflect.Value) bool {
	items, _ := asList(v)
	for i, item := range items {
		if s, ok := item.(string); ok && IsBlank(s) {
			what := blankHint(s)
			*d.gaps = append(*d.gaps, Gap{Pos: d.src.at(path+"["+strconv.Itoa(i)+"]", true), Key: d.keyName(path), What: what, Draftable: setGap(rv, what, path)})
			return true
		}
	}
	return false
}

func isNotKnown(s string) bool { return strings.EqualFold(strings.TrimSpace(s), NotKnown) }

// setGap puts a gap's placeholder into rv and reports whether the value's
// type can show one in a draft (text, dates, figures, lists of keys, the
// voting body); numbers, keys and the like cannot.
func setGap(rv reflect.Value, what, path string) bool {
	switch rv.Type() {
	case dateType:
		rv.Set(reflect.ValueOf(Date{gap: what}))
	case figureType:
		rv.Set(reflect.ValueOf(Figure{gap: what, key: path}))
	case keyListType:
		rv.Set(reflect.ValueOf(KeyList{gap: what}))
	case attendanceType:
		rv.Set(reflect.ValueOf(Attendance{gap: what}))
	case voteBodyType:
		rv.Set(reflect.ValueOf(VoteBody(placeholder.Mark(what))))
	default:
		if rv.Kind() != reflect.String || reflect.PointerTo(rv.Type()).Implements(textUnmarshaler) {
			return false
		}
		rv.SetString(placeholder.Mark(what))
	}
	return true
}

// BlankMarker starts a value that unireport new left for the editors to
// fill in, e.g. "TODO: the date of presentation, e.g. 2018-11-30". Any
// value that starts with it is an error until it is replaced.
const BlankMarker = "TODO"

// IsBlank reports whether s is a value still to be filled in.
func IsBlank(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), BlankMarker) }

func blankHint(s string) string {
	hint := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), BlankMarker))
	hint = strings.TrimSpace(strings.TrimPrefix(hint, ":"))
	if hint == "" {
		return "replace the " + BlankMarker + " marker"
	}
	return hint
}

func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []map[string]any:
		items := make([]any, len(l))
		for i, m := range l {
			items[i] = m
		}
		return items, true
	}
	return nil, false
}

func (d *decoder) wrongType(v any, path, want string) {
	d.diags.Errorf(d.src.at(path, true), "%s must be %s, not %s", d.keyName(path), want, describe(v))
}

// keyName names the key at path for a message: `key "year" in state "Armenia"`.
func (d *decoder) keyName(path string) string {
	name := path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		name = path[i+1:]
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		n, _ := strconv.Atoi(strings.TrimSuffix(name[i+1:], "]"))
		return fmt.Sprintf("item %d of %q%s", n+1, name[:i], d.context(path))
	}
	return fmt.Sprintf("key %q%s", name, d.context(path))
}

// context describes the element of an array of tables that path lies in,
// e.g. ` in quotation 2 of state "Armenia"`; empty at the top level.
func (d *decoder) context(path string) string {
	parts := strings.Split(path, ".")
	var out []string
	var cur any = d.src.raw
	for i, p := range parts {
		name, idx, indexed := splitIndex(p)
		m, _ := cur.(map[string]any)
		cur = m[name]
		if !indexed {
			continue
		}
		list, _ := asList(cur)
		if idx >= len(list) {
			break
		}
		cur = list[idx]
		if i == len(parts)-1 {
			break // the key itself is the list: no element to describe
		}
		out = append(out, describeElement(name, idx, cur))
	}
	if len(out) == 0 {
		return ""
	}
	slices.Reverse(out)
	return " in " + strings.Join(out, " of ")
}

func describeElement(name string, idx int, v any) string {
	fields := []string{"name", "key", "label"}
	if name == "meeting" {
		fields = []string{"key", "label"} // unique, where names repeat ("intersessional meetings")
	}
	if m, ok := v.(map[string]any); ok {
		for _, k := range fields {
			if s, ok := m[k].(string); ok && s != "" && !IsBlank(s) {
				return fmt.Sprintf("%s %q", name, s)
			}
		}
	}
	return fmt.Sprintf("%s %d", name, idx+1)
}

func splitIndex(p string) (name string, idx int, ok bool) {
	i := strings.IndexByte(p, '[')
	if i < 0 {
		return p, 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(p[i+1:], "]"))
	return p[:i], n, err == nil
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "a list of tables"
	case []any:
		return "a list"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// fieldKey reads a field's toml tag: its key and whether it is required.
func fieldKey(f reflect.StructField) (name string, required, ok bool) {
	tag, ok := f.Tag.Lookup("toml")
	if !ok || tag == "-" {
		return "", false, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	return name, opts == "required", true
}

func mapKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// suggest returns the known key closest to k, if it is close enough to be a
// plausible typo.
func suggest(k string, known []string) string {
	best, bestDist := "", 0
	for _, c := range known {
		dist := levenshtein(strings.ToLower(k), c)
		if best == "" || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if best == "" || bestDist > max(2, len(k)/3) {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// syntaxMessage rewords a TOML parse error for an editor: what is wrong,
// and apart from it what to do, in place of the parser's technical wording.
// An error with no rewording keeps the parser's words, with the parser's
// own usage help cut to its first paragraph.
func syntaxMessage(pe toml.ParseError) (message, help string) {
	for _, r := range syntaxRewords {
		if m := r.pattern.FindStringSubmatch(pe.Message); m != nil {
			message, help = r.message, r.help
			for i, g := range m[1:] {
				ref := fmt.Sprintf("$%d", i+1)
				message = strings.ReplaceAll(message, ref, g)
				help = strings.ReplaceAll(help, ref, g)
			}
			return message, help
		}
	}
	usage, _, _ := strings.Cut(strings.TrimSpace(pe.Usage), "\n\n")
	return "this is not valid TOML: " + pe.Message, strings.Join(strings.Fields(usage), " ")
}

var syntaxRewords = []struct {
	pattern       *lazyregexp.Regexp
	message, help string
}{
	{lazyregexp.New(`^strings cannot contain newlines`),
		`a text value is not closed`,
		`add the closing quote (") before the end of the line, or use ''' around text of several lines`},
	{lazyregexp.New(`^expected '\.' or '\]' to end table name`),
		`a table header is not closed`,
		`end it with ] (or ]] for [[...]])`},
	{lazyregexp.New(`^expected '\.' or '=', but got '(.*)' instead`),
		`a key must be followed by = and its value`,
		`add the = (found '$1')`},
	{lazyregexp.New(`^unexpected comma`),
		`a comma with no value before it`,
		`remove the extra comma`},
	{lazyregexp.New(`^expected a comma \(','\) or array terminator \('\]'\), but got '(.*)'`),
		`'$1' after an item of a list`,
		`separate the items with commas and close the list with ]`},
	{lazyregexp.New(`^expected a top-level item to end with a newline, comment, or EOF, but got '(.*)' instead`),
		`unexpected '$1' after the value`,
		`put each key = value on a line of its own, with nothing after the value but a # comment`},
	{lazyregexp.New(`^Key '(.*)' has already been defined`),
		`'$1' is given twice`,
		`keep one`},
	{lazyregexp.New(`^unexpected EOF; expected "'''"`),
		`a text value started with ''' is not closed`,
		`end it with '''`},
	{lazyregexp.New(`^unexpected EOF; expected '"""'`),
		`a text value started with """ is not closed`,
		`end it with """`},
	{lazyregexp.New(`^expected a comma or an inline table terminator '\}'`),
		`a table in braces { ... } is not closed`,
		`end it with } on the same line`},
	{lazyregexp.New(`^expected value but found ["'](.*)["'] instead`),
		`"$1" is not a value`,
		`text needs quotes ("..."), numbers and dates none, and true and false are lower case`},
	{lazyregexp.New(`^invalid datetime: "(.*)"`),
		`"$1" is not a date`,
		`write dates like 2017-12-08`},
	{lazyregexp.New(`^unexpected '=': key name appears blank`),
		`a value has no key`,
		`write key = value`},
	{lazyregexp.New(`^invalid escape in string '(.*)'`),
		`$1 is not allowed in text between double quotes`,
		`write \\ for a backslash, or put the text between single quotes`},
	{lazyregexp.New(`^(\S+) is out of range for int`),
		`$1 is too large a number`,
		`check the digits`},
}
