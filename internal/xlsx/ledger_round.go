package xlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// The ledger workbook's 巡察信息 sheet: what the columns cannot hold, one
// item per row, name then value.
const (
	kInspector = "巡察组"
	kUnit      = "被巡察单位"
	kKind      = "类型"
	kStart     = "进驻日期"
	kEnd       = "结束日期"
	kFeedback  = "反馈日期"
	kAsOf      = "统计截至"
	kDCats     = "公布问题数"
	kDProbs    = "公布具体问题数"
	kDDone     = "公布已完成整改数"
	kDBasic    = "公布基本完成整改数"
	kDProg     = "公布正在整改数"
	kDNot      = "公布尚未完成数"
	kDRate     = "公布完成率"
	// The outcomes a report declared.
	kDRules          = "公布建立完善制度数"
	kDRefunded       = "公布清退违规资金（元）"
	kDRecovered      = "公布追回资金（元）"
	kDSaved          = "公布挽回经济损失（元）"
	kDTalks          = "公布谈话提醒、批评教育人数"
	kDOrganisational = "公布组织处理人数"
	kDDisciplinary   = "公布党纪政务处分人数"
)

// readRound reads the 巡察信息 sheet: its items are in the first rows, and
// a sheet of a million rows is not read further.
func (p *reader) readRound() error {
	rows, err := p.b.Rows(RoundSheet)
	if err != nil {
		p.b.Bad(RoundSheet, 1, "", "工作表无法读取")
		return nil
	}
	defer rows.Close()
	r, d := &p.im.Round, &p.im.Declared
	for i := 0; i < 100 && rows.Next(); i++ {
		n, cells := rows.N(), rows.Cells()
		if len(cells) < 2 {
			continue
		}
		// Items are matched as folded (sheet.Fold): 反馈 日期, 公布清退违规资金(元).
		key := sheet.Fold(cells[0])
		val := strings.TrimSpace(p.b.Strip(RoundSheet, n, key, cells[1]))
		if val == "" {
			continue
		}
		bad := func(reason string) { p.b.Bad(RoundSheet, n, key, reason) }
		if strings.ContainsFunc(val, unicode.IsControl) || !utf8.ValidString(val) || utf8.RuneCountInString(val) > zhenggai.MaxName {
			bad("含有控制字符或内容过长（最多100字）")
			continue
		}
		date := func(to *zhenggai.Date) {
			dt, err := p.date(val)
			if err != nil || dt.Year() < 1949 || dt.Year() > 2100 {
				bad(fmt.Sprintf("“%s”不是有效日期，应写作2020年10月28日或2020-10-28", zhenggai.Clip(val, 20)))
				return
			}
			*to = dt
		}
		num := func(to *int) {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(val, "%"), "个"))
			if err != nil || n < 0 || n > 100000 {
				bad(fmt.Sprintf("“%s”应为0至100000之间的整数", zhenggai.Clip(val, 20)))
				return
			}
			*to = n
		}
		money := func(to *zhenggai.Fen) {
			fen, reason := amount(val, false)
			if reason != "" {
				bad(fmt.Sprintf("“%s”%s", zhenggai.Clip(val, 20), reason))
				return
			}
			*to = zhenggai.Fen(fen)
		}
		switch key {
		case kInspector:
			r.Inspector = val
		case kUnit:
			r.Unit = val
		case kKind:
			if k := zhenggai.Kind(val); k.Valid() {
				r.Kind = k
			} else {
				bad("类型应为巡察、巡视或自查")
			}
		case kStart:
			date(&r.OnsiteStart)
		case kEnd:
			date(&r.OnsiteEnd)
		case kFeedback:
			date(&r.FeedbackDate)
		case kAsOf:
			date(&d.AsOf)
		case kDCats:
			num(&d.Categories)
		case kDProbs:
			num(&d.Problems)
		case kDDone:
			num(&d.Completed)
		case kDBasic:
			num(&d.BasicallyCompleted)
		case kDProg:
			num(&d.InProgress)
		case kDNot:
			num(&d.NotCompleted)
		case kDRate:
			num(&d.RatePercent)
		case roundKey(kDRules):
			num(&d.Outcomes.Rules)
		case roundKey(kDRefunded):
			money(&d.Outcomes.RefundedFen)
		case roundKey(kDRecovered):
			money(&d.Outcomes.RecoveredFen)
		case roundKey(kDSaved):
			money(&d.Outcomes.SavedFen)
		case roundKey(kDTalks):
			num(&d.Outcomes.Talks)
		case roundKey(kDOrganisational):
			num(&d.Outcomes.Organisational)
		case roundKey(kDDisciplinary):
			num(&d.Outcomes.Disciplinary)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if r.Inspector == "" || r.Unit == "" {
		p.fromTitle()
	}
	return nil
}

// roundKey is an item's name as read: folded, so （元） is (元).
func roundKey(k string) string { return sheet.Fold(k) }

// titleRe reads "市委第七巡察组巡察桑植县政协党组反馈意见整改清单".
var titleRe = regexp.MustCompile(`^(.*组)(巡察|巡视)(.+?)(?:反馈意见|反馈问题)?(?:整改)?(?:落实)?(?:工作)?(?:清单|台账)$`)

// fromTitle fills the group and unit from the title row when nothing
// else gave them.
func (p *reader) fromTitle() {
	m := titleRe.FindStringSubmatch(sheet.Fold(p.title))
	if m == nil {
		return
	}
	r := &p.im.Round
	if r.Inspector == "" && utf8.RuneCountInString(m[1]) <= zhenggai.MaxName {
		r.Inspector = m[1]
	}
	if r.Unit == "" && utf8.RuneCountInString(m[3]) <= zhenggai.MaxName {
		r.Unit = m[3]
	}
	if r.Kind == "" {
		r.Kind = zhenggai.Kind(m[2])
	}
}

// Supply fills in round facts a workbook lacks, or overrides them: every
// non-empty field of r replaces the one read.
func Supply(im *zhenggai.Imported, r zhenggai.ImportedRound) {
	t := &im.Round
	if r.Inspector != "" {
		t.Inspector = r.Inspector
	}
	if r.Unit != "" {
		t.Unit = r.Unit
	}
	if r.Kind != "" {
		t.Kind = r.Kind
	}
	if !r.OnsiteStart.IsZero() {
		t.OnsiteStart = r.OnsiteStart
	}
	if !r.OnsiteEnd.IsZero() {
		t.OnsiteEnd = r.OnsiteEnd
	}
	if !r.FeedbackDate.IsZero() {
		t.FeedbackDate = r.FeedbackDate
	}
}

// writeRound writes the 巡察信息 sheet. Values are text, not numbers: a
// 公布 figure or date reads back as written.
func writeRound(wb *sheet.Writer, l *zhenggai.Ledger) error {
	r, d := l.Round, l.Round.Declared
	kind := r.Kind
	if kind == "" {
		kind = zhenggai.KindInspection
	}
	rows := [][2]string{
		{kInspector, r.Inspector},
		{kUnit, r.Unit},
		{kKind, string(kind)},
		{kStart, r.Onsite.Start.Chinese()},
		{kEnd, r.Onsite.End.Chinese()},
		{kFeedback, r.FeedbackDate.Chinese()},
	}
	if !d.IsZero() {
		num := func(n int) string {
			if n == 0 {
				return ""
			}
			return strconv.Itoa(n)
		}
		rows = append(rows, [][2]string{
			{kAsOf, d.AsOf.Chinese()}, {kDCats, num(d.Categories)}, {kDProbs, num(d.Problems)},
			{kDDone, num(d.Completed)}, {kDBasic, num(d.BasicallyCompleted)}, {kDProg, num(d.InProgress)},
			{kDNot, num(d.NotCompleted)}, {kDRate, num(d.RatePercent)},
		}...)
		if o := d.Outcomes; !o.IsZero() {
			yuan := func(fen zhenggai.Fen) string {
				if fen == 0 {
					return ""
				}
				return fen.Yuan()
			}
			rows = append(rows, [][2]string{
				{kDRules, num(o.Rules)}, {kDRefunded, yuan(o.RefundedFen)}, {kDRecovered, yuan(o.RecoveredFen)},
				{kDSaved, yuan(o.SavedFen)}, {kDTalks, num(o.Talks)}, {kDOrganisational, num(o.Organisational)},
				{kDDisciplinary, num(o.Disciplinary)},
			}...)
		}
	}
	rows = append(rows, [2]string{"导出日期", l.Today.Chinese()})
	s, err := wb.Sheet(RoundSheet, sheet.Layout{Columns: []sheet.OutColumn{{Header: "项目", Width: 20}, {Header: "内容"}}})
	if err != nil {
		return err
	}
	for _, kv := range rows {
		if err := s.Row(sheet.Cell{Style: sheet.Text, Value: kv[0]}, sheet.Cell{Style: sheet.Text, Value: kv[1]}); err != nil {
			return err
		}
	}
	if err := s.Row(); err != nil {
		return err
	}
	return s.Row(sheet.Cell{Value: fmt.Sprintf("本表供导入时识别巡察轮次；“%s”表中各列为台账内容。", LedgerSheet)})
}
