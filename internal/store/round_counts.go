package store

import (
	"context"
	"database/sql"
)

// round_counts holds each round's problems counted by status (migration
// 0008). Problem statuses are derived from measures, so counting them for
// thousands of rounds means reading every measure; the counts are instead
// recomputed for a round in the transaction that changes one of its
// problems or measures. audit() is the one call every such change makes,
// so it marks the round; writeOnce recomputes the marked rounds just
// before it commits. Bulk imports mark their round themselves.

// openDueSQL is a measure that may turn red: unfinished, not yet approved
// by its leader, with a deadline (zhenggai.MeasureColour). The same words
// as measures_due_idx's, so that both engines use that index.
const openDueSQL = `status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> ''`

// roundCountsSQL recomputes the counts of one round (one=true: its id is
// the statement's four arguments) or of every round, with the ranking of
// rankSQL and the rollup of zhenggai.ProblemStatus (a test holds the two
// together).
func roundCountsSQL(one bool) string {
	return `INSERT INTO round_counts (` + roundCountCols + `) ` + roundCountsSelect(one)
}

const roundCountCols = `round_id, unit_id, problems, not_started, in_progress, basically_completed, ongoing, completed, open_due`

// roundCountsSelect computes the counts as the table's columns. For one
// round the round is named inside each derived table too: neither engine
// is relied on to push it down, and without it every write would read
// every problem and measure of the installation.
func roundCountsSelect(one bool) string {
	cond, pcond, mcond := "1 = 1", "1 = 1", "1 = 1"
	if one {
		cond, pcond, mcond = "r.id = ?", "p.round_id = ?", "round_id = ?"
	}
	return `SELECT r.id AS round_id, r.unit_id AS unit_id, COUNT(x.id) AS problems,
		COALESCE(SUM(CASE WHEN x.st = 0 THEN 1 ELSE 0 END), 0) AS not_started,
		COALESCE(SUM(CASE WHEN x.st = 1 THEN 1 ELSE 0 END), 0) AS in_progress,
		COALESCE(SUM(CASE WHEN x.st = 2 THEN 1 ELSE 0 END), 0) AS basically_completed,
		COALESCE(SUM(CASE WHEN x.st = 3 THEN 1 ELSE 0 END), 0) AS ongoing,
		COALESCE(SUM(CASE WHEN x.st = 4 THEN 1 ELSE 0 END), 0) AS completed,
		COALESCE(MAX(d.n), 0) AS open_due
	FROM rounds r LEFT JOIN (SELECT round_id, COUNT(*) AS n FROM measures
		WHERE ` + mcond + ` AND ` + openDueSQL + ` AND voided_at IS NULL GROUP BY round_id) d ON d.round_id = r.id
	LEFT JOIN (
		SELECT p.round_id AS round_id, p.id AS id,
			CASE WHEN MIN(m.rk) IS NULL THEN 0 WHEN MIN(m.rk) = 0 AND MAX(m.rk) > 0 THEN 1 ELSE MIN(m.rk) END AS st
		FROM problems p LEFT JOIN (SELECT problem_id, ` + rankSQL + ` AS rk FROM measures WHERE ` + mcond + ` AND voided_at IS NULL) m
			ON m.problem_id = p.id
		WHERE ` + pcond + ` AND p.voided_at IS NULL
		GROUP BY p.round_id, p.id) x ON x.round_id = r.id
	WHERE ` + cond + `
	GROUP BY r.id, r.unit_id`
}

// markRound notes that the counts of a round must be recomputed before
// the transaction commits.
func (s *Store) markRound(tx *sql.Tx, round int64) {
	s.marks.Lock()
	defer s.marks.Unlock()
	if !s.marks.on {
		return
	}
	if s.marks.m == nil {
		s.marks.m = map[*sql.Tx]map[int64]bool{}
	}
	if s.marks.m[tx] == nil {
		s.marks.m[tx] = map[int64]bool{}
	}
	s.marks.m[tx][round] = true
}

// takeMarks returns and forgets the rounds marked in a transaction.
func (s *Store) takeMarks(tx *sql.Tx) map[int64]bool {
	s.marks.Lock()
	defer s.marks.Unlock()
	m := s.marks.m[tx]
	delete(s.marks.m, tx)
	return m
}

// markRoundOf marks the round of a changed problem or measure: the round
// it was in (from its snapshot) and the one it is in now.
func (s *Store) markRoundOf(ctx context.Context, tx *sql.Tx, table string, id int64, before string) error {
	switch table {
	case "rounds":
		// A new round has its row of zeros from the start.
		s.markRound(tx, id)
		return nil
	case "problems", "measures":
	default:
		return nil
	}
	if before != "" {
		if r, ok := decodeSnapshot(before)["round_id"].(int64); ok {
			s.markRound(tx, r)
		}
	}
	var r int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT round_id FROM `+table+` WHERE id = ?`), id).Scan(&r)
	switch {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return err
	}
	s.markRound(tx, r)
	return nil
}

// refreshRoundCounts recomputes the counts of the marked rounds of tx.
func (s *Store) refreshRoundCounts(ctx context.Context, tx *sql.Tx) error {
	for r := range s.takeMarks(tx) {
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM round_counts WHERE round_id = ?`), r); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(roundCountsSQL(true)), r, r, r, r); err != nil {
			return err
		}
	}
	return nil
}

// rebuildRoundCounts recomputes every round's counts: after a migration
// that fills the table, and after migrate-data copied the records.
func (s *Store) rebuildRoundCounts(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM round_counts`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, roundCountsSQL(false))
	return err
}

func (s *Store) roundCountsDrift(ctx context.Context, q queryer) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `WITH now_counts AS (`+roundCountsSelect(false)+`)
		SELECT n.round_id FROM now_counts n LEFT JOIN round_counts c ON c.round_id = n.round_id
		WHERE c.round_id IS NULL OR c.problems <> n.problems OR c.not_started <> n.not_started
			OR c.in_progress <> n.in_progress OR c.basically_completed <> n.basically_completed
			OR c.ongoing <> n.ongoing OR c.completed <> n.completed OR c.unit_id <> n.unit_id
			OR c.open_due <> n.open_due
		UNION SELECT c.round_id FROM round_counts c LEFT JOIN rounds r ON r.id = c.round_id WHERE r.id IS NULL
		ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
