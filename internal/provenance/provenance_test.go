package provenance

import (
	"strings"
	"testing"
	"unicode/utf8"

	"unireport/internal/diag"
)

var (
	title = Source{Pos: diag.Pos{File: "data/2017/edition.toml", Line: 8, Col: 9}}
	count = Source{Pos: diag.Pos{File: "data/2017/states.toml", Line: 10, Col: 1}, From: "count of [[state]] in states.toml"}
)

func TestStripGivesTheTextAndWhereEachMarkWas(t *testing.T) {
	s := "# " + Mark(title, "Status") + "\n\nNonetheless, " + Mark(count, "35") + " States remain."
	text, spans := Strip([]byte(s))
	if want := "# Status\n\nNonetheless, 35 States remain."; string(text) != want {
		t.Fatalf("Strip gave %q, want %q", text, want)
	}
	if len(spans) != 2 {
		t.Fatalf("spans %+v, want two", spans)
	}
	for i, c := range []struct {
		text string
		src  Source
	}{{"Status", title}, {"35", count}} {
		sp := spans[i]
		if got := string(text[sp.Start:sp.End]); got != c.text || sp.Source != c.src {
			t.Errorf("span %d covers %q from %v, want %q from %v", i, got, sp.Source, c.text, c.src)
		}
	}
	if Plain(s) != string(text) {
		t.Error("Plain is not Strip's text")
	}
}

func TestMarkNeverNests(t *testing.T) {
	inner := Mark(title, "Status")
	if got := Mark(count, "the "+inner); got != "the "+inner {
		t.Errorf("a marked text was marked again: %q", got)
	}
	if Mark(title, "") != "" {
		t.Error("an empty value was marked")
	}
	if Has("plain") || !Has(inner) {
		t.Error("Has does not tell a mark")
	}
}

// TestStripAnyInput: whatever the delimiters' order, Strip takes every one
// out, and its spans lie in order within the text, never overlapping.
func TestStripAnyInput(t *testing.T) {
	full := Mark(title, "ab")
	header := full[:strings.Index(full, "ab")]
	for _, s := range []string{
		"",
		Open,
		Close + "x" + Sep,
		header,                                   // a mark with no text and no Close
		header + "cut short",                     // never closed
		Open + "file" + Sep + "1" + Sep + "text", // a header cut short: its text stays
		Open + "f" + Sep + "x" + Sep + "1" + Sep + Sep + "not a number" + Close,
		header + "outer " + header + "inner" + Close + " outer again" + Close + " after",
		"é" + full + "ü" + Close + Close + full,
	} {
		text, spans := Strip([]byte(s))
		if strings.ContainsAny(string(text), Open+Sep+Close) {
			t.Errorf("Strip(%q) left a delimiter in %q", s, text)
		}
		end := 0
		for _, sp := range spans {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(text) {
				t.Errorf("Strip(%q): span %+v out of order or place in %q", s, sp, text)
			}
			end = sp.End
		}
	}
	// An inner mark's text has its own source; the outer's resumes after.
	text, spans := Strip([]byte(Mark(count, "x") + header + "outer " + Mark(count, "inner") + " again" + Close))
	var got []string
	for _, sp := range spans {
		got = append(got, string(text[sp.Start:sp.End])+"@"+sp.Source.Pos.File)
	}
	want := []string{"x@data/2017/states.toml", "outer @data/2017/edition.toml", "inner@data/2017/states.toml", " again@data/2017/edition.toml"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("nested marks give %q, want %q", got, want)
	}
	if text, _ := Strip([]byte(Open + "file" + Sep + "1" + Sep + "text")); string(text) != "file1text" {
		t.Errorf("a header cut short gives %q", text)
	}
}

func TestDelimitersInAHeaderAreDropped(t *testing.T) {
	src := Source{Pos: diag.Pos{File: "a" + Close + "b" + Open, Line: 1, Col: 2}, From: "x" + Sep + "y"}
	text, spans := Strip([]byte(Mark(src, "v"+Close+"w")))
	if string(text) != "vw" || len(spans) != 1 || spans[0].Source.Pos.File != "ab" || spans[0].Source.From != "xy" {
		t.Errorf("got %q %+v", text, spans)
	}
}

func TestTextStart(t *testing.T) {
	for _, c := range []struct {
		s    string
		want string
	}{
		{"the Marshall Islands", "the Marshall Islands"},
		{Mark(title, "the Marshall Islands") + " and more", "the Marshall Islands" + Close + " and more"},
		{Open + "cut", Open + "cut"},
	} {
		if got := c.s[TextStart(c.s):]; got != c.want {
			t.Errorf("after TextStart(%q): %q, want %q", c.s, got, c.want)
		}
	}
}

func TestSourceString(t *testing.T) {
	if got := title.String(); got != "data/2017/edition.toml:8:9" {
		t.Errorf("got %q", got)
	}
	if got := count.String(); got != "count of [[state]] in states.toml, the first at data/2017/states.toml:10:1" {
		t.Errorf("got %q", got)
	}
}

func FuzzStrip(f *testing.F) {
	f.Add(Mark(title, "Status") + " and " + Mark(count, "35"))
	f.Add(Open + Open + Sep + Close + Sep)
	f.Fuzz(func(t *testing.T, s string) {
		text, spans := Strip([]byte(s))
		// (in text that is not UTF-8, the bytes around a delimiter taken
		// out may make another: composed text always is)
		if utf8.ValidString(s) && strings.ContainsAny(string(text), Open+Sep+Close) {
			t.Fatalf("a delimiter left in %q", text)
		}
		end := 0
		for _, sp := range spans {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("span %+v out of order or place", sp)
			}
			end = sp.End
		}
		if !strings.ContainsAny(s, Open+Sep+Close) && string(text) != s {
			t.Fatalf("text without marks changed: %q", text)
		}
		// What Mark writes, Strip takes back out.
		if !Has(s) && utf8.ValidString(s) {
			text, spans := Strip([]byte("a" + Mark(count, s) + "b"))
			want := "a" + strings.NewReplacer(Sep, "", Close, "").Replace(s) + "b"
			if string(text) != want || (len(want) > 2 && (len(spans) != 1 || spans[0].Source != count)) {
				t.Fatalf("Mark then Strip gives %q %+v, want %q", text, spans, want)
			}
		}
	})
}
