//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// open opens path for reading without waiting: opening a named pipe
// otherwise blocks until something writes to it.
func open(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
