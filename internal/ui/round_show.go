package ui

import (
	"fmt"
	"net/http"
	"sort"
	"zhenggai/internal/report"

	"zhenggai"
)

// dashboard is the round's overview page.
type dashboard struct {
	L        *zhenggai.Ledger
	Declared *report.DeclaredCheck // the declared totals against the data as of their date
	Warnings []*warnedMeasure      // measures with a colour, worst first
	ByCat    categoryChart
	Pie      []pieSlice
	FaceNote string       // which faces a PDF printed here would set in place of the document's
	Outcomes []outcomeRow // the figures that are not zero, summed or declared
}

// outcomeRow is one figure of the round's outcomes: summed from its
// measures and, where the report stated it, as declared.
type outcomeRow struct {
	Label    string
	Counted  string
	Declared string // "" when the report did not state it
	Differs  bool
}

func outcomeRows(counted, declared zhenggai.Outcomes) []outcomeRow {
	var out []outcomeRow
	for _, k := range zhenggai.OutcomeKinds {
		c, d := counted.Value(k), declared.Value(k)
		if c == 0 && d == 0 {
			continue
		}
		row := outcomeRow{Label: k.Label(), Counted: counted.Text(k)}
		if d != 0 {
			row.Declared = declared.Text(k)
			row.Differs = row.Declared != row.Counted
		}
		out = append(out, row)
	}
	return out
}

// roundWarnings are the round's measures with a colour, the nearest
// deadline (the most overdue) first: the dashboard's list and its export.
func roundWarnings(l *zhenggai.Ledger) []*warnedMeasure {
	var out []*warnedMeasure
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				if m.Colour != zhenggai.NoColour {
					out = append(out, &warnedMeasure{m, p})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DaysLeft < out[j].DaysLeft })
	return out
}

type warnedMeasure struct {
	*zhenggai.MeasureNode
	Problem *zhenggai.ProblemNode
}

// categoryChart feeds the stacked bar chart of problems by category.
type categoryChart struct {
	Labels []string      `json:"labels"`
	Series []chartSeries `json:"series"`
}

type chartSeries struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Data []int  `json:"data"`
}

type pieSlice struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Value int    `json:"value"`
}

// ShowRound is the dashboard: counts, rate, warnings and charts.
func (h *Handler) ShowRound(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, h.voidedRound(r, id, err))
		return
	}
	declared, err := report.CheckDeclared(r.Context(), h.Store, l)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &dashboard{L: l, Declared: declared, FaceNote: h.faceNote(r), Outcomes: outcomeRows(l.Summary.Outcomes, l.Round.Declared.Outcomes)}
	for _, s := range zhenggai.Statuses {
		series := chartSeries{Key: string(s), Name: s.Label()}
		for _, c := range l.Categories {
			series.Data = append(series.Data, c.Counts[s])
		}
		d.ByCat.Series = append(d.ByCat.Series, series)
		if n := l.Summary.ProblemCounts[s]; n > 0 {
			d.Pie = append(d.Pie, pieSlice{string(s), s.Label(), n})
		}
	}
	for _, c := range l.Categories {
		d.ByCat.Labels = append(d.ByCat.Labels, fmt.Sprintf("(%s)%s", zhenggai.Numeral(c.Seq), c.Title))
	}
	d.Warnings = roundWarnings(l)
	h.render(w, r, http.StatusOK, "round_show", &page{Title: "整改总览", Nav: "dashboard", Round: l.Round, Data: d})
}
