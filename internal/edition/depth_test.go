package edition_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unireport/internal/diag"
	"unireport/internal/edition"
)

// TestLoadNestedTooDeep: lists nested thousands deep are refused before
// the parser (which recurses once per level) sees them, at the bracket that
// goes too deep, at once.
func TestLoadNestedTooDeep(t *testing.T) {
	const depth = 10000
	const msg = "lists or tables are nested more than 32 deep here: an edition needs at most 3"
	prepend := func(file, text string) fileEdit {
		return func(t *testing.T, files map[string]string) { files[file] = text + files[file] }
	}
	for _, c := range []struct {
		name string
		edit fileEdit
		file string
		at   string // the position, marked by the caret
		col  int    // its column, known without the file
	}{
		{
			name: "vote",
			edit: replace(voteF, "body = \"first-committee\"\n",
				"body = \"first-committee\"\nx = "+strings.Repeat("[", depth)+strings.Repeat("]", depth)+"\n"),
			file: voteF,
			at:   "\nx = " + strings.Repeat("[", 32) + caret + "[",
			col:  37,
		},
		{
			// brackets in strings and comments do not count; columns
			// count characters
			name: "states",
			edit: prepend(statesF, "x = [\"[[[[ é😀\", '''\n]]]][[[[''', # [[[[\n[{y = \"é😀\\\"[[\", z = "+
				strings.Repeat("[", depth)+"1"+strings.Repeat("]", depth)+"}]]\n"),
			file: statesF,
			at:   "z = " + strings.Repeat("[", 29) + caret + "[",
			col:  50, // 54 in bytes
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := brokenCopy(t, c.edit)
			start := time.Now()
			_, diags := edition.Load(dir)
			elapsed := time.Since(start)

			b, err := os.ReadFile(filepath.Join(dir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			line, col := positionOf(t, string(b), c.at)
			if col != c.col {
				t.Fatalf("test: the caret is at column %d, want %d", col, c.col)
			}
			want := fmt.Sprintf("%s:%d:%d: error: %s", filepath.Join(dir, c.file), line, col, msg)
			var errs []string
			for _, d := range diags {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			if len(errs) != 1 || errs[0] != want {
				t.Errorf("errors:\n%s\nwant only\n\t%s", listString(diags), want)
			}
			// The parser and the old quadratic index took over a second.
			if elapsed > 250*time.Millisecond {
				t.Errorf("Load took %v, want well under a second", elapsed)
			}
			t.Logf("Load took %v: %s", elapsed, strings.Join(errs, "; "))
		})
	}
}
