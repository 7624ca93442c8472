package regsample_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"reflect"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
	"zhenggai/internal/store"
)

var (
	leaders = []string{"向建国", "王志华", "李春梅", "张立新", "田秀英", "钟明"}
	staff   = []string{"覃丽", "陈伟", "谷红", "刘洋", "彭静", "吴斌", "杨帆", "朱敏"}
)

func demo(t *testing.T) *store.BulkRegisters {
	t.Helper()
	b, err := regsample.Generate(regsample.Demo(leaders, staff))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// expense is a voucher's expense, counted here on its own: the debit on
// accounts 5…, or, when it has none, on 7… — never both.
func expense(v zhenggai.Voucher) zhenggai.Fen {
	var five, seven zhenggai.Fen
	for _, l := range v.Lines {
		switch {
		case strings.HasPrefix(l.AccountCode, "5"):
			five += l.Debit
		case strings.HasPrefix(l.AccountCode, "7"):
			seven += l.Debit
		}
	}
	if five != 0 {
		return five
	}
	return seven
}

func d(y, m, dd int) zhenggai.Date { return zhenggai.NewDate(y, m, dd) }

// TestDemoLargeExpenses: 2016–2019 has 23 expenses of 10000元 or more that
// no earlier 党组会议 大额资金 item covers, counted both by the item each
// voucher links and by any earlier item of at least its amount; the others
// link one dated before.
func TestDemoLargeExpenses(t *testing.T) {
	b := demo(t)
	type item struct {
		typ    string
		date   zhenggai.Date
		amount zhenggai.Fen
	}
	var groupItems []item
	for _, m := range b.Meetings {
		for _, it := range m.Items {
			if it.Kind == zhenggai.ItemLargeFund && m.Type == zhenggai.MeetingPartyGroup {
				groupItems = append(groupItems, item{m.Type, m.Date, it.Amount})
			}
		}
	}
	undecidedLinked, undecidedAny, decided, atThreshold, byChairmen := 0, 0, 0, 0, 0
	for _, v := range b.Vouchers {
		e := expense(v.Voucher)
		if e < 1_000_000 || v.Date.Before(d(2016, 1, 1)) || d(2019, 12, 31).Before(v.Date) {
			continue
		}
		if e == 1_000_000 {
			atThreshold++
		}
		linked := false
		if v.DecisionMeeting > 0 {
			m := b.Meetings[v.DecisionMeeting-1]
			it := m.Items[v.DecisionItem-1]
			if it.Kind != zhenggai.ItemLargeFund {
				t.Errorf("voucher %s-%d linked to a %s item", v.Period, v.Number, it.Kind)
			}
			linked = m.Type == zhenggai.MeetingPartyGroup && m.Date.Before(v.Date) && it.Amount >= e
			if m.Type == "主席会议" {
				byChairmen++
			}
		}
		covered := false
		for _, it := range groupItems {
			if it.date.Before(v.Date) && it.amount >= e {
				covered = true
			}
		}
		if !linked {
			undecidedLinked++
		} else {
			decided++
		}
		if !covered {
			undecidedAny++
		}
	}
	if undecidedLinked != 23 || undecidedAny != 23 {
		t.Errorf("undecided large expenses 2016–2019: %d by link, %d by any earlier decision; want 23", undecidedLinked, undecidedAny)
	}
	if decided < 10 || atThreshold != 1 || byChairmen == 0 {
		t.Errorf("decided %d, at the threshold %d, decided by 主席会议 %d", decided, atThreshold, byChairmen)
	}
}

func TestDemoMeetings(t *testing.T) {
	b := demo(t)
	perYear := map[int]int{}
	otherBook := 0
	for _, m := range b.Meetings {
		perYear[m.Date.Year()]++
		if m.Book != m.Type {
			otherBook++
		}
		if !m.Sample {
			t.Fatalf("meeting %s %s not marked as sample", m.Type, m.Date)
		}
		if d(2020, 10, 28).Before(m.Date) || m.Date.Before(d(2016, 1, 1)) {
			t.Errorf("meeting dated %s", m.Date)
		}
	}
	if perYear[2019] != 22 || perYear[2018] != 28 {
		t.Errorf("meetings 2018 %d, 2019 %d; want 28 and 22", perYear[2018], perYear[2019])
	}
	// 22/28 is down 21%.
	if down := (perYear[2018] - perYear[2019]) * 100 / perYear[2018]; down != 21 {
		t.Errorf("down %d%%", down)
	}
	if otherBook < 5 {
		t.Errorf("%d meetings in another type's book", otherBook)
	}

	// 末位表态: the chairman first on the seed's two days and only him on
	// 2019-09-18; elsewhere, on deciding bodies, last.
	chairFirst := map[zhenggai.Date]bool{}
	onlyChair := map[zhenggai.Date]bool{}
	missing := map[zhenggai.Date]bool{}
	for _, m := range b.Meetings {
		chair, present := m.ChairName, 0
		for _, a := range m.Attendance {
			if a.Presence == zhenggai.Present {
				present++
			}
		}
		for _, it := range m.Items {
			ss := it.Statements
			if len(ss) == 0 {
				continue
			}
			if len(ss) > 1 && ss[0].Name == chair {
				chairFirst[m.Date] = true
			}
			if len(ss) == 1 && ss[0].Name == chair && present > 1 {
				onlyChair[m.Date] = true
			}
			if it.Kind != zhenggai.ItemOrdinary && len(ss) > 1 && len(ss) < present {
				missing[m.Date] = true
			}
		}
	}
	wantFirst := map[zhenggai.Date]bool{d(2020, 4, 23): true}
	if !reflect.DeepEqual(chairFirst, wantFirst) {
		t.Errorf("chairman spoke first (with others) on %v, want %v", chairFirst, wantFirst)
	}
	wantOnly := map[zhenggai.Date]bool{d(2016, 6, 3): true, d(2019, 9, 18): true}
	if !reflect.DeepEqual(onlyChair, wantOnly) {
		t.Errorf("only the chairman spoke on %v, want %v", onlyChair, wantOnly)
	}
	wantMissing := map[zhenggai.Date]bool{d(2017, 4, 11): true, d(2018, 5, 15): true}
	if !reflect.DeepEqual(missing, wantMissing) {
		t.Errorf("views missing on %v, want %v", missing, wantMissing)
	}
}

func TestDemoVouchers(t *testing.T) {
	b := demo(t)
	noApprover, noAttach, noSummary, souvenirs, both := 0, 0, 0, 0, 0
	after := 0
	for _, v := range b.Vouchers {
		var dr, cr, five, seven zhenggai.Fen
		for _, l := range v.Lines {
			dr, cr = dr+l.Debit, cr+l.Credit
			if strings.HasPrefix(l.AccountCode, "5") {
				five += l.Debit
			}
			if strings.HasPrefix(l.AccountCode, "7") {
				seven += l.Debit
			}
		}
		if dr != cr || dr == 0 {
			t.Fatalf("voucher %s-%d unbalanced: %d/%d", v.Period, v.Number, dr, cr)
		}
		if five != 0 && seven != 0 {
			both++
			if five != seven {
				t.Errorf("voucher %s-%d: expense %d, budget %d", v.Period, v.Number, five, seven)
			}
		}
		if !v.Sample || v.Period != v.Date.String()[:7] {
			t.Fatalf("voucher %+v", v.Voucher)
		}
		lax := v.Approver == "" || v.Attachments == 0 || v.Summary == ""
		if !v.Date.Before(regsample.Feedback) && lax {
			after++
		}
		if v.Approver == "" {
			noApprover++
		}
		if v.Attachments == 0 {
			noAttach++
		}
		if v.Summary == "" {
			noSummary++
		}
		if strings.Contains(v.Summary, "纪念品") {
			souvenirs++
		}
	}
	n := len(b.Vouchers)
	if noApprover < n/5 || noAttach == 0 || noSummary == 0 || souvenirs != 3 || both < n/2 || after != 0 {
		t.Errorf("%d vouchers: %d without 审核人, %d without attachments, %d without 摘要, %d souvenirs, %d on both sides, %d lax after the feedback",
			n, noApprover, noAttach, noSummary, souvenirs, both, after)
	}
	// Numbers restart each period and follow the dates.
	last := map[string]int{}
	for _, v := range b.Vouchers {
		if v.Number != last[v.Period]+1 {
			t.Fatalf("voucher %s-%d after %d", v.Period, v.Number, last[v.Period])
		}
		last[v.Period] = v.Number
	}
}

// due is the due by 中组发〔2008〕3号, computed here on its own in 元
// hundredths of a per cent.
func due(kind zhenggai.DuesKind, base zhenggai.Fen) zhenggai.Fen {
	rate := int64(0) // in 1/1000
	b := int64(base)
	if kind == zhenggai.DuesInService {
		rate = 20
		for _, t := range []struct{ upTo, rate int64 }{{300000, 5}, {500000, 10}, {1000000, 15}} {
			if b <= t.upTo {
				rate = t.rate
				break
			}
		}
	} else {
		rate = 10
		if b <= 500000 {
			rate = 5
		}
	}
	q, r := b*rate/1000, b*rate%1000
	if r >= 500 {
		q++
	}
	return zhenggai.Fen(q)
}

func TestDemoDues(t *testing.T) {
	b := demo(t)
	if len(b.Members) < 28 || len(b.Members) > 36 {
		t.Errorf("%d members", len(b.Members))
	}
	short, rounded, exactMonths := 0, map[string]bool{}, 0
	for _, m := range b.Members {
		bases := map[int]zhenggai.Fen{}
		for _, x := range m.Bases {
			bases[x.Year] = x.Base
		}
		for _, p := range m.Payments {
			y := 0
			for _, c := range p.Month[:4] {
				y = y*10 + int(c-'0')
			}
			want := due(m.Kind, bases[y])
			if p.Paid == want {
				exactMonths++
				continue
			}
			if p.Month < "2017-01" || p.Month >= "2020-08" || p.Paid%100 != 0 || p.Paid-want > 50 || want-p.Paid >= 100 {
				t.Errorf("%s %s paid %d, due %d", m.Name, p.Month, p.Paid, want)
			}
			if p.Paid < want {
				short++
			}
			rounded[m.Name] = true
		}
	}
	if len(rounded) < 5 || short == 0 || exactMonths == 0 {
		t.Errorf("%d members rounded, %d months short, %d exact", len(rounded), short, exactMonths)
	}
}

func TestDemoPersons(t *testing.T) {
	b := demo(t)
	kinds := map[zhenggai.PersonKind]int{}
	names := map[string]bool{}
	for _, p := range b.Persons {
		kinds[p.Kind]++
		if names[p.Name] {
			t.Errorf("%s twice", p.Name)
		}
		names[p.Name] = true
	}
	if kinds[zhenggai.PersonLeader] != len(leaders) || kinds[zhenggai.PersonRetired] == 0 || kinds[zhenggai.PersonCPPCC] == 0 {
		t.Errorf("roster %v", kinds)
	}
	for _, m := range b.Meetings {
		for _, a := range m.Attendance {
			if !names[a.Name] {
				t.Fatalf("%s attends but is not on the roster", a.Name)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := demo(t), demo(t)
	if !reflect.DeepEqual(a, b) {
		t.Error("same config, different registers")
	}
	c := regsample.Demo(leaders, staff)
	c.Seed++
	x, err := regsample.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a.Vouchers, x.Vouchers) {
		t.Error("another seed, same vouchers")
	}
}

// TestScaled: a county unit's size, scaled down, lands near what is asked.
func TestScaled(t *testing.T) {
	c := regsample.Config{Seed: 3, Leaders: leaders, Staff: staff, From: d(2016, 1, 1), To: d(2020, 12, 31),
		Meetings: 400, Lines: 20000, Members: 40, Sample: true}
	b, err := regsample.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	n := b.Counts()
	if n.Meetings < 360 || n.Meetings > 440 || n.Lines < 20000 || n.Lines > 21000 || n.Members != 40 || n.Payments != 40*60 {
		t.Errorf("counts %+v", n)
	}
	large := 0
	for _, v := range b.Vouchers {
		if expense(v.Voucher) >= 1_000_000 {
			large++
		}
	}
	if large == 0 {
		t.Error("no large expenses")
	}
}

// TestWriteJournal: exactly N lines, every voucher balanced, the same file
// for the same seed.
func TestWriteJournal(t *testing.T) {
	for _, n := range []int{2, 3, 5, 7, 1001, 12345} {
		var buf bytes.Buffer
		if err := regsample.WriteJournal(context.Background(), &buf, 9, n); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != "日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,附单据数,制单人,审核人,记账人" {
			t.Fatalf("header %q", rows[0])
		}
		if len(rows)-1 != n {
			t.Errorf("%d lines, want %d", len(rows)-1, n)
		}
		sums := map[string]int64{}
		for _, r := range rows[1:] {
			k := r[0][:7] + " " + r[1]
			sums[k] += yuan(t, r[5]) - yuan(t, r[6])
		}
		for k, s := range sums {
			if s != 0 {
				t.Errorf("n=%d: voucher %s off by %d", n, k, s)
			}
		}
		var again bytes.Buffer
		regsample.WriteJournal(context.Background(), &again, 9, n)
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Errorf("n=%d: another file for the same seed", n)
		}
	}
	if err := regsample.WriteJournal(context.Background(), io.Discard, 1, 1); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("one line: %v", err)
	}
}

func yuan(t *testing.T, s string) int64 {
	t.Helper()
	if s == "" {
		return 0
	}
	f, err := zhenggai.ParseYuan(s)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return int64(f)
}

// TestSignInYears: gen's sign-ins are the last years of the range, a
// person's day once even when one name is both a leader and a cadre
// (gen draws them apart), on working days only, none on his own leave.
func TestSignInYears(t *testing.T) {
	both := append([]string{leaders[0]}, staff...)
	c := regsample.Config{Seed: 5, Leaders: leaders, Staff: both, From: d(2016, 1, 1), To: d(2020, 12, 31), SignInYears: 1}
	b, err := regsample.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	cal := zhenggai.NewWorkCalendar(nil)
	type key struct {
		name string
		on   zhenggai.Date
	}
	seen := map[key]bool{}
	who := map[string]bool{}
	for _, g := range b.SignIns {
		k := key{g.Name, g.On}
		if seen[k] || g.On.Year() != 2020 || !cal.WorkingDay(g.On) {
			t.Fatalf("sign-in of %s on %s: twice, outside 2020 or not a working day", g.Name, g.On)
		}
		seen[k], who[g.Name] = true, true
	}
	for _, l := range b.Leaves {
		for on := l.From; !l.To.Before(on); on = on.AddDays(1) {
			if seen[key{l.Name, on}] {
				t.Errorf("%s signed in on %s, a day of his leave", l.Name, on)
			}
		}
	}
	if len(who) != len(leaders)+len(staff) || len(b.Leaves) == 0 {
		t.Errorf("%d persons signed in, %d leaves", len(who), len(b.Leaves))
	}
	if b0, _ := regsample.Generate(regsample.Config{Seed: 5, Leaders: leaders, Staff: staff, From: d(2016, 1, 1), To: d(2020, 12, 31)}); len(b0.SignIns)+len(b0.Leaves) != 0 {
		t.Error("sign-ins made without SignInYears")
	}
}
