// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

var fixedTime = time.Date(2017, 12, 8, 0, 0, 0, 0, time.UTC)

const testFont = "../../internal/fonts/LiberationSerif-Regular.ttf"

func readTestFont(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(testFont)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The id of a UTF-8 font is the hash of its definition's JSON, as before
// the widths were written into the hash directly.
func TestFontIDIsTheJSONHash(t *testing.T) {
	def, err := parseUTF8FontDef("utf8test", readTestFont(t))
	if err != nil {
		t.Fatal(err)
	}
	def.File = ""
	b, err := json.Marshal(&def)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%x", sha1.Sum(b)); def.i != want {
		t.Errorf("id %s, want %s", def.i, want)
	}
}

// The id is the JSON hash for any widths: leading, trailing and long runs
// of zeros (written from a ready-made run), and none at all.
func TestFontIDAnyWidths(t *testing.T) {
	long := make([]uint16, 5000)
	long[2500] = 7
	for _, cw := range [][]uint16{
		{}, {0}, {5}, {0, 0, 3}, {3, 0, 0}, {1, 0, 2, 0, 0, 65535},
		long, make([]uint16, 256*256),
	} {
		def := fontDefType{Tp: "UTF8", Name: "x", Cw: cw}
		b, err := json.Marshal(&def)
		if err != nil {
			t.Fatal(err)
		}
		got, err := generateFontID(def)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%x", sha1.Sum(b)); got != want {
			t.Errorf("widths of length %d: id %s, want %s", len(cw), got, want)
		}
	}
}

// With the font's cmap, only its characters are looked up: the id is
// still the JSON hash, whatever the cmap holds (characters whose width is
// 0, characters beyond the table, the first and the last).
func TestFontIDFromCmap(t *testing.T) {
	cw := make([]uint16, 3000)
	cmap := map[int]int{}
	for _, c := range []int{1, 2, 700, 701, 2999} {
		cw[c] = uint16(c%9 + 1)
		cmap[c] = 1
	}
	cw[0] = 5       // a UTF-8 font's count of characters, not in its cmap
	cmap[1500] = 1  // a character whose width is 0
	cmap[-1] = 1    // not a character
	cmap[70000] = 1 // beyond the table
	for _, cm := range []map[int]int{cmap, {}, {2999: 1}} {
		def := fontDefType{Tp: "UTF8", Name: "x", Cw: cw, charSymbols: cm}
		if len(cm) < len(cmap) { // the widths of the characters the cmap lacks are 0
			def.Cw = make([]uint16, len(cw))
			def.Cw[0] = cw[0]
			for c := range cm {
				def.Cw[c] = cw[c]
			}
		}
		b, err := json.Marshal(&def)
		if err != nil {
			t.Fatal(err)
		}
		got, err := generateFontID(def)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%x", sha1.Sum(b)); got != want {
			t.Errorf("cmap of %d characters: id %s, want %s", len(cm), got, want)
		}
	}
}

// A reused compressor writes what a new one writes.
func TestReusedCompressorSameBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		data := make([]byte, 1000+rng.IntN(200000))
		for j := range data {
			data[j] = byte('a' + rng.IntN(4+i))
		}
		var fresh bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&fresh, zlib.BestSpeed)
		zw.Write(data)
		zw.Close()
		mem := xmem.compress(data)
		if !bytes.Equal(mem.bytes(), fresh.Bytes()) {
			t.Errorf("stream %d: the pooled compressor wrote other bytes", i)
		}
		mem.release()
	}
}

// A document's subset is the same whether it is cut by a reader that
// parsed the file (as before the cache), by a new one, or by a new one
// given the cmap read at parsing; and two
// documents with the same font, the second served from the cache, are
// the same bytes.
func TestCachedFontsSameDocuments(t *testing.T) {
	font := readTestFont(t)
	used := map[int]int{}
	for _, r := range "Status of Universalization “√” – 2017" {
		used[int(r)] = int(r)
	}
	parsed := newUTF8Font(&fileReader{array: font})
	if err := parsed.parseFile(); err != nil {
		t.Fatal(err)
	}
	want := parsed.GenerateCutFont(copyRunes(used))
	fresh := newUTF8Font(&fileReader{array: font})
	if !bytes.Equal(fresh.GenerateCutFont(copyRunes(used)), want) {
		t.Error("the subset cut by a new reader differs")
	}
	def, err := parseUTF8FontDef("utf8test", font)
	if err != nil {
		t.Fatal(err)
	}
	known := newUTF8Font(&fileReader{array: font})
	known.knownCharSymbols = def.charSymbols
	if !bytes.Equal(known.GenerateCutFont(copyRunes(used)), want) {
		t.Error("the subset cut with the cmap read at parsing differs")
	}

	doc := func() []byte {
		pdf := New("P", "pt", "A4", "")
		pdf.SetCompression(true)
		pdf.SetCreationDate(fixedTime)
		pdf.SetModificationDate(fixedTime)
		pdf.AddUTF8FontFromBytes("serif", "", font)
		pdf.AddPage()
		pdf.SetFont("serif", "", 12)
		pdf.Text(50, 50, "Status of Universalization “√” – 2017")
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first, second := doc(), doc()
	if !bytes.Equal(first, second) {
		t.Error("a document made with the cached font differs from the first")
	}
}

func copyRunes(m map[int]int) map[int]int {
	out := make(map[int]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// The cache keeps a few files per font key, the latest.
func TestFontCacheBounded(t *testing.T) {
	font := readTestFont(t)
	c := utf8FontCache{defs: make(map[string][]parsedUTF8Font)}
	for range maxFilesPerKey + 3 {
		other := append([]byte(nil), font...) // the same font, in other memory
		if _, err := c.get("k", other); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.defs["k"]); n != 1 {
		t.Errorf("%d entries for copies of one file, want 1", n)
	}
	for i := range maxFilesPerKey + 3 {
		other := append([]byte(nil), font...)
		other[len(other)-1] ^= byte(i + 1) // another file, as far as the cache can tell
		if _, err := c.get("k", other); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.defs["k"]); n != maxFilesPerKey {
		t.Errorf("%d entries after %d files, want %d", n, maxFilesPerKey+4, maxFilesPerKey)
	}
}

// SetDisplayDocTitle asks viewers, in the catalog, to show the title.
func TestDisplayDocTitle(t *testing.T) {
	for _, show := range []bool{false, true} {
		pdf := New("P", "pt", "A4", "")
		pdf.SetCreationDate(fixedTime)
		pdf.SetDisplayDocTitle(show)
		pdf.AddPage()
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b.Bytes(), []byte("/ViewerPreferences << /DisplayDocTitle true >>")); got != show {
			t.Errorf("SetDisplayDocTitle(%v): the entry is there: %v", show, got)
		}
	}
}

// BenchmarkParseUTF8Font is the parsing of a UTF-8 font file that the
// cache makes once per process: the definition, its cmap and its id.
func BenchmarkParseUTF8Font(b *testing.B) {
	font := readTestFont(b)
	for b.Loop() {
		if _, err := parseUTF8FontDef("utf8test", font); err != nil {
			b.Fatal(err)
		}
	}
}

// The last zlib writer put back outlives garbage collections, which empty
// a sync.Pool.
func TestZWriterKeptOverCollections(t *testing.T) {
	zw := zwriters.get()
	zwriters.put(zw)
	runtime.GC()
	runtime.GC()
	got := zwriters.get()
	defer zwriters.put(got)
	if got != zw {
		t.Error("a new zlib writer after two collections; want the one kept")
	}
}

// The arrays are unpacked as upstream's reader unpacked them, a last,
// incomplete number included.
func TestUnpackArrays(t *testing.T) {
	upstream := func(data []byte, size int) []int {
		answer := make([]int, 1)
		r := bytes.NewReader(data)
		bs := make([]byte, size)
		c, e := r.Read(bs)
		for e == nil && c > 0 {
			if size == 2 {
				answer = append(answer, int(binary.BigEndian.Uint16(bs)))
			} else {
				answer = append(answer, int(binary.BigEndian.Uint32(bs)))
			}
			c, e = r.Read(bs)
		}
		return answer
	}
	data := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	for n := range len(data) + 1 {
		if got, want := unpackUint16Array(data[:n]), upstream(data[:n], 2); !slices.Equal(got, want) {
			t.Errorf("16-bit, %d bytes: %v, want %v", n, got, want)
		}
		if got, want := unpackUint32Array(data[:n]), upstream(data[:n], 4); !slices.Equal(got, want) {
			t.Errorf("32-bit, %d bytes: %v, want %v", n, got, want)
		}
	}
}

// Streams compressed in the background give the bytes that compressing
// each where it is written gives: with pages written to again after they
// ended, with aliases replaced in the pages (the page count, and one as
// long as what replaces it), with two
// UTF-8 fonts, and with compression off.
func TestBackgroundCompressionSameBytes(t *testing.T) {
	font := readTestFont(t)
	bold, err := os.ReadFile("../../internal/fonts/LiberationSerif-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	doc := func(compress bool, alias string, revisit bool) []byte {
		pdf := New("P", "pt", "A4", "")
		pdf.SetCompression(compress)
		pdf.SetCatalogSort(true) // the fonts in the same order every time
		pdf.SetCreationDate(fixedTime)
		pdf.SetModificationDate(fixedTime)
		pdf.AddUTF8FontFromBytes("serif", "", font)
		pdf.AddUTF8FontFromBytes("serif", "B", bold)
		switch alias {
		case "page count":
			pdf.AliasNbPages("")
		case "as long":
			pdf.RegisterAlias("{ver}", "v2.10")
		}
		for p := range 4 {
			pdf.AddPage()
			for l := range 40 {
				style := ""
				if l%7 == 0 {
					style = "B"
				}
				pdf.SetFont("serif", style, 11)
				pdf.Text(50, float64(60+l*18), fmt.Sprintf("Page %d of {nb}, line %d, {ver}: “Status of Universalization” – ½ √", p+1, l+1))
			}
		}
		if revisit { // back to page 2, which has ended
			pdf.SetPage(2)
			pdf.SetFont("serif", "B", 11)
			pdf.Text(50, 40, "Written after the page ended: ŵ")
			pdf.SetPage(4)
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	defer func() { compressInBackground = true }()
	for _, c := range []struct {
		name     string
		compress bool
		alias    string
		revisit  bool
	}{
		{"pages", true, "", false},
		{"page written to after it ended", true, "", true},
		{"page count alias", true, "page count", false},
		{"alias as long as what replaces it", true, "as long", false},
		{"uncompressed", false, "", true},
	} {
		compressInBackground = true
		got := doc(c.compress, c.alias, c.revisit)
		compressInBackground = false
		want := doc(c.compress, c.alias, c.revisit)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the document compressed in the background differs", c.name)
		}
	}
}

// A document that is never written out leaves no goroutine behind, nor
// does one that is.
func TestBackgroundCompressionLeavesNothingRunning(t *testing.T) {
	font := readTestFont(t)
	before := runtime.NumGoroutine()
	for _, output := range []bool{false, true} {
		pdf := New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("serif", "", font)
		pdf.SetFont("serif", "", 11)
		for range 20 {
			pdf.AddPage()
			pdf.Text(50, 50, strings.Repeat("Status of Universalization ", 20))
		}
		if output {
			if err := pdf.Output(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines running, %d before the documents", n, before)
	}
}

// A font's map from codes to glyphs, compressed as it is written, is the
// 131,072-byte array compressed whole, as upstream makes it: with codes
// at both ends, and with none.
func TestCIDToGIDMapStreamed(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 300, 3000} {
		glyphs := map[int]int{}
		for range n {
			glyphs[rng.IntN(maxCIDs)] = rng.IntN(1 << 16)
		}
		if n > 0 {
			glyphs[maxCIDs-1], glyphs[1] = 7, 0x1234
		}
		whole := make([]byte, 256*256*2)
		for cc, glyph := range glyphs {
			whole[cc*2] = byte(glyph >> 8)
			whole[cc*2+1] = byte(glyph & 0xFF)
		}
		var b bytes.Buffer
		newCIDToGIDMap(glyphs).writeTo(&b)
		if !bytes.Equal(b.Bytes(), whole) {
			t.Errorf("%d codes: the map written differs from the array", n)
		}
		want := xmem.compress(whole)
		got := newCIDToGIDMap(glyphs).compress()
		if !bytes.Equal(got.bytes(), want.bytes()) {
			t.Errorf("%d codes: the map compressed as it is written differs", n)
		}
		got.release()
		want.release()
	}
}

// A font's widths, read from its glyphs' characters kept in two arrays,
// are those upstream's reading gives from them kept in a map, for each
// face of the report's font.
func TestWidthsAsUpstream(t *testing.T) {
	for _, face := range []string{"Regular", "Bold", "Italic", "BoldItalic"} {
		b, err := os.ReadFile("../../internal/fonts/LiberationSerif-" + face + ".ttf")
		if err != nil {
			t.Fatal(err)
		}
		utf := newUTF8Font(&fileReader{array: b})
		if err := utf.parseFile(); err != nil {
			t.Fatal(err)
		}
		symbolToChar := map[int][]int{}
		for char, symbol := range utf.charSymbolDictionary {
			symbolToChar[symbol] = append(symbolToChar[symbol], char)
		}
		want, wantDefault := upstreamWidths(utf, symbolToChar)
		// upstream's []int widths, ours in 16 bits: the same numbers
		if !slices.EqualFunc(utf.CharWidths, want, func(a uint16, b int) bool { return int(a) == b }) || utf.DefaultWidth != wantDefault {
			t.Errorf("%s: the widths differ from upstream's", face)
		}
	}
}

// A width is held in 16 bits as it is, 65535 (the mark of a width of 0)
// included; a larger one (only a font with very wide glyphs on a small
// grid has one) is held as 65534, not wrapped round to a small width or
// to the mark.
func TestWidth16(t *testing.T) {
	for w, want := range map[int]uint16{1: 1, 500: 500, 65534: 65534, 65535: 65535, 65536: 65534, 65536 + 500: 65534, 1 << 20: 65534} {
		if got := width16(w); got != want {
			t.Errorf("width16(%d) = %d, want %d", w, got, want)
		}
	}
}

// upstreamWidths is upstream's parseHMTXTable, run again on utf's file
// with its map from glyphs to characters.
func upstreamWidths(utf *utf8FontFile, symbolToChar map[int][]int) ([]int, float64) {
	utf.SeekTable("hhea")
	utf.skip(34)
	numberOfHMetrics := utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()
	scale := 1000.0 / float64(utf.fontElementSize)
	var defaultWidth float64
	var widths int
	start := utf.SeekTable("hmtx")
	arrayWidths := 0
	charWidths := make([]int, 256*256)
	charCount := 0
	arr := unpackUint16Array(utf.getRange(start, numberOfHMetrics*4))
	for symbol := range numberOfHMetrics {
		arrayWidths = arr[(symbol*2)+1]
		if _, OK := symbolToChar[symbol]; OK || symbol == 0 {
			if arrayWidths >= (1 << 15) {
				arrayWidths = 0
			}
			if symbol == 0 {
				defaultWidth = scale * float64(arrayWidths)
				continue
			}
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < 196608 {
						charWidths[char] = widths
						charCount++
					}
				}
			}
		}
	}
	for pos := range numSymbols - numberOfHMetrics {
		symbol := pos + numberOfHMetrics
		if _, OK := symbolToChar[symbol]; OK {
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < 196608 {
						charWidths[char] = widths
						charCount++
					}
				}
			}
		}
	}
	charWidths[0] = charCount
	return charWidths, defaultWidth
}
