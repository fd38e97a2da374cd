package compose

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"

	"unireport/internal/edition"
	"unireport/internal/provenance"
)

// A draft shows where each value it prints comes from (see
// internal/provenance). Templates print values with actions such as
// {{$f.StatesParties}}, {{.Count}} or {{words (len $never)}}; in a draft,
// markSources rewrites each such action to hand the value it prints, and
// what that was read from, to a function that marks the text with its
// source:
//
//	{{$f.StatesParties}}  becomes  {{$f.StatesParties | unireportSource 7 $f}}
//
// where 7 says that the value is the field StatesParties of the value
// after it ($f). At run time the edition says where that field of that
// value was read (edition.Source), and the function returns the value's
// text, marked. A list of names ({{andList (textNames $never)}}) has each
// name marked with its own source.
//
// Only printed text is marked, once every function has done its work: no
// function and no condition ever sees a mark, so that the draft computes
// what the final computes, and its text without the marks is the final's,
// byte for byte. printf is the one function rewritten too, to mark each
// value it formats, where its text goes only to be printed or to be a
// table's caption (see printfFlow).

const (
	sourceFunc = "unireportSource"
	printfFunc = "unireportPrintf"
)

// operand is a value that a printing action reads from the edition: a
// member (field or method) of a receiver, or the receiver itself.
type operand struct {
	member string // "" for the receiver itself
	hint   string // for a variable: the field or method that set it, e.g. NeverParticipated
	count  bool   // the action prints how many the receiver holds (len)
	names  string // the receiver's States are printed by this method's names (names, textNames)
}

// sources is one run's marking: what each rewritten action reads, by the
// number the rewrite gave it.
type sources struct {
	e       *edition.Edition
	actions [][]operand  // by number: the operands of a printing action
	printfs []printfCall // by number: a printf's arguments and their operands
}

// printfCall is what a rewritten printf reads from the edition: for each
// of its arguments, the stretch [from, to) of ops that answer for it.
type printfCall struct {
	args [][2]int
	ops  []operand
}

// markSources rewrites every template of t for a draft, and gives it the
// functions that the rewritten actions call.
func markSources(t *template.Template, e *edition.Edition) {
	s := &sources{e: e}
	assigned := map[string]bool{}
	flow := newPrintfFlow()
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			findAssigned(tt.Tree.Root, assigned)
			flow.list(tt.Tree.Root)
		}
	}
	marked := flow.solve()
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		w := rewriter{s: s, assigned: assigned, printfs: marked}
		w.list(tt.Tree.Root, scope{vars: map[string]string{}})
	}
	t.Funcs(template.FuncMap{sourceFunc: s.mark, printfFunc: s.printf})
}

// scope is what the rewrite knows at a place of a template: for each
// variable, the field or method that set it; and where dot was read from,
// when it can be read again there (within a with over a field of a
// variable).
type scope struct {
	vars map[string]string
	dot  *dotOrigin
}

type dotOrigin struct {
	recv   parse.Node // a receiver that reads the same everywhere in the scope
	member string
}

func (sc scope) with(dot *dotOrigin) scope {
	vars := make(map[string]string, len(sc.vars))
	for k, v := range sc.vars {
		vars[k] = v
	}
	return scope{vars: vars, dot: dot}
}

type rewriter struct {
	s        *sources
	assigned map[string]bool             // variables set again with =, whose hint cannot be trusted
	printfs  map[*parse.CommandNode]bool // the printf calls whose text may be marked
}

// findAssigned notes the variables that some action sets again ({{$x = …}}).
func findAssigned(n parse.Node, into map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			findAssigned(c, into)
		}
	case *parse.ActionNode:
		if n.Pipe != nil && n.Pipe.IsAssign {
			for _, v := range n.Pipe.Decl {
				into[v.Ident[0]] = true
			}
		}
	case *parse.IfNode:
		findAssigned(n.List, into)
		findAssigned(n.ElseList, into)
	case *parse.WithNode:
		findAssigned(n.List, into)
		findAssigned(n.ElseList, into)
	case *parse.RangeNode:
		findAssigned(n.List, into)
		findAssigned(n.ElseList, into)
	}
}

func (w *rewriter) list(l *parse.ListNode, sc scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			w.rewritePrintfs(n.Pipe, sc)
			if len(n.Pipe.Decl) > 0 {
				w.declare(n.Pipe, sc)
				continue
			}
			w.printing(n.Pipe, sc)
		case *parse.IfNode:
			w.branches(&n.BranchNode, sc, false)
		case *parse.WithNode:
			w.branches(&n.BranchNode, sc, true)
		case *parse.RangeNode:
			inner := sc.with(nil)
			for _, v := range n.Pipe.Decl {
				inner.vars[v.Ident[0]] = "" // an index, or an element, which tells its own source
			}
			w.list(n.List, inner)
			w.list(n.ElseList, sc.with(sc.dot))
		}
	}
}

// branches rewrites an if's or a with's lists: within a with, dot is
// what its pipeline gave.
func (w *rewriter) branches(b *parse.BranchNode, sc scope, with bool) {
	inner := sc.with(sc.dot)
	if with {
		inner.dot = w.dotOrigin(b.Pipe)
	}
	w.declare(b.Pipe, inner)
	w.list(b.List, inner)
	w.list(b.ElseList, sc.with(sc.dot))
}

// declare notes, for the variables a pipeline sets, the field or method
// that set them.
func (w *rewriter) declare(p *parse.PipeNode, sc scope) {
	if p == nil {
		return
	}
	hint := ""
	if k := len(p.Cmds); k > 0 {
		if _, member, ok := split(p.Cmds[k-1].Args[0]); ok {
			hint = member
		}
	}
	for _, v := range p.Decl {
		name := v.Ident[0]
		if w.assigned[name] {
			sc.vars[name] = ""
			continue
		}
		sc.vars[name] = hint
	}
}

// dotOrigin is where dot comes from within {{with $x.Field}}: a field of a
// variable reads the same anywhere in the with, unless the variable is
// set again.
func (w *rewriter) dotOrigin(p *parse.PipeNode) *dotOrigin {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil
	}
	v, ok := p.Cmds[0].Args[0].(*parse.VariableNode)
	if !ok || len(v.Ident) < 2 || w.assigned[v.Ident[0]] {
		return nil
	}
	recv, member, _ := split(v)
	return &dotOrigin{recv: recv, member: member}
}

// wording are functions whose result is words of the template's chosen
// by the data, never a value of it; and functions whose arguments are
// conditions, positions or code, not what is printed.
var wording = map[string]bool{
	"sep": true, "plural": true, "table": true, stepFunc: true,
	"not": true, "and": true, "or": true, "eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"index": true, "slice": true, "call": true, "html": true, "js": true, "urlquery": true,
}

// namesBy are the functions that list States' names, and the method of a
// State that names it.
var namesBy = map[string]string{"names": "PrintedName", "textNames": "TextName"}

// printing rewrites a printing action's pipeline to mark what it prints,
// when it reads anything from the edition.
func (w *rewriter) printing(p *parse.PipeNode, sc scope) {
	if p == nil || len(p.Cmds) == 0 {
		return
	}
	last := p.Cmds[len(p.Cmds)-1]
	if id, ok := last.Args[0].(*parse.IdentifierNode); ok && (wording[id.Ident] || id.Ident == printfFunc) {
		return // a rewritten printf marks its own values
	}
	var ops []operand
	var recvs []parse.Node
	for _, c := range p.Cmds {
		w.operands(c, sc, operand{}, &ops, &recvs)
	}
	if len(ops) == 0 {
		return
	}
	n := len(w.s.actions)
	w.s.actions = append(w.s.actions, ops)
	args := []parse.Node{ident(sourceFunc, p.Pos), number(n, p.Pos)}
	p.Cmds = append(p.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: p.Pos, Args: append(args, recvs...)})
}

// operands finds what a command reads from the edition: each field or
// method it reads, with its receiver, and each variable or dot it prints.
// how carries what the functions around it do to them (len, names).
func (w *rewriter) operands(c *parse.CommandNode, sc scope, how operand, ops *[]operand, recvs *[]parse.Node) {
	args := c.Args
	if id, ok := args[0].(*parse.IdentifierNode); ok {
		if wording[id.Ident] {
			return
		}
		how.count = how.count || id.Ident == "len"
		if m, ok := namesBy[id.Ident]; ok {
			how.names = m
		}
		args = args[1:]
	}
	for _, a := range args {
		w.operand(a, sc, how, ops, recvs)
	}
}

// operand adds what a of a command reads from the edition.
func (w *rewriter) operand(a parse.Node, sc scope, how operand, ops *[]operand, recvs *[]parse.Node) {
	add := func(op operand, recv parse.Node) {
		op.count, op.names = how.count, how.names
		*ops = append(*ops, op)
		*recvs = append(*recvs, recv)
	}
	switch a := a.(type) {
	case *parse.PipeNode:
		for _, c := range a.Cmds {
			w.operands(c, sc, how, ops, recvs)
		}
		return
	case *parse.DotNode:
		add(operand{}, a.Copy())
		if d := sc.dot; d != nil && !how.count && how.names == "" {
			add(operand{member: d.member}, d.recv.Copy())
		}
		return
	case *parse.VariableNode:
		if len(a.Ident) == 1 {
			add(operand{hint: sc.vars[a.Ident[0]]}, a.Copy())
			return
		}
	}
	recv, member, ok := split(a)
	if !ok {
		return
	}
	if how.count || how.names != "" {
		// what is counted or named is the value of the member itself
		add(operand{hint: member}, a.Copy())
		return
	}
	add(operand{member: member}, recv)
}

// split cuts a field chain into its receiver and its last member:
// $f.Work.Letters into $f.Work and Letters, .Count into dot and Count.
func split(n parse.Node) (recv parse.Node, member string, ok bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		k := len(n.Ident)
		if k == 1 {
			return &parse.DotNode{NodeType: parse.NodeDot, Pos: n.Pos}, n.Ident[0], true
		}
		r := n.Copy().(*parse.FieldNode)
		r.Ident = r.Ident[:k-1]
		return r, n.Ident[k-1], true
	case *parse.VariableNode:
		k := len(n.Ident)
		if k < 2 {
			return nil, "", false
		}
		r := n.Copy().(*parse.VariableNode)
		r.Ident = r.Ident[:k-1]
		return r, n.Ident[k-1], true
	case *parse.ChainNode:
		k := len(n.Field)
		if k == 0 {
			return nil, "", false
		}
		if k == 1 {
			return n.Node.Copy(), n.Field[0], true
		}
		r := n.Copy().(*parse.ChainNode)
		r.Field = r.Field[:k-1]
		return r, n.Field[k-1], true
	}
	return nil, "", false
}

func ident(name string, pos parse.Pos) *parse.IdentifierNode {
	return parse.NewIdentifier(name).SetPos(pos)
}

func number(n int, pos parse.Pos) *parse.NumberNode {
	return &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(n), Text: fmt.Sprint(n)}
}

// rewritePrintfs rewrites, in a pipeline and the pipelines in its
// arguments, each call of printf whose text may be marked (see
// printfFlow) to mark the arguments it formats from the edition.
func (w *rewriter) rewritePrintfs(p *parse.PipeNode, sc scope) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if inner, ok := a.(*parse.PipeNode); ok {
				w.rewritePrintfs(inner, sc)
			}
		}
		if !w.printfs[c] {
			continue
		}
		var call printfCall
		var recvs []parse.Node
		for _, a := range c.Args[2:] {
			k := len(call.ops)
			w.operand(a, sc, operand{}, &call.ops, &recvs)
			call.args = append(call.args, [2]int{k, len(call.ops)})
		}
		n := len(w.s.printfs)
		w.s.printfs = append(w.s.printfs, call)
		id := c.Args[0]
		args := []parse.Node{ident(printfFunc, id.Position()), number(n, id.Position())}
		args = append(args, c.Args[1:]...)
		c.Args = append(args, recvs...)
	}
}

// mark is the function a rewritten printing action ends with: the value
// printed, marked with the source of the first operand the edition can
// answer for; a list of names, each name with its own. Any other value
// comes back as it was.
func (s *sources) mark(n int, args ...any) any {
	if n < 0 || n >= len(s.actions) || len(args) == 0 {
		return nil // never: the rewrite wrote n
	}
	value := args[len(args)-1]
	text, ok := printed(value)
	if !ok || text == "" || provenance.Has(text) {
		return value
	}
	ops, recvs := s.actions[n], args[:len(args)-1]
	for i, op := range ops {
		if op.names == "" || i >= len(recvs) {
			continue
		}
		if states, ok := recvs[i].([]*edition.State); ok {
			if marked, ok := s.markNames(text, states, op.names); ok {
				return marked
			}
		}
	}
	if src, ok := s.source(ops, recvs); ok {
		return provenance.Mark(src, text)
	}
	return value
}

// markNames marks, in text, the name of each State as method gives it,
// in order, with where it is written; ok is false when text does not hold
// them all in that order (a name capitalised to start a sentence is found
// too).
func (s *sources) markNames(text string, states []*edition.State, method string) (string, bool) {
	if len(states) == 0 {
		return "", false
	}
	var b strings.Builder
	rest := text
	for _, st := range states {
		src, ok := s.e.Source(st, method, "")
		if !ok {
			return "", false
		}
		name := mapNames([]*edition.State{st}, namesMethod(method))[0]
		i, n := strings.Index(rest, name), len(name)
		if i < 0 {
			i, n = strings.Index(rest, sentence(name)), len(sentence(name))
		}
		if i < 0 || name == "" {
			return "", false
		}
		b.WriteString(rest[:i])
		b.WriteString(provenance.Mark(src, rest[i:i+n]))
		rest = rest[i+n:]
	}
	b.WriteString(rest)
	return b.String(), true
}

func namesMethod(method string) func(*edition.State) string {
	if method == "TextName" {
		return (*edition.State).TextName
	}
	return (*edition.State).PrintedName
}

// source is the source of the first of ops the edition can answer for.
func (s *sources) source(ops []operand, recvs []any) (provenance.Source, bool) {
	for i, op := range ops {
		if i >= len(recvs) {
			break
		}
		if op.count {
			if src, ok := s.e.Source(recvs[i], "", op.hint); ok && src.From != "" {
				src.From = "count of " + src.From
				return src, true
			}
			continue
		}
		if src, ok := s.e.Source(recvs[i], op.member, op.hint); ok {
			return src, true
		}
	}
	return provenance.Source{}, false
}

// printf is printf with each argument read from the edition marked with
// its source: fmt.Sprintf's text, once the marks are taken out.
func (s *sources) printf(n int, format string, args ...any) string {
	if n < 0 || n >= len(s.printfs) {
		return fmt.Sprintf(format, args...) // never: the rewrite wrote n
	}
	call := s.printfs[n]
	if len(args) != len(call.args)+len(call.ops) {
		return fmt.Sprintf(format, args...) // never: the rewrite wrote them
	}
	values, recvs := args[:len(call.args)], args[len(call.args):]
	pieces, ok := verbs(format)
	if !ok || countVerbs(pieces) != len(values) {
		return fmt.Sprintf(format, values...)
	}
	var b strings.Builder
	i := 0
	for _, p := range pieces {
		if !p.verb {
			b.WriteString(p.text)
			continue
		}
		text := fmt.Sprintf(p.text, values[i])
		from, to := call.args[i][0], call.args[i][1]
		if src, ok := s.source(call.ops[from:to], recvs[from:to]); ok {
			text = provenance.Mark(src, text)
		}
		b.WriteString(text)
		i++
	}
	return b.String()
}

// piece is literal text of a format, "%%" already made "%", or one verb
// with its flags, width and precision, e.g. "%-5.2f".
type piece struct {
	text string
	verb bool
}

// verbs cuts a printf format into literal text and verbs; ok is false for
// a format whose verbs this cannot tell apart alone (argument indexes,
// widths from arguments, a % at the end).
func verbs(format string) (out []piece, ok bool) {
	var lit strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			lit.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return nil, false
		}
		if format[j] == '%' && j == i+1 {
			lit.WriteByte('%')
			i = j + 1
			continue
		}
		k := j + 1 // the verb is one character, which may take more bytes
		for k < len(format) && format[k]&0xC0 == 0x80 {
			k++
		}
		if lit.Len() > 0 {
			out = append(out, piece{text: lit.String()})
			lit.Reset()
		}
		out = append(out, piece{text: format[i:k], verb: true})
		i = k
	}
	if lit.Len() > 0 {
		out = append(out, piece{text: lit.String()})
	}
	return out, true
}

func countVerbs(ps []piece) int {
	n := 0
	for _, p := range ps {
		if p.verb {
			n++
		}
	}
	return n
}

// printed is the text text/template prints for v, and whether it is a
// value this can tell that of without the template: text, numbers, and
// values that print themselves (a Date, a Figure). Others (pointers,
// lists, values whose String needs their address) are left unmarked.
func printed(v any) (string, bool) {
	if v == nil {
		return "", false
	}
	switch v := v.(type) {
	case string:
		return v, true
	case error:
		return "", false
	case fmt.Stringer:
		if reflect.ValueOf(v).Kind() == reflect.Pointer {
			return "", false
		}
		return v.String(), true
	}
	t := reflect.TypeOf(v)
	if reflect.PointerTo(t).Implements(reflect.TypeFor[fmt.Stringer]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[error]()) {
		return "", false
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return fmt.Sprint(v), true
	}
	return "", false
}
