package linebreak_test

import (
	"fmt"
	"strings"

	"unireport/internal/linebreak"
)

// A paragraph in a monospaced font, each letter and space 1 wide, the
// spaces stretching by 1/2 and shrinking by 1/3, broken at a measure of 28
// by total fit and by first fit, with each line's adjustment ratio. First
// fit fills line 4 and leaves line 5 at ratio 2.5, its spaces 2.25 times
// their width; total fit sets no line looser than 0.8.
func ExampleBreak() {
	text := "Breaking a paragraph greedily fills each line as full as it can, " +
		"and the line after may be left with wide gaps; total fit weighs every " +
		"way of breaking the whole paragraph and takes the best."
	words := strings.Fields(text)
	var items []linebreak.Item
	for i, w := range words {
		if i > 0 {
			items = append(items, linebreak.NewGlue(1, 0.5, 1.0/3))
		}
		items = append(items, linebreak.NewBox(float64(len(w))))
	}
	items = linebreak.Finish(items)
	measure := []float64{28}

	show := func(res linebreak.Result) {
		fmt.Println(res.Method)
		word := 0
		for i, b := range res.Breaks {
			var line []string
			for _, it := range items[res.Starts[i]:b] {
				if it.Kind == linebreak.Box {
					line = append(line, words[word])
					word++
				}
			}
			fmt.Printf("%-28s %5.2f\n", strings.Join(line, " "), res.Ratios[i])
		}
	}
	res, err := linebreak.Break(items, measure, linebreak.DefaultOptions())
	if err != nil {
		panic(err)
	}
	show(res)
	greedy, _ := linebreak.FirstFit(items, measure)
	show(greedy)
	// Output:
	// optimal
	// Breaking a paragraph greedily -1.00
	// fills each line as full as    0.80
	// it can, and the line after    0.80
	// may be left with wide gaps;   0.40
	// total fit weighs every way of -0.60
	// breaking the whole paragraph  0.00
	// and takes the best.           0.00
	// greedy
	// Breaking a paragraph greedily -1.00
	// fills each line as full as it -0.50
	// can, and the line after may   0.40
	// be left with wide gaps; total -0.60
	// fit weighs every way of       2.50
	// breaking the whole paragraph  0.00
	// and takes the best.           0.00
}
