// Package cmdline is what unireport's two programs share on the command
// line: a command's flags and usage, the EDITION argument, the -editor
// flag, and the preview's flags, which unireport checks itself before it
// starts the preview program (cmd/unireport-serve).
//
// As go's own commands do, a command prints its usage on stdout for -h
// and exits 0; a misused command prints what is wrong and its usage on
// stderr and exits 2.
package cmdline

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"unireport/internal/edition"
	"unireport/internal/htmlout"
)

// TemplatesDir is where the report's templates live, and DataRoot where
// editions live, relative to the working directory.
const (
	TemplatesDir = "templates"
	DataRoot     = "data"
)

// EditionHelp ends the usage of each command that takes an EDITION.
const EditionHelp = "EDITION is a year (the folder data/<year>) or an edition folder;\nby default the newest folder under data/.\n"

// NewFlags returns the flag set of a command whose usage line is
// "usage: unireport " and synopsis, followed by about and the flags.
func NewFlags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: unireport %s\n", synopsis)
		fmt.Fprint(w, about)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses a command's flags. With -h it prints the command's usage
// on stdout and says to exit 0; with a flag it does not know, it prints
// what is wrong and the usage on stderr and says to exit 2. ok is false
// when the command is to end there, with code.
func Parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	var msg bytes.Buffer
	fs.SetOutput(&msg)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(stderr)
		return 0, false
	}
	_, _ = stderr.Write(msg.Bytes())
	return 2, false
}

// Misuse says on stderr what is wrong with a command's arguments, then its
// usage, and returns 2, the exit code of a misused command.
func Misuse(fs *flag.FlagSet, stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "unireport: "+format+"\n", args...)
	fs.SetOutput(stderr)
	fs.Usage()
	return 2
}

// EditionArg resolves a command's EDITION argument, if any. More than one
// is misuse: it prints the usage and says to exit 2; so does an error in
// finding the newest edition. ok is false when the command is to end.
func EditionArg(fs *flag.FlagSet, stderr io.Writer) (dir string, code int, ok bool) {
	if fs.NArg() > 1 {
		return "", Misuse(fs, stderr, "give one edition at most, e.g. 2017 or data/2017"), false
	}
	dir, err := EditionDir(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return "", 2, false
	}
	return dir, 0, true
}

// EditionDir resolves the EDITION argument to a folder: a year names
// data/<year> unless a folder of that name is here; none names the newest
// edition under data/.
func EditionDir(args []string) (string, error) {
	switch len(args) {
	case 0:
		return NewestEdition(DataRoot)
	case 1:
		if _, err := strconv.Atoi(args[0]); err == nil {
			if _, err := os.Stat(args[0]); err != nil { // a year, not a folder of that name
				return filepath.Join(DataRoot, args[0]), nil
			}
		}
		return filepath.Clean(args[0]), nil
	}
	return "", errors.New("give one edition at most, e.g. 2017 or data/2017")
}

// NewestEdition returns the folder under root with the highest year.
func NewestEdition(root string) (string, error) { return NewestEditionBefore(root, 0) }

// NewestEditionBefore returns the folder under root with the highest year
// below limit (0: any).
func NewestEditionBefore(root string, limit int) (string, error) {
	f, err := edition.Newest(root, limit)
	return f.Dir, err
}

// EditorTemplate is the value of the flag -editor: a URL template that
// opens a file:line:col in an editor, checked as it is set.
type EditorTemplate struct{ Template string }

func (e *EditorTemplate) String() string { return e.Template }

// Set checks the template (htmlout.CheckEditor) and keeps it.
func (e *EditorTemplate) Set(tmpl string) error {
	if err := htmlout.CheckEditor(tmpl); err != nil {
		return err
	}
	e.Template = tmpl
	return nil
}

// EditorFlag adds -editor to fs.
func EditorFlag(fs *flag.FlagSet) *EditorTemplate {
	e := &EditorTemplate{}
	fs.Var(e, "editor", "a click on a value's source opens it with `URL-TEMPLATE`, e.g. vscode://file/{path}:{line}:{col}\n({path} absolute, {line}, {col}); without it, a click copies file:line:col")
	return e
}
