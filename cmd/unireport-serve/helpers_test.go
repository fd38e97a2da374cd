package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unireport/internal/testkit/editions"
)

// goodEdition is data/2017, and templates the report's templates, seen
// from this package's folder.
var (
	goodEdition = filepath.Join("..", "..", "data", "2017")
	templates   = filepath.Join("..", "..", "templates")
)

// copyEdition copies data/2017 into a temporary folder.
func copyEdition(t *testing.T) string {
	t.Helper()
	return filepath.Join(editions.Lay(t, map[string]string{"2017": editions.Data2017}), "2017")
}

const vscodeTemplate = "vscode://file/{path}:{line}:{col}"

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

// TestServeUsage: the preview program's usage is unireport serve's, and a
// misuse exits 2 before anything listens.
func TestServeUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := serve([]string{"-h"}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "usage: unireport serve [-addr HOST:PORT]") {
		t.Errorf("-h: exit %d, stdout %q", code, out.String())
	}
	out.Reset()
	if code := serve([]string{"-editor", "javascript:alert('{path}')"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "javascript:") {
		t.Errorf("a javascript: editor: exit %d, stderr %q", code, errOut.String())
	}
}
