package store_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// BenchmarkSelfCheck runs every rule over a county's five years of one
// unit's registers (by default 1 million voucher lines, 20,000 meetings,
// 500 members × 60 months of dues, 5,000 proposals with their cycle, 300
// CPPCC members, 23 townships; ZHENGGAI_BENCH_SCALE=0.1 for a tenth),
// and beside each run, in the same run, its SQL run bare (the loader's
// own queries, RegistersSQL, rows read into nothing):
//
//	all      the whole self-inspection (store.SelfCheck)
//	bare     every query it runs, bare
//	rule/ID  one rule: the registers it needs (RegistersFor) and its check
//	bare/ID  that rule's queries, bare
//	stats    the proposals loaded and counted (zhenggai.CountProposals) per year
//	bare/stats  the proposals' queries, bare
//
// The ratio of each to its bare run is logged at the end.
//
//	go test ./internal/store -run '^$' -bench 'SelfCheck$/sqlite' -benchtime 3x
func BenchmarkSelfCheck(b *testing.B) {
	scale := 1.0
	if s := os.Getenv("ZHENGGAI_BENCH_SCALE"); s != "" {
		scale, _ = strconv.ParseFloat(s, 64)
	}
	testkit.BenchEachBackend(b, func(b *testing.B, env *testkit.Env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench"})
		r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}
		if err := env.Store.CreateRound(ctx, r); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		genRegisters(b, env, r.UnitID, scale)
		b.Logf("generated in %s", time.Since(t0))
		if w := os.Getenv("ZHENGGAI_BENCH_WORDS"); w != "" {
			env.Store.SaveNamedSettings(ctx, r.UnitID, map[string]string{"selfcheck.forbidden_purpose.words": w})
		}
		p := zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}
		benchSelfCheck(b, env, r.UnitID, p)
	})
}

// benchSelfCheck runs the whole check, then each rule, each beside its
// bare SQL, on a unit's registers already written.
func benchSelfCheck(b *testing.B, env *testkit.Env, unit int64, p zhenggai.Period) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench"})
	raw := env.Raw(b)
	// Bare SQL on the store's own connections (the same settings, the
	// same statistics), rows read into nothing.
	pool := store.ReadDBForTest(env.Store)
	bare := func(b *testing.B, needs selfcheck.Needs) {
		qs, err := env.Store.RegistersSQL(ctx, unit, p, needs)
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range qs {
			rows, err := pool.QueryContext(ctx, q.SQL, q.Args...)
			if err != nil {
				b.Fatal(q.Name, err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			for rows.Next() {
				if err := rows.Scan(vals...); err != nil {
					b.Fatal(err)
				}
			}
			if err := rows.Close(); err != nil {
				b.Fatal(err)
			}
		}
	}
	if os.Getenv("ZHENGGAI_BENCH_PLAN") != "" {
		// Each query's plan and time, once.
		qs, _ := env.Store.RegistersSQL(ctx, unit, p, selfcheck.NeedAll)
		for _, q := range qs {
			explain := "EXPLAIN QUERY PLAN "
			if env.DSN != "" {
				explain = "EXPLAIN (ANALYZE, COSTS OFF) "
			}
			rows, err := raw.DB.QueryContext(ctx, explain+q.SQL, q.Args...)
			if err != nil {
				b.Fatal(err)
			}
			var plan []string
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				rows.Scan(ptrs...)
				plan = append(plan, fmt.Sprint(vals...))
			}
			rows.Close()
			t0, c0 := time.Now(), cpuTime()
			n := 0
			rows, _ = raw.DB.QueryContext(ctx, q.SQL, q.Args...)
			for rows.Next() {
				n++
			}
			rows.Close()
			b.Logf("%s: %d rows in %s (cpu %s)\n%s\n%s", q.Name, n, time.Since(t0), cpuTime()-c0, q.SQL, strings.Join(plan, "\n"))
		}
	}
	// Wall time, and the process's CPU time: on SQLite, which runs in
	// the process, the CPU spent whatever else the machine runs.
	per, cpu := map[string]time.Duration{}, map[string]time.Duration{}
	measure := func(name string, fn func(b *testing.B)) {
		b.Run(name, func(b *testing.B) {
			// The garbage of the run before is not this one's to collect.
			runtime.GC()
			c0 := cpuTime()
			g0 := gcCPU()
			for b.Loop() {
				fn(b)
			}
			per[name] = b.Elapsed() / time.Duration(b.N)
			cpu[name] = (cpuTime() - c0) / time.Duration(b.N)
			b.ReportMetric(cpu[name].Seconds(), "cpu-s/op")
			b.ReportMetric((gcCPU()-g0).Seconds()/float64(b.N), "gc-s/op")
		})
	}
	var found int
	measure("all", func(b *testing.B) {
		fs, err := env.Store.SelfCheck(ctx, unit, p, nil)
		if err != nil {
			b.Fatal(err)
		}
		found = len(fs)
	})
	measure("bare", func(b *testing.B) { bare(b, selfcheck.NeedsOf(selfcheck.Rules)) })
	for _, rule := range selfcheck.Rules {
		measure("rule/"+rule.ID, func(b *testing.B) {
			regs, err := env.Store.RegistersFor(ctx, unit, p, rule.Needs)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := rule.Check(ctx, regs, p, rule.Values(nil)); err != nil {
				b.Fatal(err)
			}
		})
		measure("bare/"+rule.ID, func(b *testing.B) { bare(b, rule.Needs) })
	}
	measure("stats", func(b *testing.B) {
		regs, err := env.Store.RegistersFor(ctx, unit, p, selfcheck.NeedProposals)
		if err != nil {
			b.Fatal(err)
		}
		byYear := map[int][]zhenggai.Proposal{}
		for _, pr := range regs.Proposals {
			byYear[pr.Year] = append(byYear[pr.Year], pr)
		}
		for y, ps := range byYear {
			if s := zhenggai.CountProposals(fmt.Sprintf("%d年", y), ps); s.Received == 0 {
				b.Fatal("no proposal counted")
			}
		}
	})
	measure("bare/stats", func(b *testing.B) { bare(b, selfcheck.NeedProposals) })
	b.Logf("%d findings", found)
	ratio := func(name, ref string) {
		if per[ref] > 0 && cpu[ref] > 0 {
			b.Logf("%-24s %7.3f s  bare %7.3f s  %5.2f×   cpu %7.3f s  bare %7.3f s  %5.2f×", name,
				per[name].Seconds(), per[ref].Seconds(), float64(per[name])/float64(per[ref]),
				cpu[name].Seconds(), cpu[ref].Seconds(), float64(cpu[name])/float64(cpu[ref]))
		}
	}
	ratio("all", "bare")
	for _, rule := range selfcheck.Rules {
		ratio("rule/"+rule.ID, "bare/"+rule.ID)
	}
	ratio("stats", "bare/stats")
}

// gcCPU is the collector's CPU time so far: a register loaded into large
// values costs most of its extra time there, not in the loader.
func gcCPU() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return time.Duration(s[0].Value.Float64() * 1e9)
}

// genRegisters writes a unit's five years of registers with SQL, in
// batches of literal rows (every value is the generator's own).
func genRegisters(b *testing.B, env *testkit.Env, unit int64, scale float64) {
	raw := env.Raw(b)
	tx, err := raw.DB.Begin()
	if err != nil {
		b.Fatal(err)
	}
	var batch []string
	flush := func(table, cols string) {
		if len(batch) == 0 {
			return
		}
		if _, err := tx.Exec("INSERT INTO " + table + " (" + cols + ") VALUES " + strings.Join(batch, ",")); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	add := func(table, cols, row string) {
		batch = append(batch, row)
		if len(batch) == 500 {
			flush(table, cols)
		}
	}
	day := func(i, n int) string { // spread over 2016–2020
		d := zhenggai.NewDate(2016, 1, 1).AddDays(i * 1826 / n)
		return d.String()
	}
	types := zhenggai.DefaultMeetingTypes
	meetings := int(20000 * scale)
	const mc = "id, unit_id, type, book, number, date, chair_name, created_at"
	for i := 1; i <= meetings; i++ {
		t := types[i%len(types)]
		add("meetings", mc, fmt.Sprintf("(%d, %d, '%s', '%s', %d, '%s', 'p1', '2020-01-01T00:00:00Z')", i, unit, t, t, i, day(i, meetings)))
	}
	flush("meetings", mc)
	const ac = "unit_id, meeting_id, seq, name, presence"
	for i := 1; i <= meetings; i++ {
		for j := 1; j <= 7; j++ {
			add("meeting_attendance", ac, fmt.Sprintf("(%d, %d, %d, 'p%d', 'present')", unit, i, j, j))
		}
	}
	flush("meeting_attendance", ac)
	const ic = "id, unit_id, meeting_id, seq, title, kind, amount"
	kinds := []string{"large_fund", "major_decision", "cadre", "major_project"}
	for i := 1; i <= meetings; i++ {
		add("meeting_items", ic, fmt.Sprintf("(%d, %d, %d, 1, '议题', 'ordinary', 0)", 2*i-1, unit, i))
		// One meeting in four decides a 三重一大 matter (the 党组会议 do,
		// study sessions, 党课 and the like do not).
		kind := "ordinary"
		if i%4 == 0 {
			kind = kinds[i/4%4]
		}
		add("meeting_items", ic, fmt.Sprintf("(%d, %d, %d, 2, '议题', '%s', %d)", 2*i, unit, i, kind, (i%50)*100000))
	}
	flush("meeting_items", ic)
	const sc = "unit_id, item_id, seq, name, position"
	for i := 1; i <= meetings; i++ {
		for j := 1; j <= 7; j++ {
			add("meeting_statements", sc, fmt.Sprintf("(%d, %d, %d, 'p%d', 'agree')", unit, 2*i, j, (j+i)%7+1))
		}
	}
	flush("meeting_statements", sc)

	vouchers := int(250000 * scale)
	const vc = "id, unit_id, period, date, word, number, summary, attachments, approver, imported_at"
	// As offices book them: now and then a voucher unsigned (1 in 97),
	// without attachments (1 in 50), a forbidden purpose (1 in 211), an
	// expense of 1万元 or more (1 in 20).
	summaries := []string{"办公用品", "差旅费", "会议费", "印刷费", "维修费"}
	summary := func(i int) string {
		if i%211 == 0 {
			return "购买纪念品"
		}
		return summaries[i%len(summaries)]
	}
	for i := 1; i <= vouchers; i++ {
		d := day(i, vouchers)
		approver := "乙"
		if i%97 == 0 {
			approver = ""
		}
		add("vouchers", vc, fmt.Sprintf("(%d, %d, '%s', '%s', '记', %d, '%s', %d, '%s', '2020-01-01T00:00:00Z')",
			i, unit, d[:7], d, i%500+1, summary(i), min(i%50, 3), approver))
	}
	flush("vouchers", vc)
	const lc = "unit_id, voucher_id, seq, summary, account_code, debit, credit"
	for i := 1; i <= vouchers; i++ {
		a := (i*7919)%900000 + 100
		if i%20 == 0 {
			a += 1000000
		}
		s := summary(i)
		add("voucher_lines", lc, fmt.Sprintf("(%d, %d, 1, '%s', '5101', %d, 0)", unit, i, s, a))
		add("voucher_lines", lc, fmt.Sprintf("(%d, %d, 2, '%s', '7201', %d, 0)", unit, i, s, a))
		add("voucher_lines", lc, fmt.Sprintf("(%d, %d, 3, '%s', '1002', 0, %d)", unit, i, s, a))
		add("voucher_lines", lc, fmt.Sprintf("(%d, %d, 4, '%s', '8101', 0, %d)", unit, i, s, a))
	}
	flush("voucher_lines", lc)

	members := int(500 * scale)
	const dm = "id, unit_id, name, kind, joined, created_at"
	for i := 1; i <= members; i++ {
		add("dues_members", dm, fmt.Sprintf("(%d, %d, '党员%d', 'in_service', '2016-01', '2020-01-01T00:00:00Z')", i, unit, i))
	}
	flush("dues_members", dm)
	const db = "unit_id, member_id, year, base"
	for i := 1; i <= members; i++ {
		for y := 2016; y <= 2020; y++ {
			add("dues_bases", db, fmt.Sprintf("(%d, %d, %d, %d)", unit, i, y, 250000+i*1777))
		}
	}
	flush("dues_bases", db)
	const dp = "unit_id, member_id, month, paid"
	for i := 1; i <= members; i++ {
		for y := 2016; y <= 2020; y++ {
			for m := 1; m <= 12; m++ {
				add("dues_payments", dp, fmt.Sprintf("(%d, %d, '%d-%02d', %d)", unit, i, y, m, (250000+i*1777)/100))
			}
		}
	}
	flush("dues_payments", dp)
	genCPPCC(add, flush, unit, scale)
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if env.DSN != "" {
		// Identity columns were given ids: move their sequences on, and
		// let the planner see the tables.
		for _, t := range []string{"meetings", "meeting_items", "vouchers", "dues_members", "cppcc_members", "proposals",
			"proposal_assignments", "townships"} {
			if _, err := raw.DB.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT MAX(id) FROM %s))`, t, t)); err != nil {
				b.Fatal(err)
			}
		}
		raw.DB.Exec(`ANALYZE`)
	} else {
		raw.DB.Exec(`ANALYZE`)
	}
}

// genCPPCC adds a county's CPPCC registers at scale: 5,000 proposals over
// the five years (one in ten merged, one in thirty rejected, one in
// seventeen still open; the rest answered, one in twenty late, one in
// nine without its letter, one in five without a form), two signers
// each; 300 members with two activities a year; a suggestion per member
// a year, one in three on the platform; 23 townships, one in four with
// its leader gone in 2018, two invitations a year.
func genCPPCC(add func(table, cols, row string), flush func(table, cols string), unit int64, scale float64) {
	const ts = "'2020-01-01T00:00:00Z'"
	members := max(int(300*scale), 2)
	const mc = "id, unit_id, name, term, joined_on, created_at"
	for i := 1; i <= members; i++ {
		add("cppcc_members", mc, fmt.Sprintf("(%d, %d, '委员%d', '第九届', '2016-01-01', %s)", i, unit, i, ts))
	}
	flush("cppcc_members", mc)
	const ac = "unit_id, member_id, kind, title, on_date, created_at"
	for i := 1; i <= members; i++ {
		for y := 2016; y <= 2020; y++ {
			add("member_activities", ac, fmt.Sprintf("(%d, %d, 'research', '调研', '%d-04-%02d', %s)", unit, i, y, i%28+1, ts))
			add("member_activities", ac, fmt.Sprintf("(%d, %d, 'training', '培训', '%d-09-%02d', %s)", unit, i, y, i%28+1, ts))
		}
	}
	flush("member_activities", ac)
	proposals := max(int(5000*scale), 10)
	const pc = "id, unit_id, session, year, number, title, status, assigned_on, due_on, class, created_at"
	status := func(i int) string {
		switch {
		case i%10 == 0:
			return "merged"
		case i%30 == 1:
			return "rejected"
		case i%17 == 2:
			return "assigned"
		}
		return "done"
	}
	year := func(i int) int { return 2016 + (i-1)*5/proposals }
	for i := 1; i <= proposals; i++ {
		y := year(i)
		add("proposals", pc, fmt.Sprintf("(%d, %d, '九届%d次', %d, '%d', '提案', '%s', '%d-03-01', '%d-06-01', 'A', %s)",
			i, unit, y-2015, y, i, status(i), y, y, ts))
	}
	flush("proposals", pc)
	const sc = "unit_id, proposal_id, seq, name"
	for i := 1; i <= proposals; i++ {
		add("proposal_signers", sc, fmt.Sprintf("(%d, %d, 1, '委员%d')", unit, i, i%members+1))
		add("proposal_signers", sc, fmt.Sprintf("(%d, %d, 2, '委员%d')", unit, i, (i*7)%members+1))
	}
	flush("proposal_signers", sc)
	const asc = "id, unit_id, proposal_id, handler, role, assigned_on"
	for i := 1; i <= proposals; i++ {
		add("proposal_assignments", asc, fmt.Sprintf("(%d, %d, %d, '县交通运输局', 'lead', '%d-03-01')", i, unit, i, year(i)))
	}
	flush("proposal_assignments", asc)
	const rc = "unit_id, proposal_id, assignment_id, round, replied_on, class, letter_sha256, approved, created_at"
	const fc = "unit_id, proposal_id, round, name, result, returned_on, created_at"
	const dc = "unit_id, proposal_id, kind, sha256, created_at"
	for i := 1; i <= proposals; i++ {
		if status(i) != "done" {
			continue
		}
		y, on, letter := year(i), "05-01", "ab"
		if i%20 == 3 {
			on = "07-01"
		}
		if i%9 == 4 {
			letter = ""
		}
		add("proposal_replies", rc, fmt.Sprintf("(%d, %d, %d, 1, '%d-%s', 'A', '%s', 1, %s)", unit, i, i, y, on, letter, ts))
	}
	flush("proposal_replies", rc)
	for i := 1; i <= proposals; i++ {
		if status(i) != "done" || i%5 == 0 {
			continue
		}
		result := "satisfied"
		if i%7 == 0 {
			result = "basic"
		}
		add("proposal_feedback", fc, fmt.Sprintf("(%d, %d, 1, '委员%d', '%s', '%d-05-20', %s)", unit, i, i%members+1, result, year(i), ts))
	}
	flush("proposal_feedback", fc)
	for i := 1; i <= proposals; i++ {
		add("proposal_documents", dc, fmt.Sprintf("(%d, %d, 'original', 'ab', %s)", unit, i, ts))
		if status(i) == "done" && i%9 != 4 {
			add("proposal_documents", dc, fmt.Sprintf("(%d, %d, 'reply_letter', 'cd', %s)", unit, i, ts))
		}
	}
	flush("proposal_documents", dc)
	const gc = "unit_id, member_id, name, kind, via, title, on_date, created_at"
	for i := 1; i <= members; i++ {
		for y := 2016; y <= 2020; y++ {
			via := "paper"
			if (i+y)%3 == 0 {
				via = "platform"
			}
			add("suggestions", gc, fmt.Sprintf("(%d, %d, '委员%d', 'micro', '%s', '建议', '%d-06-%02d', %s)", unit, i, i, via, y, i%28+1, ts))
		}
	}
	flush("suggestions", gc)
	const tc = "id, unit_id, name, seq, created_at"
	for i := 1; i <= 23; i++ {
		add("townships", tc, fmt.Sprintf("(%d, %d, '乡镇%d', %d, %s)", i, unit, i, i, ts))
	}
	flush("townships", tc)
	const lc = "unit_id, township_id, name, role, from_date, to_date"
	const ic = "unit_id, township_id, kind, title, on_date, name"
	for i := 1; i <= 23; i++ {
		to := ""
		if i%4 == 0 {
			to = "2018-03-31"
		}
		add("liaison_posts", lc, fmt.Sprintf("(%d, %d, '委员%d', 'leader', '2012-01-01', '%s')", unit, i, i%members+1, to))
		add("liaison_posts", lc, fmt.Sprintf("(%d, %d, '委员%d', 'member', '2012-01-01', '')", unit, i, (i+30)%members+1))
	}
	flush("liaison_posts", lc)
	for i := 1; i <= 23; i++ {
		for y := 2016; y <= 2020; y++ {
			if (i+y)%2 == 0 {
				add("liaison_invitations", ic, fmt.Sprintf("(%d, %d, 'inspection', '视察', '%d-05-10', '委员%d')", unit, i, y, i%members+1))
			}
		}
	}
	flush("liaison_invitations", ic)
}
