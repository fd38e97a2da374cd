// Package testtool finds the programs that tests drive (Chromium, the
// poppler tools): a test skips with a clear message where one is missing,
// and fails instead when the environment variable CI is set, since CI
// installs them and a skip there would hide a missing install step.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program name, which the Debian package pkg
// provides, or ends the test: Skip on a developer's machine, Fatal in CI.
func Need(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, fmt.Sprintf("%s is not installed (apt-get install %s)", name, pkg))
	}
	return p
}

// Missing ends the test for a missing tool described by msg.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", msg)
	}
	t.Skip(msg)
}

// LongEnv is the environment variable that asks for the long tests on a
// developer's machine; CI runs them always.
const LongEnv = "UNIREPORT_LONG"

// Long skips a test that takes several seconds of a real program's work
// (LibreOffice converting a document, a whole accessibility audit in
// Chromium), so that go test ./... stays quick while editing, unless CI or
// UNIREPORT_LONG is set. The message says what was left out and how to run
// it.
func Long(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "" && os.Getenv(LongEnv) == "" {
		t.Skipf("long test (%s): runs in CI, or here with %s=1", what, LongEnv)
	}
}
