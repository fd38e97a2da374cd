// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"io"
	"sort"
)

// Streams compressed in the background.
//
// A document's largest streams, its pages' content and its fonts'
// subsets, are compressed while the rest of the document is made: a
// page's content as soon as the page ends, while the next pages are
// drawn; a font's subset as soon as the document ends, while the pages
// are written out. They are compressed one after another, each in a
// goroutine that waits for the one before, so that one compressor is
// busy at a time (a compressor holds about a megabyte) and a document
// that is never closed leaves nothing running. The bytes are the same as
// compressing each stream where it is written would give.

// compressInBackground is false in tests that compare with the bytes of
// streams compressed where they are written.
var compressInBackground = true

// background is the last stream started compressing in the background.
type background struct {
	last chan struct{} // closed when it is done; nil: none started
}

// start compresses data in a goroutine after the stream started before,
// and returns a channel closed when the result is in *out.
func (b *background) start(data []byte, out **membuffer) chan struct{} {
	return b.startWith(func() *membuffer { return xmem.compress(data) }, out)
}

// startWith is start for a stream that compress compresses.
func (b *background) startWith(compress func() *membuffer, out **membuffer) chan struct{} {
	before, done := b.last, make(chan struct{})
	b.last = done
	go func() {
		if before != nil {
			<-before
		}
		*out = compress()
		close(done)
	}()
	return done
}

// endedPage is a page's content compressed in the background: len is the
// length of the content compressed; mem holds the result once done is
// closed.
type endedPage struct {
	len  int
	mem  *membuffer
	done chan struct{}
}

// compressEndedPage starts compressing the content of the page that has
// just ended.
func (f *Fpdf) compressEndedPage() {
	if !f.compress || !compressInBackground || f.page < 1 || f.err != nil {
		return
	}
	for len(f.endedPages) <= f.page {
		f.endedPages = append(f.endedPages, nil)
	}
	data := f.pages[f.page].Bytes()
	p := &endedPage{len: len(data)}
	p.done = f.background.start(data, &p.mem)
	f.endedPages[f.page] = p
}

// waitEndedPages returns when the pages' content compressed in the
// background is: nothing reads the pages in the background after it.
func (f *Fpdf) waitEndedPages() {
	for _, p := range f.endedPages {
		if p != nil {
			<-p.done
		}
	}
}

// compressedPage returns page n's content compressed: as it was when the
// page ended, unless it has changed since (a page is written only at its
// end, so a changed page is longer, and an alias replaced in the pages
// changes their content). The caller releases the result.
func (f *Fpdf) compressedPage(n int) *membuffer {
	if n < len(f.endedPages) && f.endedPages[n] != nil {
		p := f.endedPages[n]
		f.endedPages[n] = nil
		<-p.done
		if p.len == f.pages[n].Len() && len(f.aliasMap) == 0 {
			return p.mem
		}
		p.mem.release()
	}
	return xmem.compress(f.pages[n].Bytes())
}

// fontSubset is a UTF-8 font's subset as the document embeds it: its
// length, and, once done is closed, the subset and the map from character
// codes to glyphs, each compressed.
type fontSubset struct {
	len               int
	file, cidToGIDMap *membuffer
	done              chan struct{}
}

// cutSubsets cuts each UTF-8 font's subset of the characters used out of
// its file, now that the document has ended and they are known, and
// starts compressing it and its map from character codes to glyphs.
func (f *Fpdf) cutSubsets() {
	if f.err != nil {
		return
	}
	keys := make([]string, 0, len(f.fonts))
	for key, font := range f.fonts {
		if font.Tp == "UTF8" {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys) // the order they are cut in is the same every time
	f.subsets = make(map[string]*fontSubset, len(keys))
	for _, key := range keys {
		font := f.fonts[key]
		delete(font.usedRunes, 0)
		file := font.utf8File.GenerateCutFont(font.usedRunes)
		codes := font.utf8File.CodeSymbolDictionary
		delete(codes, 0)
		m := newCIDToGIDMap(codes)
		s := &fontSubset{len: len(file)}
		if compressInBackground {
			f.background.startWith(m.compress, &s.cidToGIDMap)
			s.done = f.background.start(file, &s.file)
		} else {
			s.cidToGIDMap, s.file = m.compress(), xmem.compress(file)
			s.done = make(chan struct{})
			close(s.done)
		}
		f.subsets[key] = s
	}
}

// subset returns the subset of the UTF-8 font under key that cutSubsets
// cut, compressed. The caller releases its buffers.
func (f *Fpdf) subset(key string) *fontSubset {
	s := f.subsets[key]
	<-s.done
	return s
}

// cidToGIDMap is a UTF-8 font's map from character codes to glyphs, as
// the PDF embeds it: the glyph of code c in bytes 2c and 2c+1 (big-endian)
// of a 131,072-byte stream. Few codes are used: the stream, mostly zeros,
// is compressed as it is written, never made whole.
type cidToGIDMap struct {
	codes  []int // the codes used, in order
	glyphs map[int]int
}

// maxCIDs is the number of codes the map has room for.
const maxCIDs = 256 * 256

func newCIDToGIDMap(glyphs map[int]int) cidToGIDMap {
	m := cidToGIDMap{glyphs: glyphs}
	for c := range glyphs {
		if c >= 0 && c < maxCIDs { // as all are: text is written in UCS-2
			m.codes = append(m.codes, c)
		}
	}
	sort.Ints(m.codes)
	return m
}

// zeros are written for the codes between those used.
var zeros [4096]byte

// writeTo writes the map's stream to w.
func (m cidToGIDMap) writeTo(w io.Writer) {
	next := 0 // the first code not written
	glyph := make([]byte, 2)
	gap := func(to int) {
		for n := 2 * (to - next); n > 0; n -= min(n, len(zeros)) {
			w.Write(zeros[:min(n, len(zeros))])
		}
	}
	for _, c := range m.codes {
		gap(c)
		g := m.glyphs[c]
		glyph[0], glyph[1] = byte(g>>8), byte(g&0xFF)
		w.Write(glyph)
		next = c + 1
	}
	gap(maxCIDs)
}

// compress compresses the map's stream.
func (m cidToGIDMap) compress() *membuffer {
	return xmem.compressWith(xmem.Get().(*membuffer), m.writeTo)
}
