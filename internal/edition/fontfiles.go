package edition

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"unireport/internal/diag"
	"unireport/internal/fonts"
	"unireport/internal/inputfile"
	"unireport/internal/placeholder"
)

// MaxFontFile is the largest font file read: larger than any font of a
// Latin-script family (Liberation Serif is 400 KB), with room for fonts that
// cover more scripts.
const MaxFontFile = 64 << 20

// fontKeys are the keys of [fonts], by face.
var fontKeys = [4]string{fonts.Regular: "regular", fonts.Bold: "bold", fonts.Italic: "italic", fonts.BoldItalic: "bold_italic"}

// FontPos is the position of the path of face f in [fonts], for messages
// about that font.
func (e *Edition) FontPos(f fonts.Face) diag.Pos {
	return e.Pos(FactsFile, "fonts."+fontKeys[f], true)
}

// FontKey is the key of face f in [fonts], e.g. "bold_italic".
func FontKey(f fonts.Face) string { return fontKeys[f] }

// FontPath is the path [fonts] gives for face f, as written ("" without
// [fonts]).
func (e *Edition) FontPath(f fonts.Face) string {
	ff := e.Facts.Fonts
	if ff == nil {
		return ""
	}
	return [4]string{fonts.Regular: ff.Regular, fonts.Bold: ff.Bold, fonts.Italic: ff.Italic, fonts.BoldItalic: ff.BoldItalic}[f]
}

// readFonts reads the font files that [fonts] names, relative to the
// edition's folder, into FontData: only regular files up to MaxFontFile. A
// file that cannot be read is an error at the key that names it, and
// FontData stays nil. Whether the files are fonts the PDF can embed is
// for the fonts and PDF packages to say.
func (e *Edition) readFonts(diags *diag.List) {
	if e.Facts.Fonts == nil {
		return
	}
	var data [4][]byte
	ok := true
	for _, f := range fonts.Faces {
		key, path := fontKeys[f], e.FontPath(f)
		if path == "" || placeholder.Has(path) {
			ok = false // missing, of the wrong type, or a gap: said already
			continue
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(e.Dir, path)
		}
		b, err := inputfile.Read(path, MaxFontFile)
		if err == nil {
			data[f] = b
			continue
		}
		msg, help := inputfile.Problem(err, "a font file")
		if errors.Is(err, fs.ErrNotExist) {
			help = fmt.Sprintf("paths are relative to the edition's folder, %s", e.Dir)
		}
		diags.Add(diag.Diagnostic{Pos: e.FontPos(f), Severity: diag.Error, Message: fmt.Sprintf("fonts.%s: %s: %s", key, path, msg), Help: help})
		ok = false
	}
	if ok {
		e.FontData = &data
	}
}
