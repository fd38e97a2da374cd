// Package fonts holds the report's typefaces: Liberation Serif (SIL Open Font
// License 1.1, see OFL.txt) embedded in the binary, other TrueType fonts an
// edition may name, and the glyph coverage check that lets a build report a
// character the font cannot draw before the PDF writer meets it.
package fonts

import (
	"crypto/sha256"
	_ "embed"
	"fmt"
	"sync"
	"unicode/utf8"
)

// Face is one of the four styles of a family.
type Face int

// The four faces of a family.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
)

// Faces lists every face, in order.
var Faces = [...]Face{Regular, Bold, Italic, BoldItalic}

// FaceOf returns the face for the given weight and slant.
func FaceOf(bold, italic bool) Face {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

// String names the face as it is usually written.
func (f Face) String() string {
	switch f {
	case Regular:
		return "regular"
	case Bold:
		return "bold"
	case Italic:
		return "italic"
	case BoldItalic:
		return "bold italic"
	}
	return fmt.Sprintf("Face(%d)", int(f))
}

var (
	//go:embed LiberationSerif-Regular.ttf
	serifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	serifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	serifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	serifBoldItalic []byte

	// License is the licence of the embedded fonts (SIL OFL 1.1), to ship
	// with any copy of the fonts themselves.
	//go:embed OFL.txt
	License string
)

// DefaultFamily is the family name of the embedded fonts.
const DefaultFamily = "Liberation Serif"

// Bytes returns the embedded Liberation Serif file of a face. The slice is
// shared: do not modify it.
func Bytes(face Face) []byte {
	switch face {
	case Bold:
		return serifBold
	case Italic:
		return serifItalic
	case BoldItalic:
		return serifBoldItalic
	}
	return serifRegular
}

// Set is a family of four TrueType faces with their glyph coverage.
type Set struct {
	// Family is the family's name, for messages.
	Family  string
	faces   [4][]byte
	metrics [4]*metrics
	names   [4]string
	id      func() [sha256.Size]byte
}

// FaceError is a face that cannot be used, and why.
type FaceError struct {
	Face Face
	Err  error
}

func (e *FaceError) Error() string { return fmt.Sprintf("fonts: %s face: %v", e.Face, e.Err) }

func (e *FaceError) Unwrap() error { return e.Err }

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error
)

// Default returns the embedded Liberation Serif set. It is parsed once and
// shared; a Set is read-only and safe for concurrent use.
func Default() *Set {
	defaultOnce.Do(func() {
		defaultSet, defaultErr = Load(serifRegular, serifBold, serifItalic, serifBoldItalic)
		if defaultErr == nil {
			defaultSet.Family = DefaultFamily
		}
	})
	if defaultErr != nil {
		// The embedded files are part of the build; a failure here is a
		// broken checkout, not an input error.
		panic("fonts: embedded Liberation Serif is unreadable: " + defaultErr.Error())
	}
	return defaultSet
}

// Load makes a Set from four TrueType files. Each must be a TrueType (glyf)
// font with a Unicode cmap; the error, a *FaceError, names the face that is
// not. The same file may serve more than one face. The set's Family is the
// regular face's family name.
func Load(regular, bold, italic, boldItalic []byte) (*Set, error) {
	s := &Set{faces: [4][]byte{regular, bold, italic, boldItalic}}
	for _, f := range Faces {
		t, err := parseSFNT(s.faces[f])
		if err == nil {
			s.metrics[f], err = readMetrics(t)
		}
		if err != nil {
			return nil, &FaceError{f, err}
		}
		family, ps := readNames(t.tables["name"])
		if ps == "" {
			ps = family + " " + f.String()
		}
		s.names[f] = ps
		if f == Regular {
			s.Family = family
		}
	}
	if s.Family == "" {
		s.Family = "Report"
	}
	// Hashing 1.6 MB of fonts costs more than loading them: only when
	// asked (the embedded set never is).
	s.id = sync.OnceValue(func() (id [sha256.Size]byte) {
		h := sha256.New()
		for _, b := range s.faces {
			sum := sha256.Sum256(b)
			h.Write(sum[:])
		}
		h.Sum(id[:0])
		return id
	})
	return s, nil
}

// Name returns the face's PostScript name from its font file (for example
// LiberationSerif-Bold), or one made from the family and the face when the
// file has none.
func (s *Set) Name(face Face) string {
	if face < Regular || face > BoldItalic {
		face = Regular
	}
	return s.names[face]
}

// ID identifies the set by the contents of its four files: sets loaded from
// the same files have the same ID.
func (s *Set) ID() [sha256.Size]byte { return s.id() }

// Bytes returns the font file of a face. The slice is shared: do not modify it.
func (s *Set) Bytes(face Face) []byte {
	if face < Regular || face > BoldItalic {
		face = Regular
	}
	return s.faces[face]
}

// Has reports whether face can draw r. Tab, newline and carriage return count
// as drawable (layout turns them into spaces and breaks); other control
// characters, runes above U+FFFF and invalid UTF-8 never are.
func (s *Set) Has(face Face, r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r >= 0x7F && r < 0xA0, r == utf8.RuneError:
		return false
	case face < Regular || face > BoldItalic:
		return false
	}
	return s.metrics[face].cover.has(r)
}

// MissingIn reports the first character of str that face cannot draw: its
// byte offset in str and the rune (utf8.RuneError for invalid UTF-8).
// ok is false when every character can be drawn.
func (s *Set) MissingIn(face Face, str string) (index int, r rune, ok bool) {
	for i, r := range str {
		if !s.Has(face, r) {
			return i, r, true
		}
	}
	return 0, 0, false
}

// Missing is MissingIn for a character that must be drawable in every face,
// since text may be set in any of them.
func (s *Set) Missing(str string) (index int, r rune, ok bool) {
	for i, r := range str {
		for _, f := range Faces {
			if !s.Has(f, r) {
				return i, r, true
			}
		}
	}
	return 0, 0, false
}

// Missing reports the first character of str the embedded report font cannot
// draw in some face: its byte offset and the rune. ok is false when all can be
// drawn.
func Missing(str string) (index int, r rune, ok bool) {
	return Default().Missing(str)
}
