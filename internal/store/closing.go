package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"zhenggai"
)

// Closing (销号): each step is one transaction that moves the state of the
// measure or problem, keeps the step in close_steps, and logs both in the
// audit trail. Who may take a step is the route's business
// (zhenggai.Can with the step's Perm); whether the record's state allows
// it is decided here, from the state read in the same transaction.

// CloseMeasure takes a step on a measure: request (the owner, with
// evidence), approve or return (its leader). by is the person as shown on
// the timeline. Approving the last measure of a problem sends the problem
// to the office (a submit step) in the same transaction.
func (s *Store) CloseMeasure(ctx context.Context, id int64, a zhenggai.CloseAction, by, reason string) (*zhenggai.CloseStep, error) {
	if !a.Valid() || a.OnProblem() || a == zhenggai.CloseSubmit {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "销号操作不正确")
	}
	reason = strings.TrimSpace(reason)
	if a == zhenggai.CloseApprove {
		if err := s.checkMeasureHold(ctx, id); err != nil {
			return nil, err
		}
	}
	var step *zhenggai.CloseStep
	err := s.write(ctx, func(tx *sql.Tx) error {
		var unit, round, problem int64
		var state, pstate string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT m.unit_id, m.round_id, m.problem_id, m.close_state, p.close_state
			FROM measures m JOIN problems p ON p.id = m.problem_id WHERE m.id = ? AND m.voided_at IS NULL`+s.d.lockRow()), id).Scan(&unit, &round, &problem, &state, &pstate)
		if err != nil {
			return notFound(err, "整改措施")
		}
		if zhenggai.CloseState(pstate).Locked() {
			return zhenggai.ErrLocked()
		}
		if zhenggai.CloseState(pstate) == zhenggai.CloseSubmitted {
			return zhenggai.ErrSubmitted("验收结果出来之前不能变更措施的销号申请")
		}
		from := zhenggai.CloseState(state)
		to, err := zhenggai.NextCloseState(a, from, reason)
		if err != nil {
			return err
		}
		var evidence int64
		if a == zhenggai.CloseRequest {
			// The latest report of this measure that carries a file.
			err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COALESCE(MAX(p.id), 0) FROM progress p
				WHERE p.measure_id = ? AND p.voided_at IS NULL
					AND EXISTS (SELECT 1 FROM attachments a WHERE a.progress_id = p.id AND a.voided_at IS NULL)`), id).Scan(&evidence)
			if err != nil {
				return err
			}
			if evidence == 0 {
				return zhenggai.Errorf(zhenggai.EINVALID, "申请销号须有佐证材料：请先报送附有佐证材料的整改进展")
			}
		}
		if err := s.setCloseState(ctx, tx, "measures", id, to); err != nil {
			return err
		}
		step = &zhenggai.CloseStep{UnitID: unit, ProblemID: problem, MeasureID: id, Action: a, From: from, To: to,
			By: by, Reason: reason, Evidence: evidence}
		if err := s.addCloseStep(ctx, tx, round, step); err != nil {
			return err
		}
		if err := s.tellClosing(ctx, tx, step); err != nil {
			return err
		}
		if a != zhenggai.CloseApprove {
			return nil
		}
		var waiting int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM measures WHERE problem_id = ? AND close_state <> ? AND voided_at IS NULL`),
			problem, string(zhenggai.CloseApproved)).Scan(&waiting); err != nil {
			return err
		}
		if waiting > 0 {
			return nil
		}
		pto, err := zhenggai.NextCloseState(zhenggai.CloseSubmit, zhenggai.CloseState(pstate), "")
		if err != nil {
			return err
		}
		if err := s.setCloseState(ctx, tx, "problems", problem, pto); err != nil {
			return err
		}
		submit := &zhenggai.CloseStep{UnitID: unit, ProblemID: problem, Action: zhenggai.CloseSubmit,
			From: zhenggai.CloseState(pstate), To: pto, By: by}
		if err := s.addCloseStep(ctx, tx, round, submit); err != nil {
			return err
		}
		return s.tellClosing(ctx, tx, submit)
	})
	return step, err
}

// CloseProblem takes a step on a problem: accept or reject (the office),
// reopen (the unit). Accepting makes every measure 已完成 (长期坚持 stays)
// and locks the problem; rejecting sends every measure back to be asked
// again; reopening unlocks it, and its 已完成 measures become 基本完成.
func (s *Store) CloseProblem(ctx context.Context, id int64, a zhenggai.CloseAction, by, reason string) (*zhenggai.CloseStep, error) {
	if !a.Valid() || !a.OnProblem() || a == zhenggai.CloseSubmit {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "销号操作不正确")
	}
	reason = strings.TrimSpace(reason)
	if a == zhenggai.CloseAccept {
		if err := s.checkProblemHold(ctx, id); err != nil {
			return nil, err
		}
	}
	var step *zhenggai.CloseStep
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		step, err = s.closeProblem(ctx, tx, id, a, by, reason)
		return err
	})
	return step, err
}

// closeProblem takes step a on problem id in tx.
func (s *Store) closeProblem(ctx context.Context, tx *sql.Tx, id int64, a zhenggai.CloseAction, by, reason string) (*zhenggai.CloseStep, error) {
	var unit, round int64
	var state, recorded string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, round_id, close_state, recorded_status FROM problems WHERE id = ? AND voided_at IS NULL`+s.d.lockRow()), id).
		Scan(&unit, &round, &state, &recorded)
	if err != nil {
		return nil, notFound(err, "具体问题")
	}
	if a == zhenggai.CloseAcceptRecorded && !zhenggai.Status(recorded).Done() {
		return nil, zhenggai.Errorf(zhenggai.ECONFLICT, "原台账未记载该问题已完成，请按销号程序验收")
	}
	from := zhenggai.CloseState(state)
	to, err := zhenggai.NextCloseState(a, from, reason)
	if err != nil {
		return nil, err
	}
	type ms struct {
		id     int64
		status zhenggai.Status
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, status FROM measures WHERE problem_id = ? AND voided_at IS NULL ORDER BY id`), id)
	if err != nil {
		return nil, err
	}
	var list []ms
	for rows.Next() {
		var m ms
		var st string
		if err := rows.Scan(&m.id, &st); err != nil {
			rows.Close()
			return nil, err
		}
		m.status = zhenggai.Status(st)
		list = append(list, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, m := range list {
		status := m.status
		switch {
		case a.Accepts():
			status = zhenggai.AcceptedStatus(status)
		case a == zhenggai.CloseReopen:
			status = zhenggai.ReopenedStatus(status)
		}
		if err := s.updateRow(ctx, tx, "measures", m.id, anyVersion, `status = ?, close_state = ?`,
			string(status), string(measureStateAfter(a))); err != nil {
			return nil, err
		}
	}
	if err := s.setCloseState(ctx, tx, "problems", id, to); err != nil {
		return nil, err
	}
	step := &zhenggai.CloseStep{UnitID: unit, ProblemID: id, Action: a, From: from, To: to, By: by, Reason: reason}
	if err := s.addCloseStep(ctx, tx, round, step); err != nil {
		return nil, err
	}
	return step, s.tellClosing(ctx, tx, step)
}

// AcceptRecorded accepts in one change, with one reason, the problems of
// a round that an imported ledger recorded as done (原台账记载) and that
// are still open: those of ids, or all when ids is empty. Each gets its
// closing step, as an acceptance would; nothing else is accepted.
func (s *Store) AcceptRecorded(ctx context.Context, round int64, ids []int64, by, reason string) ([]*zhenggai.CloseStep, error) {
	reason = strings.TrimSpace(reason)
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "验收理由", reason, true, zhenggai.MaxReason)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var steps []*zhenggai.CloseStep
	err := s.write(ctx, func(tx *sql.Tx) error {
		steps = nil
		open, err := s.ids(ctx, tx, `SELECT id FROM problems WHERE round_id = ? AND voided_at IS NULL AND `+recordedDone+` AND close_state = '' ORDER BY seq`, round)
		if err != nil {
			return err
		}
		todo := open
		if len(ids) > 0 {
			pending := map[int64]bool{}
			for _, id := range open {
				pending[id] = true
			}
			todo = nil
			for _, id := range ids {
				if !pending[id] {
					return zhenggai.Errorf(zhenggai.ECONFLICT, "所选问题（编号%d）不是本轮次原台账记载已完成、待验收的问题", id)
				}
				todo = append(todo, id)
			}
		}
		if len(todo) == 0 {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "本轮次没有待验收的原台账记载问题")
		}
		for _, id := range todo {
			step, err := s.closeProblem(ctx, tx, id, zhenggai.CloseAcceptRecorded, by, reason)
			if err != nil {
				return err
			}
			steps = append(steps, step)
		}
		return nil
	})
	return steps, err
}

// tellClosing puts the messages of a closing step in the inboxes of
// those it concerns: what they say and who they are is the domain's
// (zhenggai.CloseNotices); here are only the facts they need.
func (s *Store) tellClosing(ctx context.Context, tx *sql.Tx, st *zhenggai.CloseStep) error {
	var f zhenggai.CloseFacts
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT p.seq, p.title, u.name FROM problems p JOIN units u ON u.id = p.unit_id
		WHERE p.id = ?`), st.ProblemID).Scan(&f.ProblemSeq, &f.ProblemTitle, &f.Unit); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, content, leader, owner FROM measures WHERE problem_id = ? AND voided_at IS NULL ORDER BY id`), st.ProblemID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var content, leader, owner string
		if err := rows.Scan(&id, &content, &leader, &owner); err != nil {
			rows.Close()
			return err
		}
		f.Leaders, f.Owners = append(f.Leaders, leader), append(f.Owners, owner)
		if id == st.MeasureID {
			f.MeasureContent, f.Leader, f.Owner = content, leader, owner
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return s.tell(ctx, tx, zhenggai.CloseNotices(st, f))
}

// measureStateAfter is the closing state of every measure of a problem
// after a step on the problem: approved ones stay approved under an
// accepted problem; a rejection or a reopening has them asked again.
func measureStateAfter(a zhenggai.CloseAction) zhenggai.CloseState {
	if a.Accepts() {
		return zhenggai.CloseApproved
	}
	return zhenggai.CloseOpen
}

func (s *Store) setCloseState(ctx context.Context, tx *sql.Tx, table string, id int64, to zhenggai.CloseState) error {
	return s.updateRow(ctx, tx, table, id, anyVersion, `close_state = ?`, string(to))
}

func (s *Store) addCloseStep(ctx context.Context, tx *sql.Tx, round int64, st *zhenggai.CloseStep) error {
	now := s.stamp()
	var err error
	st.ID, err = s.insertRow(ctx, tx, "close_steps", `unit_id, round_id, problem_id, measure_id, action,
		from_state, to_state, by_name, reason, evidence_progress_id, created_at`,
		st.UnitID, round, st.ProblemID, st.MeasureID, string(st.Action), string(st.From), string(st.To), st.By, st.Reason,
		st.Evidence, now)
	if err != nil {
		return err
	}
	st.At = parseTime(now)
	return nil
}

// CloseSteps is the closing timeline of a problem, oldest first.
func (s *Store) CloseSteps(ctx context.Context, problemID int64) ([]*zhenggai.CloseStep, error) {
	return s.closeSteps(ctx, s.rdb, `problem_id = ?`, problemID)
}

func (s *Store) closeSteps(ctx context.Context, db queryer, cond string, arg int64) ([]*zhenggai.CloseStep, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT id, unit_id, problem_id, measure_id, action, from_state, to_state,
		by_name, reason, evidence_progress_id, created_at FROM close_steps WHERE `+cond+` ORDER BY id`), arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.CloseStep
	for rows.Next() {
		var st zhenggai.CloseStep
		var action, from, to, at string
		if err := rows.Scan(&st.ID, &st.UnitID, &st.ProblemID, &st.MeasureID, &action, &from, &to, &st.By, &st.Reason,
			&st.Evidence, &at); err != nil {
			return nil, err
		}
		st.Action, st.From, st.To, st.At = zhenggai.CloseAction(action), zhenggai.CloseState(from), zhenggai.CloseState(to), parseTime(at)
		out = append(out, &st)
	}
	return out, rows.Err()
}

// PendingProblem is a problem waiting for the office's acceptance.
type PendingProblem struct {
	Problem     *zhenggai.Problem
	Unit        string
	Inspector   string
	SubmittedAt time.Time // when the last measure was approved
}

// PendingAcceptance lists the problems of a scope submitted to the office
// and not yet accepted or rejected, oldest submission first.
func (s *Store) PendingAcceptance(ctx context.Context, sc zhenggai.Scope) ([]*PendingProblem, error) {
	return s.pendingProblems(ctx, sc, `p.close_state = 'submitted'`)
}

// RecordedAcceptance lists the open problems of a scope that an imported
// ledger recorded as done (原台账记载：已完成 or 长期坚持), which the office may accept in
// bulk (AcceptRecorded), by round and number.
func (s *Store) RecordedAcceptance(ctx context.Context, sc zhenggai.Scope) ([]*PendingProblem, error) {
	return s.pendingProblems(ctx, sc, `p.`+recordedDone+` AND p.close_state = ''`)
}

// recordedDone: what the ledger recorded is done (zhenggai.Status.Done),
// which alone the office may accept as recorded.
const recordedDone = `recorded_status IN ('completed', 'ongoing')`

func (s *Store) pendingProblems(ctx context.Context, sc zhenggai.Scope, where string) ([]*PendingProblem, error) {
	with, wargs, cond, cargs := scopeSQL(sc, "p.round_id")
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT p.id, p.unit_id, p.round_id, p.category_id, p.seq, p.title,
		p.rectification, p.close_state, p.version, un.name, r.inspector,
		COALESCE((SELECT MAX(cs.created_at) FROM close_steps cs WHERE cs.problem_id = p.id AND cs.action = 'submit'), ''),
		p.recorded_status, p.recorded_source
		FROM problems p JOIN rounds r ON r.id = p.round_id JOIN units un ON un.id = p.unit_id
		WHERE p.voided_at IS NULL AND `+where+` AND `+cond+` ORDER BY 12, p.round_id, p.seq, p.id`), join(wargs, cargs)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*PendingProblem
	for rows.Next() {
		var p zhenggai.Problem
		var pp PendingProblem
		var state, at string
		if err := rows.Scan(&p.ID, &p.UnitID, &p.RoundID, &p.CategoryID, &p.Seq, &p.Title, &p.Rectification, &state, &p.Version,
			&pp.Unit, &pp.Inspector, &at, &p.RecordedStatus, &p.RecordedSource); err != nil {
			return nil, err
		}
		pp.SubmittedAt = parseTime(at)
		p.CloseState = zhenggai.CloseState(state)
		pp.Problem = &p
		out = append(out, &pp)
	}
	return out, rows.Err()
}
