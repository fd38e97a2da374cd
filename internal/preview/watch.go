package preview

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// watcher watches the edition's folder and the templates folder, and every
// folder under them, including folders made later, and tells which events
// touch an input. It is used by one goroutine only.
type watcher struct {
	fs    *fsnotify.Watcher
	roots []root
	dirs  map[string]bool // the folders being watched
}

// newWatcher starts watching the roots; each must be a folder.
func newWatcher(roots []root) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, roots: roots, dirs: map[string]bool{}}
	for _, r := range roots {
		if _, err := w.addTree(r, r.dir); err != nil {
			fw.Close()
			return nil, err
		}
	}
	// The folders around the roots too, alone, so that a root removed or
	// renamed away and then made again is seen coming back.
	for _, r := range roots {
		if parent := filepath.Dir(r.dir); !w.dirs[parent] {
			fw.Add(parent) // without it only that case goes unseen
		}
	}
	return w, nil
}

// close stops watching; the event channels are closed.
func (w *watcher) close() error { return w.fs.Close() }

// addTree watches dir and the folders under it that are not watched yet,
// and reports whether the tree holds an input file of r.
func (w *watcher) addTree(r root, dir string) (inputs bool, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone while we walked: its own event will tell
		}
		if !d.IsDir() {
			inputs = inputs || r.isInput(p)
			return nil
		}
		if p != dir && skipDir(d.Name()) {
			return filepath.SkipDir
		}
		if !w.dirs[p] {
			if err := w.fs.Add(p); err != nil {
				return err
			}
			w.dirs[p] = true
		}
		return nil
	})
	return inputs, err
}

// rescan watches again any root or folder that was made anew since the
// last event; errors (a root that is gone) are left to the build to report.
func (w *watcher) rescan() {
	for _, r := range w.roots {
		w.addTree(r, r.dir)
	}
}

// rootOf returns the root that path is under; the innermost one if the
// roots are nested.
func (w *watcher) rootOf(path string) (root, bool) {
	var best root
	found := false
	for _, r := range w.roots {
		if within(r.dir, path) && (!found || len(r.dir) > len(best.dir)) {
			best, found = r, true
		}
	}
	return best, found
}

func within(dir, path string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator)) || dir == "."
}

// relevant reports whether ev touches an input: an input file made,
// written, renamed, removed or changed in mode, or a watched folder
// removed or renamed, or a new folder that holds inputs (which it starts
// watching).
func (w *watcher) relevant(ev fsnotify.Event) bool {
	r, ok := w.rootOf(ev.Name)
	if !ok {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			if skipDir(filepath.Base(ev.Name)) {
				return false
			}
			inputs, _ := w.addTree(r, ev.Name)
			return inputs
		}
	}
	if w.dirs[ev.Name] && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		w.forget(ev.Name)
		return true
	}
	return r.isInput(ev.Name)
}

// forget drops dir and the folders under it from the watched set; the
// system has dropped their watches already.
func (w *watcher) forget(dir string) {
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			delete(w.dirs, d)
			w.fs.Remove(d) // in case the system has not
		}
	}
}

// overflowed reports whether err says events were lost, so that a rebuild
// is due anyway.
func overflowed(err error) bool { return errors.Is(err, fsnotify.ErrEventOverflow) }
