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

func (s *Store) ensureUnit(ctx context.Context, q queryer, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, zhenggai.Errorf(zhenggai.EINVALID, "单位名称不能为空")
	}
	var id int64
	err := q.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM units WHERE name = ?`), name).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	err = q.QueryRowContext(ctx, s.d.rebind(`INSERT INTO units (name, created_at) VALUES (?, ?) RETURNING id`),
		name, s.stamp()).Scan(&id)
	return id, err
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
