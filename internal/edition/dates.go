package edition

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"unireport/internal/lazyregexp"
)

// Dates written the other way: an editor types a date as the report prints
// it, or as a form asks for it, rather than as TOML wants it.
var (
	numericDate = lazyregexp.New(`^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$`)
	dayMonth    = lazyregexp.New(`^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$`)
	monthDay    = lazyregexp.New(`^([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`)
)

// dateHint recognises text that is meant as a date and returns how to write
// it: "write it year-month-day without quotes: 2018-11-26". ok is false
// when s does not look like a date.
func dateHint(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var y, m, d int
	ambiguous := false
	switch {
	case numericDate.MatchString(s):
		p := numericDate.FindStringSubmatch(s)
		a, _ := strconv.Atoi(p[1])
		b, _ := strconv.Atoi(p[2])
		c, _ := strconv.Atoi(p[3])
		switch {
		case len(p[1]) == 4: // 2018/11/26, 2018-11-6
			y, m, d = a, b, c
		case len(p[3]) == 4: // 26/11/2018, or 11/26/2018 as the United States writes it
			y, m, d = c, b, a
			if a <= 12 && b > 12 {
				m, d = a, b
			} else if a <= 12 && b <= 12 && a != b {
				ambiguous = true
			}
		default:
			return "", false
		}
	case dayMonth.MatchString(s):
		p := dayMonth.FindStringSubmatch(s)
		d, _ = strconv.Atoi(p[1])
		m = monthNumber(p[2])
		y, _ = strconv.Atoi(p[3])
	case monthDay.MatchString(s):
		p := monthDay.FindStringSubmatch(s)
		m = monthNumber(p[1])
		d, _ = strconv.Atoi(p[2])
		y, _ = strconv.Atoi(p[3])
	default:
		return "", false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) || y < 1000 {
		return "write dates year-month-day without quotes, e.g. 2018-11-26", true
	}
	iso := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if ambiguous {
		return fmt.Sprintf("write it year-month-day without quotes: %s if it means %d %s %d", iso, d, time.Month(m), y), true
	}
	return "write it year-month-day without quotes: " + iso, true
}

// daysIn is the number of days of month m in year y.
func daysIn(m time.Month, y int) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func monthNumber(name string) int {
	name = strings.ToLower(name)
	if len(name) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name) {
			return int(m)
		}
	}
	return 0
}

// wrongDate reports a date key whose value is not a TOML date.
func (d *decoder) wrongDate(v any, path string) {
	if s, ok := v.(string); ok {
		if hint, ok := dateHint(s); ok {
			d.diags.Errorf(d.src.at(path, true), "%s is a date written as text (%q): %s", d.keyName(path), s, hint)
			return
		}
	}
	d.wrongType(v, path, "a date written like 2017-12-08 (without quotes)")
}

// unquotedDate recognises a TOML syntax error caused by a date written the
// other way without quotes (date = 26/11/2018, date = 26 November 2018):
// it returns the message, the help and the column where the value starts.
func unquotedDate(line string) (message, help string, col int, ok bool) {
	key, value, found := strings.Cut(line, "=")
	if !found {
		return "", "", 0, false
	}
	if i := strings.IndexByte(value, '#'); i >= 0 {
		value = value[:i]
	}
	hint, isDate := dateHint(value)
	if !isDate {
		return "", "", 0, false
	}
	col = len([]rune(key)) + 1 + len([]rune(value)) - len([]rune(strings.TrimLeft(value, " \t"))) + 1
	return strings.TrimSpace(value) + " is a date", hint, col, true
}
