package store

import (
	"context"

	"zhenggai"
)

// Tasks is what waits for u on day today (我的任务): the measures of his
// unit that name him as 责任领导 or 责任人, the progress reported on them
// lately, and the open opinions assigned to him. Everything is read in
// one snapshot so that the counts agree with the lists.
func (s *Store) Tasks(ctx context.Context, u *zhenggai.User, today zhenggai.Date) (*zhenggai.Tasks, error) {
	var t *zhenggai.Tasks
	err := s.readSnapshot(ctx, func(db queryer) error {
		set, err := s.settingsIn(ctx, db, u.UnitID)
		if err != nil {
			return err
		}
		var ms []*zhenggai.TaskMeasure
		var ps []*zhenggai.TaskProgress
		if u.LedgerName != "" {
			if ms, err = s.taskMeasures(ctx, db, u); err != nil {
				return err
			}
			if ps, err = s.taskProgress(ctx, db, u, today.AddDays(-zhenggai.LookBackDays)); err != nil {
				return err
			}
		}
		ops, err := s.assignedOpinions(ctx, db, u.ID)
		if err != nil {
			return err
		}
		t = zhenggai.BuildTasks(u, set, today, ms, ps, ops)
		return nil
	})
	return t, err
}

// mineSQL keeps the measures of u's unit whose leader or owner is his
// ledger name (BuildTasks decides which, as the rights do).
const mineSQL = `measures.unit_id = ? AND (TRIM(measures.leader) = ? OR TRIM(measures.owner) = ?)`

func (s *Store) taskMeasures(ctx context.Context, db queryer, u *zhenggai.User) ([]*zhenggai.TaskMeasure, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+measureCols+`, measures.round_id,
		(SELECT r.inspector || '巡察' || r_u.name FROM rounds r JOIN units r_u ON r_u.id = r.unit_id WHERE r.id = measures.round_id),
		(SELECT p.seq FROM problems p WHERE p.id = measures.problem_id),
		(SELECT p.title FROM problems p WHERE p.id = measures.problem_id)
		FROM measures WHERE measures.voided_at IS NULL AND `+mineSQL+` ORDER BY measures.round_id, measures.problem_id, measures.seq`),
		u.UnitID, u.LedgerName, u.LedgerName)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.TaskMeasure
	for rows.Next() {
		var t zhenggai.TaskMeasure
		m, err := scanMeasure(rows, &t.RoundID, &t.Round, &t.ProblemSeq, &t.Problem)
		if err != nil {
			return nil, err
		}
		t.Measure = m
		out = append(out, &t)
	}
	return out, rows.Err()
}

func (s *Store) taskProgress(ctx context.Context, db queryer, u *zhenggai.User, since zhenggai.Date) ([]*zhenggai.TaskProgress, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT p.id, p.unit_id, p.measure_id, p.day, p.content, p.author, p.status, p.created_at
		FROM progress p JOIN measures ON measures.id = p.measure_id
		WHERE p.voided_at IS NULL AND measures.voided_at IS NULL AND `+mineSQL+` AND p.day >= ? ORDER BY p.day DESC, p.id DESC`),
		u.UnitID, u.LedgerName, u.LedgerName, since.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.TaskProgress
	for rows.Next() {
		var p zhenggai.Progress
		var day, status, created string
		if err := rows.Scan(&p.ID, &p.UnitID, &p.MeasureID, &day, &p.Content, &p.Author, &status, &created); err != nil {
			return nil, err
		}
		p.Date, p.Status, p.CreatedAt = parseDate(day), zhenggai.Status(status), parseTime(created)
		p.Files = []zhenggai.Attachment{}
		out = append(out, &zhenggai.TaskProgress{Progress: &p})
	}
	return out, rows.Err()
}

// assignedOpinions lists the opinions assigned to a user that are not yet
// answered or closed, oldest first: the oldest waits longest.
func (s *Store) assignedOpinions(ctx context.Context, db queryer, userID int64) ([]*zhenggai.Opinion, error) {
	return s.opinionsWhere(ctx, db, "", `o.assignee_id = ? AND o.status IN ('new', 'assigned') ORDER BY o.id`, userID)
}
