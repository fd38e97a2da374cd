package pandocplain

import (
	"strings"
	"testing"
)

// The samples are laid out as pandoc 2.17 writes plain text: a
// multiline table (rows parted by blank lines, a cell on two lines), a
// simple table, and a grid table whose cell holds two paragraphs.
const sample = `Before.

  ---------------------------------------------
  State not      2014          2015
  Party
  -------------- ------------- ----------------
                 Intersessional 3rd
                 meetings       RevCon

  China          √             √

  Egypt                        √
  ---------------------------------------------

  : Participation since 2014

  Name    Count
  ------- -------
  Armenia 1
  Cuba    2

+-----------+--------------------------+--------+
| State     | Position                 | Last   |
+===========+==========================+========+
| Armenia   | First paragraph of the   | 9MSP   |
|           | cell, on two lines.      | in     |
|           |                          | 2008   |
|           | Second paragraph.        |        |
+-----------+--------------------------+--------+
| Bahrain   | “None”                   | Never  |
+-----------+--------------------------+--------+

After.`

func TestRead(t *testing.T) {
	want := []string{
		"Before.",
		"",
		"State not Party", "2014", "2015",
		"Intersessional meetings", "3rd RevCon",
		"China", "√", "√",
		"Egypt", "√",
		"",
		"  : Participation since 2014",
		"",
		"Name", "Count",
		"Armenia", "1",
		"Cuba", "2",
		"",
		"State", "Position", "Last",
		"Armenia", "First paragraph of the cell, on two lines. Second paragraph.", "9MSP in 2008",
		"Bahrain", "“None”", "Never",
		"",
		"After.",
	}
	got := strings.Split(Read(sample), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Read:\n%s\n--- want:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Text without tables is left as it is.
func TestReadPlain(t *testing.T) {
	text := "A paragraph - with a dash.\n\n- a list item\n- another\n\n-----\n"
	if got := Read(text); got != text {
		t.Errorf("Read changed text without tables:\n%q", got)
	}
}
