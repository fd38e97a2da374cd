package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
