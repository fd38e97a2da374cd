package hyphen

import (
	"bufio"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"unireport/internal/testkit/seedtext"
)

// parsedAtInit records whether the patterns had been parsed before any test
// ran: start-up must not pay for them.
var parsedAtInit bool

func TestMain(m *testing.M) {
	parsedAtInit = enGB.pats != nil
	os.Exit(m.Run())
}

func TestLazyParse(t *testing.T) {
	if parsedAtInit {
		t.Error("patterns were parsed at package initialisation")
	}
	h := &Hyphenator{tag: "en-GB", src: &enGBSource}
	if h.pats != nil {
		t.Fatal("new Hyphenator already has patterns")
	}
	h.Points("Convention")
	if h.pats == nil {
		t.Fatal("Points did not load the patterns")
	}
	p := h.pats
	h.Points("universalization")
	if h.pats != p {
		t.Error("patterns parsed twice")
	}
}

// hyphenate renders word with a '-' inserted at each point.
func hyphenate(word string, pts []int) string {
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// marked renders word with a '|' at each point, for explicit hyphens.
func marked(word string, pts []int) string {
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteByte('|')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

func mustEN(t testing.TB) *Hyphenator {
	t.Helper()
	h, ok := ForLanguage("en-GB")
	if !ok || h == nil {
		t.Fatal("ForLanguage(en-GB): no hyphenator")
	}
	return h
}

func TestForLanguage(t *testing.T) {
	for _, tag := range []string{"en", "en-GB", "EN-gb", "en_GB", "en-US", "en-AU", "en-Latn-GB"} {
		h, ok := ForLanguage(tag)
		if !ok || h == nil || h != enGB {
			t.Errorf("ForLanguage(%q) = %v, %v; want the en-GB hyphenator", tag, h, ok)
		}
	}
	for _, tag := range []string{"", "fr", "de-CH", "eng", "english", "es-EN", "-en"} {
		if h, ok := ForLanguage(tag); ok || h != nil {
			t.Errorf("ForLanguage(%q) = %v, %v; want nil, false", tag, h, ok)
		}
	}
	var none *Hyphenator
	if got := none.Points("universalization"); got != nil {
		t.Errorf("nil Hyphenator: %v", got)
	}
	h := mustEN(t)
	if h.Tag() != "en-GB" || h.MinLeft() != 2 || h.MinRight() != 3 {
		t.Errorf("Tag, MinLeft, MinRight = %q, %d, %d; want en-GB, 2, 3", h.Tag(), h.MinLeft(), h.MinRight())
	}
}

// TestKnown checks words whose British hyphenation was taken from TeX
// itself run on the same patterns (see testdata/tex-en-gb.txt), with the
// capitals and punctuation of the report.
func TestKnown(t *testing.T) {
	h := mustEN(t)
	for _, c := range []struct{ word, want string }{
		{"universalization", "uni-ver-sal-iz-a-tion"},
		{"Universalization", "Uni-ver-sal-iz-a-tion"},
		{"Intersessional", "In-terses-sional"},
		{"Convention", "Con-ven-tion"},
		{"participation", "par-ti-cip-a-tion"},
		{"humanitarian", "hu-man-it-arian"},
		{"Kazakhstan", "Kaza-kh-stan"},
		{"implementation", "im-ple-ment-a-tion"},
		{"organisation", "or-gan-isa-tion"},
		{"organization", "or-gan-iz-a-tion"},
		{"hyphenation", "hy-phen-a-tion"},
		{"personnel", "per-son-nel"},
		{"ability", "abil-ity"},
		{"through", "through"},
		// The file's \hyphenation exceptions.
		{"university", "uni-ver-sity"},
		{"University", "Uni-ver-sity"},
		{"universities", "uni-ver-sit-ies"},
		{"however", "how-ever"},
		{"manuscript", "ma-nu-script"},
		{"manuscripts", "ma-nu-scripts"},
		{"reciprocity", "re-ci-pro-city"},
		{"throughout", "through-out"},
		{"something", "some-thing"},
		// Punctuation stays outside.
		{"“Convention”,", "“Con-ven-tion”,"},
		{"(participation).", "(par-ti-cip-a-tion)."},
		{"‘universalization’", "‘uni-ver-sal-iz-a-tion’"},
		{"\"humanitarian\";", "\"hu-man-it-arian\";"},
		{"[Kazakhstan]", "[Kaza-kh-stan]"},
		{"*Convention*", "*Con-ven-tion*"},
		{"Convention¹", "Con-ven-tion¹"},
		// An apostrophe splits the word.
		{"Convention’s", "Con-ven-tion’s"},
		{"Convention's", "Con-ven-tion's"},
		{"Parties’", "Parties’"},
	} {
		got := hyphenate(c.word, h.Points(c.word))
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.word, got, c.want)
		}
	}
}

// TestExceptionsUsed checks that the exception list changes a result: the
// patterns alone hyphenate "university" otherwise.
func TestExceptionsUsed(t *testing.T) {
	h := mustEN(t)
	p := h.load()
	if len(p.except) != 8 {
		t.Errorf("%d exceptions, want the file's 8", len(p.except))
	}
	differs := 0
	for w, breaks := range p.except {
		raw := rawBreaks(p, w)
		want := []int{}
		for _, b := range breaks {
			want = append(want, int(b))
		}
		if !slices.Equal(raw, want) {
			differs++
		}
	}
	if differs == 0 {
		t.Error("no exception differs from the patterns: the test proves nothing")
	}
}

// rawBreaks returns the letter counts before each pattern break of the
// lower-case ASCII word w, within the minima, ignoring exceptions.
func rawBreaks(p *patterns, w string) []int {
	sym := []uint8{symDot}
	for _, r := range w {
		sym = append(sym, p.symbol(r))
	}
	sym = append(sym, symDot)
	lev := make([]uint8, len(sym)+1)
	p.levels(sym, lev)
	out := []int{}
	for j := p.left; j <= len(w)-p.right; j++ {
		if lev[j+1]%2 == 1 {
			out = append(out, j)
		}
	}
	return out
}

// TestMinima checks that pattern breaks closer to a word's ends than
// lefthyphenmin 2 and righthyphenmin 3 are suppressed, on words where the
// patterns do have such breaks.
func TestMinima(t *testing.T) {
	h := mustEN(t)
	p := h.load()
	tested := 0
	for _, g := range readGolden(t) {
		w := g[0]
		sym := []uint8{symDot}
		for _, r := range w {
			sym = append(sym, p.symbol(r))
		}
		sym = append(sym, symDot)
		lev := make([]uint8, len(sym)+1)
		p.levels(sym, lev)
		n := len(w)
		for j := 1; j < n; j++ {
			if lev[j+1]%2 == 1 && (j < 2 || n-j < 3) {
				tested++
				if slices.Contains(h.Points(w), j) {
					t.Errorf("%q: break after %d letters of %d", w, j, n)
				}
			}
		}
	}
	if tested == 0 {
		t.Error("no word of the list has a pattern break near its ends: the test proves nothing")
	}
	t.Logf("%d pattern breaks near a word's end suppressed", tested)
}

func readGolden(t testing.TB) [][2]string {
	t.Helper()
	f, err := os.Open("testdata/tex-en-gb.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, want, ok := strings.Cut(line, " ")
		if !ok || strings.ReplaceAll(want, "-", "") != w {
			t.Fatalf("bad golden line %q", line)
		}
		out = append(out, [2]string{w, want})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 500 {
		t.Fatalf("only %d golden words", len(out))
	}
	return out
}

// TestTeXGolden compares every word of the seed text with what TeX gives.
func TestTeXGolden(t *testing.T) {
	h := mustEN(t)
	bad := 0
	for _, g := range readGolden(t) {
		w, want := g[0], g[1]
		if got := hyphenate(w, h.Points(w)); got != want {
			bad++
			t.Errorf("%q: got %q, TeX gives %q", w, got, want)
		}
		// A capital first letter changes nothing.
		cw := strings.ToUpper(w[:1]) + w[1:]
		cwant := strings.ToUpper(want[:1]) + want[1:]
		if got := hyphenate(cw, h.Points(cw)); got != cwant {
			t.Errorf("%q: got %q, want %q", cw, got, cwant)
		}
	}
}

func TestExplicitHyphens(t *testing.T) {
	h := mustEN(t)
	for _, c := range []struct{ word, want string }{
		{"anti-personnel", "anti-|personnel"},
		{"Anti-Personnel", "Anti-|Personnel"},
		{"“anti-personnel”", "“anti-|personnel”"},
		{"non-governmental", "non-|governmental"},
		{"co-operation", "co-|operation"},
		{"well-being", "well-|being"},
		{"Member-State-led", "Member-|State-|led"}, // "led" has 3 letters: allowed
		{"twenty-three-year-old", "twenty-|three-|year-|old"},
		{"UN-Women", "UN-|Women"},
		{"e-mail", "e-mail"},   // 1 letter before the hyphen
		{"X-rays", "X-rays"},   // likewise
		{"long-ab", "long-ab"}, // 2 letters after it
		{"co-op", "co-op"},     // 4 letters in all
		{"pre-", "pre-"},       // trailing hyphen is punctuation
		{"-based", "-based"},   // leading one too
		{"well--being", "well--|being"},
		{"anti‐personnel", "anti‐|personnel"},                // U+2010 HYPHEN
		{"uni\u00adver\u00adsal", "uni\u00ad|ver\u00ad|sal"}, // soft hyphens
		{"anti‑personnel", "anti‑personnel"},                 // U+2011 never breaks
		{"anti-per2sonnel", "anti-per2sonnel"},
	} {
		got := marked(c.word, h.Points(c.word))
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.word, got, c.want)
		}
	}
}

func TestExclusions(t *testing.T) {
	h := mustEN(t)
	for _, w := range []string{
		"", "a", "mine", "Ban.", "“Ban”", // fewer than 5 letters
		"15MSP", "2017", "A/RES/71/34", "Article7", "3rd", "Conven1tion", "universal٣ization",
		"UNGA", "MSP", "CCW", "ICBL", "UNIVERSALIZATION", "(UNICEF),", // capitals only
		"RevCon", "McDonald", "PowerPoint", "iPhone", "universaliZation",
		"https://www.apminebanconvention.org", "http://example.org/convention",
		"www.apminebanconvention.org", "WWW.Example.org", "isu@apminebanconvention.org",
		"participation/universalization", "/usr/share/hyphenation", `C:\Convention\files`,
		"Конвенция", "συμμετοχή", "Conventionδ", "universalizationか", // other scripts
		"Conve\u0301ntion",          // a combining mark: not NFC
		"Convention\u200bdocuments", // invisible characters
		"universal.ization", "universal&ization", "universal ization", "universal_ization",
		"universal–ization", // an en dash is not a hyphen
	} {
		if got := h.Points(w); got != nil {
			t.Errorf("%q: got %v (%q), want nil", w, got, hyphenate(w, got))
		}
	}
}

func TestNonASCII(t *testing.T) {
	h := mustEN(t)
	for _, c := range []struct{ word, want string }{
		// é and ü are letters no en-GB pattern uses: kept, counted, and no
		// pattern matches across them. Expected values from TeX with such
		// a letter (\lccode`\*=`\*, "b*rgermeister" etc.).
		{"Côte", "Côte"},
		{"Rencontré", "Ren-con-tré"},
		{"Bürgermeister", "Bür-ger-meister"},
		{"éducational", "édu-ca-tional"}, // "ducational" gives "duca-tional"
		{"CONVENTIONé", "CONVENTIONé"},
		{"Ｃonvention", "Ｃon-ven-tion"}, // fullwidth C: Latin, in no pattern
	} {
		got := hyphenate(c.word, h.Points(c.word))
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.word, got, c.want)
		}
		checkPoints(t, h, c.word, h.Points(c.word))
	}
	// Case folding of non-ASCII capitals: the Kelvin sign is a K.
	if a, b := h.Points("Kazakhstan"), h.Points("\u212Aazakhstan"); len(a) != len(b) {
		t.Errorf("Kelvin-sign Kazakhstan: %v vs %v", b, a)
	}
}

// TestLongWords checks words longer than the stack buffers.
func TestLongWords(t *testing.T) {
	h := mustEN(t)
	w := strings.Repeat("universalization", 10)
	got := h.Points(w)
	if len(got) < 40 {
		t.Errorf("%d points in a 160-letter word", len(got))
	}
	checkPoints(t, h, w, got)
	one := h.Points("universalization")
	for i, p := range one {
		if got[i] != p {
			t.Fatalf("long word starts %v, want %v", got[:len(one)], one)
		}
	}
	w = strings.Repeat("ab-", 40) + "cdef"
	checkPoints(t, h, w, h.Points(w))
}

// TestPatternParser runs the parser and the algorithm on Liang's own
// example (his thesis and the TeXbook, appendix H).
func TestPatternParser(t *testing.T) {
	src := "% hyphenmins:\n%     generation:\n%         left: 1\n%         right: 1\n" +
		"%     typesetting:\n%         left: 2\n%         right: 2\n" +
		"\\patterns{ % comment }\n.hy1 hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n .ab1c\n}\n" +
		"\\hyphenation{ ta-ble }\n"
	p, err := parsePatterns(src)
	if err != nil {
		t.Fatal(err)
	}
	if p.left != 2 || p.right != 2 {
		t.Errorf("minima %d, %d; want the typesetting 2, 2", p.left, p.right)
	}
	if p.count != 11 {
		t.Errorf("%d patterns, want 11", p.count)
	}
	h := &Hyphenator{tag: "x", src: &src}
	for _, c := range []struct{ word, want string }{
		{"hyphenation", "hy-phen-ation"},
		{"Hyphenation", "Hy-phen-ation"},
		{"table", "ta-ble"},
		{"abcde", "ab-cde"},  // .ab1c matches at the start of a word
		{"xabcde", "xabcde"}, // and nowhere else
	} {
		if got := hyphenate(c.word, h.Points(c.word)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.word, got, c.want)
		}
	}

	for _, bad := range []string{"no patterns here", "\\patterns{ a1b a^^e }", "\\patterns{ ab1c ab2c }", "\\patterns{ a1b } \\hyphenation{ ta-b1e }"} {
		if _, err := parsePatterns(bad); err == nil {
			t.Errorf("parsePatterns(%q): no error", bad)
		}
	}
	if l, r, ok := headerMins("\\patterns{a1b}"); ok {
		t.Errorf("headerMins of no header: %d %d", l, r)
	}
	p, err = parsePatterns("\\patterns{a1b}")
	if err != nil || p.left != 2 || p.right != 3 {
		t.Errorf("default minima: %v %v", p, err)
	}
}

func TestEmbeddedFile(t *testing.T) {
	p, err := parsePatterns(enGBSource)
	if err != nil {
		t.Fatal(err)
	}
	// TeX's own count (initex: "Hyphenation trie of length 10995 has 224
	// ops"; 8527 pattern lines) and the 8 exceptions.
	if p.count != 8527 {
		t.Errorf("%d patterns, want 8527", p.count)
	}
	if p.left != 2 || p.right != 3 {
		t.Errorf("minima %d, %d; want 2, 3", p.left, p.right)
	}
	t.Logf("%d patterns, %d trie nodes, %d letters, longest pattern %d", p.count, len(p.valLo), p.nsym-2, p.maxLen)
}

func TestAllocs(t *testing.T) {
	h := mustEN(t)
	h.Points("warm")
	for _, c := range []struct {
		word string
		max  float64
	}{{"the", 0}, {"UNGA", 0}, {"Convention,", 1}, {"“universalization”", 1}, {"anti-personnel", 1}, {"2017", 0}} {
		if n := testing.AllocsPerRun(100, func() { h.Points(c.word) }); n > c.max {
			t.Errorf("%q: %v allocations, want at most %v", c.word, n, c.max)
		}
	}
}

// TestConcurrent hyphenates from many goroutines at once, starting with
// unparsed patterns; run it with -race.
func TestConcurrent(t *testing.T) {
	words := seedWords(t)
	h := &Hyphenator{tag: "en-GB", src: &enGBSource}
	want := make([][]int, len(words))
	ref := mustEN(t)
	for i, w := range words {
		want[i] = ref.Points(w)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for k := range words {
				i := (k + g*97) % len(words)
				if got := h.Points(words[i]); !reflect.DeepEqual(got, want[i]) {
					select {
					case errs <- words[i]:
					default:
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for w := range errs {
		t.Errorf("%q: concurrent result differs", w)
	}
}

func seedWords(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(seedtext.NeedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(b))
}

// TestSeedSample checks the points of every word of the seed text and logs
// the 20 longest words hyphenated (go test -v -run SeedSample).
func TestSeedSample(t *testing.T) {
	h := mustEN(t)
	words := seedWords(t)
	seen := map[string]bool{}
	var letters []string
	hyphenated := 0
	for _, w := range words {
		pts := h.Points(w)
		checkPoints(t, h, w, pts)
		if len(pts) > 0 {
			hyphenated++
		}
	}
	// For the sample, a word is a run of letters, hyphens and apostrophes
	// (so "framework.\"(Explanations" is two), each spelling once.
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || strings.ContainsRune("-'’\u00ad", r) }
	for _, f := range strings.FieldsFunc(strings.Join(words, " "), func(r rune) bool { return !isWordRune(r) }) {
		core := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if k := strings.ToLower(core); !seen[k] && core != "" {
			seen[k] = true
			letters = append(letters, core)
		}
	}
	sort.SliceStable(letters, func(i, j int) bool {
		a, b := utf8.RuneCountInString(letters[i]), utf8.RuneCountInString(letters[j])
		if a != b {
			return a > b
		}
		return letters[i] < letters[j]
	})
	var sample []string
	for _, w := range letters[:20] {
		pts := h.Points(w)
		if len(pts) > 0 && strings.ContainsAny(w[pts[0]-1:pts[0]], "-\u00ad") {
			sample = append(sample, marked(w, pts))
		} else {
			sample = append(sample, hyphenate(w, pts))
		}
	}
	t.Logf("%d words, %d with points; 20 longest: %s", len(words), hyphenated, strings.Join(sample, " "))
}

// checkPoints checks the properties every result must have.
func checkPoints(t testing.TB, h *Hyphenator, word string, pts []int) {
	t.Helper()
	if pts != nil && len(pts) == 0 {
		t.Errorf("%q: empty non-nil result", word)
	}
	for i, p := range pts {
		if p <= 0 || p >= len(word) {
			t.Fatalf("%q: point %d outside the word (%v)", word, p, pts)
		}
		if i > 0 && p <= pts[i-1] {
			t.Fatalf("%q: points not increasing: %v", word, pts)
		}
		if !utf8.RuneStart(word[p]) {
			t.Fatalf("%q: point %d inside a rune (%v)", word, p, pts)
		}
		before, after := countLetters(word[:p]), countLetters(word[p:])
		if before < h.MinLeft() || after < h.MinRight() {
			t.Fatalf("%q: point %d leaves %d and %d letters (%v)", word, p, before, after, pts)
		}
	}
	if len(pts) > 0 {
		if strings.ContainsAny(word, "@/\\") || strings.Contains(word, "://") ||
			strings.Contains(strings.ToLower(word), "www.") || strings.IndexFunc(word, unicode.IsDigit) >= 0 {
			t.Fatalf("%q: excluded word has points %v", word, pts)
		}
		if countLetters(word) < 5 {
			t.Fatalf("%q: short word has points %v", word, pts)
		}
	}
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if isLetter(r) {
			n++
		}
	}
	return n
}

func FuzzPoints(f *testing.F) {
	for _, s := range []string{
		"universalization", "“Convention”,", "anti-personnel", "Convention’s", "UNGA", "RevCon",
		"https://www.example.org", "uni\u00adver\u00adsal", "Bürgermeister", "éducational", "15MSP",
		"Конвенция", "well--being", "\u212Aazakhstan", "a-b-c-d-e-f", "'''''", "Con\xffvention",
		strings.Repeat("hyphenation", 8),
	} {
		f.Add(s)
	}
	h := mustEN(f)
	f.Fuzz(func(t *testing.T, word string) {
		pts := h.Points(word)
		checkPoints(t, h, word, pts)
		if again := h.Points(word); !slices.Equal(again, pts) {
			t.Fatalf("%q: not deterministic: %v then %v", word, pts, again)
		}
	})
}

// BenchmarkPoints hyphenates every word (whitespace-separated, punctuation
// and all) of the seed text; ns/op is per word.
func BenchmarkPoints(b *testing.B) {
	h := mustEN(b)
	words := seedWords(b)
	h.Points("warm")
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		h.Points(words[i])
		i++
		if i == len(words) {
			i = 0
		}
	}
}

// BenchmarkParse measures the one-off cost of parsing the embedded patterns.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parsePatterns(enGBSource); err != nil {
			b.Fatal(err)
		}
	}
}
