package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"zhenggai"
)

// EnsureUnit returns the unit of that name, creating it if needed.
func (s *Store) EnsureUnit(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		id, err = s.ensureUnit(ctx, tx, name)
		return err
	})
	return id, err
}

func (s *Store) ensureUnit(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, zhenggai.Errorf(zhenggai.EINVALID, "单位名称不能为空")
	}
	var id int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM units WHERE name = ?`), name).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	return s.insertRow(ctx, tx, "units", `name, created_at`, name, s.stamp())
}

// Units lists every unit by name.
func (s *Store) Units(ctx context.Context) ([]zhenggai.Unit, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT id, COALESCE(parent_id, 0), name FROM units ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.Unit
	for rows.Next() {
		var u zhenggai.Unit
		if err := rows.Scan(&u.ID, &u.ParentID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Unit returns one unit.
func (s *Store) Unit(ctx context.Context, id int64) (*zhenggai.Unit, error) {
	var u zhenggai.Unit
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT id, COALESCE(parent_id, 0), name FROM units WHERE id = ?`), id).Scan(&u.ID, &u.ParentID, &u.Name)
	if err != nil {
		return nil, notFound(err, "单位")
	}
	return &u, nil
}

// UnitsUnder is the set of units an office sees: itself and every unit
// below it, at any depth, in one query. (UNION, not UNION ALL: a parent
// loop, which SaveUnit refuses but a database edited by hand may hold,
// ends the walk instead of running forever.)
func (s *Store) UnitsUnder(ctx context.Context, office int64) (map[int64]bool, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
		UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub`), office)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// SaveUnit creates a unit (ID 0) or renames and moves one. A unit cannot
// be placed under itself or under one of its own units.
func (s *Store) SaveUnit(ctx context.Context, u *zhenggai.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	isNew := u.ID == 0 // fn may run twice (Store.write), and sets u.ID
	return s.write(ctx, func(tx *sql.Tx) error {
		var parent any
		if u.ParentID != 0 {
			parent = u.ParentID
			// Walk up from the new parent: meeting u means a cycle.
			for p, depth := u.ParentID, 0; p != 0; depth++ {
				if p == u.ID || depth > 64 {
					v := &zhenggai.ValidationError{}
					v.Add("parent_id", "不能把单位放在它自己或它的下级单位之下")
					return v
				}
				var next sql.NullInt64
				if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT parent_id FROM units WHERE id = ?`), p).Scan(&next); err != nil {
					if errors.Is(err, sql.ErrNoRows) {
						v := &zhenggai.ValidationError{}
						v.Add("parent_id", "上级单位不存在")
						return v
					}
					return err
				}
				p = next.Int64
			}
		}
		if isNew {
			var err error
			u.ID, err = s.insertRow(ctx, tx, "units", `parent_id, name, created_at`, parent, u.Name, s.stamp())
			return err
		}
		return s.updateRow(ctx, tx, "units", u.ID, anyVersion, `parent_id = ?, name = ?`, parent, u.Name)
	})
}
