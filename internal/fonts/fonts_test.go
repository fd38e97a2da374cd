package fonts

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestDefaultCoverage(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		index int
		r     rune
		miss  bool
	}{
		{"ordinary text", "Status of Universalization: 35 States (2017), Côte d’Ivoire; 16MSP.", 0, 0, false},
		{"curly quotes and dashes", "“Sri Lanka’s accession” – ‘x’ — … • ²", 0, 0, false},
		{"tick of the participation table", "√", 0, 0, false},
		{"tab and newline", "a\tb\nc", 0, 0, false},
		{"emoji above the BMP", "ok 😀", 3, '😀', true},
		{"CJK", "China 中国", 6, '中', true},
		{"control character", "a\x01b", 1, 0x01, true},
		{"C1 control", "a\u0085", 1, 0x85, true},
		{"invalid UTF-8", "a\xffb", 1, 0xFFFD, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			i, r, miss := Missing(c.text)
			if miss != c.miss || i != c.index || r != c.r {
				t.Errorf("Missing(%q) = %d, %U, %v; want %d, %U, %v", c.text, i, r, miss, c.index, c.r, c.miss)
			}
		})
	}
}

func TestEveryFaceHasTheTick(t *testing.T) {
	for _, f := range Faces {
		if !Default().Has(f, '√') {
			t.Errorf("%s face lacks U+221A", f)
		}
		if Default().Has(f, 0x1F600) {
			t.Errorf("%s face claims U+1F600", f)
		}
	}
}

func TestBytesAreTrueType(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Faces {
		b := Bytes(f)
		if len(b) < 100000 || !bytes.Equal(b[:4], []byte{0, 1, 0, 0}) {
			t.Fatalf("%s: not a TrueType file (%d bytes)", f, len(b))
		}
		if seen[string(b[:200])] {
			t.Errorf("%s: same bytes as another face", f)
		}
		seen[string(b[:200])] = true
		if !bytes.Equal(Default().Bytes(f), b) {
			t.Errorf("Default().Bytes(%s) differs from Bytes", f)
		}
	}
	if !strings.Contains(License, "SIL OPEN FONT LICENSE") || !strings.Contains(License, "Red Hat") {
		t.Error("licence text incomplete")
	}
}

func TestLoad(t *testing.T) {
	s, err := Load(Bytes(Regular), Bytes(Bold), Bytes(Italic), Bytes(BoldItalic))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, miss := s.Missing("“√”"); miss {
		t.Error("loaded set misses characters the default has")
	}
	if _, err := Load(Bytes(Regular), []byte("not a font at all"), Bytes(Italic), Bytes(BoldItalic)); err == nil || !strings.Contains(err.Error(), "bold face") {
		t.Errorf("garbage bold face: err = %v, want one naming the bold face", err)
	}
	otto := append([]byte("OTTO"), make([]byte, 20)...)
	if _, err := Load(otto, Bytes(Bold), Bytes(Italic), Bytes(BoldItalic)); err == nil || !strings.Contains(err.Error(), "CFF") {
		t.Errorf("CFF font: err = %v", err)
	}
	// A truncated file must fail cleanly, not panic.
	for _, n := range []int{0, 11, 12, 100, 1000, 5000} {
		if _, err := Load(Bytes(Regular)[:n], Bytes(Bold), Bytes(Italic), Bytes(BoldItalic)); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
}

func TestFaceOf(t *testing.T) {
	if FaceOf(false, false) != Regular || FaceOf(true, false) != Bold || FaceOf(false, true) != Italic || FaceOf(true, true) != BoldItalic {
		t.Error("FaceOf")
	}
}

func TestNamesAndID(t *testing.T) {
	d := Default()
	want := map[Face]string{Regular: "LiberationSerif", Bold: "LiberationSerif-Bold", Italic: "LiberationSerif-Italic", BoldItalic: "LiberationSerif-BoldItalic"}
	for f, n := range want {
		if got := d.Name(f); got != n {
			t.Errorf("Name(%s) = %q, want %q", f, got, n)
		}
	}
	if d.Family != "Liberation Serif" {
		t.Errorf("Family = %q", d.Family)
	}
	same, err := Load(Bytes(Regular), Bytes(Bold), Bytes(Italic), Bytes(BoldItalic))
	if err != nil {
		t.Fatal(err)
	}
	swapped, err := Load(Bytes(Bold), Bytes(Bold), Bytes(Italic), Bytes(BoldItalic))
	if err != nil {
		t.Fatal(err)
	}
	if same.ID() != d.ID() || swapped.ID() == d.ID() {
		t.Error("ID does not follow the files")
	}
	if swapped.Name(Regular) != "LiberationSerif-Bold" {
		t.Errorf("bold file as regular: Name = %q", swapped.Name(Regular))
	}
	var fe *FaceError
	if _, err := Load(Bytes(Regular), Bytes(Bold), []byte("junk"), Bytes(BoldItalic)); !errors.As(err, &fe) || fe.Face != Italic {
		t.Errorf("junk italic: err = %v, want a FaceError for the italic face", err)
	}
}
