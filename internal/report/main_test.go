package report_test

import (
	"os"
	"testing"

	"unireport/internal/testkit/browser"
)

// TestMain closes the browser that this package's tests share.
func TestMain(m *testing.M) { os.Exit(browser.Main(m)) }
