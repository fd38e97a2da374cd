package main

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestFindPreview: the preview program is found beside unireport, then on
// PATH, then, in the project's folder, built by go run; else the message
// says how to get it.
func TestFindPreview(t *testing.T) {
	exeDir, project, elsewhere := t.TempDir(), t.TempDir(), t.TempDir()
	exe := filepath.Join(exeDir, "unireport")
	os.MkdirAll(filepath.Join(project, "cmd", "unireport-serve"), 0o755)
	noPath := func(string) (string, error) { return "", exec.ErrNotFound }
	onPath := func(name string) (string, error) { return "/opt/bin/" + name, nil }

	if p, src, err := findPreview(exe, project, onPath); err != nil || p != "/opt/bin/unireport-serve" || src != "" {
		t.Errorf("on PATH: %q %q %v", p, src, err)
	}
	if p, src, err := findPreview(exe, project, func(name string) (string, error) {
		if name == "go" {
			return "/usr/local/go/bin/go", nil
		}
		return "", exec.ErrNotFound
	}); err != nil || p != "/usr/local/go/bin/go" || src != "./cmd/unireport-serve" {
		t.Errorf("in the project's folder, with go: %q %q %v", p, src, err)
	}
	if _, _, err := findPreview(exe, project, noPath); err == nil {
		t.Error("in the project's folder without go: found a preview")
	}
	_, _, err := findPreview(exe, elsewhere, noPath)
	if err == nil || !strings.Contains(err.Error(), "go install ./cmd/...") {
		t.Errorf("nowhere: %v; want the way to install it", err)
	}
	// beside unireport comes first, even with one on PATH
	beside := filepath.Join(exeDir, "unireport-serve")
	os.WriteFile(beside, []byte("#!/bin/sh\n"), 0o755)
	if p, _, err := findPreview(exe, elsewhere, onPath); err != nil || p != beside {
		t.Errorf("beside unireport: %q %v; want %q", p, err, beside)
	}
	// a folder of that name is not the program
	os.Remove(beside)
	os.Mkdir(beside, 0o755)
	if p, _, _ := findPreview(exe, elsewhere, onPath); p == beside {
		t.Error("a folder beside unireport was taken for the preview program")
	}
}

// TestServeRunsPreview builds unireport and the preview program into one
// folder, as go install ./cmd/... does, and runs "unireport serve": the
// page is served, and an interrupt, as Ctrl-C sends, stops the preview
// cleanly with exit 0.
func TestServeRunsPreview(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both programs; skipped with -short")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), ".", "../unireport-serve")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// unireport checks the arguments itself: misuse never starts the preview
	out, err := exec.Command(filepath.Join(bin, "unireport"), "serve", "-addr").CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), "usage: unireport serve") {
		t.Errorf("serve -addr: %v\n%s", err, out)
	}

	cmd := exec.Command(filepath.Join(bin, "unireport"), "serve", "-addr", "127.0.0.1:0", "-templates", templates, goodEdition)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	lines := bufio.NewScanner(stdout)
	serving := regexp.MustCompile(`^previewing .* at (http://\S+/) \(Ctrl-C to stop\)$`)
	var url string
	for url == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		t.Fatalf("the preview printed no address\nstderr:\n%s", stderr.String())
	}
	client := http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "Status of Universalization") {
		t.Errorf("GET %s: %d\n%.300s", url, resp.StatusCode, page)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after an interrupt: %v\nstderr:\n%s", err, stderr.String())
	}
	if !strings.HasSuffix(rest.String(), "stopped\n") {
		t.Errorf("stdout does not end with stopped:\n%s", rest.String())
	}
}

// TestNoWebServerLinked: unireport builds reports without Go's network
// code, which the preview program alone needs: with it, every build would
// start the C library and the web server's packages (about 12% more time
// and 4 MiB more memory for a build of 2017).
func TestNoWebServerLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "net", "net/http", "runtime/cgo", "unireport/internal/preview":
			t.Errorf("unireport links %s", pkg)
		}
	}
}
