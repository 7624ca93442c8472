package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"zhenggai"
)

// RoundQuery narrows, orders and cuts a list of rounds: the inspection
// office's home page, where a province has thousands of rounds.
type RoundQuery struct {
	Q      string          // part of the unit's name or of the inspection group's
	Colour zhenggai.Colour // rounds with at least one measure of this colour; "" any
	Open   bool            // rounds with problems not yet completed
	Sort   string          // a key of RoundSorts
	Desc   bool
	Offset int
	Limit  int // 0: every round kept, from Offset
}

// RoundSorts are the orders of a list of rounds, each with the direction
// it starts in (true: largest first). Ties are newest feedback first.
var RoundSorts = map[string]bool{
	"date": true, "unit": false, "problems": true, "rate": false, "red": true, "yellow": true, "pending": true,
}

// RoundPage is a page of a list of rounds with the figures of every round
// the query keeps.
type RoundPage struct {
	Rows     []*zhenggai.RoundSummary
	Offset   int // of the first row: the query's, or the last page's when it was past the end
	Kept     int // rounds the query keeps
	All      int // rounds of the scope
	Problems int
	Counts   zhenggai.StatusCounts
	Colours  zhenggai.ColourCounts
	Pending  int // problems waiting for the office's acceptance
}

// RoundPage lists a page of the rounds of a scope as q asks, with totals.
//
// A list that is filtered or sorted by colour, or not cut into pages,
// needs every round's colours: it reads RoundSummaries and does the rest in
// Go. Any other list is narrowed, ordered and cut in SQL, and only its
// page's rounds have their colours counted; the totals' colours come from
// the counts kept per round (round_counts.open_due) less the measures not
// yet due, so that reading them costs the rounds and the measures due from
// today on, not every measure ever late. Both ways give the same answer
// (a test holds them together on both backends).
func (s *Store) RoundPage(ctx context.Context, sc zhenggai.Scope, today zhenggai.Date, q RoundQuery) (*RoundPage, error) {
	q = q.clean()
	if q.Colour != "" || q.Sort == "red" || q.Sort == "yellow" || q.Limit <= 0 {
		return s.roundPageInGo(ctx, sc, today, q)
	}
	return s.roundPageInSQL(ctx, sc, today, q)
}

func (q RoundQuery) clean() RoundQuery {
	// PostgreSQL refuses NUL and bytes that are not UTF-8 in text.
	q.Q = strings.ReplaceAll(strings.ToValidUTF8(strings.TrimSpace(q.Q), ""), "\x00", "")
	if _, ok := RoundSorts[q.Sort]; !ok {
		q.Sort = "date"
	}
	q.Offset = max(q.Offset, 0)
	return q
}

func newRoundPage(q RoundQuery) *RoundPage {
	return &RoundPage{Offset: q.Offset, Counts: zhenggai.NewStatusCounts(),
		Colours: zhenggai.ColourCounts{zhenggai.Green: 0, zhenggai.Yellow: 0, zhenggai.Red: 0}}
}

// cut is the offset a page starts at once the number of rounds kept is
// known: past the end means the last page.
func (q RoundQuery) cut(kept int) int {
	if q.Limit > 0 && q.Offset >= kept && kept > 0 {
		return (kept - 1) / q.Limit * q.Limit
	}
	return min(q.Offset, kept)
}

// keeps reports whether q keeps a round (the Go way).
func (q RoundQuery) keeps(rs *zhenggai.RoundSummary) bool {
	if q.Q != "" && !strings.Contains(rs.Round.Unit, q.Q) && !strings.Contains(rs.Round.Inspector, q.Q) {
		return false
	}
	if q.Colour != "" && rs.ColourCounts[q.Colour] == 0 {
		return false
	}
	if q.Open && rs.Problems > 0 && rs.ProblemCounts[zhenggai.Completed]+rs.ProblemCounts[zhenggai.Ongoing] >= rs.Problems {
		return false
	}
	return true
}

func (s *Store) roundPageInGo(ctx context.Context, sc zhenggai.Scope, today zhenggai.Date, q RoundQuery) (*RoundPage, error) {
	var all []*zhenggai.RoundSummary
	var pending map[int64]int
	err := s.readSnapshot(ctx, func(db queryer) (err error) {
		if all, err = s.roundSummaries(ctx, db, sc, today); err != nil {
			return err
		}
		pending, err = s.pendingByRound(ctx, db, sc, "", nil)
		return err
	})
	if err != nil {
		return nil, err
	}
	return q.page(all, pending), nil
}

// page narrows, totals, orders and cuts all (every round of a scope,
// with pending the problems waiting for acceptance in each) as q asks.
func (q RoundQuery) page(all []*zhenggai.RoundSummary, pending map[int64]int) *RoundPage {
	p := newRoundPage(q)
	p.All = len(all)
	var kept []*zhenggai.RoundSummary
	for _, rs := range all {
		rs.Pending = pending[rs.Round.ID]
		if !q.keeps(rs) {
			continue
		}
		kept = append(kept, rs)
		p.Problems += rs.Problems
		for st, n := range rs.ProblemCounts {
			p.Counts[st] += n
		}
		for c, n := range rs.ColourCounts {
			p.Colours[c] += n
		}
		p.Pending += rs.Pending
	}
	slices.SortStableFunc(kept, func(a, b *zhenggai.RoundSummary) int {
		var c int
		switch q.Sort {
		case "unit":
			c = cmp.Compare(a.Round.Unit, b.Round.Unit)
		case "problems":
			c = cmp.Compare(a.Problems, b.Problems)
		case "rate":
			c = cmp.Compare(a.CompletionRate, b.CompletionRate)
		case "red":
			c = cmp.Compare(a.ColourCounts[zhenggai.Red], b.ColourCounts[zhenggai.Red])
		case "yellow":
			c = cmp.Compare(a.ColourCounts[zhenggai.Yellow], b.ColourCounts[zhenggai.Yellow])
		case "pending":
			c = cmp.Compare(a.Pending, b.Pending)
		}
		if c == 0 {
			// Ties, and the date column itself: newest feedback first.
			c = cmp.Or(cmp.Compare(a.Round.FeedbackDate.String(), b.Round.FeedbackDate.String()), cmp.Compare(a.Round.ID, b.Round.ID))
			if q.Sort != "date" {
				return -c
			}
		}
		if q.Desc {
			return -c
		}
		return c
	})
	p.Kept = len(kept)
	p.Offset = q.cut(p.Kept)
	end := p.Kept
	if q.Limit > 0 {
		end = min(p.Offset+q.Limit, p.Kept)
	}
	p.Rows = kept[p.Offset:end]
	return p
}

// roundFrom is the FROM of a list of rounds with their kept counts.
const roundFrom = ` FROM rounds r JOIN units u ON u.id = r.unit_id AND r.voided_at IS NULL LEFT JOIN round_counts c ON c.round_id = r.id `

// keepSQL is q's filter as a condition on roundFrom's tables, "" for none.
func (s *Store) keepSQL(q RoundQuery) (string, []any) {
	var conds []string
	var args []any
	if q.Q != "" {
		conds = append(conds, "("+s.d.contains("u.name", "?")+" OR "+s.d.contains("r.inspector", "?")+")")
		args = append(args, q.Q, q.Q)
	}
	if q.Open {
		conds = append(conds, `NOT (COALESCE(c.problems, 0) > 0 AND COALESCE(c.completed, 0) + COALESCE(c.ongoing, 0) >= c.problems)`)
	}
	return strings.Join(conds, " AND "), args
}

// orderSQL is q's order; ties newest feedback first, as in Go.
func (s *Store) orderSQL(q RoundQuery) string {
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	var key string
	switch q.Sort {
	case "unit":
		key = s.d.byteOrder("u.name")
	case "problems":
		key = "COALESCE(c.problems, 0)"
	case "rate":
		key = `CASE WHEN COALESCE(c.problems, 0) > 0
			THEN (COALESCE(c.completed, 0) + COALESCE(c.ongoing, 0)) * 100 / c.problems ELSE 0 END`
	case "pending":
		key = `(SELECT COUNT(*) FROM problems sp WHERE sp.round_id = r.id AND sp.close_state = 'submitted' AND sp.voided_at IS NULL)`
	default:
		return "r.feedback_date" + dir + ", r.id" + dir
	}
	return key + dir + ", r.feedback_date DESC, r.id DESC"
}

func (s *Store) roundPageInSQL(ctx context.Context, sc zhenggai.Scope, today zhenggai.Date, q RoundQuery) (p *RoundPage, err error) {
	// One view of the data: red is one statement's count less another's.
	err = s.readSnapshot(ctx, func(db queryer) (err error) {
		p, err = s.roundPageIn(ctx, db, sc, today, q)
		return err
	})
	return p, err
}

func (s *Store) roundPageIn(ctx context.Context, db queryer, sc zhenggai.Scope, today zhenggai.Date, q RoundQuery) (*RoundPage, error) {
	p := newRoundPage(q)
	with, wargs, cond, cargs := scopeUnitSQL(sc, "r.unit_id")
	keep, kargs := s.keepSQL(q)
	k, kept := "1", cond
	if keep != "" {
		k, kept = "CASE WHEN "+keep+" THEN 1 ELSE 0 END", cond+" AND "+keep
	}

	// Every round of the scope once: how many, and the sums of the kept.
	var od int
	var counts [5]int
	err := db.QueryRowContext(ctx, s.d.rebind(with+`SELECT COUNT(*), COALESCE(SUM(t.k), 0),
		COALESCE(SUM(t.k * t.ns), 0), COALESCE(SUM(t.k * t.ip), 0), COALESCE(SUM(t.k * t.bc), 0),
		COALESCE(SUM(t.k * t.og), 0), COALESCE(SUM(t.k * t.cp), 0), COALESCE(SUM(t.k * t.od), 0)
		FROM (SELECT `+k+` AS k, COALESCE(c.not_started, 0) AS ns, COALESCE(c.in_progress, 0) AS ip,
			COALESCE(c.basically_completed, 0) AS bc, COALESCE(c.ongoing, 0) AS og, COALESCE(c.completed, 0) AS cp,
			COALESCE(c.open_due, 0) AS od`+roundFrom+`WHERE `+cond+`) t`), join(wargs, kargs, cargs)...).
		Scan(&p.All, &p.Kept, &counts[0], &counts[1], &counts[2], &counts[3], &counts[4], &od)
	if err != nil {
		return nil, err
	}
	for i, n := range counts {
		p.Counts[rankStatus[i]] = n
		p.Problems += n
	}
	p.Offset = q.cut(p.Kept)
	if p.Kept == 0 {
		return p, nil
	}

	// The kept rounds' measures, as a condition on round_id: the scope's
	// where nothing else narrows it.
	mwith, mwargs, mcond, mcargs := with, wargs, "round_id IN (SELECT r.id"+roundFrom+"WHERE "+kept+")", join(cargs, kargs)
	if keep == "" {
		mwith, mwargs, mcond, mcargs = scopeUnitSQL(sc, "unit_id")
	}
	if err := db.QueryRowContext(ctx, s.d.rebind(with+`SELECT COUNT(*) FROM problems p
		JOIN rounds r ON r.id = p.round_id JOIN units u ON u.id = r.unit_id LEFT JOIN round_counts c ON c.round_id = r.id
		WHERE p.close_state = 'submitted' AND p.voided_at IS NULL AND r.voided_at IS NULL AND `+kept), join(wargs, cargs, kargs)...).Scan(&p.Pending); err != nil {
		return nil, err
	}
	sets, err := s.allSettings(ctx, db)
	if err != nil {
		return nil, err
	}
	due, err := s.dueTotals(ctx, db, mwith, mwargs, mcond, mcargs, today, sets)
	if err != nil {
		return nil, err
	}
	p.Colours[zhenggai.Red] = od - due.future + due.rereport
	p.Colours[zhenggai.Yellow], p.Colours[zhenggai.Green] = due.yellow, due.green

	// The page.
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT `+roundListCols+`, COALESCE(c.not_started, 0),
		COALESCE(c.in_progress, 0), COALESCE(c.basically_completed, 0), COALESCE(c.ongoing, 0), COALESCE(c.completed, 0)
		`+roundFrom+`WHERE `+kept+` ORDER BY `+s.orderSQL(q)+` LIMIT ? OFFSET ?`),
		join(wargs, cargs, kargs, []any{q.Limit, p.Offset})...)
	if err != nil {
		return nil, err
	}
	var byID map[int64]*zhenggai.RoundSummary
	p.Rows, byID, err = scanSummaries(rows)
	if err != nil || len(p.Rows) == 0 {
		return p, err
	}
	ids := make([]any, len(p.Rows))
	for i, rs := range p.Rows {
		ids[i] = rs.Round.ID
	}
	idCond := "round_id IN (" + placeholders(len(ids)) + ")"
	if err := s.addColours(ctx, db, byID, "", nil, idCond, ids, today, sets); err != nil {
		return nil, err
	}
	pending, err := s.pendingByRound(ctx, db, zhenggai.Scope{}, idCond, ids)
	if err != nil {
		return nil, err
	}
	for _, rs := range p.Rows {
		rs.Pending = pending[rs.Round.ID]
	}
	return p, nil
}

// dueCounts are the measures of some rounds that may turn red, due from
// today on: all of them, and those yellow and green today by their
// units' thresholds; and the 长期坚持 measures red for want of a re-report.
type dueCounts struct{ future, yellow, green, rereport int }

// dueTotals counts, for the measures cond keeps (a condition on round_id
// after the WITH prefix with), what a list's totals need to know of their
// colours beyond the counts kept per round. It reads measures_due_idx from
// today on, and the few 长期坚持 measures with a re-report period.
func (s *Store) dueTotals(ctx context.Context, db queryer, with string, wargs []any, cond string, cargs []any,
	today zhenggai.Date, sets map[int64]zhenggai.Settings) (dueCounts, error) {
	var d dueCounts
	for _, g := range thresholdGroups(sets) {
		unitCond, unitArgs := "1 = 1", []any(nil)
		if len(g.units) > 0 {
			unitCond, unitArgs = "unit_id IN ("+placeholders(len(g.units))+")", g.units
		}
		if len(g.others) > 0 {
			unitCond, unitArgs = "unit_id NOT IN ("+placeholders(len(g.others))+")", g.others
		}
		t, y, gr := today.String(), today.AddDays(g.set.YellowDays).String(), today.AddDays(g.set.GreenDays).String()
		var future, yellow, green int
		err := db.QueryRowContext(ctx, s.d.rebind(with+`SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN deadline <= ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN deadline > ? AND deadline <= ? THEN 1 ELSE 0 END), 0)
			FROM measures WHERE `+openDueSQL+` AND voided_at IS NULL AND deadline >= ? AND `+unitCond+` AND `+cond),
			join(wargs, []any{y, y, gr, t}, unitArgs, cargs)...).
			Scan(&future, &yellow, &green)
		if err != nil {
			return d, err
		}
		d.future += future
		d.yellow += yellow
		d.green += green
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '') FROM measures
		WHERE status = 'ongoing' AND report_every > 0 AND voided_at IS NULL AND `+cond), join(wargs, cargs)...)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		m := zhenggai.Measure{Status: zhenggai.Ongoing}
		var last string
		if err := rows.Scan(&m.ReportEvery, &last); err != nil {
			return d, err
		}
		m.LastReport = parseDate(last)
		if zhenggai.MeasureColour(zhenggai.Settings{}, &m, today) == zhenggai.Red {
			d.rereport++
		}
	}
	return d, rows.Err()
}

// pendingByRound counts the problems waiting for the office's acceptance
// in each round of a scope, or of the rounds cond names (a condition on
// round_id) when it is not "".
func (s *Store) pendingByRound(ctx context.Context, db queryer, sc zhenggai.Scope, cond string, args []any) (map[int64]int, error) {
	with, wargs, scond, cargs := scopeSQL(sc, "round_id")
	if cond != "" {
		with, wargs, scond, cargs = "", nil, cond, args
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT round_id, COUNT(*) FROM problems
		WHERE close_state = 'submitted' AND voided_at IS NULL AND `+scond+` GROUP BY round_id`), join(wargs, cargs)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
