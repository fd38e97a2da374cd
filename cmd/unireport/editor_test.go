package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const vscodeTemplate = "vscode://file/{path}:{line}:{col}"

// TestBuildDraftEditor: a draft built with -editor opens each value's
// source in that editor: the page names it, and the folder that the
// values' paths, relative as check gives them, are under.
func TestBuildDraftEditor(t *testing.T) {
	root := project(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "build", "-draft", "-editor", vscodeTemplate, "-out", "out", "2017"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	page, err := os.ReadFile(filepath.Join("out", "universalization-status-2017-draft.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<script data-editor="`+vscodeTemplate+`" data-root="`+wd+`">`) {
		t.Errorf("the draft does not open sources in %s under %s", vscodeTemplate, root)
	}
	src := regexp.MustCompile(`data-src="([^":]+):\d+:\d+"`).FindSubmatch(page)
	if src == nil {
		t.Fatal("the draft names no source")
	}
	if _, err := os.Stat(filepath.Join(wd, string(src[1]))); err != nil {
		t.Errorf("a source's path, under the folder the page names: %v", err)
	}
}

// TestServeEditor: serve -editor gives the page the editor's template.
func TestServeEditor(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- serveUntil(ctx, []string{"-addr", "127.0.0.1:0", "-editor", vscodeTemplate, "-templates", templates, goodEdition}, &out, &errOut)
	}()
	url := waitForURL(t, &out)
	if code, page := httpGet(t, url); code != 200 || !strings.Contains(page, `<script data-editor="`+vscodeTemplate+`"`) {
		t.Errorf("GET %s: %d, and the page does not name the editor", url, code)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop 10 s after it was told to")
	}
}
