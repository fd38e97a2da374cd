package pdfdraw

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"unireport/internal/fonts"
)

// subsetTag is the tag of a subset of the face named name (its PDF name)
// holding the glyphs of the characters used: six capital letters from a
// hash of the name and the characters, so that the same text in the same
// face gets the same tag in every build, and another subset another tag.
func subsetTag(name string, used map[rune]bool) string {
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	var b [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(b[:], uint32(r))
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// tagSubsets names each font embedded in pdf as the subset it is, TAG+NAME
// (PDF 32000-1, 9.6.4), so that preflight tools see that it is one. fpdf
// writes the face registered as subsetPad+NAME (see faceNames) as
// "utf8zzzname" in the /BaseFont of its Type0 font and of its CIDFont and
// in the /FontName of its descriptor; each becomes TAG+NAME, of the same
// length, so that no byte moves and the cross-reference table stays right.
// used holds the characters drawn in each face, by its registered name.
// The names are changed in pdf itself. A font not written as expected is
// an error: fpdf has changed.
func tagSubsets(pdf []byte, set *fonts.Set, faces []fonts.Face, used map[string]map[rune]bool) error {
	reg, names := faceNames(set), pdfNames(set)
	done := map[string]bool{}
	for _, f := range faces {
		if done[reg[f]] {
			continue // faces from one file are one font
		}
		done[reg[f]] = true
		old := "utf8" + strings.ToLower(reg[f])
		tagged := subsetTag(names[f], used[reg[f]]) + "+" + names[f]
		if len(old) != len(tagged) {
			return fmt.Errorf("naming the %s font as a subset: %q and %q differ in length", names[f], old, tagged)
		}
		for _, c := range []struct {
			key string
			n   int
		}{{"/BaseFont /", 2}, {"/FontName /", 1}} {
			from := []byte(c.key + old + "\n")
			if n := bytes.Count(pdf, from); n != c.n {
				return fmt.Errorf("naming the %s font as a subset: %d of %q in the PDF, want %d", names[f], n, from, c.n)
			}
			to := []byte(c.key + tagged + "\n")
			for rest := pdf; ; {
				i := bytes.Index(rest, from)
				if i < 0 {
					break
				}
				copy(rest[i:], to)
				rest = rest[i+len(to):]
			}
		}
	}
	return nil
}
