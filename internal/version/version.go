// Package version says which unireport this is, for the command's
// version, the PDF's producer and creator and the HTML's generator.
package version

import (
	"runtime/debug"
	"sync"
)

// Version is the version of the program this package is built into, from
// its module build info: the main module's version when it was built as a
// module (go install unireport@v1.2.0, or a checkout Go stamps with a
// pseudo-version), else "(devel)" followed by the commit it was built from
// and "+dirty" when the checkout had changes, where Go recorded them. It is
// fixed per binary, so that builds stay reproducible.
func String() string { return version() }

var version = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	return versionOf(bi, ok)
})

// versionOf is String from the build info bi (ok false: none).
func versionOf(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "(unknown)"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "(devel)"
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " " + rev
		if modified == "true" {
			v += "+dirty"
		}
	}
	return v
}

// Program is the program's name and version, e.g. "unireport (devel)".
func Program() string { return "unireport " + String() }
