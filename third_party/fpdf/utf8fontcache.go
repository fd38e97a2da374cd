// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"sync"
)

// parsedUTF8Fonts holds the definitions of the UTF-8 fonts parsed in this
// process, by font key and file: a program that writes many documents with
// the same fonts parses each once, and computes its id once.
var parsedUTF8Fonts = utf8FontCache{defs: make(map[string][]parsedUTF8Font)}

// maxFilesPerKey is how many files the cache keeps under one font key.
const maxFilesPerKey = 4

type utf8FontCache struct {
	mu   sync.Mutex
	defs map[string][]parsedUTF8Font // by font key
}

// parsedUTF8Font is a font file and its definition. The file is the
// caller's, not a copy: like a registered font's, it must not change.
type parsedUTF8Font struct {
	file []byte
	def  fontDefType
}

// get returns the definition of the UTF-8 font file utf8Bytes registered
// under fontkey, without a reader or used runes: those are each
// document's own. The definition's character widths and cmap are shared:
// they are never written after parsing.
func (c *utf8FontCache) get(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	c.mu.Lock()
	for _, p := range c.defs[fontkey] {
		if sameBytes(p.file, utf8Bytes) {
			c.mu.Unlock()
			return p.def, nil
		}
	}
	c.mu.Unlock()
	def, err := parseUTF8FontDef(fontkey, utf8Bytes)
	if err != nil {
		return def, err
	}
	c.mu.Lock()
	// A long-running program that changes fonts keeps the latest few.
	kept := c.defs[fontkey]
	if len(kept) >= maxFilesPerKey {
		kept = kept[1:]
	}
	c.defs[fontkey] = append(kept, parsedUTF8Font{utf8Bytes, def})
	c.mu.Unlock()
	return def, nil
}

// sameBytes reports whether a and b hold the same bytes; the same memory
// is not compared.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b)
}

// parseUTF8FontDef parses the UTF-8 font file utf8Bytes into the
// definition of the font registered under fontkey.
func parseUTF8FontDef(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
	if err := utf8File.parseFile(); err != nil {
		return fontDefType{}, err
	}
	def := fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		Up:          int(round(utf8File.UnderlinePosition)),
		Ut:          round(utf8File.UnderlineThickness),
		Cw:          utf8File.CharWidths,
		charSymbols: utf8File.charSymbolDictionary,
	}
	def.i, _ = generateFontID(def)
	return def, nil
}
