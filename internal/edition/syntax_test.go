package edition

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// A parse error with no rewording keeps the parser's words, and the first
// paragraph of the parser's usage help as its help, on one line.
func TestSyntaxMessageFallsBackToTheParsersUsage(t *testing.T) {
	msg, help := syntaxMessage(toml.ParseError{
		Message: "something new",
		Usage:   "\nA first paragraph\nover two lines.\n\nA second one.\n",
	})
	if msg != "this is not valid TOML: something new" || help != "A first paragraph over two lines." {
		t.Errorf("got %q, %q", msg, help)
	}
	if _, help := syntaxMessage(toml.ParseError{Message: "x"}); help != "" {
		t.Errorf("help %q with no usage", help)
	}
}
