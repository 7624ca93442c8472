package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"zhenggai"
)

// scopeSQL returns a WITH prefix and a condition on a round ID column
// that keep a query to the rounds of the scope; both dialects accept it.
func scopeSQL(sc zhenggai.Scope, col string) (with string, withArgs []any, cond string, condArgs []any) {
	if sc.All {
		return "", nil, "1 = 1", nil
	}
	with, withArgs, cond, condArgs = scopeUnitSQL(sc, "sr.unit_id")
	return with, withArgs, col + ` IN (SELECT sr.id FROM rounds sr WHERE ` + cond + `)`, condArgs
}

// scopeUnitSQL is scopeSQL on a unit ID column: cheaper where the table
// carries its unit (every table does), as no round needs looking up.
func scopeUnitSQL(sc zhenggai.Scope, col string) (with string, withArgs []any, cond string, condArgs []any) {
	switch {
	case sc.All:
		return "", nil, "1 = 1", nil
	case sc.Office != 0:
		return `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `, []any{sc.Office},
			col + ` IN (SELECT id FROM sub)`, nil
	}
	return "", nil, col + ` = ?`, []any{sc.Unit}
}

// join puts argument lists together in the order their placeholders stand.
func join(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// rankSQL orders statuses as zhenggai.ProblemStatus does.
const rankSQL = `CASE status WHEN 'in_progress' THEN 1 WHEN 'basically_completed' THEN 2
	WHEN 'ongoing' THEN 3 WHEN 'completed' THEN 4 ELSE 0 END`

var rankStatus = []zhenggai.Status{zhenggai.NotStarted, zhenggai.InProgress, zhenggai.BasicallyCompleted, zhenggai.Ongoing, zhenggai.Completed}

// readSnapshot runs fn on one consistent view of the data, so that
// figures read by several statements agree with each other even while
// others write (PostgreSQL: REPEATABLE READ; SQLite: a read transaction,
// which in WAL mode sees one state throughout).
//
// A reader who leaves does not cut it short: database/sql answers a
// canceled transaction by rolling back under the running statement, which
// breaks the connection for the next request (PostgreSQL); the reads are
// short, and bounded here.
func (s *Store) readSnapshot(ctx context.Context, fn func(db queryer) error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) roundSummaries(ctx context.Context, db queryer, sc zhenggai.Scope, today zhenggai.Date) ([]*zhenggai.RoundSummary, error) {
	with, wargs, cond, cargs := scopeSQL(sc, "r.id")
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT `+roundListCols+`, COALESCE(c.not_started, 0),
		COALESCE(c.in_progress, 0), COALESCE(c.basically_completed, 0), COALESCE(c.ongoing, 0), COALESCE(c.completed, 0)
		FROM rounds r JOIN units u ON u.id = r.unit_id LEFT JOIN round_counts c ON c.round_id = r.id
		WHERE r.voided_at IS NULL AND `+cond+` ORDER BY r.feedback_date DESC, r.id DESC`), join(wargs, cargs)...)
	if err != nil {
		return nil, err
	}
	out, byID, err := scanSummaries(rows)
	if err != nil || len(out) == 0 {
		return out, err
	}

	sets, err := s.allSettings(ctx, db)
	if err != nil {
		return nil, err
	}
	with, wargs, cond, cargs = scopeSQL(sc, "round_id")
	if err := s.addColours(ctx, db, byID, with, wargs, cond, cargs, today, sets); err != nil {
		return nil, err
	}
	return out, nil
}

// scanSummaries reads rounds with their five kept counts (roundListCols
// and then round_counts' columns in rank order), without colours yet, and
// closes rows.
func scanSummaries(rows *sql.Rows) ([]*zhenggai.RoundSummary, map[int64]*zhenggai.RoundSummary, error) {
	defer rows.Close()
	var out []*zhenggai.RoundSummary
	byID := map[int64]*zhenggai.RoundSummary{}
	for rows.Next() {
		var counts [5]int
		r, err := scanRound(rows, &counts[0], &counts[1], &counts[2], &counts[3], &counts[4])
		if err != nil {
			return nil, nil, err
		}
		rs := &zhenggai.RoundSummary{Round: r, ProblemCounts: zhenggai.NewStatusCounts(),
			ColourCounts: zhenggai.ColourCounts{zhenggai.Green: 0, zhenggai.Yellow: 0, zhenggai.Red: 0}}
		for i, n := range counts {
			rs.ProblemCounts[rankStatus[i]] = n
			rs.Problems += n
		}
		rs.CompletionRate = rs.ProblemCounts.CompletionRate()
		out = append(out, rs)
		byID[r.ID] = rs
	}
	return out, byID, rows.Err()
}

// addColours counts the warning colours of the rounds in byID as of
// today, reading the measures of the rounds cond keeps (a condition on
// round_id, after the WITH prefix with), with the units' thresholds sets.
func (s *Store) addColours(ctx context.Context, db queryer, byID map[int64]*zhenggai.RoundSummary, with string, wargs []any, cond string, cargs []any,
	today zhenggai.Date, sets map[int64]zhenggai.Settings) error {
	// Colours: only unfinished measures due within a warning window count,
	// classified in SQL by their unit's thresholds: one statement for the
	// units on the default thresholds, one per other set of thresholds.
	for _, g := range thresholdGroups(sets) {
		unitCond, unitArgs := "1 = 1", []any(nil)
		if len(g.units) > 0 {
			unitCond = "unit_id IN (" + placeholders(len(g.units)) + ")"
			unitArgs = g.units
		}
		if len(g.others) > 0 {
			unitCond = "unit_id NOT IN (" + placeholders(len(g.others)) + ")"
			unitArgs = g.others
		}
		// An approved measure waits for the office, not for its owner: it
		// has no deadline warning (zhenggai.MeasureColour).
		t, y, gr := today.String(), today.AddDays(g.set.YellowDays).String(), today.AddDays(g.set.GreenDays).String()
		err := s.colourCounts(ctx, db, byID, with+`SELECT round_id,
			SUM(CASE WHEN deadline < ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline >= ? AND deadline <= ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline > ? THEN 1 ELSE 0 END)
			FROM measures
			WHERE `+cond+` AND voided_at IS NULL AND status NOT IN ('completed', 'ongoing') AND close_state <> 'approved'
				AND deadline <> '' AND deadline <= ? AND `+unitCond+`
			GROUP BY round_id`, join(wargs, []any{t, t, y, y}, cargs, []any{gr}, unitArgs))
		if err != nil {
			return err
		}
	}
	// 长期坚持 measures with a re-report period: red once the period since
	// their latest report has passed (zhenggai.MeasureColour).
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT round_id, report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '') FROM measures
		WHERE `+cond+` AND voided_at IS NULL AND status = 'ongoing' AND report_every > 0`), join(wargs, cargs)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m zhenggai.Measure
		var last string
		if err := rows.Scan(&id, &m.ReportEvery, &last); err != nil {
			return err
		}
		m.Status, m.LastReport = zhenggai.Ongoing, parseDate(last)
		if rs := byID[id]; rs != nil && zhenggai.MeasureColour(zhenggai.Settings{}, &m, today) == zhenggai.Red {
			rs.ColourCounts[zhenggai.Red]++
		}
	}
	return rows.Err()
}

// colourCounts adds the red, yellow and green counts per round a query
// returns to the rounds' summaries.
func (s *Store) colourCounts(ctx context.Context, db queryer, byID map[int64]*zhenggai.RoundSummary, q string, args []any) error {
	rows, err := db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var red, yellow, green int
		if err := rows.Scan(&id, &red, &yellow, &green); err != nil {
			return err
		}
		if rs := byID[id]; rs != nil {
			rs.ColourCounts[zhenggai.Red] += red
			rs.ColourCounts[zhenggai.Yellow] += yellow
			rs.ColourCounts[zhenggai.Green] += green
		}
	}
	return rows.Err()
}

// thresholdGroup is a set of thresholds and the units that use it: either
// units listed, or (for the defaults) every unit but others.
type thresholdGroup struct {
	set    zhenggai.Settings
	units  []any
	others []any
}

// thresholdGroups groups the units with thresholds of their own by those
// thresholds, the defaults first (for every unit not listed elsewhere).
func thresholdGroups(sets map[int64]zhenggai.Settings) []thresholdGroup {
	def := zhenggai.DefaultSettings()
	groups := []thresholdGroup{{set: def}}
	idx := map[zhenggai.Settings]int{}
	ids := make([]int64, 0, len(sets))
	for u := range sets {
		ids = append(ids, u)
	}
	slices.Sort(ids)
	for _, u := range ids {
		set := sets[u]
		if set == def {
			continue
		}
		groups[0].others = append(groups[0].others, u)
		i, ok := idx[set]
		if !ok {
			i = len(groups)
			idx[set] = i
			groups = append(groups, thresholdGroup{set: set})
		}
		groups[i].units = append(groups[i].units, u)
	}
	return groups
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// allSettings reads every unit's thresholds in one query.
func (s *Store) allSettings(ctx context.Context, db queryer) (map[int64]zhenggai.Settings, error) {
	rows, err := db.QueryContext(ctx, `SELECT unit_id, name, value FROM settings WHERE name IN ('green_days', 'yellow_days')`)
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
