package store

import (
	"context"
	"database/sql"
	"strings"

	"zhenggai"
)

// measureCols end with the day of the measure's latest report, which
// decides whether a 长期坚持 measure missed its re-report.
const measureCols = `id, unit_id, problem_id, seq, content, leader, office, owner, deadline, kind, status, mechanism,
	report_every, close_state, version, rule_names, refunded_fen, recovered_fen, saved_fen, talks, organisational,
	disciplinary, COALESCE(leader_id, 0), COALESCE(owner_id, 0), proof_rules, COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '')`

// scanMeasure reads the columns of measureCols, then those a query adds
// after them into extra.
func scanMeasure(sc interface{ Scan(...any) error }, extra ...any) (*zhenggai.Measure, error) {
	var m zhenggai.Measure
	var deadline, kind, status, closeState, rules, proofs, last string
	err := sc.Scan(append([]any{&m.ID, &m.UnitID, &m.ProblemID, &m.Seq, &m.Content, &m.Leader, &m.Office, &m.Owner,
		&deadline, &kind, &status, &m.Mechanism, &m.ReportEvery, &closeState, &m.Version,
		&rules, &m.RefundedFen, &m.RecoveredFen, &m.SavedFen, &m.Talks, &m.Organisational, &m.Disciplinary, &m.LeaderID, &m.OwnerID, &proofs, &last}, extra...)...)
	m.Deadline, m.Kind, m.Status = parseDate(deadline), zhenggai.MeasureKind(kind), zhenggai.Status(status)
	m.CloseState, m.LastReport = zhenggai.CloseState(closeState), parseDate(last)
	m.RuleNames, m.ProofRules = splitRuleNames(rules), splitRuleNames(proofs)
	return &m, err
}

// Rule names are kept in one column, one a line: a name cannot hold a
// line break (Measure.Validate).
func joinRuleNames(names []string) string { return strings.Join(names, "\n") }

func splitRuleNames(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

// Measure returns one measure.
func (s *Store) Measure(ctx context.Context, id int64) (*zhenggai.Measure, error) {
	m, err := scanMeasure(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+measureCols+` FROM measures WHERE id = ? AND voided_at IS NULL`), id))
	if err != nil {
		return nil, notFound(err, "整改措施")
	}
	return m, nil
}

// Measures lists the measures of a round, by problem and number.
func (s *Store) Measures(ctx context.Context, roundID int64) ([]*zhenggai.Measure, error) {
	return s.measuresIn(ctx, s.rdb, roundID)
}

func (s *Store) measuresIn(ctx context.Context, db queryer, roundID int64) ([]*zhenggai.Measure, error) {
	return s.measures(ctx, db, `WHERE round_id = ? AND voided_at IS NULL ORDER BY problem_id, seq`, roundID)
}

// ProblemMeasures lists one problem's measures in order.
func (s *Store) ProblemMeasures(ctx context.Context, problemID int64) ([]*zhenggai.Measure, error) {
	return s.measures(ctx, s.rdb, `WHERE problem_id = ? AND voided_at IS NULL ORDER BY seq`, problemID)
}

func (s *Store) measures(ctx context.Context, db queryer, where string, args ...any) ([]*zhenggai.Measure, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+measureCols+` FROM measures `+where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Measure
	for rows.Next() {
		m, err := scanMeasure(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CreateMeasure adds a measure to its problem.
func (s *Store) CreateMeasure(ctx context.Context, m *zhenggai.Measure) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := checkProofRules(m); err != nil {
		return err
	}
	// Imports (ImportRound) keep the statuses a report declares, as
	// history; a measure entered by hand follows the status rules, and
	// has no progress report yet.
	if err := zhenggai.CheckStatusChange(m, "", false); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createMeasure(ctx, tx, m) })
}

func (s *Store) createMeasure(ctx context.Context, tx *sql.Tx, m *zhenggai.Measure) error {
	var round int64
	var closeState string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, round_id, close_state FROM problems WHERE id = ? AND voided_at IS NULL`), m.ProblemID).
		Scan(&m.UnitID, &round, &closeState)
	if err != nil {
		return notFound(err, "具体问题")
	}
	if zhenggai.CloseState(closeState).Locked() {
		return zhenggai.ErrLocked()
	}
	if zhenggai.CloseState(closeState) == zhenggai.CloseSubmitted {
		// Acceptance would close a measure no one asked or approved.
		return zhenggai.ErrSubmitted("不能新增措施")
	}
	if err := s.resolveMeasurePersons(ctx, tx, m, nil); err != nil {
		return err
	}
	m.Version, m.CloseState = 1, zhenggai.CloseOpen
	m.ID, err = s.insertRow(ctx, tx, "measures", `unit_id, round_id, problem_id, seq, content, leader,
		office, owner, deadline, kind, status, mechanism, report_every, rule_names, refunded_fen, recovered_fen, saved_fen,
		talks, organisational, disciplinary, version, leader_id, owner_id, proof_rules`,
		m.UnitID, round, m.ProblemID, m.Seq, m.Content, m.Leader, m.Office, m.Owner, m.Deadline.String(),
		string(m.Kind), string(m.Status), m.Mechanism, m.ReportEvery, joinRuleNames(m.RuleNames), m.RefundedFen,
		m.RecoveredFen, m.SavedFen, m.Talks, m.Organisational, m.Disciplinary, 1, nullID(m.LeaderID), nullID(m.OwnerID),
		joinRuleNames(m.ProofRules))
	return err
}

// UpdateMeasure saves everything about a measure but its problem.
func (s *Store) UpdateMeasure(ctx context.Context, m *zhenggai.Measure) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := checkProofRules(m); err != nil {
		return err
	}
	version := m.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := s.measureGuard(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		reported, err := s.reported(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if err := zhenggai.CheckStatusChange(m, old, reported); err != nil {
			return err
		}
		var prev zhenggai.Measure
		err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, leader, owner, COALESCE(leader_id, 0), COALESCE(owner_id, 0)
			FROM measures WHERE id = ?`), m.ID).Scan(&prev.UnitID, &prev.Leader, &prev.Owner, &prev.LeaderID, &prev.OwnerID)
		if err != nil {
			return notFound(err, "整改措施")
		}
		m.UnitID = prev.UnitID
		if err := s.resolveMeasurePersons(ctx, tx, m, &prev); err != nil {
			return err
		}
		err = s.updateRow(ctx, tx, "measures", m.ID, version, `seq = ?, content = ?, leader = ?, office = ?,
			owner = ?, deadline = ?, kind = ?, status = ?, mechanism = ?, report_every = ?, rule_names = ?,
			refunded_fen = ?, recovered_fen = ?, saved_fen = ?, talks = ?, organisational = ?, disciplinary = ?,
			leader_id = ?, owner_id = ?, proof_rules = ?`,
			m.Seq, m.Content, m.Leader, m.Office, m.Owner, m.Deadline.String(), string(m.Kind), string(m.Status),
			m.Mechanism, m.ReportEvery, joinRuleNames(m.RuleNames), m.RefundedFen, m.RecoveredFen, m.SavedFen,
			m.Talks, m.Organisational, m.Disciplinary, nullID(m.LeaderID), nullID(m.OwnerID), joinRuleNames(m.ProofRules))
		if err != nil {
			return err
		}
		m.Version = version + 1
		return nil
	})
}

// SetMeasureStatus changes only the status of a measure at the given version.
func (s *Store) SetMeasureStatus(ctx context.Context, id, version int64, st zhenggai.Status) error {
	if !st.Valid() {
		v := &zhenggai.ValidationError{}
		v.Add("status", "完成情况不正确")
		return v
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.setMeasureStatus(ctx, tx, id, version, st, false) })
}

// setMeasureStatus sets the status; withReport, a progress report sets it.
func (s *Store) setMeasureStatus(ctx context.Context, tx *sql.Tx, id, version int64, st zhenggai.Status, withReport bool) error {
	old, err := s.measureGuard(ctx, tx, id)
	if err != nil {
		return err
	}
	// A stale version is told first: the editor must reload anyway.
	if err := s.updateRow(ctx, tx, "measures", id, version, `status = ?`, string(st)); err != nil {
		return err
	}
	var m zhenggai.Measure
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT mechanism, report_every FROM measures WHERE id = ?`), id).
		Scan(&m.Mechanism, &m.ReportEvery); err != nil {
		return err
	}
	m.Status = st
	reported := withReport
	if !reported {
		if reported, err = s.reported(ctx, tx, id); err != nil {
			return err
		}
	}
	// Refused, the transaction, and so the UPDATE and its entry, is undone.
	return zhenggai.CheckStatusChange(&m, old, reported)
}

// measureGuard refuses a change to a measure of a closed (locked) problem
// and returns the measure's status as it stands.
func (s *Store) measureGuard(ctx context.Context, tx *sql.Tx, id int64) (zhenggai.Status, error) {
	var status, mstate, closeState string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT m.status, m.close_state, p.close_state FROM measures m
		JOIN problems p ON p.id = m.problem_id WHERE m.id = ?`), id).Scan(&status, &mstate, &closeState)
	if err != nil {
		return "", notFound(err, "整改措施")
	}
	if err := zhenggai.MeasureChangeRefusal(zhenggai.CloseState(closeState), zhenggai.CloseState(mstate)); err != nil {
		return "", err
	}
	return zhenggai.Status(status), nil
}

// reported tells whether a measure has a progress report with text.
func (s *Store) reported(ctx context.Context, tx *sql.Tx, measure int64) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM progress WHERE measure_id = ? AND voided_at IS NULL AND TRIM(content) <> ''`), measure).Scan(&n)
	return n > 0, err
}
