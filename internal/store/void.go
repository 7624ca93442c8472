package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"zhenggai"
)

// Void (作废), never delete. A round, category, problem, measure, progress
// entry or evidence file entered by mistake or imported twice is voided
// with a reason: it leaves every list, count, warning, report, export and
// the public site (every read of those tables asks voided_at IS NULL),
// and stays in its history with who voided it, when and why.
//
// Voiding a record voids what lies under it, each row with the same
// who, when and why, so that every read needs to look at its own table
// only; restoring it brings back what went with it, and not what had
// been voided on its own before.

// voidChildren select, for a record of a kind, the rows under it: table
// and the query of their ids (one ? for the record's id), parents first.
var voidChildren = map[string][]struct{ table, ids string }{
	"round": {
		{"categories", `SELECT id FROM categories WHERE round_id = ?`},
		{"problems", `SELECT id FROM problems WHERE round_id = ?`},
		{"measures", `SELECT id FROM measures WHERE round_id = ?`},
		{"progress", `SELECT id FROM progress WHERE round_id = ?`},
		{"attachments", `SELECT a.id FROM attachments a JOIN progress p ON p.id = a.progress_id WHERE p.round_id = ?`},
	},
	"category": {
		{"problems", `SELECT id FROM problems WHERE category_id = ?`},
		{"measures", `SELECT m.id FROM measures m JOIN problems p ON p.id = m.problem_id WHERE p.category_id = ?`},
		{"progress", `SELECT pr.id FROM progress pr JOIN measures m ON m.id = pr.measure_id
			JOIN problems p ON p.id = m.problem_id WHERE p.category_id = ?`},
		{"attachments", `SELECT a.id FROM attachments a JOIN progress pr ON pr.id = a.progress_id
			JOIN measures m ON m.id = pr.measure_id JOIN problems p ON p.id = m.problem_id WHERE p.category_id = ?`},
	},
	"problem": {
		{"measures", `SELECT id FROM measures WHERE problem_id = ?`},
		{"progress", `SELECT pr.id FROM progress pr JOIN measures m ON m.id = pr.measure_id WHERE m.problem_id = ?`},
		{"attachments", `SELECT a.id FROM attachments a JOIN progress pr ON pr.id = a.progress_id
			JOIN measures m ON m.id = pr.measure_id WHERE m.problem_id = ?`},
	},
	"measure": {
		{"progress", `SELECT id FROM progress WHERE measure_id = ?`},
		{"attachments", `SELECT a.id FROM attachments a JOIN progress pr ON pr.id = a.progress_id WHERE pr.measure_id = ?`},
	},
	"progress": {
		{"attachments", `SELECT id FROM attachments WHERE progress_id = ?`},
	},
	// A proposal's archive goes with it.
	"proposal": {
		{"proposal_documents", `SELECT id FROM proposal_documents WHERE proposal_id = ?`},
	},
}

// voidLocked finds, for a record of a kind, a problem at or under it
// that the office accepted (销号, locked) or is deciding on (submitted):
// its seq and state. Neither it nor anything under it is voided or
// restored until it is reopened or sent back.
var voidLocked = map[string]string{
	"round":      `SELECT seq, close_state FROM problems WHERE round_id = ? AND close_state IN ('accepted', 'submitted') AND voided_at IS NULL`,
	"category":   `SELECT seq, close_state FROM problems WHERE category_id = ? AND close_state IN ('accepted', 'submitted') AND voided_at IS NULL`,
	"problem":    `SELECT seq, close_state FROM problems WHERE id = ? AND close_state IN ('accepted', 'submitted')`,
	"measure":    `SELECT p.seq, p.close_state FROM problems p JOIN measures m ON m.problem_id = p.id WHERE m.id = ? AND p.close_state IN ('accepted', 'submitted')`,
	"progress":   `SELECT p.seq, p.close_state FROM problems p JOIN measures m ON m.problem_id = p.id JOIN progress pr ON pr.measure_id = m.id WHERE pr.id = ? AND p.close_state IN ('accepted', 'submitted')`,
	"attachment": `SELECT p.seq, p.close_state FROM problems p JOIN measures m ON m.problem_id = p.id JOIN progress pr ON pr.measure_id = m.id JOIN attachments a ON a.progress_id = pr.id WHERE a.id = ? AND p.close_state IN ('accepted', 'submitted')`,
}

// checkVoidLock refuses to void (what = "作废") or restore a record at or
// under a problem accepted or waiting for acceptance.
func (s *Store) checkVoidLock(ctx context.Context, tx *sql.Tx, kind string, id int64, what string) error {
	if voidLocked[kind] == "" {
		return nil // not part of a round's ledger (persons)
	}
	var seq int
	var state string
	err := tx.QueryRowContext(ctx, s.d.rebind(voidLocked[kind]+` LIMIT 1`), id).Scan(&seq, &state)
	switch {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return err
	case zhenggai.CloseState(state) == zhenggai.CloseSubmitted:
		return zhenggai.Errorf(zhenggai.ELOCKED, "具体问题%d已报巡察办验收，正在等待验收，不能%s它或其下的记录；确需%s的，请巡察办先“不予验收”", seq, what, what)
	}
	return zhenggai.Errorf(zhenggai.ELOCKED, "具体问题%d已验收销号并锁定，不能%s它或其下的记录；确需%s的，请单位管理员先“重新打开”并写明理由", seq, what, what)
}

// voidParent selects the label and voided_at of the record a record of a
// kind lies under: one cannot restore a measure of a voided problem.
var voidParent = map[string]string{
	"category":   `SELECT '巡察轮次', r.voided_at FROM rounds r JOIN categories c ON c.round_id = r.id WHERE c.id = ?`,
	"problem":    `SELECT '问题类别', c.voided_at FROM categories c JOIN problems p ON p.category_id = c.id WHERE p.id = ?`,
	"measure":    `SELECT '具体问题', p.voided_at FROM problems p JOIN measures m ON m.problem_id = p.id WHERE m.id = ?`,
	"progress":   `SELECT '整改措施', m.voided_at FROM measures m JOIN progress pr ON pr.measure_id = m.id WHERE pr.id = ?`,
	"attachment": `SELECT '整改进展', pr.voided_at FROM progress pr JOIN attachments a ON a.progress_id = pr.id WHERE a.id = ?`,
}

// Void voids the record id of a kind (round, category, problem, measure,
// progress, attachment) and what lies under it, for reason. Refused: no
// reason (EINVALID), a record already voided (ECONFLICT), a problem at or
// under it that the office accepted or is deciding on (ELOCKED). Who may void
// is the route's business (zhenggai.Can).
func (s *Store) Void(ctx context.Context, kind string, id int64, reason string) error {
	tb := tableByKind[kind]
	if tb == nil || !tb.Voidable {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这类记录")
	}
	reason = strings.TrimSpace(reason)
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "作废理由", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	by := zhenggai.ActorFrom(ctx).Name
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.checkVoidLock(ctx, tx, kind, id, "作废"); err != nil {
			return err
		}
		at := s.stamp()
		if err := s.voidRow(ctx, tx, tb.Name, id, at, by, reason); err != nil {
			return err
		}
		for _, c := range voidChildren[kind] {
			ids, err := s.ids(ctx, tx, c.ids+` AND `+aliasOf(c.ids)+`voided_at IS NULL ORDER BY 1`, id)
			if err != nil {
				return err
			}
			for _, cid := range ids {
				if err := s.voidRow(ctx, tx, c.table, cid, at, by, reason); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Restore brings back a voided record and what was voided with it. The
// record it lies under must be live (ECONFLICT otherwise); a live record
// is ECONFLICT; one at or under a problem accepted or waiting for
// acceptance is ELOCKED, as for Void. Restoring is the unit administrator's (zhenggai.PermRestore).
func (s *Store) Restore(ctx context.Context, kind string, id int64) error {
	tb := tableByKind[kind]
	if tb == nil || !tb.Voidable {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这类记录")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.checkVoidLock(ctx, tx, kind, id, "恢复"); err != nil {
			return err
		}
		var at sql.NullString
		var by, reason string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT voided_at, voided_by, void_reason FROM `+tb.Name+` WHERE id = ?`), id).
			Scan(&at, &by, &reason)
		if err != nil {
			return notFound(err, tb.Label)
		}
		if !at.Valid {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该%s没有作废，无需恢复", tb.Label)
		}
		if q, ok := voidParent[kind]; ok {
			var label string
			var pat sql.NullString
			if err := tx.QueryRowContext(ctx, s.d.rebind(q), id).Scan(&label, &pat); err != nil {
				return err
			}
			if pat.Valid {
				return zhenggai.Errorf(zhenggai.ECONFLICT, "其所属的%s已作废：请先恢复%s", label, label)
			}
		}
		if err := s.restoreRow(ctx, tx, tb.Name, id); err != nil {
			return err
		}
		for _, c := range voidChildren[kind] {
			a := aliasOf(c.ids)
			ids, err := s.ids(ctx, tx, c.ids+` AND `+a+`voided_at = ? AND `+a+`voided_by = ? AND `+a+`void_reason = ? ORDER BY 1`,
				id, at.String, by, reason)
			if err != nil {
				return err
			}
			for _, cid := range ids {
				if err := s.restoreRow(ctx, tx, c.table, cid); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// aliasOf is the alias, with its dot, of the table whose ids a query of
// voidChildren selects ("a." for "SELECT a.id …"), "" for none.
func aliasOf(q string) string {
	sel := strings.TrimPrefix(strings.TrimSpace(q), "SELECT ")
	if a, _, ok := strings.Cut(sel, ".id"); ok && !strings.Contains(a, " ") {
		return a + "."
	}
	return ""
}

// VoidedRecord is a voided record of a round: what the 已作废 list shows.
type VoidedRecord struct {
	Kind   string // round, category, problem, measure, progress, attachment
	Label  string // 巡察轮次, 问题类别…
	ID     int64
	What   string // its number and title, content or file name
	At     time.Time
	By     string
	Reason string
	// WithParent: voided with the record it lies under (restored with it).
	WithParent bool
}

// voidedLists select the voided records of a round, by table: id, what
// names it, when, by whom, why, and whether its parent went with it.
var voidedLists = []struct{ kind, q string }{
	{"round", `SELECT r.id, r.inspector, r.voided_at, r.voided_by, r.void_reason, 0 FROM rounds r
		WHERE r.id = ? AND r.voided_at IS NOT NULL`},
	{"category", `SELECT c.id, c.title, c.voided_at, c.voided_by, c.void_reason,
		CASE WHEN r.voided_at = c.voided_at AND r.voided_by = c.voided_by AND r.void_reason = c.void_reason THEN 1 ELSE 0 END
		FROM categories c JOIN rounds r ON r.id = c.round_id WHERE c.round_id = ? AND c.voided_at IS NOT NULL`},
	{"problem", `SELECT p.id, p.title, p.voided_at, p.voided_by, p.void_reason,
		CASE WHEN c.voided_at = p.voided_at AND c.voided_by = p.voided_by AND c.void_reason = p.void_reason THEN 1 ELSE 0 END
		FROM problems p JOIN categories c ON c.id = p.category_id WHERE p.round_id = ? AND p.voided_at IS NOT NULL`},
	{"measure", `SELECT m.id, m.content, m.voided_at, m.voided_by, m.void_reason,
		CASE WHEN p.voided_at = m.voided_at AND p.voided_by = m.voided_by AND p.void_reason = m.void_reason THEN 1 ELSE 0 END
		FROM measures m JOIN problems p ON p.id = m.problem_id WHERE m.round_id = ? AND m.voided_at IS NOT NULL`},
	{"progress", `SELECT pr.id, pr.content, pr.voided_at, pr.voided_by, pr.void_reason,
		CASE WHEN m.voided_at = pr.voided_at AND m.voided_by = pr.voided_by AND m.void_reason = pr.void_reason THEN 1 ELSE 0 END
		FROM progress pr JOIN measures m ON m.id = pr.measure_id WHERE pr.round_id = ? AND pr.voided_at IS NOT NULL`},
	{"attachment", `SELECT a.id, a.name, a.voided_at, a.voided_by, a.void_reason,
		CASE WHEN pr.voided_at = a.voided_at AND pr.voided_by = a.voided_by AND pr.void_reason = a.void_reason THEN 1 ELSE 0 END
		FROM attachments a JOIN progress pr ON pr.id = a.progress_id WHERE pr.round_id = ? AND a.voided_at IS NOT NULL`},
}

// Voided lists the voided records of a round (the round itself among
// them if it is voided), by kind, then id.
func (s *Store) Voided(ctx context.Context, roundID int64) ([]*VoidedRecord, error) {
	var out []*VoidedRecord
	for _, l := range voidedLists {
		rows, err := s.rdb.QueryContext(ctx, s.d.rebind(l.q+` ORDER BY 1`), roundID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			r := &VoidedRecord{Kind: l.kind, Label: tableByKind[l.kind].Label}
			var at string
			var with int
			if err := rows.Scan(&r.ID, &r.What, &at, &r.By, &r.Reason, &with); err != nil {
				rows.Close()
				return nil, err
			}
			r.At, r.WithParent = parseTime(at), with != 0
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// VoidPlace is where a record, live or voided, lies: its round, and its
// problem and measure where it has them; pages go back there after it is
// voided or restored.
type VoidPlace struct {
	Label     string // 巡察轮次, 整改措施…
	RoundID   int64
	ProblemID int64
	MeasureID int64
	Voided    bool
}

// voidPlaces select, for a record of a kind, its round, problem, measure
// and voided_at, whether it is voided or not.
var voidPlaces = map[string]string{
	"round":    `SELECT id, 0, 0, voided_at FROM rounds WHERE id = ?`,
	"category": `SELECT round_id, 0, 0, voided_at FROM categories WHERE id = ?`,
	"problem":  `SELECT round_id, id, 0, voided_at FROM problems WHERE id = ?`,
	"measure":  `SELECT round_id, problem_id, id, voided_at FROM measures WHERE id = ?`,
	"progress": `SELECT m.round_id, m.problem_id, m.id, pr.voided_at FROM progress pr JOIN measures m ON m.id = pr.measure_id WHERE pr.id = ?`,
	"attachment": `SELECT m.round_id, m.problem_id, m.id, a.voided_at FROM attachments a JOIN progress pr ON pr.id = a.progress_id
		JOIN measures m ON m.id = pr.measure_id WHERE a.id = ?`,
}

// PlaceOf finds where record id of a kind lies, voided or not.
func (s *Store) PlaceOf(ctx context.Context, kind string, id int64) (*VoidPlace, error) {
	q, ok := voidPlaces[kind]
	if !ok {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这类记录")
	}
	p := &VoidPlace{Label: tableByKind[kind].Label}
	var at sql.NullString
	if err := s.rdb.QueryRowContext(ctx, s.d.rebind(q), id).Scan(&p.RoundID, &p.ProblemID, &p.MeasureID, &at); err != nil {
		return nil, notFound(err, p.Label)
	}
	p.Voided = at.Valid
	return p, nil
}
