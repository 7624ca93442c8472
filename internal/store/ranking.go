package store

import (
	"context"

	"zhenggai"
)

// UnitRanking ranks the units of a scope by completion rate and overdue
// measures (zhenggai.RankUnits, which a test holds it to) without working
// out every measure's colour: problems come from the counts kept per
// round, and a unit's overdue measures are its measures that may turn red
// (round_counts.open_due) less those due from today on, plus the 长期坚持
// measures red for want of a re-report. It reads the rounds, the measures
// due from today on and the few re-reported ones, so that an office's
// home stays quick with thousands of rounds.
func (s *Store) UnitRanking(ctx context.Context, sc zhenggai.Scope, today zhenggai.Date) ([]*zhenggai.UnitRank, error) {
	var out []*zhenggai.UnitRank
	err := s.readSnapshot(ctx, func(db queryer) error {
		with, wargs, cond, cargs := scopeUnitSQL(sc, "r.unit_id")
		rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT r.unit_id, u.name, COUNT(r.id), COALESCE(SUM(c.problems), 0),
			COALESCE(SUM(c.completed + c.ongoing), 0), COALESCE(SUM(c.open_due), 0)
			FROM rounds r JOIN units u ON u.id = r.unit_id AND r.voided_at IS NULL LEFT JOIN round_counts c ON c.round_id = r.id
			WHERE `+cond+` GROUP BY r.unit_id, u.name`), join(wargs, cargs)...)
		if err != nil {
			return err
		}
		by := map[int64]*zhenggai.UnitRank{}
		for rows.Next() {
			r := &zhenggai.UnitRank{}
			if err := rows.Scan(&r.UnitID, &r.Unit, &r.Rounds, &r.Problems, &r.Completed, &r.Overdue); err != nil {
				rows.Close()
				return err
			}
			by[r.UnitID] = r
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// Not yet overdue: due today or later.
		with, wargs, cond, cargs = scopeUnitSQL(sc, "unit_id")
		if err := s.perUnit(ctx, db, with+`SELECT unit_id, COUNT(*) FROM measures WHERE `+openDueSQL+` AND voided_at IS NULL AND deadline >= ? AND `+cond+`
			GROUP BY unit_id`, join(wargs, []any{today.String()}, cargs), func(unit int64, n int) {
			if r := by[unit]; r != nil {
				r.Overdue -= n
			}
		}); err != nil {
			return err
		}
		rrows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT unit_id, report_every,
			COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '') FROM measures
			WHERE status = 'ongoing' AND report_every > 0 AND voided_at IS NULL AND `+cond), join(wargs, cargs)...)
		if err != nil {
			return err
		}
		defer rrows.Close()
		for rrows.Next() {
			m := zhenggai.Measure{Status: zhenggai.Ongoing}
			var unit int64
			var last string
			if err := rrows.Scan(&unit, &m.ReportEvery, &last); err != nil {
				return err
			}
			m.LastReport = parseDate(last)
			if r := by[unit]; r != nil && zhenggai.MeasureColour(zhenggai.Settings{}, &m, today) == zhenggai.Red {
				r.Overdue++
			}
		}
		return rrows.Err()
	})
	if err != nil {
		return nil, err
	}
	return zhenggai.Rank(out), nil
}

// perUnit runs a query of (unit, count) rows and hands each to fn.
func (s *Store) perUnit(ctx context.Context, db queryer, q string, args []any, fn func(unit int64, n int)) error {
	rows, err := db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var n int
		if err := rows.Scan(&unit, &n); err != nil {
			return err
		}
		fn(unit, n)
	}
	return rows.Err()
}
