package lazyregexp

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`^(\d+)MSP$`)
	if r.String() != `^(\d+)MSP$` {
		t.Errorf("String = %q", r.String())
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if m := r.FindStringSubmatch("16MSP"); len(m) != 2 || m[1] != "16" {
				t.Errorf("FindStringSubmatch = %q", m)
			}
		})
	}
	wg.Wait()
	if first, again := r.Regexp(), r.Regexp(); first != again {
		t.Error("compiled twice")
	}
	if !r.MatchString("3MSP") || r.MatchString("MSP") {
		t.Error("MatchString")
	}
}

func TestInvalidPanicsOnUse(t *testing.T) {
	r := New(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on use")
		}
	}()
	r.MatchString("x")
}
