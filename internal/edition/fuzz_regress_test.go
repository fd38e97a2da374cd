package edition_test

import (
	"testing"

	"unireport/internal/diag"
	"unireport/internal/edition"
)

// Regression tests for what FuzzLoad found; the inputs are also kept in
// testdata/fuzz/FuzzLoad.

// meetings.toml without a Review Conference loaded clean, and the build
// then failed in the template with "error calling DisplayName: runtime
// error: invalid memory address or nil pointer dereference" (corpus entry
// meetings-no-review-conference).
func TestLoadNeedsReviewConference(t *testing.T) {
	dir := brokenCopy(t, replace(meetingsF, `kind = "review-conference"`, `kind = "msp"`))
	_, diags := edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{
		errAt(meetingsF, "‸[[meeting]]\nkey = \"2014-intersessional\"", `no meeting is a Review Conference`),
	})
}

// A file ending in an unclosed string whose last character takes more than
// one byte (`"…`) got a column past the end of its line: the parser's offset
// fell inside that character (corpus entry eof-inside-a-character).
func TestSyntaxErrorAtEndInsideCharacter(t *testing.T) {
	dir := brokenCopy(t, func(t *testing.T, files map[string]string) { files[statesF] = "\"…" })
	_, diags := edition.Load(dir)
	checkDiags(t, dir, diags, []wantDiag{{file: statesF, line: 1, col: 2, sev: diag.Error}})
}
