package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/testkit"
)

// BenchmarkSelfCheck runs every rule over a county's five years of one
// unit's registers (by default 1 million voucher lines, 20,000 meetings,
// 500 members × 60 months of dues; ZHENGGAI_BENCH_SCALE=0.1 for a tenth),
// and beside it the loader's queries run bare (rows read, nothing built),
// reporting the ratio.
//
//	go test ./internal/store -run '^$' -bench SelfCheck -benchtime 3x
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
		raw := env.Raw(b)
		bare := func() {
			// The loader's queries, rows only read.
			for _, q := range []string{
				`SELECT m.id, m.type, m.book, m.number, m.date, m.chair_name FROM meetings m WHERE m.unit_id = ? AND m.voided_at IS NULL`,
				`SELECT a.meeting_id, a.name, a.presence FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.unit_id = ? AND EXISTS (SELECT 1 FROM meeting_items d WHERE d.meeting_id = m.id AND d.kind <> 'ordinary')`,
				`SELECT i.meeting_id, i.id, i.kind, i.amount FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id WHERE m.unit_id = ? AND i.kind <> 'ordinary'`,
				`SELECT st.item_id, st.seq, st.name FROM meeting_statements st JOIN meeting_items i ON i.id = st.item_id JOIN meetings m ON m.id = i.meeting_id WHERE m.unit_id = ? AND i.kind <> 'ordinary'`,
				// The vouchers a rule may flag, their expense and forbidden
				// words from the lines (the loader's query, one word).
				`SELECT v.id, v.period, v.date, v.word, v.number, v.summary, v.attachments, v.approver, v.poster, x.e, x.b, x.f
				FROM vouchers v LEFT JOIN (SELECT l.voucher_id AS vid,
					CAST(SUM(CASE WHEN substr(l.account_code, 1, 1) = '5' THEN l.debit ELSE 0 END) AS BIGINT) AS e,
					CAST(SUM(CASE WHEN NOT substr(l.account_code, 1, 1) = '5' AND substr(l.account_code, 1, 1) = '7' THEN l.debit ELSE 0 END) AS BIGINT) AS b,
					MAX(CASE WHEN l.summary LIKE '%纪念品%' THEN 1 ELSE 0 END) AS f
					FROM voucher_lines l JOIN vouchers w ON w.id = l.voucher_id WHERE w.unit_id = ? GROUP BY l.voucher_id) x ON x.vid = v.id
				WHERE TRIM(v.approver) = '' OR v.attachments <= 0 OR TRIM(v.summary) = '' OR x.f <> 0 OR x.e >= 1000000 ORDER BY v.date, v.id`,
				`SELECT member_id, month, paid FROM dues_payments WHERE unit_id = ?`,
			} {
				rows, err := raw.Query(q, r.UnitID)
				if err != nil {
					b.Fatal(err)
				}
				cols, _ := rows.Columns()
				vals := make([]any, len(cols))
				for i := range vals {
					vals[i] = new(any)
				}
				for rows.Next() {
					rows.Scan(vals...)
				}
				rows.Close()
			}
		}
		var spent, bareSpent time.Duration
		var rules map[string]time.Duration
		for b.Loop() {
			t0 := time.Now()
			bare()
			bareSpent += time.Since(t0)
			t0 = time.Now()
			regs, err := env.Store.Registers(ctx, r.UnitID, p)
			if err != nil {
				b.Fatal(err)
			}
			rules = map[string]time.Duration{}
			for _, rule := range selfcheck.Rules {
				t1 := time.Now()
				if _, err := rule.Check(ctx, regs, p, rule.Values(nil)); err != nil {
					b.Fatal(err)
				}
				rules[rule.ID] = time.Since(t1)
			}
			spent += time.Since(t0)
		}
		b.ReportMetric(spent.Seconds()/float64(b.N), "s/check")
		b.ReportMetric(bareSpent.Seconds()/float64(b.N), "s/bare")
		b.ReportMetric(float64(spent)/float64(bareSpent), "x-bare")
		for id, d := range rules {
			b.Logf("rule %s: %s (last run)", id, d)
		}
	})
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
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if env.DSN != "" {
		// Identity columns were given ids: move their sequences on, and
		// let the planner see the tables.
		for _, t := range []string{"meetings", "meeting_items", "vouchers", "dues_members"} {
			if _, err := raw.DB.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT MAX(id) FROM %s))`, t, t)); err != nil {
				b.Fatal(err)
			}
		}
		raw.DB.Exec(`ANALYZE`)
	} else {
		raw.DB.Exec(`ANALYZE`)
	}
}
