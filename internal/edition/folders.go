package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// Folder is an edition folder under a data root, e.g. data/2017.
type Folder struct {
	Year int
	Dir  string
}

// FolderYear reports whether name is the name of an edition folder, a
// year of four digits within the plausible range, and which year.
func FolderYear(name string) (int, bool) {
	if len(name) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(name)
	if err != nil || y < MinYear || y > MaxYear {
		return 0, false
	}
	return y, true
}

// Folders lists the edition folders under root, oldest first. This is the
// one rule for where editions live: every command and check finds them
// through it.
func Folders(root string) ([]Folder, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("no editions: cannot read %s/ (run unireport from the project folder, or name an edition folder)", root)
	}
	var out []Folder
	for _, en := range entries {
		if y, ok := FolderYear(en.Name()); ok && en.IsDir() {
			out = append(out, Folder{Year: y, Dir: filepath.Join(root, en.Name())})
		}
	}
	slices.SortFunc(out, func(a, b Folder) int { return a.Year - b.Year })
	return out, nil
}

// Newest returns the edition folder under root with the highest year below
// before (0: any year).
func Newest(root string, before int) (Folder, error) {
	folders, err := Folders(root)
	if err != nil {
		return Folder{}, err
	}
	for i := len(folders) - 1; i >= 0; i-- {
		if before == 0 || folders[i].Year < before {
			return folders[i], nil
		}
	}
	if before != 0 && len(folders) > 0 {
		return Folder{}, fmt.Errorf("no edition in %s/ comes before %d", root, before)
	}
	return Folder{}, fmt.Errorf("no editions in %s/: an edition is a folder named by its year, e.g. %s/2017", root, root)
}

// PreviousDir is the folder of the edition before this one: beside it,
// with the highest year below this edition's; "" when there is none.
func (e *Edition) PreviousDir() string {
	f, err := Newest(filepath.Dir(filepath.Clean(e.Dir)), e.Facts.Year)
	if err != nil {
		return ""
	}
	return f.Dir
}
