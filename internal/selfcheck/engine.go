package selfcheck

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"zhenggai"
)

// Areas are the categories findings fall under in a 自查 round, in order.
const (
	AreaMeetings = "会议制度"
	AreaMajor    = "三重一大"
	AreaFinance  = "财务管理"
	AreaDues     = "党费收缴"
	// The CPPCC registers (issue 15).
	AreaProposals = "提案"
	AreaMembers   = "委员"
	AreaLiaison   = "联络组"
	// Registers (III), issue 16.
	AreaStudy      = "理论学习"
	AreaAttendance = "考勤请假"
	AreaTravel     = "因私出国(境)"
	AreaRetired    = "退休干部兼职"
	AreaArchives   = "档案管理"
)

// Areas in the order pages and rounds list them.
var Areas = []string{AreaStudy, AreaMeetings, AreaMajor, AreaFinance, AreaDues, AreaProposals, AreaMembers, AreaLiaison,
	AreaAttendance, AreaTravel, AreaRetired, AreaArchives}

// MaxRecords bounds the records one finding names: the figures carry the
// full count, the links the first ones (a county's five years could name
// thousands of vouchers).
const MaxRecords = 200

// List splits a list setting: one item a line (commas and 、 also
// separate), blanks dropped.
func List(v string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool {
		return r == '\n' || r == '\r' || r == ',' || r == '，' || r == '、' || r == ';' || r == '；'
	}) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Expense is a voucher's expense from its lines, as zhenggai.Voucher's
// Expense defines it (expense accounts, or where the voucher has no line
// on them budget accounts, never both); the loader computes the same in
// SQL (store.Registers).
func Expense(lines []zhenggai.VoucherLine, expense, budget []string) zhenggai.Fen {
	v := zhenggai.Voucher{Lines: lines}
	return v.Expense(expense, budget)
}

// Expense is the voucher's expense: as the loader computed it, or from
// its lines.
func (r *Registers) Expense(v *zhenggai.Voucher) zhenggai.Fen {
	if r.Expenses != nil {
		return r.Expenses[v.ID]
	}
	e, b := r.ExpensePrefixes, r.BudgetPrefixes
	if e == nil && b == nil {
		e, b = zhenggai.DefaultExpensePrefixes, zhenggai.DefaultBudgetPrefixes
	}
	return Expense(v.Lines, e, b)
}

// Values fills a rule's settings from a unit's stored named settings
// ("selfcheck.<rule>.<name>"), defaults where unset.
func (r Rule) Values(stored map[string]string) Values {
	v := Values{}
	for _, s := range r.Settings {
		val := strings.TrimSpace(stored[r.SettingName(s)])
		if val == "" {
			val = s.Default
		}
		v[s.Name] = val
	}
	return v
}

// Changed are the rule's settings the unit set to other than their
// defaults, in the rule's order: a proof's findings depend on them (a
// threshold raised finds less), so the page that shows a proof says so.
// A value is changed when the rule reads it as other than its default:
// 1万 or 10000.00 for a threshold of 10000 yuan is no change, nor is a
// number the rule cannot read (it falls back to the default).
func (r Rule) Changed(stored map[string]string) []SettingValue {
	var out []SettingValue
	for _, s := range r.Settings {
		val := strings.TrimSpace(stored[r.SettingName(s)])
		if val != "" && s.read(val) != s.read(s.Default) {
			out = append(out, SettingValue{Label: s.Label, Value: val, Default: s.Default})
		}
	}
	return out
}

// read is a setting's value as its rule reads it (Values.fen, Values.int,
// List), for comparing two values.
func (s Setting) read(val string) string {
	if s.Yuan {
		v := Values{"x": val}
		return fmt.Sprint(v.fen("x", Values{"x": s.Default}.fen("x", 0)))
	}
	if _, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(s.Default), "%"), 10, 64); err == nil {
		def := Values{"x": s.Default}.int("x", 0)
		return fmt.Sprint(Values{"x": val}.int("x", def))
	}
	return strings.Join(List(val), "\n")
}

// SettingValue is a setting as a unit set it, beside its default.
type SettingValue struct{ Label, Value, Default string }

// SettingName is the stored name of one of the rule's settings.
func (r Rule) SettingName(s Setting) string { return "selfcheck." + r.ID + "." + s.Name }

// ByID finds a rule.
func ByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Run runs every rule (or those named) over the registers and returns
// the findings in the rules' order, each stamped with its rule. step, if
// not nil, is called after each rule.
func Run(ctx context.Context, regs *Registers, p zhenggai.Period, stored map[string]string, step func(done int)) ([]Finding, error) {
	return RunRules(ctx, Rules, regs, p, stored, step)
}

// RunRules is Run over the rules given (a measure's proof rules), with
// registers loaded for at least their Needs.
func RunRules(ctx context.Context, rules []Rule, regs *Registers, p zhenggai.Period, stored map[string]string, step func(done int)) ([]Finding, error) {
	var all []Finding
	for i, r := range rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fs, err := r.Check(ctx, regs, p, r.Values(stored))
		if err != nil {
			return nil, fmt.Errorf("自查规则 %s：%w", r.ID, err)
		}
		for j := range fs {
			f := &fs[j]
			f.Rule, f.SeedProblem, f.Area, f.Period = r.ID, r.SeedProblem, r.Area, p
			f.Key = fmt.Sprintf("%s-%d", r.ID, j+1)
			if f.Figures == nil {
				f.Figures = map[string]int64{}
			}
			if f.Records == nil {
				f.Records = []Record{}
			}
		}
		all = append(all, fs...)
		if step != nil {
			step(i + 1)
		}
	}
	return all, nil
}

// Value helpers: a setting that does not read falls back to its default,
// so a mistyped threshold never silences a rule.

func (v Values) int(name string, def int64) int64 {
	n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v[name]), "%"), 10, 64)
	if err != nil {
		return def
	}
	return n
}

func (v Values) fen(name string, def zhenggai.Fen) zhenggai.Fen {
	f, err := zhenggai.ParseYuan(v[name])
	if err != nil || f <= 0 {
		return def
	}
	return f
}

// within reports whether d falls in p (an unset end is open).
func within(d zhenggai.Date, p zhenggai.Period) bool {
	k := dkey(d)
	if !p.Start.IsZero() && k < dkey(p.Start) {
		return false
	}
	if !p.End.IsZero() && k > dkey(p.End) {
		return false
	}
	return true
}

// dkey orders dates as integers (20190305): a million comparisons
// without building a time.Time each.
func dkey(d zhenggai.Date) int { return d.Year()*10000 + d.Month()*100 + d.Day() }

// span writes the years records fall in: 2019年, 2016年至2019年.
func span(years []int) string {
	if len(years) == 0 {
		return ""
	}
	lo, hi := years[0], years[0]
	for _, y := range years {
		lo, hi = min(lo, y), max(hi, y)
	}
	if lo == hi {
		return fmt.Sprintf("%d年", lo)
	}
	return fmt.Sprintf("%d年至%d年", lo, hi)
}

func meetingRecord(m *zhenggai.Meeting) Record {
	return Record{Kind: "meeting", ID: m.ID, Label: MeetingLabel(m)}
}

// MeetingLabel names a meeting as its book does: 2019年第5次党组会议.
func MeetingLabel(m *zhenggai.Meeting) string {
	return fmt.Sprintf("%d年第%d次%s", m.Date.Year(), m.Number, m.Type)
}

func voucherRecord(v *zhenggai.Voucher) Record {
	return Record{Kind: "voucher", ID: v.ID, Label: VoucherLabel(v)}
}

// VoucherLabel names a voucher as the books do: 记-15号（2019年3月）.
func VoucherLabel(v *zhenggai.Voucher) string {
	per := v.Period
	if y, m, ok := strings.Cut(v.Period, "-"); ok {
		mi, _ := strconv.Atoi(m)
		per = fmt.Sprintf("%s年%d月", y, mi)
	}
	w := v.Word
	if w == "" {
		w = "记"
	}
	return fmt.Sprintf("%s-%d号（%s）", w, v.Number, per)
}

// records caps a list of records at MaxRecords.
func capped(rs []Record) []Record {
	if len(rs) > MaxRecords {
		return rs[:MaxRecords]
	}
	return rs
}

// examples writes the first few labels of records, with 等 when more.
func examples(labels []string, n int) string {
	if len(labels) <= n {
		return strings.Join(labels, "、")
	}
	return strings.Join(labels[:n], "、") + "等"
}

// isDecision reports whether an item is one of the four 三重一大 kinds.
func isDecision(k zhenggai.ItemKind) bool {
	return k == zhenggai.ItemMajorDecision || k == zhenggai.ItemCadre || k == zhenggai.ItemMajorProject || k == zhenggai.ItemLargeFund
}

// ItemKindName is the kind in Chinese.
func ItemKindName(k zhenggai.ItemKind) string {
	switch k {
	case zhenggai.ItemMajorDecision:
		return "重大决策"
	case zhenggai.ItemCadre:
		return "干部任免"
	case zhenggai.ItemMajorProject:
		return "重大项目"
	case zhenggai.ItemLargeFund:
		return "大额资金"
	}
	return "一般事项"
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// percent is a/b in whole percent, rounded half up (b > 0).
func percent(a, b int64) int64 {
	if a < 0 {
		return -percent(-a, b)
	}
	return (a*200 + b) / (2 * b)
}
