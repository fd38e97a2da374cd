package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// File is one file for WriteAll: its path, its new content and its mode.
type File struct {
	Path string
	Data []byte
	Perm os.FileMode
}

// The file operations WriteAll makes, replaced by tests to fail on cue.
var (
	rename = os.Rename
	link   = os.Link
)

// WriteAll replaces the files, all in one folder, together or not at all:
// if any of them cannot be replaced, every one already replaced is put
// back as it was (or removed again if it did not exist before), and the
// error names the file that could not be replaced and why.
//
// It works in three steps. First each new content goes to a temporary file
// ".NAME.<digits>.tmp" beside its target and is synced; nothing visible has
// changed yet. Then, file by file, the old file is kept aside under a
// second name ".NAME.<digits>.bak" (a hard link, or a synced copy where the
// file system has no hard links) and the temporary file is renamed over
// it. The target is never missing: at every moment it is its old content or
// its new one, whole. If a step fails, each target already replaced gets
// its backup renamed back over it. Finally the folder is synced and the
// backups removed.
//
// A process killed half-way can leave temporary and backup files behind,
// and, between the renames of two targets, the first one new and the
// second one old; each is whole. The next successful WriteAll into the
// folder removes the files named ".NAME.<digits>.tmp" and
// ".NAME.<digits>.bak" for each NAME it writes (Write's temporary files
// have the same names).
func WriteAll(files []File) (err error) {
	if len(files) == 0 {
		return nil
	}
	dir := filepath.Dir(files[0].Path)
	seen := map[string]bool{}
	for _, f := range files {
		if filepath.Dir(f.Path) != dir {
			return fmt.Errorf("cannot write %s and %s together: they are in different folders", files[0].Path, f.Path)
		}
		if seen[filepath.Base(f.Path)] {
			return fmt.Errorf("cannot write %s twice at once", f.Path)
		}
		seen[filepath.Base(f.Path)] = true
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder %s: %w", dir, err)
	}

	// 1. The new contents, in temporary files beside their targets.
	temps := make([]string, len(files))
	defer func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t) // renamed away on success; left over on failure
			}
		}
	}()
	for i, f := range files {
		if temps[i], err = writeTemp(f); err != nil {
			err.(*fileError).after = "no file was changed"
			return err
		}
	}

	// 2. Each target kept aside, then replaced.
	type replaced struct {
		path, backup string // backup is "" when there was no old file
	}
	var done []replaced
	for i, f := range files {
		backup, err := keepAside(f.Path)
		if err == nil {
			if err = rename(temps[i], f.Path); err == nil {
				temps[i] = ""
				done = append(done, replaced{f.Path, backup})
				continue
			}
			err = &fileError{verb: "cannot replace", path: f.Path, reason: reason(err), err: err}
			if backup != "" {
				os.Remove(backup)
			}
		}
		// Put back, newest first, what was already replaced.
		var failed []string
		for j := len(done) - 1; j >= 0; j-- {
			r := done[j]
			if r.backup == "" {
				if rerr := os.Remove(r.path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
					failed = append(failed, fmt.Sprintf("the new %s could not be removed again (%s)", r.path, reason(rerr)))
				}
				continue
			}
			if rerr := rename(r.backup, r.path); rerr != nil {
				failed = append(failed, fmt.Sprintf("%s could not be put back (%s): its previous version is kept as %s", r.path, reason(rerr), r.backup))
			}
		}
		syncDir(dir)
		e := err.(*fileError)
		if len(failed) > 0 {
			e.after = "and " + strings.Join(failed, "; and ")
		} else {
			e.after = "no file was changed"
		}
		return e
	}

	// 3. The renames made durable, the backups and stale files removed.
	syncDir(dir)
	for _, r := range done {
		if r.backup != "" {
			os.Remove(r.backup)
		}
	}
	removeStale(dir, seen)
	return nil
}

// fileError is WriteAll's error for one file: which one, and why, in
// words an editor can act on; err is the cause, for errors.Is.
type fileError struct {
	verb   string // "cannot write", "cannot replace"
	path   string
	reason string
	err    error
	after  string // what became of the other files
}

func (e *fileError) Error() string {
	msg := e.verb + " " + e.path + ": " + e.reason
	if e.after != "" {
		msg += "; " + e.after
	}
	return msg
}

func (e *fileError) Unwrap() error { return e.err }

// writeTemp writes f's content to a synced temporary file beside it.
func writeTemp(f File) (name string, err error) {
	dir, base := filepath.Split(f.Path)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", &fileError{verb: "cannot write", path: f.Path, reason: reason(err), err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(f.Data); err == nil {
		if err = tmp.Chmod(f.Perm); err == nil {
			if err = tmp.Sync(); err == nil {
				err = tmp.Close()
			}
		}
	}
	if err != nil {
		return "", &fileError{verb: "cannot write", path: f.Path, reason: reason(err), err: err}
	}
	return tmp.Name(), nil
}

// keepAside gives the file at path a second, hidden name beside it, and
// returns that name; "" if there is no file at path. The file itself is
// not touched.
func keepAside(path string) (string, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", &fileError{verb: "cannot replace", path: path, reason: reason(err), err: err}
	}
	if fi.IsDir() {
		return "", &fileError{verb: "cannot replace", path: path, reason: "a folder of that name is in the way: move it elsewhere", err: syscall.EISDIR}
	}
	dir, base := filepath.Split(path)
	for range 100 {
		backup := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".bak")
		err = link(path, backup)
		if err == nil {
			return backup, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue // that name is taken: draw another
		}
		// No hard links here (some network and USB file systems): a copy.
		if backup, cerr := copyAside(path, fi.Mode().Perm()); cerr == nil {
			return backup, nil
		}
		break
	}
	return "", &fileError{verb: "cannot replace", path: path, reason: reason(err), err: err}
}

// copyAside copies the file at path to a synced hidden backup beside it.
func copyAside(path string, perm os.FileMode) (name string, err error) {
	dir, base := filepath.Split(path)
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp(dir, "."+base+".*.bak")
	if err != nil {
		return "", err
	}
	if _, err = io.Copy(dst, src); err == nil {
		if err = dst.Chmod(perm); err == nil {
			if err = dst.Sync(); err == nil {
				err = dst.Close()
			}
		}
	}
	if err != nil {
		dst.Close()
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}

// syncDir makes the renames in dir durable where the system allows it.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync() // best effort: not every system can sync a folder
	d.Close()
}

// removeStale removes the temporary and backup files that an interrupted
// write of one of the named files left in dir: .NAME.<digits>.tmp and
// .NAME.<digits>.bak.
func removeStale(dir string, names map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, en := range entries {
		if name, ok := staleOf(en.Name()); ok && names[name] && en.Type().IsRegular() {
			os.Remove(filepath.Join(dir, en.Name()))
		}
	}
}

// staleOf reports whether file is named like a temporary or backup file,
// .NAME.<digits>.tmp or .NAME.<digits>.bak, and for which NAME.
func staleOf(file string) (string, bool) {
	rest, ok := strings.CutPrefix(file, ".")
	if !ok {
		return "", false
	}
	if r, ok := strings.CutSuffix(rest, ".tmp"); ok {
		rest = r
	} else if r, ok := strings.CutSuffix(rest, ".bak"); ok {
		rest = r
	} else {
		return "", false
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 0 || dot == len(rest)-1 {
		return "", false
	}
	for _, c := range rest[dot+1:] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return rest[:dot], true
}

// reason says in words why an operation on a file failed, without the
// names of temporary files.
func reason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	case errors.Is(err, syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied (is it open in another program, or is the folder read-only?)"
	case errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTEMPTY):
		return "a folder of that name is in the way: move it elsewhere"
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		return le.Err.Error()
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
