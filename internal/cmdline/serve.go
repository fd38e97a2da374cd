package cmdline

import (
	"fmt"
	"io"
	"strings"
)

// DefaultAddr is where the preview listens: this machine only.
const DefaultAddr = "127.0.0.1:8080"

// Serve is what "unireport serve" is asked to do.
type Serve struct {
	Addr      string   // HOST:PORT to listen on
	Hosts     []string // other names the machine is reached by (-host)
	Templates string   // the templates' folder
	Editor    string   // the editor's URL template; "" copies positions
	Dir       string   // the edition's folder
}

// ParseServe parses the arguments of "unireport serve" as Parse does a
// command's: unireport checks them before it starts the preview program,
// and the preview program parses them again to run.
func ParseServe(args []string, stdout, stderr io.Writer) (s Serve, code int, ok bool) {
	fs := NewFlags("serve", "serve [-addr HOST:PORT] [-host NAME]... [-editor URL-TEMPLATE] [-templates DIR] [EDITION]",
		"Serves the draft report on EDITION, rebuilt and reloaded on every save, until Ctrl-C.\n"+
			"A click on a value, or on a problem's position, opens its file:line:col in the\n"+
			"-editor, or copies it to the clipboard.\n"+EditionHelp)
	fs.StringVar(&s.Addr, "addr", DefaultAddr, "listen on `HOST:PORT`")
	fs.Var((*hostNames)(&s.Hosts), "host", "answer also to `NAME` (or NAME:PORT), a name this machine is reached by; repeatable")
	fs.StringVar(&s.Templates, "templates", TemplatesDir, "read the templates from `DIR`")
	editor := EditorFlag(fs)
	if code, ok := Parse(fs, args, stdout, stderr); !ok {
		return s, code, false
	}
	s.Editor = editor.Template
	s.Dir, code, ok = EditionArg(fs, stderr)
	return s, code, ok
}

// hostNames is the value of the repeatable flag -host.
type hostNames []string

func (h *hostNames) String() string { return strings.Join(*h, ",") }

func (h *hostNames) Set(name string) error {
	if name == "" || strings.ContainsAny(name, "/ \t") {
		return fmt.Errorf("want a host name such as preview.example.org, or NAME:PORT, not %q", name)
	}
	*h = append(*h, name)
	return nil
}
