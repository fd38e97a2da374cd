package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"unireport/internal/cmdline"
	"unireport/internal/edition"
	"unireport/internal/newedition"
)

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func newEdition(args []string, stdout, stderr io.Writer) int {
	fs := cmdline.NewFlags("new", "new [-from EDITION] YEAR",
		"Starts the edition of YEAR, data/<YEAR>, as a copy of EDITION with every\n"+
			"value that changes each year left to fill in. It never overwrites an edition.\n"+
			"EDITION is a year (the folder data/<year>) or an edition folder;\n"+
			"by default the newest folder under data/ before YEAR.\n")
	from := fs.String("from", "", "start from the edition in `EDITION` (default: the newest under data/ before YEAR)")
	// Accept the flag before or after the year.
	if code, ok := cmdline.Parse(fs, args, stdout, stderr); !ok {
		return code
	}
	rest := fs.Args()
	if len(rest) > 1 {
		if code, ok := cmdline.Parse(fs, rest[1:], stdout, stderr); !ok {
			return code
		}
		rest = append(rest[:1], fs.Args()...)
	}
	if len(rest) != 1 {
		return cmdline.Misuse(fs, stderr, "give one YEAR, the new edition's")
	}
	year, err := strconv.Atoi(rest[0])
	if err != nil || year < edition.MinYear || year > edition.MaxYear {
		return cmdline.Misuse(fs, stderr, "%q is not a year", rest[0])
	}
	fromDir := *from
	if fromDir == "" {
		// Say first that the edition is there, before looking for one
		// to start it from (there may be none before it).
		if dir := filepath.Join(cmdline.DataRoot, strconv.Itoa(year)); exists(dir) {
			fmt.Fprintf(stderr, "unireport: %s already exists: unireport new never overwrites an edition (edit it, or give another year)\n", dir)
			return 1
		}
		fromDir, err = cmdline.NewestEditionBefore(cmdline.DataRoot, year)
	} else {
		fromDir, err = cmdline.EditionDir([]string{fromDir})
	}
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 2
	}
	dir := filepath.Join(filepath.Dir(filepath.Clean(fromDir)), strconv.Itoa(year))
	if _, err := os.Stat(dir); err == nil {
		fmt.Fprintf(stderr, "unireport: %s already exists: unireport new never overwrites an edition\n", dir)
		return 1
	}
	prev, diags := edition.Load(fromDir)
	if diags.HasErrors() {
		printDiagnostics(stderr, diags)
		fmt.Fprintf(stderr, "%s has errors: fix them before starting a new edition from it\n", fromDir)
		return 1
	}
	if err := newedition.Create(prev, dir, year); err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "created %s from %s\nfill in every TODO value, then run: unireport check %s\n", dir, fromDir, dir)
	return 0
}
