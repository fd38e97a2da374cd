package preview

import (
	"path/filepath"
	"strings"
)

// root is a watched folder and the extension of the input files in it.
type root struct {
	dir string
	ext string // ".toml" for an edition, ".md" for the templates
}

// isInput reports whether path, under r, is a file the report is built
// from. Editors' swap, backup, lock and temporary files are not: their
// names are hidden (.x.swp, .#x), end in something after the extension
// (x.toml~, #x.toml#, x.toml___jb_tmp___) or have no extension (vim's
// 4913, sed's sedXXXXXX). Anything under a skipped folder is not either.
func (r root) isInput(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || filepath.Ext(base) != r.ext {
		return false
	}
	rel, err := filepath.Rel(r.dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	for _, dir := range strings.Split(filepath.Dir(rel), string(filepath.Separator)) {
		if skipDir(dir) {
			return false
		}
	}
	return true
}

// skipDir reports whether a folder of this name is not watched: hidden
// folders (.git, an editor's .backups) and generated output.
func skipDir(name string) bool {
	return name != "." && (strings.HasPrefix(name, ".") || name == "output" || name == "node_modules")
}
