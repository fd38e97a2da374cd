package version

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	for _, c := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "(unknown)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260101120000-0123456789ab+dirty"}}, "v0.0.0-20260101120000-0123456789ab+dirty"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "44a1cf2f00d1e2b3c4d5e6f708192a3b4c5d6e7f"}, {Key: "vcs.modified", Value: "false"},
		}}, "(devel) 44a1cf2f00d1"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "44a1cf2f00d1e2b3c4d5e6f708192a3b4c5d6e7f"}, {Key: "vcs.modified", Value: "true"},
		}}, "(devel) 44a1cf2f00d1+dirty"},
	} {
		if got := versionOf(c.bi, c.bi != nil); got != c.want {
			t.Errorf("versionOf(%+v) = %q, want %q", c.bi, got, c.want)
		}
	}
	// A test binary is built from the module's folder, unstamped.
	if v := String(); v != "(devel)" {
		t.Errorf("String() = %q in a test, want (devel)", v)
	}
}
