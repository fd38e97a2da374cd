package layout

import (
	"strings"
	"testing"
)

// A block's words are cut into tokens of segments, a segment for each
// stretch of one look: a word goes on across runs of the same look as one
// segment, soft hyphens are left out of it, invalid UTF-8 is set as
// U+FFFD, and a look that changes in a word starts a segment.
func TestTokenSegments(t *testing.T) {
	for _, c := range []struct {
		name string
		runs []Run
		want string // tokens apart, segments joined by "+"
	}{
		{"words", []Run{{Text: "States not  party"}}, "States not party"},
		{"one look, two runs", []Run{{Text: "Con"}, {Text: "vention is"}}, "Convention is"},
		{"three runs", []Run{{Text: "a"}, {Text: "b"}, {Text: "c d"}}, "abc d"},
		{"soft hyphens", []Run{{Text: "Con\u00ADven\u00ADtion \u00ADok\u00AD"}}, "Convention ok"},
		{"soft hyphen across runs", []Run{{Text: "Con\u00AD"}, {Text: "vention"}}, "Convention"},
		{"invalid UTF-8", []Run{{Text: "a\xffb \xfe"}}, "a\uFFFDb \uFFFD"},
		{"bold in a word", []Run{{Text: "Con"}, {Text: "vention", Bold: true}, {Text: "al"}}, "Con+vention+al"},
		{"hyphen between letters", []Run{{Text: "anti-personnel mines"}}, "anti- personnel mines"},
		{"hyphen ending a run", []Run{{Text: "anti-"}, {Text: "personnel"}}, "anti-personnel"},
		{"breaks", []Run{{Text: "one\ntwo\u200Bthree"}}, "one two three"},
		{"footnote", []Run{{Text: "text"}, {FootnoteRef: 3}}, "text+3"},
	} {
		p := newPreparer(fakeMeasurer{}, A4(), nil)
		tb := p.newTextBlock(c.runs, nil, 10, false, AlignLeft, hyphenNever)
		var tokens []string
		for _, tok := range tb.tokens {
			var segs []string
			for _, s := range tok.segs {
				segs = append(segs, s.text)
			}
			tokens = append(tokens, strings.Join(segs, "+"))
		}
		if got := strings.Join(tokens, " "); got != c.want {
			t.Errorf("%s: tokens %q, want %q", c.name, got, c.want)
		}
	}
}
