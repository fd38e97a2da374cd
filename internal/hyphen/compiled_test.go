package hyphen

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "write patterns/hyph-en-gb.trie again from the TeX file")

// The embedded trie is the one the TeX file gives, field for field; with
// -update it is written again (after the TeX file changes).
func TestCompiledPatterns(t *testing.T) {
	p, err := parsePatterns(enGBSource)
	if err != nil {
		t.Fatal(err)
	}
	want := p.marshal()
	if *update {
		if err := os.WriteFile("patterns/hyph-en-gb.trie", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(enGBCompiled, want) {
		t.Fatal("patterns/hyph-en-gb.trie is not what hyph-en-gb.tex compiles to: run go test ./internal/hyphen -run TestCompiledPatterns -update")
	}
	got, err := unmarshalPatterns(enGBCompiled)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Error("the compiled patterns read back differ from the parsed ones")
	}
}

// Damaged compiled patterns are an error, never a trie that a walk could
// leave: every cut and every changed byte of the embedded file.
func TestCompiledDamaged(t *testing.T) {
	for _, n := range []int{0, 5, len(compiledMagic), len(compiledMagic) + 1, len(enGBCompiled) / 2, len(enGBCompiled) - 1} {
		if _, err := unmarshalPatterns(enGBCompiled[:n]); err == nil {
			t.Errorf("cut to %d bytes: no error", n)
		}
	}
	if _, err := unmarshalPatterns(append(bytes.Clone(enGBCompiled), 0)); err == nil {
		t.Error("a byte too many: no error")
	}
	b := bytes.Clone(enGBCompiled)
	for i := len(compiledMagic); i < len(b); i += 97 {
		old := b[i]
		b[i] ^= 0xA5
		if p, err := unmarshalPatterns(b); err == nil {
			// What still reads is a trie whose walks stay inside it.
			p.levels([]uint8{symDot, 2, 3, 4, 5, symDot}, make([]uint8, 7))
		}
		b[i] = old
	}
}

// BenchmarkLoadCompiled is reading the embedded trie, what a process does
// once instead of BenchmarkParse.
func BenchmarkLoadCompiled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := unmarshalPatterns(enGBCompiled); err != nil {
			b.Fatal(err)
		}
	}
}
