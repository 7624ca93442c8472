package publish

import (
	"bytes"
	"context"
	"html/template"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// reportBody is the report's HTML fragment, in which every problem is an
// element with id "problem-{ID}".
//
// ADAPTER: the report renderer (package internal/report, branch "report")
// is written in parallel. Once merged, this function becomes
//
//	rep, err := report.Build(ctx, st, l.Round.ID, asOf)
//	if err != nil { return "", err }
//	var b bytes.Buffer
//	err = rep.HTMLBody(&b)
//	return b.String(), err
//
// and the fallback below (fallbackTmpl, chineseSeq) can go.
func reportBody(ctx context.Context, st *store.Store, l *zhenggai.Ledger, asOf zhenggai.Date) (string, error) {
	var b bytes.Buffer
	err := fallbackTmpl.Execute(&b, struct {
		L       *zhenggai.Ledger
		R       *zhenggai.Round
		AsOf    zhenggai.Date
		Summary string
	}{l, l.Round, asOf, Summary(l, asOf)})
	return b.String(), err
}

var fallbackTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"seq": chineseSeq,
	"inc": func(i int) int { return i + 1 },
	"measures": func(pn *zhenggai.ProblemNode) string {
		if t := strings.TrimSpace(pn.Problem.Rectification); t != "" {
			return t
		}
		var parts []string
		for i, m := range pn.Measures {
			parts = append(parts, chineseSeq(i+1)+"是"+strings.TrimSpace(m.Content))
		}
		return strings.Join(parts, "")
	},
}).Parse(`<article class="report">
<p>{{with .R.OnsiteStart}}{{if not .IsZero}}{{.Chinese}}{{end}}{{end}}{{with .R.OnsiteEnd}}{{if not .IsZero}}至{{.Chinese}}，{{end}}{{end}}{{.R.Inspector}}对{{.R.Unit}}进行了巡察。{{with .R.FeedbackDate}}{{if not .IsZero}}{{.Chinese}}，{{end}}{{end}}{{.R.Inspector}}向{{.R.Unit}}反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。</p>
<h2>一、组织整改落实情况</h2>
<p>{{.Summary}}</p>
<h2>二、巡察反馈问题整改进展情况</h2>
{{range $i, $c := .L.Categories}}<section class="category">
<h3>（{{seq (inc $i)}}）反馈问题：{{$c.Category.Title}}</h3>
{{range $c.Problems}}<section class="problem" id="problem-{{.Problem.ID}}">
<h4>{{.Problem.Seq}}.{{.Problem.Title}}</h4>
<p><strong>整改情况：</strong>{{measures .}}</p>
<p class="status">整改状态：{{.Status.Label}}</p>
</section>
{{end}}</section>
{{end}}<h2>三、继续深化后续整改</h2>
<p>{{.R.Unit}}将持续巩固整改成果，对已完成的整改事项适时开展“回头看”，对需要长期坚持的事项建立长效机制，确保整改落实到位。</p>
</article>
`))

// chineseSeq writes 1–99 as 一 … 九十九, the numbering of report headings.
func chineseSeq(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}
