package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"zhenggai"
)

const publicationCols = `id, unit_id, round_id, unit_name, title, as_of, summary, published_at, published_by,
	withdrawn, withdrawn_at, withdrawn_by, reason, version`

func scanPublication(sc interface{ Scan(...any) error }, withBody bool) (*zhenggai.Publication, error) {
	var p zhenggai.Publication
	var asOf, at, wat string
	var withdrawn int
	dest := []any{&p.ID, &p.UnitID, &p.RoundID, &p.Unit, &p.Title, &asOf, &p.Summary, &at, &p.PublishedBy,
		&withdrawn, &wat, &p.WithdrawnBy, &p.Reason, &p.Version}
	var problems string
	if withBody {
		dest = append(dest, &p.Body, &problems)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	p.AsOf, p.PublishedAt, p.Withdrawn = parseDate(asOf), parseTime(at), withdrawn != 0
	if wat != "" {
		p.WithdrawnAt = parseTime(wat)
	}
	if withBody {
		if err := json.Unmarshal([]byte(problems), &p.Problems); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// Publish stores a snapshot of a round's report for the public and fills
// in its ID. Title, Body, Summary and Problems are what the public will
// read, whatever becomes of the round afterwards.
func (s *Store) Publish(ctx context.Context, p *zhenggai.Publication) error {
	v := &zhenggai.ValidationError{}
	if p.AsOf.IsZero() || !p.AsOf.Valid() {
		v.Add("as_of", "截至日期不是有效日期")
	}
	if p.Title == "" || p.Body == "" {
		v.Add("body", "报告内容为空，无法公布")
	}
	if err := v.Err(); err != nil {
		return err
	}
	problems, err := json.Marshal(p.Problems)
	if err != nil {
		return err
	}
	if p.Problems == nil {
		problems = []byte("[]")
	}
	if p.PublishedBy == "" {
		p.PublishedBy = zhenggai.ActorFrom(ctx).Name
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var unit int64
		var unitName string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT r.unit_id, u.name FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ?`),
			p.RoundID).Scan(&unit, &unitName)
		if err != nil {
			return notFound(err, "巡察轮次")
		}
		now := s.stamp()
		err = tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO publications (unit_id, round_id, unit_name, title, as_of,
			summary, body, problems, published_at, published_by, withdrawn, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1) RETURNING id`),
			unit, p.RoundID, unitName, p.Title, p.AsOf.String(), p.Summary, p.Body, string(problems), now, p.PublishedBy).Scan(&p.ID)
		if err != nil {
			return err
		}
		p.UnitID, p.Unit, p.PublishedAt, p.Version, p.Withdrawn = unit, unitName, parseTime(now), 1, false
		return s.audit(ctx, tx, auditCreate, "publications", p.ID, "")
	})
}

// Withdraw takes a publication off the public site, recording who did it
// and why. The snapshot stays, for the record.
func (s *Store) Withdraw(ctx context.Context, id int64, reason, by string) error {
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "撤回原因", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	if by == "" {
		by = zhenggai.ActorFrom(ctx).Name
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := s.snapshot(ctx, tx, "publications", id)
		if err != nil {
			return err
		}
		if before == "" {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "公布的报告不存在")
		}
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE publications SET withdrawn = 1, withdrawn_at = ?, withdrawn_by = ?,
			reason = ?, version = version + 1 WHERE id = ? AND withdrawn = 0`), s.stamp(), by, reason, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告已经撤回")
		}
		return s.audit(ctx, tx, auditUpdate, "publications", id, before)
	})
}

// Publication returns one publication with its body, withdrawn or not.
func (s *Store) Publication(ctx context.Context, id int64) (*zhenggai.Publication, error) {
	p, err := scanPublication(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+publicationCols+`, body, problems
		FROM publications WHERE id = ?`), id), true)
	return p, notFound(err, "公布的报告")
}

// Publications lists publications without their bodies, newest first:
// those of one round (roundID != 0), or every live one (the public list).
func (s *Store) Publications(ctx context.Context, roundID int64) ([]*zhenggai.Publication, error) {
	q := `SELECT ` + publicationCols + ` FROM publications WHERE withdrawn = 0 ORDER BY as_of DESC, id DESC`
	var args []any
	if roundID != 0 {
		q = `SELECT ` + publicationCols + ` FROM publications WHERE round_id = ? ORDER BY id DESC`
		args = append(args, roundID)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Publication
	for rows.Next() {
		p, err := scanPublication(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
