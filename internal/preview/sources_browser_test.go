package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"unireport/internal/edition"
	"unireport/internal/testkit/browser"
)

// sourceKind is a kind of value of the draft, to click: find is a
// JavaScript expression for the element; want, what the line of its
// source must hold at its column (after the quotes of a string), given
// the element's text; key, the key the line must set, if any.
type sourceKind struct {
	name, find, key string
	want            func(text string) string
	from            string // what a computed figure says it was computed from
}

// TestSourcesInBrowser opens the served draft of 2017 in Chromium and
// clicks a value of each kind: text, a date, a figure, a count, a number
// in words, a name in a list, years, a meeting, a caption, a vote, a tick,
// a quotation, its citation, a last participation, a State of the
// checklist. Each click says which file:line:col it copied; that line of
// the file holds the value at that column. Focused, a computed figure says
// what it was computed from; hovered, a value names its source; Enter does
// what a click does; the overlay's positions are links too.
func TestSourcesInBrowser(t *testing.T) {
	t.Parallel() // its own server and its own tab of the shared browser
	ctx := browser.New(t)
	rec, err := browser.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, dataDir, _ := newServer(t)
	e, diags := edition.Load(dataDir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	base := start(t, s)
	shots := browser.ScreenshotDir(t)
	act(t, ctx, chromedp.EmulateViewport(1100, 800), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("main")))

	year := e.Facts.Year
	keyOf := func(name func(*edition.State) string) func(string) string {
		return func(text string) string {
			for _, st := range e.States {
				if name(st) == text {
					return strconv.Quote(string(st.Key))
				}
			}
			t.Errorf("no State is named %q", text)
			return "?"
		}
	}
	itself := func(text string) string { return text }
	meetings, _ := e.Facts.Work.WorkingGroupMeetings.Number()
	earlier := e.ReportsBefore(year)[0]
	var years []string
	for _, y := range earlier.Years {
		years = append(years, strconv.Itoa(y))
	}
	kinds := []sourceKind{
		{name: "text", key: "title", find: `document.querySelector(".title-block h1 [data-src]")`, want: itself},
		{name: "date", key: "date", find: `[...document.querySelectorAll(".title-block [data-src]")].find(e => /\d{4}$/.test(e.textContent))`,
			want: func(text string) string {
				d, err := time.Parse("2 January 2006", text)
				if err != nil {
					t.Errorf("the date %q: %v", text, err)
				}
				return d.Format("2006-01-02")
			}},
		{name: "figure", key: "states_parties", find: bySentence("the Convention has ", strconv.Itoa(e.Facts.StatesParties)), want: itself},
		{name: "count", find: `document.querySelector('main p [data-src-from^="count of [[state]]"]')`,
			want: func(string) string { return "[[state]]" }, from: "count of [[state]] in states.toml"},
		{name: "number in words", key: "working_group_meetings", find: bySentence("has met on ", edition.NumberWord(meetings)),
			want: func(string) string { return strconv.Itoa(meetings) }},
		{name: "name in a list", key: "name", find: bySentence("previously including ", earlier.State.Name), want: itself},
		{name: "years", key: "article7_reports", find: bySentence(" (", strings.Join(years, " and ")),
			want: func(string) string { return "[" + strings.Join(years, ", ") + "]" }},
		{name: "meeting", key: "name", find: bySentence("At the ", e.ReviewConference().DisplayName()), want: itself},
		{name: "caption", key: "year", find: `document.querySelector("#vote caption [data-src]")`, want: itself},
		{name: "vote", find: `document.querySelector("#vote tbody td [data-src]")`, want: keyOf((*edition.State).VoteName)},
		{name: "tick", find: `document.querySelector("#participation td[data-mark][data-src]")`,
			want: func(string) string {
				row := eval[string](t, ctx, `document.querySelector("[data-test-kind]").closest("tr").querySelector("th").textContent`)
				return keyOf((*edition.State).ParticipationName)(row)
			}},
		{name: "quotation", key: "text", find: `document.querySelector("#positions tbody td:nth-child(2) [data-src]")`,
			want: func(text string) string { return firstWords(text, 8) }},
		{name: "citation", key: "occasion", find: `document.querySelectorAll("#positions tbody td:nth-child(2) [data-src]")[1]`,
			want: func(text string) string { return text[:max(strings.LastIndex(text, ", "), 0)] }},
		{name: "last participation", key: "meeting", find: `document.querySelector("#positions tbody td:nth-child(3) [data-src]")`, want: itself},
		{name: "checklist", key: "name", find: `[...document.querySelectorAll("li [data-src]")].find(e => document.querySelector("h2[id^=editors-checklist]").compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)`,
			want: itself},
	}
	for i, k := range kinds {
		if !eval[bool](t, ctx, `(() => { document.querySelectorAll("[data-test-kind]").forEach(e => e.removeAttribute("data-test-kind"));
			const e = `+k.find+`; if (!e) return false; e.setAttribute("data-test-kind", "`+k.name+`");
			e.scrollIntoView({block: "center"}); return true })()`) { // in the middle: never under the draft's banner
			t.Errorf("%s: no such value in the page", k.name)
			continue
		}
		sel := chromedp.CSS(`[data-test-kind="` + k.name + `"]`)
		src := eval[string](t, ctx, `document.querySelector('[data-test-kind]').dataset.src`)
		text := strings.TrimSpace(eval[string](t, ctx, `document.querySelector('[data-test-kind]').textContent`))
		if k.name == "tick" {
			text = eval[string](t, ctx, `document.querySelector('[data-test-kind]').dataset.mark`)
		}
		before := eval[string](t, ctx, `document.getElementById("unireport-src-status").textContent`)
		// clicked, or every third one focused and Enter pressed
		if i%3 == 2 {
			act(t, ctx, chromedp.Focus(sel), chromedp.KeyEvent("\r"))
		} else {
			act(t, ctx, chromedp.Click(sel))
		}
		poll(t, ctx, k.name+": the line saying what the click did",
			`(s => s.textContent !== `+jsString(before)+` && s.textContent.includes(`+jsString(src)+`))(document.getElementById("unireport-src-status"))`)
		status := eval[string](t, ctx, `document.getElementById("unireport-src-status").textContent`)
		file, line, col := parsePosition(t, status)
		if file == "" {
			t.Errorf("%s %q: the click says %q, which names no file:line:col", k.name, text, status)
			continue
		}
		if i == 0 {
			t.Logf("a click says: %s", status)
		}
		got := fileLine(t, file, line)
		if want := k.want(text); !holdsAt(got, col, want) {
			t.Errorf("%s %q: %s:%d is %q, which does not hold %q at column %d", k.name, text, file, line, got, want, col)
		}
		if k.key != "" && !regexp.MustCompile(`\b`+k.key+` = `).MatchString(got) {
			t.Errorf("%s %q: %s:%d is %q, which does not set %s", k.name, text, file, line, got, k.key)
		}
		if !strings.HasPrefix(file, dataDir) {
			t.Errorf("%s: %s is not a file of the edition", k.name, file)
		}
		if k.from != "" {
			act(t, ctx, chromedp.Focus(sel))
			tip := eval[string](t, ctx, `(t => t.hidden ? "" : t.textContent)(document.getElementById("unireport-src-tip"))`)
			if !strings.Contains(tip, k.from) || !strings.Contains(tip, src) {
				t.Errorf("%s: focused, the tip says %q, want what it was computed from (%q) and %s", k.name, tip, k.from, src)
			}
		}
	}
	screenshot(t, ctx, shots, "sources-1-clicked.png")

	// Hovered, a value names its source in the tip, which describes it.
	act(t, ctx, chromedp.ScrollIntoView(chromedp.CSS("#vote tbody td [data-src]")))
	r := eval[[]float64](t, ctx, `(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector("#vote tbody td [data-src]").getBoundingClientRect())`)
	act(t, ctx, chromedp.MouseEvent("mouseMoved", r[0], r[1]))
	poll(t, ctx, "the tip on hover", `!document.getElementById("unireport-src-tip").hidden`)
	tip := eval[string](t, ctx, `document.getElementById("unireport-src-tip").textContent`)
	hovered := eval[string](t, ctx, `document.querySelector("#vote tbody td [data-src]").dataset.src`)
	if !strings.Contains(tip, hovered) || !eval[bool](t, ctx, `document.querySelector("#vote tbody td [data-src]").getAttribute("aria-describedby") === "unireport-src-tip"`) {
		t.Errorf("hovered, the value's tip says %q, want %s, and describes it", tip, hovered)
	}
	screenshot(t, ctx, shots, "sources-2-hover.png")

	// The overlay's positions are links to the editor like the values.
	path := filepath.Join(dataDir, "edition.toml")
	bad, where := broken(t, path, readFile(t, path))
	save(t, path, bad)
	poll(t, ctx, "the overlay", `document.getElementById("unireport-overlay") !== null && document.readyState === "complete"`)
	act(t, ctx, chromedp.Click(chromedp.CSS("#unireport-overlay code[data-src]")))
	poll(t, ctx, "the click on the overlay's position", `document.getElementById("unireport-src-status").textContent.includes(`+jsString(where)+`)`)
	screenshot(t, ctx, shots, "sources-3-overlay.png")
	t.Logf("screenshots in %s", shots)

	for _, e := range rec.Errors() {
		t.Errorf("in the browser: %s", e)
	}
}

// TestSourcesOpenTheEditor serves the draft with an editor's URL template:
// a click on a value opens the URL made of its absolute path, line and
// column.
func TestSourcesOpenTheEditor(t *testing.T) {
	t.Parallel() // its own server and its own tab of the shared browser
	ctx := browser.New(t)
	dataDir, tmplDir := copyEdition(t)
	s, err := New(Config{DataDir: dataDir, TemplatesDir: tmplDir, Editor: "vscode://file/{path}:{line}:{col}", Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	base := start(t, s)
	act(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("main")))
	// The page opens the editor by following a link to its URL: noted here
	// instead of followed.
	eval[bool](t, ctx, `HTMLAnchorElement.prototype.click = function () { window.unireportOpened = this.href }; true`)
	act(t, ctx, chromedp.Click(chromedp.CSS(".title-block h1 [data-src]")))
	poll(t, ctx, "the editor's URL", `typeof window.unireportOpened === "string"`)
	got := eval[string](t, ctx, `window.unireportOpened`)
	src := eval[string](t, ctx, `document.querySelector(".title-block h1 [data-src]").dataset.src`)
	file, line, col := parsePosition(t, src)
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	// {path} after the template's one slash: the path's own is not doubled
	if want := fmt.Sprintf("vscode://file%s:%d:%d", abs, line, col); got != want {
		t.Errorf("the click opened %q, want %q", got, want)
	}
	if status := eval[string](t, ctx, `document.getElementById("unireport-src-status").textContent`); !strings.Contains(status, src) {
		t.Errorf("the page says %q after opening %s", status, src)
	}
}

// bySentence finds the value whose text is value, printed just after the
// words before, in a paragraph of the report.
func bySentence(before, value string) string {
	return `[...document.querySelectorAll("main p [data-src]")].find(e => e.textContent === ` + jsString(value) +
		` && e.previousSibling && e.previousSibling.textContent.endsWith(` + jsString(before) + `))`
}

var positionPattern = regexp.MustCompile(`(\S+\.(?:toml|md)):(\d+):(\d+)`)

// parsePosition finds file:line:col in s.
func parsePosition(t *testing.T, s string) (file string, line, col int) {
	t.Helper()
	m := positionPattern.FindStringSubmatch(s)
	if m == nil {
		return "", 0, 0
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col
}

// fileLine is line n of the file.
func fileLine(t *testing.T, file string, n int) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("%s has no line %d", file, n)
	}
	return lines[n-1]
}

// holdsAt reports whether line holds want at column col (1-based, in
// characters), or just after the quotes that open a string there.
func holdsAt(line string, col int, want string) bool {
	if col < 1 || col > utf8.RuneCountInString(line) {
		return false
	}
	rest := line
	for range col - 1 {
		_, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
	}
	for _, quote := range []string{"", `"`, "'", `"""`, `'''`} {
		if strings.HasPrefix(rest, quote+want) {
			return true
		}
	}
	return false
}

// firstWords is the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}
