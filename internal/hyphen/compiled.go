package hyphen

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
)

// The patterns are embedded compiled, as the trie parsePatterns builds
// from the TeX file, the way Typst's hypher embeds its tries: reading them
// at start costs a tenth of parsing the TeX file. TestCompiledPatterns
// checks that patterns/hyph-en-gb.trie is what the TeX file gives, and
// writes it again with -update.
//
// The format: compiledMagic, then every field of patterns in their order,
// each number an unsigned varint, each list its length first; first as
// the steps between its numbers, a node's values as where they start and
// how many; maps in the order of their keys.
const compiledMagic = "unireport hyphenation trie 1\n"

// marshal writes p in the compiled format.
func (p *patterns) marshal() []byte {
	b := []byte(compiledMagic)
	u := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	u(p.nsym)
	for _, s := range p.ascii {
		u(int(s))
	}
	others := slices.Sorted(maps.Keys(p.other))
	u(len(others))
	for _, r := range others {
		u(int(r))
		u(int(p.other[r]))
	}
	for _, c := range p.root {
		u(int(c))
	}
	u(len(p.first))
	for i, f := range p.first {
		if i == 0 {
			u(int(f))
		} else {
			u(int(f - p.first[i-1]))
		}
	}
	u(len(p.kids))
	for _, k := range p.kids {
		u(int(k))
	}
	u(len(p.wide))
	for _, w := range p.wide {
		u(int(w))
	}
	u(len(p.rows))
	for _, c := range p.rows {
		u(int(c))
	}
	u(len(p.valLo))
	for i := range p.valLo {
		u(int(p.valLo[i]))
		u(int(p.valHi[i] - p.valLo[i]))
	}
	u(len(p.vals))
	for _, e := range p.vals {
		u(int(e.off))
		u(int(e.val))
	}
	u(p.maxLen)
	u(p.count)
	u(p.left)
	u(p.right)
	words := slices.Sorted(maps.Keys(p.except))
	u(len(words))
	for _, w := range words {
		u(len(w))
		b = append(b, w...)
		u(len(p.except[w]))
		b = append(b, p.except[w]...)
	}
	u(p.exMinLen)
	u(p.exMaxLen)
	return b
}

// errCompiled is the error of compiled patterns that do not read as such.
var errCompiled = errors.New("hyphen: the compiled patterns are damaged")

// unmarshalPatterns reads patterns in the compiled format, checking that
// every node and value they name is there, so that no walk of the trie can
// go out of range.
func unmarshalPatterns(b []byte) (*patterns, error) {
	if len(b) < len(compiledMagic) || string(b[:len(compiledMagic)]) != compiledMagic {
		return nil, errCompiled
	}
	b = b[len(compiledMagic):]
	bad := false
	u := func(limit int) int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > uint64(limit) {
			bad = true
			b = nil
			return 0
		}
		b = b[n:]
		return int(v)
	}
	const maxLen = 1 << 24 // no list of a pattern file is near this long
	p := &patterns{other: map[rune]uint8{}, except: map[string][]uint8{}}
	p.nsym = u(255)
	for i := range p.ascii {
		p.ascii[i] = uint8(u(255))
	}
	for range u(256) {
		r := rune(u(0x10FFFF))
		p.other[r] = uint8(u(255))
	}
	for i := range p.root {
		p.root[i] = uint16(u(0xFFFF))
	}
	p.first = make([]uint32, u(0x10000+1))
	for i := range p.first {
		step := uint32(u(maxLen))
		if i > 0 {
			step += p.first[i-1]
		}
		p.first[i] = step
	}
	p.kids = make([]uint32, u(maxLen))
	for i := range p.kids {
		p.kids[i] = uint32(u(0xFFFFFF))
	}
	p.wide = make([]uint16, u(0x10000))
	for i := range p.wide {
		p.wide[i] = uint16(u(0xFFFF))
	}
	p.rows = make([]uint16, u(maxLen))
	for i := range p.rows {
		p.rows[i] = uint16(u(0xFFFF))
	}
	nodes := u(0x10000)
	p.valLo = make([]uint32, nodes)
	p.valHi = make([]uint32, nodes)
	for i := range nodes {
		p.valLo[i] = uint32(u(maxLen))
		p.valHi[i] = p.valLo[i] + uint32(u(maxLen))
	}
	p.vals = make([]valEntry, u(maxLen))
	for i := range p.vals {
		p.vals[i] = valEntry{off: uint8(u(255)), val: uint8(u(9))}
	}
	p.maxLen = u(255)
	p.count = u(maxLen)
	p.left = u(255)
	p.right = u(255)
	for range u(maxLen) {
		w := string(take(&b, u(maxLen), &bad))
		p.except[w] = slices.Clone(take(&b, u(maxLen), &bad))
	}
	p.exMinLen = u(maxLen)
	p.exMaxLen = u(maxLen)
	if bad || len(b) != 0 || !p.consistent() {
		return nil, errCompiled
	}
	return p, nil
}

// take returns the next n bytes of *b, or marks the input bad.
func take(b *[]byte, n int, bad *bool) []byte {
	if n > len(*b) {
		*bad = true
		*b = nil
		return nil
	}
	s := (*b)[:n]
	*b = (*b)[n:]
	return s
}

// consistent reports whether every node, row and value the trie names is
// within it.
func (p *patterns) consistent() bool {
	nodes := len(p.valLo)
	if p.nsym < 2 || len(p.first) != nodes+1 || len(p.wide) != nodes || len(p.rows)%p.nsym != 0 ||
		p.first[nodes] != uint32(len(p.kids)) {
		return false
	}
	for _, c := range p.root {
		if int(c) >= nodes {
			return false
		}
	}
	for i := 1; i < len(p.first); i++ {
		if p.first[i] < p.first[i-1] {
			return false
		}
	}
	for _, k := range p.kids {
		if int(uint16(k)) >= nodes || int(k>>16) >= p.nsym {
			return false
		}
	}
	for _, w := range p.wide {
		if int(w)*p.nsym >= len(p.rows) && w != 0 {
			return false
		}
	}
	for _, c := range p.rows {
		if int(c) >= nodes {
			return false
		}
	}
	for i := range p.valLo {
		if p.valHi[i] > uint32(len(p.vals)) {
			return false
		}
	}
	for _, e := range p.vals {
		if int(e.off) > p.maxLen {
			return false
		}
	}
	return true
}
