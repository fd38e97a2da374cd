// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "sync"

// parsedUTF8Fonts holds the definitions of the UTF-8 fonts parsed in this
// process, by font key and file: a program that writes many documents with
// the same fonts parses each once, and computes its id once.
var parsedUTF8Fonts = utf8FontCache{defs: make(map[string]map[string]fontDefType)}

type utf8FontCache struct {
	mu   sync.Mutex
	defs map[string]map[string]fontDefType // by font key, then by file
}

// get returns the definition of the UTF-8 font file utf8Bytes registered
// under fontkey, without a reader or used runes: those are each
// document's own. The definition's character widths are shared: they are
// never written after parsing.
func (c *utf8FontCache) get(fontkey string, utf8Bytes []byte) (fontDefType, error) {
	c.mu.Lock()
	def, ok := c.defs[fontkey][string(utf8Bytes)] // looking up copies nothing
	c.mu.Unlock()
	if ok {
		return def, nil
	}
	def, err := parseUTF8FontDef(fontkey, utf8Bytes)
	if err != nil {
		return def, err
	}
	c.mu.Lock()
	if c.defs[fontkey] == nil {
		c.defs[fontkey] = make(map[string]fontDefType)
	}
	c.defs[fontkey][string(utf8Bytes)] = def
	c.mu.Unlock()
	return def, nil
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
