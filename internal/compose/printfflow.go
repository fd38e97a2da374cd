package compose

import "text/template/parse"

// printfFlow finds the calls of printf whose text a draft may mark: those
// whose text goes only where a mark can do no harm, to be printed, or to
// be the caption of a table, directly or through variables and other such
// printfs ({{$caption = printf "%d UNGA …" $v.Year}} … {{table "vote"
// "caption" $caption}}). Text that a condition tests, a function reads
// (len, eq, sentence) or a template is given is never marked: the draft
// must compute what the final computes.
type printfFlow struct {
	sites map[*parse.CommandNode]sink // each printf, and where its text goes
	uses  map[string][]sink           // each variable, and where each of its uses goes
}

// sink is where a value goes: printed, a table's caption, a variable, an
// argument of a printf, or anywhere else.
type sink struct {
	kind   sinkKind
	name   string             // the variable, for toVariable
	printf *parse.CommandNode // the printf, for toPrintf
}

type sinkKind int

const (
	elsewhere sinkKind = iota
	toPrint
	toCaption
	toVariable
	toPrintf
)

func newPrintfFlow() *printfFlow {
	return &printfFlow{sites: map[*parse.CommandNode]sink{}, uses: map[string][]sink{}}
}

// list notes the printfs and the uses of variables of a template's list.
func (f *printfFlow) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			to := sink{kind: toPrint}
			if len(n.Pipe.Decl) == 1 {
				to = sink{kind: toVariable, name: n.Pipe.Decl[0].Ident[0]}
			} else if len(n.Pipe.Decl) > 1 {
				to = sink{}
			}
			f.pipe(n.Pipe, to)
		case *parse.IfNode:
			f.branches(&n.BranchNode)
		case *parse.WithNode:
			f.branches(&n.BranchNode)
		case *parse.RangeNode:
			f.branches(&n.BranchNode)
		case *parse.TemplateNode:
			f.pipe(n.Pipe, sink{})
		}
	}
}

func (f *printfFlow) branches(b *parse.BranchNode) {
	f.pipe(b.Pipe, sink{}) // a condition, or what dot becomes
	f.list(b.List)
	f.list(b.ElseList)
}

// pipe notes a pipeline whose value goes to to: its last command's; every
// other command's goes into the next.
func (f *printfFlow) pipe(p *parse.PipeNode, to sink) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		if i < len(p.Cmds)-1 {
			f.command(c, sink{}, i == 0)
		} else {
			f.command(c, to, i == 0)
		}
	}
}

// command notes a command whose value goes to to.
func (f *printfFlow) command(c *parse.CommandNode, to sink, first bool) {
	id, _ := c.Args[0].(*parse.IdentifierNode)
	switch {
	case id != nil && id.Ident == "printf" && first && len(c.Args) >= 2:
		// only a printf that starts its pipeline: no value is piped into it
		f.sites[c] = to
		f.arg(c.Args[1], sink{})
		for _, a := range c.Args[2:] {
			f.arg(a, sink{kind: toPrintf, printf: c})
		}
	case id != nil && id.Ident == "table":
		// name, then settings in pairs: the value of caption and
		// hidden_caption is Markdown the table prints
		for j, a := range c.Args[1:] {
			to := sink{}
			if key, ok := c.Args[j].(*parse.StringNode); ok && j >= 2 && j%2 == 0 && (key.Text == "caption" || key.Text == "hidden_caption") {
				to = sink{kind: toCaption}
			}
			f.arg(a, to)
		}
	case id == nil && len(c.Args) == 1:
		f.arg(c.Args[0], to) // the value itself: {{$caption}}
	default:
		for _, a := range c.Args {
			f.arg(a, sink{})
		}
	}
}

// arg notes an argument whose value goes to to.
func (f *printfFlow) arg(a parse.Node, to sink) {
	switch a := a.(type) {
	case *parse.VariableNode:
		if len(a.Ident) == 1 {
			f.uses[a.Ident[0]] = append(f.uses[a.Ident[0]], to)
		} else {
			f.uses[a.Ident[0]] = append(f.uses[a.Ident[0]], sink{})
		}
	case *parse.PipeNode:
		f.pipe(a, to)
	case *parse.ChainNode:
		f.arg(a.Node, sink{})
	}
}

// solve returns the printfs whose text may be marked: every one whose
// text goes, by every way it can go, only to be printed or to a caption.
func (f *printfFlow) solve() map[*parse.CommandNode]bool {
	marked := map[*parse.CommandNode]bool{}
	for c := range f.sites {
		marked[c] = true
	}
	safeVar := map[string]bool{}
	for v := range f.uses {
		safeVar[v] = true
	}
	safe := func(s sink) bool {
		switch s.kind {
		case toPrint, toCaption:
			return true
		case toVariable:
			ok, known := safeVar[s.name]
			return ok || !known // a variable never used goes nowhere
		case toPrintf:
			return marked[s.printf]
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for v, uses := range f.uses {
			for _, u := range uses {
				if safeVar[v] && !safe(u) {
					safeVar[v], changed = false, true
				}
			}
		}
		for c, to := range f.sites {
			if marked[c] && !safe(to) {
				marked[c], changed = false, true
			}
		}
	}
	return marked
}
