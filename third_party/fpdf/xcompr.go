// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zwriters holds zlib writers for reuse: a new writer allocates about 1 MB
// of state, more than most streams it compresses. Reset gives a writer
// that writes the same bytes as a new one.
var zwriters zwriterCache

// zwriterCache is a pool of zlib writers that also keeps the last one put
// back out of the garbage collector's reach: a sync.Pool is emptied by
// collections, and a program that writes a document now and then (after
// a few collections each time) would otherwise make a new writer for
// every document.
type zwriterCache struct {
	mu   sync.Mutex
	kept *zlib.Writer
	pool sync.Pool
}

func (c *zwriterCache) get() *zlib.Writer {
	c.mu.Lock()
	zw := c.kept
	c.kept = nil
	c.mu.Unlock()
	if zw != nil {
		return zw
	}
	if zw, ok := c.pool.Get().(*zlib.Writer); ok {
		return zw
	}
	zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}

func (c *zwriterCache) put(zw *zlib.Writer) {
	c.mu.Lock()
	if c.kept == nil {
		c.kept = zw
		zw = nil
	}
	c.mu.Unlock()
	if zw != nil {
		c.pool.Put(zw)
	}
}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	mem.buf.Grow(len(data))
	return pool.compressWith(mem, func(zw io.Writer) { zw.Write(data) })
}

// compressWith compresses into mem what write writes: the same bytes as
// compressing it written at once, however it is cut up.
func (pool *xmempool) compressWith(mem *membuffer, write func(io.Writer)) *membuffer {
	zw := zwriters.get()
	defer zwriters.put(zw)
	zw.Reset(&mem.buf)
	w := errWriter{w: zw}
	write(&w)
	if w.err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", w.err))
	}
	if err := zw.Close(); err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

// errWriter keeps the first error of the writes to w, and makes none after
// it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
