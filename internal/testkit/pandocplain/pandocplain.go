// Package pandocplain reads the plain text that pandoc writes (-t plain)
// as a reader does: its tables cell by cell, left to right and row by row,
// where the text lays their cells side by side, line by line. Tests use it
// to compare the text pandoc reads from the DOCX with the official text.
// It is test support only: nothing in the program depends on it.
package pandocplain

import (
	"regexp"
	"strings"
)

var (
	// a rule of dashes across a multiline table, above and below it
	fullRule = regexp.MustCompile(`^ *-+ *$`)
	// the rule under a table's header: a run of dashes per column
	columnRule = regexp.MustCompile(`^ *-+( +-+)+ *$`)
	// a grid table's border: + between columns
	gridBorder = regexp.MustCompile(`^\+[-=+]+\+ *$`)
)

// Read returns text with each table replaced by its cells, one cell to a
// line, in reading order; each cell's lines joined by spaces. It reads
// pandoc's grid tables (cells framed by + - |) and its simple and
// multiline tables (columns under a rule of dashes, multiline rows parted
// by blank lines); other text is kept as it is.
func Read(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); {
		switch {
		case gridBorder.MatchString(lines[i]):
			cells, next := readGrid(lines, i)
			out = append(out, cells...)
			i = next
		case columnRule.MatchString(lines[i]):
			// The header is the lines above, back to a blank line or a
			// full rule (a multiline table's top); they are already out.
			h := i
			for h > 0 && strings.TrimSpace(lines[h-1]) != "" && !fullRule.MatchString(lines[h-1]) {
				h--
			}
			multiline := h > 0 && fullRule.MatchString(lines[h-1])
			out = out[:len(out)-(i-h)]
			if multiline {
				out = out[:len(out)-1]
			}
			cols := runStarts(lines[i])
			rows := [][]string{lines[h:i]}
			next := i + 1
			if multiline {
				var row []string
				for ; next < len(lines) && !fullRule.MatchString(lines[next]); next++ {
					if strings.TrimSpace(lines[next]) == "" {
						rows, row = appendRow(rows, row), nil
						continue
					}
					row = append(row, lines[next])
				}
				rows = appendRow(rows, row)
				next++ // the rule below
			} else {
				for ; next < len(lines) && strings.TrimSpace(lines[next]) != ""; next++ {
					rows = append(rows, []string{lines[next]})
				}
			}
			for _, r := range rows {
				out = append(out, cellsOf(r, cols)...)
			}
			i = next
		default:
			out = append(out, lines[i])
			i++
		}
	}
	return strings.Join(out, "\n")
}

func appendRow(rows [][]string, row []string) [][]string {
	if len(row) == 0 {
		return rows
	}
	return append(rows, row)
}

// readGrid reads the grid table whose top border is lines[i]: its cells
// and the index of the line after it.
func readGrid(lines []string, i int) ([]string, int) {
	var cols []int // the columns' left edges: the + of the border
	for k, c := range lines[i] {
		if c == '+' {
			cols = append(cols, k)
		}
	}
	var out []string
	var row []string
	next := i + 1
	for ; next < len(lines); next++ {
		l := lines[next]
		if gridBorder.MatchString(l) {
			out = append(out, cellsOf(row, cols[:len(cols)-1])...)
			row = nil
			continue
		}
		if !strings.HasPrefix(l, "|") {
			break
		}
		// Without the frame: each cell from after its | to the next.
		row = append(row, strings.ReplaceAll(l, "|", " "))
	}
	return out, next
}

// runStarts returns where each run of dashes of a column rule starts.
func runStarts(rule string) []int {
	var out []int
	for k := 0; k < len(rule); k++ {
		if rule[k] == '-' && (k == 0 || rule[k-1] != '-') {
			out = append(out, k)
		}
	}
	return out
}

// cellsOf cuts the lines of one row at the columns' left edges and
// returns each column's text, its lines joined by spaces; empty cells
// are left out.
func cellsOf(row []string, cols []int) []string {
	texts := make([][]string, len(cols))
	for _, l := range row {
		r := []rune(l)
		for c, start := range cols {
			end := len(r)
			if c+1 < len(cols) {
				end = min(cols[c+1], len(r))
			}
			if start < end {
				if t := strings.TrimSpace(string(r[start:end])); t != "" {
					texts[c] = append(texts[c], t)
				}
			}
		}
	}
	var out []string
	for _, t := range texts {
		if len(t) > 0 {
			out = append(out, strings.Join(t, " "))
		}
	}
	return out
}
