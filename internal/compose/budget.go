package compose

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"text/template"
	"text/template/parse"
	"time"

	"unireport/internal/diag"
)

// A template is a program, and a slip can make it run for ever or write
// without end. These bound the work of one report; the real one repeats
// at most a few dozen times and writes about 60 KB.
const (
	// maxRepeats is how many times nested {{range}}s over numbers written
	// in the template may repeat their content, all told.
	maxRepeats = 100_000
	// maxOutput is the most Markdown the templates may write.
	maxOutput = 16 << 20
	// maxTime is how long executing the templates may take.
	maxTime = 10 * time.Second
	// maxSteps is how many times the templates may repeat a {{range}}'s
	// content or start a template while they run, all told (2017 takes a
	// few dozen; an edition of 3,500 States a few thousand).
	maxSteps = maxRepeats
)

// checkRepeats finds a {{range}} over a number (or a variable set to one)
// that, nested in others, would repeat more than maxRepeats times, and
// reports it at its place, before anything runs.
func checkRepeats(t *template.Template, dir string) *diag.Diagnostic {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		vars := map[string]int64{}
		if d := walkRepeats(tt.Tree, tt.Tree.Root, 1, vars, dir); d != nil {
			return d
		}
	}
	return nil
}

func walkRepeats(tree *parse.Tree, n parse.Node, times int64, vars map[string]int64, dir string) *diag.Diagnostic {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if d := walkRepeats(tree, c, times, vars, dir); d != nil {
				return d
			}
		}
	case *parse.ActionNode:
		noteVariables(n.Pipe, vars)
	case *parse.IfNode:
		return walkBranches(tree, n.List, n.ElseList, times, vars, dir)
	case *parse.WithNode:
		return walkBranches(tree, n.List, n.ElseList, times, vars, dir)
	case *parse.RangeNode:
		noteVariables(n.Pipe, vars)
		count := rangeCount(n.Pipe, vars)
		if count > 0 && times > maxRepeats/count {
			location, _ := tree.ErrorContext(n)
			d := templateDiag(fmt.Errorf("template: %s: %s", location, fmt.Sprintf("this {{range}} repeats its content %d times (with the ranges around it): at most %d are allowed, so the report cannot run for ever", times*count, maxRepeats)), dir)
			if times*count < 0 || count > maxRepeats { // overflowed, or alone too many
				d = templateDiag(fmt.Errorf("template: %s: %s", location, fmt.Sprintf("this {{range}} repeats its content %d times: at most %d are allowed, so the report cannot run for ever", count, maxRepeats)), dir)
			}
			return &d
		}
		return walkBranches(tree, n.List, n.ElseList, times*max(count, 1), vars, dir)
	}
	return nil
}

func walkBranches(tree *parse.Tree, a, b *parse.ListNode, times int64, vars map[string]int64, dir string) *diag.Diagnostic {
	if d := walkRepeats(tree, a, times, vars, dir); d != nil {
		return d
	}
	return walkRepeats(tree, b, times, vars, dir)
}

// noteVariables remembers variables set to a number: {{$n := 1000}}.
func noteVariables(p *parse.PipeNode, vars map[string]int64) {
	if p == nil || len(p.Decl) == 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return
	}
	if num, ok := p.Cmds[0].Args[0].(*parse.NumberNode); ok && num.IsInt {
		for _, v := range p.Decl {
			vars[v.Ident[0]] = num.Int64
		}
	}
}

// rangeCount is how many times a {{range}} over a number repeats: the
// number, written or in a variable; 0 when it ranges over data, whose
// size the data's own limits bound.
func rangeCount(p *parse.PipeNode, vars map[string]int64) int64 {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.NumberNode:
		if a.IsInt && a.Int64 > 0 {
			return a.Int64
		}
		if a.IsFloat && a.Float64 > 0 { // 1e11 is a float to the parser
			return int64(min(a.Float64, 1<<62))
		}
	case *parse.VariableNode:
		if len(a.Ident) == 1 {
			return vars[a.Ident[0]]
		}
	}
	return 0
}

// limitedWriter fails once more than max bytes are written, which stops
// the template where it is.
type limitedWriter struct {
	buf []byte
	max int
}

var errTooMuch = errors.New("too much output")

func (w *limitedWriter) Write(p []byte) (int, error) {
	if len(w.buf)+len(p) > w.max {
		return 0, errTooMuch
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// A template can only run long by repeating ({{range}}) or by calling
// templates ({{template}}, which may recurse). instrument puts a call of
// stepFunc at the start of every {{range}}'s content and of every template,
// and the run's step function counts them and watches the clock: once the
// run passes its steps or its time, the step fails and the run stops there,
// at that place. No run is left behind.
const stepFunc = "unireportStep"

var (
	errTooManySteps = errors.New("too many steps")
	errTooLong      = errors.New("too long")
)

// run is one execution of the templates, with its budget.
type run struct {
	steps    int
	deadline time.Time
}

func (r *run) step() (string, error) {
	r.steps++
	if r.steps > maxSteps {
		return "", errTooManySteps
	}
	if time.Now().After(r.deadline) {
		return "", errTooLong
	}
	return "", nil
}

// instrument adds the step calls to every template of t.
func instrument(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		instrumentList(tt.Tree.Root)
		tt.Tree.Root.Nodes = append([]parse.Node{stepAction(tt.Tree.Root.Position())}, tt.Tree.Root.Nodes...)
	}
}

func instrumentList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.IfNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.WithNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.RangeNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
			if n.List != nil {
				n.List.Nodes = append([]parse.Node{stepAction(n.Position())}, n.List.Nodes...)
			}
		}
	}
}

// stepAction is {{unireportStep}} at pos, which prints nothing.
func stepAction(pos parse.Pos) *parse.ActionNode {
	id := parse.NewIdentifier(stepFunc).SetPos(pos)
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{cmd}}}
}

// execute runs the main template within the budget: its output, its steps
// and its time are bounded.
func execute(t *template.Template, data any, dir string) ([]byte, *diag.Diagnostic) {
	instrument(t)
	r := &run{deadline: time.Now().Add(maxTime)}
	t.Funcs(template.FuncMap{stepFunc: r.step})
	w := &limitedWriter{max: maxOutput}
	err := t.ExecuteTemplate(w, Main, data)
	var d diag.Diagnostic
	switch {
	case err == nil:
		return w.buf, nil
	case errors.Is(err, errTooMuch):
		d = diag.Diagnostic{Pos: diag.Pos{File: filepath.Join(dir, Main)}, Severity: diag.Error,
			Message: "the templates write more than " + strconv.Itoa(maxOutput>>20) + " MB", Help: "is a {{range}} repeating more than it should?"}
	case errors.Is(err, errTooManySteps):
		d = templateDiag(err, dir)
		d.Message = fmt.Sprintf("the templates repeat a {{range}} or start a {{template}} more than %d times, all told; this is where they stopped", maxSteps)
		d.Help = "is a {{range}} repeating more than it should, or a template calling itself?"
	case errors.Is(err, errTooLong):
		d = templateDiag(err, dir)
		d.Message = fmt.Sprintf("the templates did not finish in %v; this is where they stopped", maxTime)
		d.Help = "is a {{range}} repeating more than it should?"
	default:
		d = templateDiag(err, dir)
	}
	return nil, &d
}
