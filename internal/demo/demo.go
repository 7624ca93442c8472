// Package demo loads the seed case into a store with sample owners,
// deadlines, progress entries and evidence files, so that a visitor sees a
// round in full at once. Everything it adds beyond the published report is
// invented, and the round says so.
package demo

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/regsample"
	"zhenggai/internal/sample"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/textimport"
)

// Note marks the round as sample data wherever it is shown.
const Note = "示例数据：责任人、时限、进展、佐证材料和整改成效中的金额、人数为虚构"

// outcome is a sample of what a measure produced.
type outcome struct {
	rules          []string
	refunded       zhenggai.Fen
	recovered      zhenggai.Fen
	talks, handled int // 谈话提醒、批评教育; 组织处理
}

// outcomes, by problem and measure number: the rules are those the
// seed's measures say were made or revised, by the names it gives them;
// the amounts and persons are invented to fit the problems (souvenirs
// bought against the rules, reimbursements without papers, lax leave,
// a retired cadre's irregular re-employment ended).
var outcomes = map[[2]int]outcome{
	{4, 1}:  {rules: []string{"谈心谈话制度", "走访看望委员制度", "政协委员学习培训制度"}},
	{6, 1}:  {rules: []string{"委员履职考核评价办法"}},
	{14, 1}: {rules: []string{"档案管理制度"}},
	{16, 2}: {rules: []string{"桑植县政协党建工作制度"}},
	{17, 1}: {rules: []string{"“三会一课”制度", "党费收缴制度"}},
	{19, 1}: {rules: []string{"县政协党组民主生活会制度", "县政协机关党支部组织生活会制度"}},
	{22, 1}: {rules: []string{"桑植县政协“三重一大”事项决策、执行制度"}},
	{24, 1}: {rules: []string{"桑植县政协党组“末位表态”制度"}},
	{30, 1}: {rules: []string{"因私出国(境)管理制度"}},
	{32, 3}: {talks: 3},
	{33, 2}: {refunded: 386_000},
	{34, 1}: {rules: []string{"财务管理制度"}},
	{35, 2}: {recovered: 231_640},
	{38, 2}: {handled: 1},
}

// The problems the seed left 基本完成 (it says 3 without naming them); we
// choose the ones whose text says the work goes on: missing proposal files
// still being searched for, township liaison leaders filled step by step,
// and the age structure of the cadres.
var basicallyCompleted = map[int]bool{14: true, 15: true, 36: true}

// people are invented; the leaders lead categories in turn.
var (
	leaders = []string{"向建国", "王志华", "李春梅", "张立新", "田秀英", "钟明"}
	offices = map[int]string{
		1: "机关党支部", 2: "办公室", 3: "学习文史委", 4: "提案委", 5: "提案委", 6: "办公室", 7: "联络委",
		8: "机关党支部", 9: "办公室", 10: "办公室", 11: "机关党支部", 12: "办公室", 13: "办公室", 14: "办公室",
	}
	owners = []string{"覃丽", "陈伟", "谷红", "刘洋", "彭静", "吴斌", "杨帆", "朱敏"}
)

// Load imports the seed with sample data into st as of today and returns
// the round. It is meant for an empty store. Its changes are recorded in
// the audit log as made by "system:demo" unless ctx names an actor.
func Load(ctx context.Context, st *store.Store, files *attach.Dir, today zhenggai.Date) (*zhenggai.Round, error) {
	if zhenggai.ActorFrom(ctx).Name == "unknown" {
		ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:demo", Via: "cli"})
	}
	im, err := textimport.Parse(sample.Sangzhi)
	if err != nil {
		return nil, fmt.Errorf("parse seed: %w", err)
	}
	plan := im.Round.FeedbackDate // 2020-07-27: the plan follows feedback
	unfinished := 0
	for ci := range im.Categories {
		c := &im.Categories[ci]
		for pi := range c.Problems {
			p := &c.Problems[pi]
			for mi := range p.Measures {
				m := &p.Measures[mi]
				m.Leader = leaders[(c.Seq-1)%len(leaders)]
				m.Office = offices[c.Seq]
				m.Owner = owners[(p.Seq+mi)%len(owners)]
				if m.Kind == "" {
					m.Kind = zhenggai.MeasureImmediate
				}
				// Immediate fixes within a month and a half, mechanisms by
				// the report's date.
				m.Deadline = plan.AddDays(45)
				if m.Kind == zhenggai.MeasureMechanism {
					m.Deadline = plan.AddDays(90)
				}
				// No status of its own: the seed records none per problem,
				// so the import keeps none as 原台账记载 either.
				m.Status = ""
				if basicallyCompleted[p.Seq] && mi == len(p.Measures)-1 {
					// Green, yellow and red: one each, all three the demo
					// owner's and leader's (accounts qinli, xiangjianguo), so
					// that signing in as them shows warnings and a closing to
					// do. Only these deadlines follow today: they are plans,
					// not history.
					m.Deadline = today.AddDays([]int{15, 6, -4}[unfinished%3])
					m.Owner, m.Leader = owners[0], leaders[0]
					unfinished++
				}
				if o, ok := outcomes[[2]int{p.Seq, mi + 1}]; ok {
					m.RuleNames, m.RefundedFen, m.RecoveredFen = o.rules, o.refunded, o.recovered
					m.Talks, m.Organisational = o.talks, o.handled
				}
			}
		}
	}
	// The history happens on the seed's dates, in order: the import and
	// the report's texts when the plan was made, the progress on each
	// entry's day, the closings after the last of them, and the report
	// (Publish) on its date.
	var r *zhenggai.Round
	err = onDay(st, atNine(plan), func() (err error) {
		if r, err = st.ImportRound(ctx, im, Note); err != nil {
			return err
		}
		// The leaders and owners the ledger names make the roster.
		if err := st.EnterNamesInUse(ctx); err != nil {
			return err
		}
		if err := addProofRules(ctx, st, r); err != nil {
			return err
		}
		return addReportTexts(ctx, st, r)
	})
	if err != nil {
		return nil, err
	}
	if err := addProgress(ctx, st, files, r); err != nil {
		return nil, err
	}
	if _, err := LoadRegisters(ctx, st, r.UnitID); err != nil {
		return nil, fmt.Errorf("示例登记簿：%w", err)
	}
	return r, nil
}

// addProofRules gives each mechanism measure the proof rules its rule
// names suggest (selfcheck.Suggest, as the measure form does), when the
// plan is made: 《财务管理制度》 is proven by the voucher rules, and so on.
// The closings (closingDay) come before the registers are entered
// (registersDay), so nothing holds them then; what the rules find since
// the feedback shows on the problem pages afterwards.
func addProofRules(ctx context.Context, st *store.Store, r *zhenggai.Round) error {
	probs, err := st.Problems(ctx, r.ID)
	if err != nil {
		return err
	}
	for _, p := range probs {
		ms, err := st.ProblemMeasures(ctx, p.ID)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Kind != zhenggai.MeasureMechanism {
				continue
			}
			ids := selfcheck.Suggest(m.Mechanism, strings.Join(m.RuleNames, "\n"))
			if len(ids) == 0 {
				continue
			}
			m.ProofRules = ids
			if err := st.UpdateMeasure(ctx, m); err != nil {
				return fmt.Errorf("问题%d第%d项措施的验证规则：%w", p.Seq, m.Seq, err)
			}
		}
	}
	return nil
}

// registersDay is when the demo's registers are entered: after the
// closings and before the report, at the end of the history they record
// (2016年1月 to 2020年10月28日).
var registersDay = time.Date(2020, 10, 27, 9, 0, 0, 0, zhenggai.Shanghai)

// LoadRegisters enters the seed unit's five years of sample registers
// (示例数据): meetings, finance vouchers and party dues in which the seed's
// figures hold (regsample), its people the demo's leaders and owners.
func LoadRegisters(ctx context.Context, st *store.Store, unitID int64) (store.RegisterCounts, error) {
	b, err := regsample.Generate(regsample.Demo(leaders, owners))
	if err != nil {
		return store.RegisterCounts{}, err
	}
	b.UnitID = unitID
	var n store.RegisterCounts
	err = onDay(st, registersDay, func() (err error) {
		// The seed's 全体党员大会 is a type of its own (regsample).
		types := append(slices.Clone(zhenggai.DefaultMeetingTypes), regsample.RectificationMeetingType)
		if err := st.SaveMeetingTypes(ctx, unitID, types); err != nil {
			return err
		}
		n, err = st.ImportRegisters(ctx, b, nil)
		return err
	})
	return n, err
}

// atNine is nine in the morning of d, in Shanghai: when the demo's office
// does the day's work.
func atNine(d zhenggai.Date) time.Time {
	return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 9, 0, 0, 0, zhenggai.Shanghai)
}

// addReportTexts takes from the seed what its report says beyond the
// data (the organisation of the work, the follow-up, the contact lines and
// the signature), so that the demo round's report reads like the seed.
func addReportTexts(ctx context.Context, st *store.Store, r *zhenggai.Round) error {
	t := SeedTexts(sample.Sangzhi)
	r.ReportLeadingGroup, r.ReportWork, r.ReportFollowUp = t.LeadingGroup, t.Work, t.FollowUp
	if err := st.UpdateRound(ctx, r); err != nil {
		return err
	}
	set, err := st.Settings(ctx, r.UnitID)
	if err != nil {
		return err
	}
	set.ReportPhone, set.ReportMailbox, set.ReportEmail, set.ReportSignature = t.Phone, t.Mailbox, t.Email, t.Signature
	return st.SaveSettings(ctx, r.UnitID, set)
}

// Texts are the parts of a report that its data do not hold.
type Texts struct {
	LeadingGroup, Work, FollowUp     string
	Phone, Mailbox, Email, Signature string
}

// SeedTexts reads them from a report laid out as the seed: the paragraphs
// of 一、 after the totals sentence (the first on the leading group), those
// of 三、, and the contact line followed by the signature.
func SeedTexts(text string) Texts {
	var t Texts
	var work, follow []string
	section := ""
	lines := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "一、"), strings.HasPrefix(l, "二、"), strings.HasPrefix(l, "三、"):
			section = l[:len("一、")]
			continue
		case strings.HasPrefix(l, "欢迎"):
			t.Phone = field(l, "联系电话")
			t.Mailbox = field(l, "邮政信箱")
			t.Email = field(l, "电子邮箱")
			if i+1 < len(lines) {
				t.Signature = strings.TrimSpace(lines[i+1])
			}
			section = "end"
		}
		switch section {
		case "一、":
			if strings.HasPrefix(l, "截止") || strings.HasPrefix(l, "截至") {
				continue // the totals: computed, never stored
			}
			if t.LeadingGroup == "" {
				t.LeadingGroup = l
			} else {
				work = append(work, l)
			}
		case "三、":
			follow = append(follow, l)
		}
	}
	t.Work, t.FollowUp = strings.Join(work, "\n"), strings.Join(follow, "\n")
	return t
}

// field is the value after label: in a contact line, up to the next
// sentence or clause end.
func field(line, label string) string {
	i := strings.Index(line, label)
	if i < 0 {
		return ""
	}
	v := strings.TrimLeft(line[i+len(label):], ":：")
	if j := strings.IndexAny(v, "。；;，,"); j >= 0 {
		v = v[:j]
	}
	return strings.TrimSpace(v)
}

// addProgress walks every measure through a first report (正在整改) and a
// final one with an evidence file (基本完成), each on its day and all in
// date order, then through closing on closingDay: the owner asks, the
// leader approves, and the office accepts the problem, which makes its
// measures 已完成 — 已完成 is only ever the result of an accepted close. The
// three unfinished problems stay 基本完成: their measures but the last are
// approved.
func addProgress(ctx context.Context, st *store.Store, files *attach.Dir, r *zhenggai.Round) error {
	probs, err := st.Problems(ctx, r.ID)
	if err != nil {
		return err
	}
	start := r.FeedbackDate
	type entry struct {
		e    *zhenggai.Progress
		m    *zhenggai.Measure
		last bool // the final report of an unfinished problem's last measure
	}
	var entries []entry
	measures := map[int64][]*zhenggai.Measure{}
	for _, p := range probs {
		ms, err := st.ProblemMeasures(ctx, p.ID)
		if err != nil {
			return err
		}
		measures[p.ID] = ms
		for i, m := range ms {
			entries = append(entries, entry{e: &zhenggai.Progress{
				MeasureID: m.ID, Date: start.AddDays(7 + p.Seq%10), Author: m.Owner, Status: zhenggai.InProgress,
				Content: "已按整改方案启动，明确责任人和时限，正在推进。",
			}, m: m})
			final := &zhenggai.Progress{
				MeasureID: m.ID, Date: start.AddDays(40 + (p.Seq+i)%50), Author: m.Owner, Status: zhenggai.BasicallyCompleted,
				Content: strings.TrimSpace(m.Content),
			}
			last := basicallyCompleted[p.Seq] && i == len(ms)-1
			if last {
				final.Content = "主体工作已完成，" + unfinishedNote[p.Seq]
			}
			f, err := evidence(files, p, m)
			if err != nil {
				return err
			}
			final.Files = []zhenggai.Attachment{f}
			entries = append(entries, entry{e: final, m: m, last: last})
		}
	}
	// A measure's first report is weeks before its final one, so that
	// sorting by day keeps each measure's reports in their order.
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].e.Date.Before(entries[j].e.Date) })
	for _, x := range entries {
		err := onDay(st, atNine(x.e.Date), func() error { return st.AddProgress(ctx, x.e, x.m.Version) })
		if err != nil {
			return err
		}
		x.m.Version++
	}
	return onDay(st, closingDay, func() error {
		for _, p := range probs {
			ms := measures[p.ID]
			for i, m := range ms {
				if basicallyCompleted[p.Seq] && i == len(ms)-1 {
					continue
				}
				if _, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseRequest, m.Owner, ""); err != nil {
					return err
				}
				if _, err := st.CloseMeasure(ctx, m.ID, zhenggai.CloseApprove, m.Leader, ""); err != nil {
					return err
				}
			}
			if !basicallyCompleted[p.Seq] {
				if _, err := st.CloseProblem(ctx, p.ID, zhenggai.CloseAccept, OfficeStaff, ""); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

var unfinishedNote = map[int]string{
	14: "仍在查找2014、2015年缺失的提案办理资料，已找回部分回复报告。",
	15: "澧源镇政协联络组长已配备到位，其余乡镇正按程序逐步配齐。",
	36: "已制定干部队伍结构优化计划，中青年干部交流任职正在按程序推进。",
}

// evidence makes a small sample file standing for a scanned document.
func evidence(files *attach.Dir, p *zhenggai.Problem, m *zhenggai.Measure) (zhenggai.Attachment, error) {
	name := fmt.Sprintf("问题%d整改佐证材料（示例）.txt", p.Seq)
	body := fmt.Sprintf("示例佐证材料\n\n具体问题%d：%s\n整改措施：%s\n责任人：%s\n\n（此文件为演示用虚构材料。）\n",
		p.Seq, p.Title, m.Content, m.Owner)
	sum, size, err := files.Put(strings.NewReader(body))
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	return zhenggai.Attachment{Name: name, SHA256: sum, Size: size, ContentType: "text/plain; charset=utf-8"}, nil
}

// closingDay is when the demo's closings happen: after the last evidence
// (at most 2020年10月25日) and before the report of 2020年10月28日, so that
// the report as of that date counts the 35 problems the office accepted.
var closingDay = time.Date(2020, 10, 26, 10, 0, 0, 0, zhenggai.Shanghai)

// onDay runs fn with the store's clock at t.
func onDay(st *store.Store, t time.Time, fn func() error) error {
	st.SetClock(func() time.Time { return t })
	defer st.SetClock(nil)
	return fn()
}
