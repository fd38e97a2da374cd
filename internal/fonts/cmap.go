package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// coverage is the set of Basic Multilingual Plane characters a face maps to a
// glyph, one bit per code point. Runes above U+FFFF are never covered: the PDF
// writer encodes text as UCS-2 and cannot draw them.
type coverage [65536 / 64]uint64

func (c *coverage) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *coverage) set(r uint32) {
	if r <= 0xFFFF {
		c[r>>6] |= 1 << (r & 63)
	}
}

// sfnt is a TrueType file seen as its table directory.
type sfnt struct {
	data   []byte
	tables map[string][]byte
}

// parseSFNT reads the table directory and checks that the file is a TrueType
// font (glyf outlines): the PDF writer cannot embed CFF-based OpenType fonts.
func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errors.New("it is too short to be a font file")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, "true"
	case 0x4F54544F: // "OTTO"
		return nil, errors.New("CFF-based OpenType font; only TrueType (.ttf) fonts can be embedded")
	case 0x74746366: // "ttcf"
		return nil, errors.New("font collection (.ttc); give a single TrueType font")
	default:
		// Say what it is not, never what it holds: the file may be any
		// file an editor named by mistake.
		return nil, errors.New("it is not a TrueType font file (.ttf)")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, errors.New("truncated table directory")
	}
	f := &sfnt{data: data, tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		length := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fmt.Errorf("table %q lies outside the file", tag)
		}
		f.tables[tag] = data[off : off+length]
	}
	for _, t := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
		if _, ok := f.tables[t]; !ok {
			return nil, fmt.Errorf("missing the %q table a TrueType font needs", t)
		}
	}
	return f, nil
}

// readCmap calls each for every character of the best Unicode subtable of
// cmap that maps to a glyph other than 0, with the glyph: format 12 (full
// repertoire) if present, else format 4 (BMP).
func readCmap(cmap []byte, each func(ch, glyph uint32)) error {
	if len(cmap) < 4 {
		return errors.New("cmap table too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return errors.New("cmap table truncated")
	}
	var best []byte
	bestRank := 0
	for i := 0; i < n; i++ {
		rec := cmap[4+8*i:]
		platform := binary.BigEndian.Uint16(rec)
		encoding := binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > len(cmap) || off < 0 {
			continue
		}
		sub := cmap[off:]
		format := binary.BigEndian.Uint16(sub)
		rank := 0
		switch {
		case format == 12 && (platform == 0 || platform == 3 && encoding == 10):
			rank = 3
		case format == 4 && platform == 3 && encoding == 1:
			rank = 2
		case format == 4 && platform == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = sub, rank
		}
	}
	if best == nil {
		return errors.New("no Unicode cmap subtable (format 4 or 12)")
	}
	if binary.BigEndian.Uint16(best) == 12 {
		return readFormat12(best, each)
	}
	return readFormat4(best, each)
}

func readFormat4(b []byte, each func(ch, glyph uint32)) error {
	if len(b) < 14 {
		return errors.New("cmap format 4 subtable truncated")
	}
	segs := int(binary.BigEndian.Uint16(b[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if offsets+2*segs > len(b) {
		return errors.New("cmap format 4 subtable truncated")
	}
	u16 := func(i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
	for s := 0; s < segs; s++ {
		end, start := uint32(u16(ends+2*s)), uint32(u16(starts+2*s))
		delta, ro := u16(deltas+2*s), int(u16(offsets+2*s))
		for ch := start; ch <= end && ch != 0xFFFF; ch++ {
			var g uint16
			if ro == 0 {
				g = uint16(ch) + delta
			} else {
				// idRangeOffset is relative to its own position in the array.
				at := offsets + 2*s + ro + 2*int(ch-start)
				if at+2 > len(b) {
					break
				}
				if g = u16(at); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				each(ch, uint32(g))
			}
		}
	}
	return nil
}

func readFormat12(b []byte, each func(ch, glyph uint32)) error {
	if len(b) < 16 {
		return errors.New("cmap format 12 subtable truncated")
	}
	n := int(binary.BigEndian.Uint32(b[12:]))
	if n < 0 || 16+12*n > len(b) {
		return errors.New("cmap format 12 subtable truncated")
	}
	for i := 0; i < n; i++ {
		g := b[16+12*i:]
		start, end := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:])
		glyph := binary.BigEndian.Uint32(g[8:])
		if end > 0xFFFF {
			end = 0xFFFF
		}
		for ch := start; ch <= end; ch++ {
			if g := glyph + (ch - start); g != 0 {
				each(ch, g)
			}
		}
	}
	return nil
}

// readNames returns the family name (name ID 1) and the PostScript name
// (name ID 6) from a name table, preferring Windows Unicode English records;
// empty where the table lacks them or is damaged.
func readNames(name []byte) (family, postscript string) {
	if len(name) < 6 {
		return "", ""
	}
	u16 := func(b []byte, i int) int { return int(binary.BigEndian.Uint16(b[i:])) }
	n, strOff := u16(name, 2), u16(name, 4)
	rank := map[int]int{}
	found := map[int]string{}
	for i := 0; i < n && 6+12*i+12 <= len(name); i++ {
		rec := name[6+12*i:]
		platform, encoding, lang, id := u16(rec, 0), u16(rec, 2), u16(rec, 4), u16(rec, 6)
		length, off := u16(rec, 8), u16(rec, 10)
		if id != 1 && id != 6 || strOff+off+length > len(name) {
			continue
		}
		raw := name[strOff+off : strOff+off+length]
		var s string
		r := 0
		switch {
		case platform == 3 && (encoding == 1 || encoding == 10) || platform == 0:
			units := make([]uint16, len(raw)/2)
			for j := range units {
				units[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s, r = string(utf16.Decode(units)), 2
			if platform == 3 && lang == 0x409 {
				r = 3
			}
		case platform == 1 && encoding == 0:
			s, r = string(raw), 1 // Mac Roman; names are ASCII in practice
		default:
			continue
		}
		if s = strings.TrimSpace(s); s != "" && r > rank[id] {
			rank[id], found[id] = r, s
		}
	}
	return found[1], found[6]
}
