// Package inputfile reads the files an edition names, as inputs must be
// read: only a regular file, and only up to a size. A device such as
// /dev/zero, a named pipe that never ends, or a folder is refused before
// anything is read, so a build cannot hang or fill memory on a wrong path.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// ErrNotRegular is returned for a path that names no regular file: a
// folder, a device, a pipe, a socket.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned for a file over the limit.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %s; it may be at most %s", Size(e.Size), Size(e.Limit))
}

// Read returns the content of the regular file at path, at most limit
// bytes; a file that is not regular, or larger, is an error (the second
// wrapping ErrNotRegular, with what the path names instead). Symbolic links
// are followed: what counts is the file they lead to.
func Read(path string, limit int64) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Stat the open file, not the path, so that what is read is what was
	// checked; nothing is read from anything but a regular file.
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: it is %s", ErrNotRegular, describe(info.Mode()))
	}
	if info.Size() > limit {
		return nil, &TooLargeError{info.Size(), limit}
	}
	// Read into room for the file as it was, as os.ReadFile does (no
	// copies as the slice grows); the size may have grown since: never
	// read past the limit.
	r := io.LimitReader(f, limit+1)
	b := make([]byte, 0, info.Size()+512)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(b)) > limit {
		return nil, &TooLargeError{int64(len(b)), limit}
	}
	return b, nil
}

func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a file"
}

// Problem words an error of Read for an editor, in one place for every kind
// of input: what is wrong with the file, and apart from it what to do. kind
// names what the file should be, as the help's subject: "an edition file",
// "a template", "a font file".
func Problem(err error, kind string) (message, help string) {
	var tooLarge *TooLargeError
	var pathErr *os.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the file does not exist", "check the name and the folder"
	case errors.As(err, &tooLarge):
		return "the file is " + Size(tooLarge.Size), fmt.Sprintf("%s may be at most %s: is it the right file?", kind, Size(tooLarge.Limit))
	case errors.Is(err, ErrNotRegular):
		what := strings.TrimPrefix(err.Error(), ErrNotRegular.Error()+": it is ")
		return "the path names " + what + ", not a file", "check the path"
	case errors.Is(err, fs.ErrPermission):
		return "the file may not be read", "ask for read permission, or copy the file"
	case errors.As(err, &pathErr):
		return "cannot read the file: " + pathErr.Err.Error(), ""
	}
	return "cannot read the file: " + err.Error(), ""
}

// Size writes a byte count for an editor: "2 MB", "640 KB", "12 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MB", n>>20)
		}
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
