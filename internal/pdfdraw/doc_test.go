package pdfdraw

import (
	"fmt"
	"strings"

	"unireport/internal/layout"
)

func para(text string) *layout.Paragraph {
	return &layout.Paragraph{Runs: []layout.Run{{Text: text}}}
}

func cell(texts ...string) layout.Cell {
	var c layout.Cell
	for _, t := range texts {
		c.Blocks = append(c.Blocks, para(t))
	}
	return c
}

func span(text string, cols, rows int) layout.Cell {
	c := cell(text)
	c.ColSpan, c.RowSpan = cols, rows
	return c
}

// numbered returns n words "<prefix>NNNN", whose order survives extraction.
func numbered(prefix string, from, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%04d", prefix, from+i)
	}
	return strings.Join(w, " ")
}

var quote = "“Given its national conditions and the national defence needs, China could still not accede to the Convention at this stage. However, China ascribes to the goal and principles of the Convention and highly appreciates the humanitarian spirit embodied in the Convention – (...) China has not made any new deployment of landmines over the past ten years.” (Third Review Conference, 2014)"

var states = []string{"Armenia", "Azerbaijan", "Bahrain", "China", "Cuba", "Egypt", "Georgia", "India", "Iran", "Israel",
	"Kazakhstan", "Korea, DPR of", "Korea, Republic of", "Kyrgyzstan", "Lao PDR", "Lebanon", "Libya", "Marshall Islands",
	"Micronesia, Fed. States of", "Mongolia", "Morocco", "Myanmar", "Nepal", "Pakistan", "Palestine", "Russian Federation",
	"Saudi Arabia", "Singapore", "Sri Lanka", "Syria", "Tonga", "United Arab Emirates", "United States of America", "Uzbekistan", "Vietnam"}

// participation is the table of meetings attended: two header rows, the
// first with cells spanning columns and rows, ticks centred.
func participation() *layout.Table {
	third := layout.Cell{Blocks: []layout.Block{&layout.Paragraph{Runs: []layout.Run{{Text: "3"}, {Text: "rd", Superscript: true}, {Text: " RevCon"}}}}}
	head := []layout.Row{
		{Cells: []layout.Cell{span("State not Party", 1, 2), span("2014", 2, 1), span("2015", 2, 1), span("2016", 2, 1), span("2017", 1, 1)}},
		{Cells: []layout.Cell{cell("Intersessional meetings"), third, cell("Intersessional meetings"), cell("14MSP"), cell("Intersessional meetings"), cell("15MSP"), cell("Intersessional meetings")}},
	}
	var body []layout.Row
	for i, s := range []string{"China", "Egypt", "India", "Kazakhstan", "Lebanon", "Libya", "Morocco", "Myanmar", "Pakistan", "Palestine", "Saudi Arabia", "Singapore", "Sri Lanka", "UAE", "USA"} {
		r := layout.Row{Cells: []layout.Cell{cell(s)}}
		for j := 0; j < 7; j++ {
			c := layout.Cell{Align: layout.AlignCenter}
			if (i*7+j)%3 != 1 {
				c.Blocks = []layout.Block{para("√")}
			}
			r.Cells = append(r.Cells, c)
		}
		body = append(body, r)
	}
	return &layout.Table{
		Caption: []layout.Run{{Text: "Participation in Convention-related meetings since the Third Review Conference in 2014"}},
		Head:    head, Body: body,
	}
}

// positions is the long table of States' positions; cellParas paragraphs of
// the quote per row, and the row of the Marshall Islands long enough to span
// pages, with a footnote referenced from its first cell.
func positions(rows, cellParas int) *layout.Table {
	var body []layout.Row
	for i := 0; i < rows; i++ {
		name := states[i%len(states)]
		first := layout.Cell{Blocks: []layout.Block{para(name)}}
		var paras []string
		for k := 0; k < cellParas; k++ {
			paras = append(paras, quote)
		}
		if name == "Marshall Islands" && i < len(states) {
			first.Blocks = []layout.Block{&layout.Paragraph{Runs: []layout.Run{{Text: name}, {FootnoteRef: 2}}}}
			paras = []string{"“Although we still have not yet ratified the treaty " + numbered("w", 0, 700) + "”", "(9MSP, 2008)"}
		}
		body = append(body, layout.Row{ID: fmt.Sprintf("row-%d", i), Cells: []layout.Cell{first, cell(paras...), cell(fmt.Sprintf("%dMSP in %d", 5+i%11, 2003+i%14))}})
	}
	return &layout.Table{
		Head: []layout.Row{{Cells: []layout.Cell{
			cell("State not party"),
			cell("Stated support for the aims of the Convention and stated circumstances for not acceding to the Convention"),
			cell("Last participation in Meetings of the States Parties (MSP) or Review Conference"),
		}}},
		Body:   body,
		Widths: []float64{1.1, 4, 1.3},
	}
}

// sample is a report-like document of a few pages.
func sample() layout.Document {
	return layout.Document{
		Blocks: []layout.Block{
			&layout.TitleBlock{
				Title: []layout.Run{{Text: "Status of Universalization of the Anti-Personnel Mine Ban Convention"}},
				Lines: [][]layout.Run{{{Text: "Presented by the President of the Sixteenth Meeting of the States Parties"}}, {{Text: "8 December 2017"}}},
			},
			&layout.Heading{Level: 1, Runs: []layout.Run{{Text: "Introduction"}}},
			&layout.Paragraph{Runs: []layout.Run{
				{Text: "In 1997, 133 States determined to put an end to the suffering and casualties caused by anti-personnel mines. At the Third Review Conference in 2014, States Parties made several commitments in adopting the "},
				{Text: "Maputo Action Plan", Italic: true},
				{Text: " including promoting “formal adherence to the Convention by States not party to the Convention” ("},
				{Text: "Action #1 of the Maputo Action Plan", Italic: true},
				{Text: "). See the "},
				{Text: "entry of the Marshall Islands", Link: "#row-17"},
				{Text: " and the "},
				{Text: "Convention’s website", Link: "https://www.apminebanconvention.org/"},
				{Text: "."},
			}},
			&layout.List{Items: [][]layout.Block{{para("letters to the 35 States not party;")}, {para("bilateral meetings with 15 States not party.")}}},
			&layout.Table{
				Caption: []layout.Run{{Text: "2017 UNGA First Committee Convention Resolution: Voting by States not party"}},
				Head:    []layout.Row{{Cells: []layout.Cell{cell("In favour (15)"), cell("Abstained (16)"), cell("Not present (3)")}}},
				Body: []layout.Row{
					{Cells: []layout.Cell{cell("Armenia"), cell("Cuba"), cell("Kyrgyzstan")}},
					{Cells: []layout.Cell{cell("Azerbaijan"), cell("Egypt"), cell("Lebanon")}},
					{Cells: []layout.Cell{cell("Micronesia, Federated States of"), cell("Korea, Republic of"), cell()}},
				},
			},
			participation(),
			&layout.Heading{Level: 2, Runs: []layout.Run{{Text: "Positions of States not party"}}},
			&layout.Paragraph{Runs: []layout.Run{{Text: "The President has prepared an overview of the official"}, {FootnoteRef: 1}, {Text: " information available on the views and practices of the 35 States not party."}}},
			positions(len(states), 1),
			&layout.Rule{},
			para("End of the report."),
		},
		Footnotes: map[int][]layout.Block{
			1: {para("Sources of information: statements delivered at Convention-related meetings, voluntary Article 7 reports, responses to questionnaires sent by the ISU and/or the 16MSP President.")},
			2: {para("The Marshall Islands are signatory to the Convention.")},
		},
	}
}
