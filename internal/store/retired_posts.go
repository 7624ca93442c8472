package store

import (
	"context"
	"database/sql"
	"errors"

	"zhenggai"
)

// Retired cadres' posts and re-employment (退休干部兼职/返聘): one row a
// post held, audited.

const retiredCols = `id, unit_id, COALESCE(person_id, 0), name, born, former_rank, retired_on, org, post, kind, approved_by, approved_on,
	filed_on, filing_no, from_date, to_date, term, pay, note, sample, created_at, version, voided_at IS NOT NULL`

func scanRetiredPost(sc interface{ Scan(...any) error }) (*zhenggai.RetiredPost, error) {
	var p zhenggai.RetiredPost
	var born, retired, kind, approved, filed, from, to, created string
	var sample int
	var pay int64
	if err := sc.Scan(&p.ID, &p.UnitID, &p.PersonID, &p.Name, &born, &p.FormerRank, &retired, &p.Org, &p.Post, &kind, &p.ApprovedBy,
		&approved, &filed, &p.FilingNo, &from, &to, &p.Term, &pay, &p.Note, &sample, &created, &p.Version, &p.Voided); err != nil {
		return nil, err
	}
	p.Born, p.RetiredOn, p.Kind, p.ApprovedOn, p.FiledOn = parseDate(born), parseDate(retired), zhenggai.RetiredPostKind(kind), parseDate(approved), parseDate(filed)
	p.From, p.To, p.Pay, p.Sample, p.CreatedAt = parseDate(from), parseDate(to), zhenggai.Fen(pay), sample != 0, parseTime(created)
	return &p, nil
}

// RetiredPost returns one post (voided or not).
func (s *Store) RetiredPost(ctx context.Context, id int64) (*zhenggai.RetiredPost, error) {
	return s.retiredPost(ctx, s.rdb, id)
}

func (s *Store) retiredPost(ctx context.Context, db queryer, id int64) (*zhenggai.RetiredPost, error) {
	p, err := scanRetiredPost(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+retiredCols+` FROM retired_posts WHERE id = ?`), id))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, notFound(err, "退休干部兼职(返聘)记录")
		}
		return nil, err
	}
	return p, nil
}

// RetiredPosts returns a unit's live posts by name and start.
func (s *Store) RetiredPosts(ctx context.Context, unitID int64) ([]*zhenggai.RetiredPost, error) {
	return s.retiredPosts(ctx, s.rdb, unitID)
}

func (s *Store) retiredPosts(ctx context.Context, db queryer, unitID int64) ([]*zhenggai.RetiredPost, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+retiredCols+` FROM retired_posts WHERE unit_id = ? AND voided_at IS NULL
		ORDER BY name, from_date, id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.RetiredPost
	for rows.Next() {
		p, err := scanRetiredPost(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SaveRetiredPost enters a new post (ID 0) or saves one at p.Version.
func (s *Store) SaveRetiredPost(ctx context.Context, p *zhenggai.RetiredPost) error {
	version := p.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		p.Version = version
		return s.saveRetiredPost(ctx, tx, p, nil, "")
	})
}

func (s *Store) saveRetiredPost(ctx context.Context, tx *sql.Tx, p *zhenggai.RetiredPost, roster []*zhenggai.Person, where string) error {
	p.Normalize()
	if p.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	prev := &zhenggai.RetiredPost{}
	if p.ID != 0 {
		var err error
		if prev, err = s.retiredPost(ctx, tx, p.ID); err != nil || prev.UnitID != p.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "退休干部兼职(返聘)记录不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该记录已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
	}
	var err error
	if roster == nil {
		if roster, err = s.persons(ctx, tx, p.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	if err := p.Validate(); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	resolveOne(v, roster, "name", "姓名", &p.Name, &p.PersonID, prev.PersonID, prev.Name)
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	vals := []any{nullID(p.PersonID), p.Name, p.Born.String(), p.FormerRank, p.RetiredOn.String(), p.Org, p.Post, string(p.Kind), p.ApprovedBy,
		p.ApprovedOn.String(), p.FiledOn.String(), p.FilingNo, p.From.String(), p.To.String(), p.Term, int64(p.Pay), p.Note, boolInt(p.Sample)}
	if p.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "retired_posts", retiredInsertCols+`, created_at, version`, append(append([]any{p.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		p.ID, p.Version, p.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "retired_posts", p.ID, p.Version, `person_id = ?, name = ?, born = ?, former_rank = ?, retired_on = ?,
		org = ?, post = ?, kind = ?, approved_by = ?, approved_on = ?, filed_on = ?, filing_no = ?, from_date = ?, to_date = ?, term = ?,
		pay = ?, note = ?, sample = ?`, vals...); err != nil {
		return err
	}
	p.Version++
	return nil
}

const retiredInsertCols = `unit_id, person_id, name, born, former_rank, retired_on, org, post, kind, approved_by, approved_on, filed_on,
	filing_no, from_date, to_date, term, pay, note, sample`

// ImportRetiredPosts saves posts read from a workbook in one transaction:
// all or none. A post of the same person, organisation, post and start
// the unit has is that one, updated. A dry run writes nothing.
func (s *Store) ImportRetiredPosts(ctx context.Context, unitID int64, ps []*zhenggai.RetiredPost, where []string, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		roster, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		if roster == nil {
			roster = []*zhenggai.Person{}
		}
		have, err := s.retiredPosts(ctx, tx, unitID)
		if err != nil {
			return err
		}
		all := &zhenggai.ValidationError{}
		for i, p := range ps {
			p.ID, p.Version, p.UnitID = 0, 0, unitID
			p.Normalize()
			for _, o := range have {
				if zhenggai.PersonKey(o.Name) == zhenggai.PersonKey(p.Name) && o.Org == p.Org && o.Post == p.Post && o.From == p.From {
					p.ID, p.Version, p.PersonID = o.ID, o.Version, o.PersonID
					break
				}
			}
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveRetiredPost(ctx, tx, p, roster, w)
			if ve, ok := err.(*zhenggai.ValidationError); ok {
				all.Fields = append(all.Fields, ve.Fields...)
				if len(all.Fields) > 200 {
					break
				}
				continue
			}
			if err != nil {
				return err
			}
		}
		if err := all.Err(); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}
