package ui

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"cdate": func(d zhenggai.Date) string {
		if d.IsZero() {
			return "—"
		}
		return d.Chinese()
	},
	"iso": func(d zhenggai.Date) string { return d.String() },
	"ctime": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(zhenggai.Shanghai).Format("2006年1月2日 15:04")
	},
	"closeLabel":  func(s zhenggai.CloseState) string { return s.Label() },
	"actionLabel": func(a zhenggai.CloseAction) string { return a.Label() },
	"statusLabel": func(s zhenggai.Status) string { return s.Label() },
	"colourLabel": func(c zhenggai.Colour) string { return c.Label() },
	"statuses":    func() []zhenggai.Status { return zhenggai.Statuses },
	"colours":     func() []zhenggai.Colour { return zhenggai.Colours },
	"kindLabel":   func(k zhenggai.MeasureKind) string { return k.Label() },
	"outcomeLine": outcomeLine,
	"noticePath":  NoticePath,
	"ruleTitle":   zhenggai.RuleTitle,
	"cnum":        zhenggai.Numeral,
	"daysLeft": func(m *zhenggai.MeasureNode) string {
		switch {
		case m.Deadline.IsZero() || m.Status.Done() || m.CloseState == zhenggai.CloseApproved:
			// Approved by its leader: the wait is the office's, as for
			// its colour (zhenggai.MeasureColour).
			return ""
		case m.DaysLeft < 0:
			return fmt.Sprintf("逾期%d天", -m.DaysLeft)
		case m.DaysLeft == 0:
			return "今天到期"
		}
		return fmt.Sprintf("剩%d天", m.DaysLeft)
	},
	"percent": func(n, total int) int {
		if total == 0 {
			return 0
		}
		return n * 100 / total
	},
	"add": func(a, b int) int { return a + b },
	// stepArgs are the hidden fields of a proposal's step form.
	"stepArgs":  func(version int64, actor, action string) stepHidden { return stepHidden{version, actor, action} },
	"rankChart": rankChart,
	"query":     func(kv ...string) template.URL { return template.URL(buildQuery(kv...)) },
	"size": func(n int64) string {
		switch {
		case n >= 1<<20:
			return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
		case n >= 1<<10:
			return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
		}
		return fmt.Sprintf("%d 字节", n)
	},
	"storage":  store.SizeText, // 9.8GB
	"lines":    func(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") },
	"periodCN": zhenggai.PeriodChinese, // 2019-03 as 2019年3月
	"yuan2":    zhenggai.Yuan2,         // money as offices write it: 4682.00
}

// buildQuery makes "?a=1&b=2" from pairs, leaving out empty values.
func buildQuery(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return "?"
	}
	return "?" + v.Encode()
}

// outcomeLine is what one measure produced, as its card shows it: the
// rules by name, amounts to the fen (a record, not a report's round
// figure) and persons; "" when it records nothing.
func outcomeLine(m *zhenggai.Measure) string {
	var parts []string
	if len(m.RuleNames) > 0 {
		var titles strings.Builder
		for _, n := range m.RuleNames {
			titles.WriteString(zhenggai.RuleTitle(n))
		}
		parts = append(parts, "建立完善制度"+titles.String())
	}
	o := m.Outcomes()
	for _, k := range zhenggai.OutcomeKinds[1:] {
		switch v := o.Value(k); {
		case v == 0:
		case k.Money():
			parts = append(parts, k.Label()+zhenggai.Fen(v).Yuan()+"元")
		default:
			parts = append(parts, k.Label()+o.Text(k))
		}
	}
	return strings.Join(parts, " · ")
}

// stepHidden are the hidden fields of a proposal's step form: the
// version seen, the part and the action.
type stepHidden struct {
	V    int64
	A, S string
}
