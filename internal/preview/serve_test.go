package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeReloadsOnSave runs the server on a free port over a copy of
// the 2017 edition, saves files as an editor would, and follows the event
// stream and the page.
func TestServeReloadsOnSave(t *testing.T) {
	s, dataDir, tmplDir := newServer(t)
	base := start(t, s)
	client := newClient(t)
	ev := openEvents(t, client, base)
	id := ev.next(t, 5*time.Second)
	if _, page := get(t, client, base+"/"); !strings.Contains(page, `data-build="`+id+`"`) {
		t.Fatalf("the page is not of the build %s that the stream names first", id)
	}

	path := filepath.Join(dataDir, "edition.toml")
	orig := readFile(t, path)
	text, shown := marked(t, orig, "first save")
	saved := time.Now()
	save(t, path, text)
	id = nextID(t, ev, id)
	t.Logf("from the save to the reload event: %v", time.Since(saved).Round(time.Millisecond))
	if _, page := get(t, client, base+"/"); !strings.Contains(page, shown) || !strings.Contains(page, `data-build="`+id+`"`) {
		t.Errorf("after the reload event the page lacks %q", shown)
	}

	bad, where := broken(t, path, orig)
	save(t, path, bad)
	id = nextID(t, ev, id)
	_, page := get(t, client, base+"/")
	if text := overlayText(t, page); !strings.Contains(text, where) {
		t.Errorf("the overlay does not name %s:\n%s", where, text)
	}

	save(t, path, orig)
	id = nextID(t, ev, id)
	if _, page := get(t, client, base+"/"); strings.Contains(page, `id="unireport-overlay"`) || !strings.Contains(page, "Sources of information:") {
		t.Error("after the fix the page still has the overlay, or lacks the original text")
	}

	tpath := filepath.Join(tmplDir, "report.md")
	save(t, tpath, readFile(t, tpath)+"\nA sentence added to the template.\n")
	id = nextID(t, ev, id)
	if _, page := get(t, client, base+"/"); !strings.Contains(page, "A sentence added to the template.") {
		t.Error("a template edit did not come through")
	}
	_ = id
}

// nextID waits for a build event with an id other than old.
func nextID(t testing.TB, ev *events, old string) string {
	t.Helper()
	for {
		if id := ev.next(t, 5*time.Second); id != old {
			return id
		}
	}
}

// TestWatchOnlyInputs checks that files that are not inputs rebuild
// nothing, and that a new folder is watched from when it is made.
func TestWatchOnlyInputs(t *testing.T) {
	s, dataDir, tmplDir := newServer(t)
	start(t, s)
	quietWait := 4 * s.cfg.Quiet
	builds := s.builds.Load()
	for _, name := range []string{"edition.toml~", ".edition.toml.swp", "4913", "#vote.toml#", "notes.txt", "README.md"} {
		write(t, filepath.Join(dataDir, name), "x")
	}
	write(t, filepath.Join(tmplDir, "report.md.bak"), "x")
	write(t, filepath.Join(tmplDir, "notes.toml"), "x")
	mkdir(t, filepath.Join(dataDir, "output"))
	write(t, filepath.Join(dataDir, "output", "x.toml"), "x")
	mkdir(t, filepath.Join(dataDir, "empty"))
	time.Sleep(quietWait)
	if n := s.builds.Load() - builds; n != 0 {
		t.Fatalf("%d rebuilds for files that are not inputs", n)
	}

	// A folder made while serving is watched, and so is one inside it.
	mkdir(t, filepath.Join(dataDir, "extra", "deeper"))
	write(t, filepath.Join(dataDir, "extra", "deeper", "a.toml"), "x = 1")
	waitFor(t, "a rebuild for a new file in a new folder", func() bool { return s.builds.Load() > builds })
	time.Sleep(quietWait)
	builds = s.builds.Load()
	write(t, filepath.Join(dataDir, "extra", "deeper", "a.toml"), "x = 2")
	waitFor(t, "a rebuild for a changed file in a new folder", func() bool { return s.builds.Load() > builds })
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second) // generous: a loaded CI machine builds slowly
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within 15 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestEditionFolderComesBack moves the edition's folder away and back, as
// a switch between versions of the files may: the page shows the problem,
// then the report again.
func TestEditionFolderComesBack(t *testing.T) {
	s, dataDir, _ := newServer(t)
	base := start(t, s)
	client := newClient(t)
	ev := openEvents(t, client, base)
	id := ev.next(t, 5*time.Second)
	away := dataDir + ".away"
	if err := os.Rename(dataDir, away); err != nil {
		t.Fatal(err)
	}
	id = nextID(t, ev, id)
	if _, page := get(t, client, base+"/"); !strings.Contains(overlayText(t, page), dataDir) {
		t.Error("with the edition's folder gone the overlay does not name it")
	}
	if err := os.Rename(away, dataDir); err != nil {
		t.Fatal(err)
	}
	nextID(t, ev, id)
	if _, page := get(t, client, base+"/"); strings.Contains(page, `id="unireport-overlay"`) {
		t.Error("with the edition's folder back the page still shows the overlay")
	}
	// and it is watched again
	path := filepath.Join(dataDir, "edition.toml")
	text, shown := marked(t, readFile(t, path), "after the move")
	save(t, path, text)
	waitFor(t, "the save after the move", func() bool {
		_, page := get(t, client, base+"/")
		return strings.Contains(page, shown)
	})
}
