package store

import (
	"context"
	"strconv"

	"zhenggai"
)

// Scope is the set of units whose rounds a list shows: everything, one
// office and every unit below it, or one unit.
type Scope struct {
	All    bool
	Office int64 // with its whole subtree
	Unit   int64
}

// scopeSQL returns a WITH prefix and a condition on a round ID column
// that keep a query to the rounds of the scope; both dialects accept it.
func scopeSQL(sc Scope, col string) (with string, withArgs []any, cond string, condArgs []any) {
	switch {
	case sc.All:
		return "", nil, "1 = 1", nil
	case sc.Office != 0:
		return `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `, []any{sc.Office},
			col + ` IN (SELECT sr.id FROM rounds sr WHERE sr.unit_id IN (SELECT id FROM sub))`, nil
	}
	return "", nil, col + ` IN (SELECT sr.id FROM rounds sr WHERE sr.unit_id = ?)`, []any{sc.Unit}
}

// join puts argument lists together in the order their placeholders stand.
func join(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// RoundSummary is a round with the figures a list of rounds shows.
type RoundSummary struct {
	Round          *zhenggai.Round
	Problems       int
	ProblemCounts  zhenggai.StatusCounts
	ColourCounts   zhenggai.ColourCounts
	CompletionRate int
}

// rankSQL orders statuses as zhenggai.ProblemStatus does.
const rankSQL = `CASE status WHEN 'in_progress' THEN 1 WHEN 'basically_completed' THEN 2
	WHEN 'ongoing' THEN 3 WHEN 'completed' THEN 4 ELSE 0 END`

var rankStatus = []zhenggai.Status{zhenggai.NotStarted, zhenggai.InProgress, zhenggai.BasicallyCompleted, zhenggai.Ongoing, zhenggai.Completed}

// RoundSummaries lists the rounds of a scope, newest feedback first, with
// their status counts and warning colours as of today, in three queries
// whatever the number of rounds: the figures are derived in SQL, the same
// way zhenggai.BuildLedger derives them (a test holds the two together).
func (s *Store) RoundSummaries(ctx context.Context, sc Scope, today zhenggai.Date) ([]*RoundSummary, error) {
	with, wargs, cond, cargs := scopeSQL(sc, "r.id")
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT `+roundCols+`
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE `+cond+` ORDER BY r.feedback_date DESC, r.id DESC`), join(wargs, cargs)...)
	if err != nil {
		return nil, err
	}
	var out []*RoundSummary
	byID := map[int64]*RoundSummary{}
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		rs := &RoundSummary{Round: r, ProblemCounts: zhenggai.NewStatusCounts(),
			ColourCounts: zhenggai.ColourCounts{zhenggai.Green: 0, zhenggai.Yellow: 0, zhenggai.Red: 0}}
		out = append(out, rs)
		byID[r.ID] = rs
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}

	// Problem statuses: the least advanced measure decides; any work
	// started makes a not-started problem "in progress".
	with, wargs, cond, cargs = scopeSQL(sc, "round_id")
	_, _, pcond, _ := scopeSQL(sc, "p.round_id")
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT x.round_id, x.st, COUNT(*) FROM (
		SELECT p.round_id AS round_id,
			CASE WHEN MIN(m.rk) IS NULL THEN 0 WHEN MIN(m.rk) = 0 AND MAX(m.rk) > 0 THEN 1 ELSE MIN(m.rk) END AS st
		FROM problems p LEFT JOIN (SELECT problem_id, `+rankSQL+` AS rk FROM measures WHERE `+cond+`) m ON m.problem_id = p.id
		WHERE `+pcond+`
		GROUP BY p.round_id, p.id) x
		GROUP BY x.round_id, x.st`), join(wargs, cargs, cargs)...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var st, n int
		if err := rows.Scan(&id, &st, &n); err != nil {
			rows.Close()
			return nil, err
		}
		if rs := byID[id]; rs != nil && st >= 0 && st < len(rankStatus) {
			rs.ProblemCounts[rankStatus[st]] += n
			rs.Problems += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Colours: only unfinished measures due within the widest warning
	// window come back, and each unit's own thresholds classify them.
	sets, err := s.allSettings(ctx)
	if err != nil {
		return nil, err
	}
	horizon := today.AddDays(maxGreen(sets))
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT round_id, unit_id, deadline, COUNT(*) FROM measures
		WHERE `+cond+` AND status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> '' AND deadline <= ?
		GROUP BY round_id, unit_id, deadline`), join(wargs, cargs, []any{horizon.String()})...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, unit int64
		var deadline string
		var n int
		if err := rows.Scan(&id, &unit, &deadline, &n); err != nil {
			return nil, err
		}
		set, ok := sets[unit]
		if !ok {
			set = zhenggai.DefaultSettings()
		}
		if rs := byID[id]; rs != nil {
			if c := zhenggai.DeadlineColour(set, zhenggai.InProgress, parseDate(deadline), today); c != zhenggai.NoColour {
				rs.ColourCounts[c] += n
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// 长期坚持 measures with a re-report period: red once the period since
	// their latest report has passed (zhenggai.MeasureColour).
	rows, err = s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT round_id, report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id), '') FROM measures
		WHERE `+cond+` AND status = 'ongoing' AND report_every > 0`), join(wargs, cargs)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m zhenggai.Measure
		var last string
		if err := rows.Scan(&id, &m.ReportEvery, &last); err != nil {
			return nil, err
		}
		m.Status, m.LastReport = zhenggai.Ongoing, parseDate(last)
		if rs := byID[id]; rs != nil && zhenggai.MeasureColour(zhenggai.Settings{}, &m, today) == zhenggai.Red {
			rs.ColourCounts[zhenggai.Red]++
		}
	}
	for _, rs := range out {
		rs.CompletionRate = rs.ProblemCounts.CompletionRate()
	}
	return out, rows.Err()
}

// allSettings reads every unit's thresholds in one query.
func (s *Store) allSettings(ctx context.Context) (map[int64]zhenggai.Settings, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT unit_id, name, value FROM settings WHERE name IN ('green_days', 'yellow_days')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]zhenggai.Settings{}
	for rows.Next() {
		var unit int64
		var name, value string
		if err := rows.Scan(&unit, &name, &value); err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(value)
		if err != nil {
			continue
		}
		set, ok := out[unit]
		if !ok {
			set = zhenggai.DefaultSettings()
		}
		if name == "green_days" {
			set.GreenDays = n
		} else {
			set.YellowDays = n
		}
		out[unit] = set
	}
	return out, rows.Err()
}

func maxGreen(sets map[int64]zhenggai.Settings) int {
	n := zhenggai.DefaultSettings().GreenDays
	for _, s := range sets {
		n = max(n, s.GreenDays)
	}
	return n
}
