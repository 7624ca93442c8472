package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

const problemCols = `id, unit_id, round_id, category_id, seq, title, rectification, withheld, withheld_reason, close_state, version,
	recorded_status, recorded_source`

func scanProblem(sc interface{ Scan(...any) error }) (*zhenggai.Problem, error) {
	var p zhenggai.Problem
	var withheld int
	var closeState string
	err := sc.Scan(&p.ID, &p.UnitID, &p.RoundID, &p.CategoryID, &p.Seq, &p.Title, &p.Rectification, &withheld,
		&p.WithheldReason, &closeState, &p.Version, &p.RecordedStatus, &p.RecordedSource)
	p.Withheld = withheld != 0
	p.CloseState = zhenggai.CloseState(closeState)
	return &p, err
}

// withheldCols are the stored form of a problem's withholding: a reason
// is kept only while the problem is withheld.
func withheldCols(p *zhenggai.Problem) (int, string) {
	if !p.Withheld {
		return 0, ""
	}
	return 1, p.WithheldReason
}

// Problem returns one problem.
func (s *Store) Problem(ctx context.Context, id int64) (*zhenggai.Problem, error) {
	p, err := scanProblem(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+problemCols+` FROM problems WHERE id = ? AND voided_at IS NULL`), id))
	if err != nil {
		return nil, notFound(err, "具体问题")
	}
	return p, nil
}

// Problems lists a round's problems in order.
func (s *Store) Problems(ctx context.Context, roundID int64) ([]*zhenggai.Problem, error) {
	return s.problemsIn(ctx, s.rdb, roundID)
}

func (s *Store) problemsIn(ctx context.Context, db queryer, roundID int64) ([]*zhenggai.Problem, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+problemCols+` FROM problems WHERE round_id = ? AND voided_at IS NULL ORDER BY seq`), roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Problem
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CreateProblem adds a problem under its category.
func (s *Store) CreateProblem(ctx context.Context, p *zhenggai.Problem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createProblem(ctx, tx, p) })
}

func (s *Store) createProblem(ctx context.Context, tx *sql.Tx, p *zhenggai.Problem) error {
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, round_id FROM categories WHERE id = ? AND voided_at IS NULL`), p.CategoryID).
		Scan(&p.UnitID, &p.RoundID)
	if err != nil {
		return notFound(err, "问题类别")
	}
	p.Version = 1
	withheld, reason := withheldCols(p)
	p.ID, err = s.insertRow(ctx, tx, "problems", `unit_id, round_id, category_id, seq, title, rectification,
		withheld, withheld_reason, version, recorded_status, recorded_source`, p.UnitID, p.RoundID, p.CategoryID, p.Seq, p.Title, p.Rectification,
		withheld, reason, 1, string(p.RecordedStatus), p.RecordedSource)
	return err
}

// UpdateProblem saves a problem; it may move to another category of the
// same round.
func (s *Store) UpdateProblem(ctx context.Context, p *zhenggai.Problem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	version := p.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		var round, own int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT round_id FROM categories WHERE id = ? AND voided_at IS NULL`), p.CategoryID).Scan(&round); err != nil {
			return notFound(err, "问题类别")
		}
		var closeState, title, rect string
		var cat int64
		var seq int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT round_id, close_state, category_id, seq, title, rectification
			FROM problems WHERE id = ?`), p.ID).Scan(&own, &closeState, &cat, &seq, &title, &rect); err != nil {
			return notFound(err, "具体问题")
		}
		// A closed problem keeps its text, and one waiting for the office
		// keeps what the office is to accept; whether it is published is a
		// decision about disclosure, which may still be taken (e.g. a case
		// opened after the closing).
		if cat != p.CategoryID || seq != p.Seq || title != p.Title || rect != p.Rectification {
			switch zhenggai.CloseState(closeState) {
			case zhenggai.CloseAccepted:
				return zhenggai.ErrLocked()
			case zhenggai.CloseSubmitted:
				return zhenggai.ErrSubmitted("不能修改")
			}
		}
		if own != round {
			v := &zhenggai.ValidationError{}
			v.Add("category_id", "只能选择本轮巡察的问题类别")
			return v
		}
		// The problem is of round (own == round), which does not change.
		withheld, reason := withheldCols(p)
		err := s.updateRow(ctx, tx, "problems", p.ID, version, `category_id = ?, seq = ?, title = ?, rectification = ?,
			withheld = ?, withheld_reason = ?`, p.CategoryID, p.Seq, p.Title, p.Rectification, withheld, reason)
		if err != nil {
			return err
		}
		p.Version = version + 1
		p.WithheldReason = reason
		return nil
	})
}
