package edition

import (
	"strconv"
	"strings"
)

var units = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
var tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// NumberWord spells n in English words for 0-99 ("four", "twenty-one"), and
// in digits beyond, as house style spells small numbers.
func NumberWord(n int) string {
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n < 20:
		return units[n]
	case n%10 == 0:
		return tens[n/10]
	default:
		return tens[n/10] + "-" + units[n%10]
	}
}

var ordinalUnits = map[string]string{"one": "first", "two": "second", "three": "third", "five": "fifth",
	"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}

// OrdinalWord spells the ordinal of n for 1-99 ("sixteenth", "twenty-first").
func OrdinalWord(n int) string {
	if n < 1 || n > 99 {
		return strconv.Itoa(n) + "th"
	}
	w := NumberWord(n)
	head, last := "", w
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == '-' {
			head, last = w[:i+1], w[i+1:]
			break
		}
	}
	if o, ok := ordinalUnits[last]; ok {
		return head + o
	}
	if last[len(last)-1] == 'y' {
		return head + last[:len(last)-1] + "ieth"
	}
	return head + last + "th"
}

// AndList joins items as English does: "A", "A and B", "A, B and C".
func AndList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
