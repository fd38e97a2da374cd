package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"unireport/internal/cmdline"
)

// previewProgram is the program that serves the live preview
// (cmd/unireport-serve). It is apart from unireport so that a build, a
// check or a diff does not load a web server: unireport starts faster, in
// less memory, and without the C library that Go's network code links.
const previewProgram = "unireport-serve"

// serve checks the preview's arguments here, so that help and misuse read
// as every command's do, then runs the preview program with them.
func serve(args []string, stdout, stderr io.Writer) int {
	if _, code, ok := cmdline.ParseServe(args, stdout, stderr); !ok {
		return code
	}
	exe, _ := os.Executable()
	wd, _ := os.Getwd()
	path, src, err := findPreview(exe, wd, exec.LookPath)
	if err != nil {
		fmt.Fprintf(stderr, "unireport: %v\n", err)
		return 1
	}
	if src != "" {
		// Built here rather than run by go run, which would end with
		// "exit status 1" after every Ctrl-C.
		dir, err := os.MkdirTemp("", previewProgram)
		if err != nil {
			fmt.Fprintf(stderr, "unireport: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)
		bin := filepath.Join(dir, previewProgram+filepath.Ext(exe))
		build := exec.Command(path, "build", "-o", bin, src)
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			fmt.Fprintf(stderr, "unireport: cannot build the preview (go build %s): %v\n", src, err)
			return 1
		}
		path = bin
	}
	return runPreview(path, args, stdout, stderr)
}

// runPreview runs the preview program and waits for it to end, with its
// exit code. Ctrl-C in a terminal signals both programs; an interrupt or
// a termination sent to unireport alone is passed on. Either way the
// preview stops cleanly, and a second interrupt changes nothing.
func runPreview(path string, args []string, stdout, stderr io.Writer) int {
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "unireport: cannot start the preview: %v\n", err)
		return 1
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-signals:
				cmd.Process.Signal(sig) // not possible on Windows, where the console signals both
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		return exit.ExitCode()
	}
	fmt.Fprintf(stderr, "unireport: the preview: %v\n", err)
	return 1
}

// findPreview finds the preview program: beside this one (go install
// ./cmd/... and go build -o DIR/ ./cmd/... put the two in one folder),
// then on PATH; else, in the project's folder (where the README's
// "go run ./cmd/unireport serve" is typed), it returns the go tool and
// the package to build it from, src.
func findPreview(exe, wd string, lookPath func(string) (string, error)) (path, src string, err error) {
	if exe != "" {
		beside := filepath.Join(filepath.Dir(exe), previewProgram+filepath.Ext(exe)) // .exe on Windows
		if fi, err := os.Stat(beside); err == nil && fi.Mode().IsRegular() {
			return beside, "", nil
		}
	}
	if p, err := lookPath(previewProgram); err == nil {
		return p, "", nil
	}
	pkg := filepath.Join("cmd", previewProgram)
	if fi, err := os.Stat(filepath.Join(wd, pkg)); err == nil && fi.IsDir() {
		if goTool, err := lookPath("go"); err == nil {
			return goTool, "./" + filepath.ToSlash(pkg), nil
		}
	}
	return "", "", errors.New("the preview is the program " + previewProgram + ", which is neither beside unireport nor on PATH: " +
		"install both with go install ./cmd/..., or run unireport serve from the project's folder, where it is built from its source")
}
