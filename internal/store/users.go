package store

import (
	"context"
	"database/sql"
	"errors"

	"zhenggai"
)

const userCols = `us.id, us.unit_id, un.name, us.name, us.display_name, us.role, us.disabled, us.email, us.principal,
	us.version, us.created_at`

func scanUser(sc interface{ Scan(...any) error }) (*zhenggai.User, error) {
	var u zhenggai.User
	var role, created string
	var disabled, principal int
	if err := sc.Scan(&u.ID, &u.UnitID, &u.Unit, &u.Name, &u.DisplayName, &role, &disabled, &u.Email, &principal,
		&u.Version, &created); err != nil {
		return nil, err
	}
	u.Role, u.Disabled, u.CreatedAt = zhenggai.Role(role), disabled != 0, parseTime(created)
	u.Principal = principal != 0
	return &u, nil
}

// CreateUser saves a new account with the given password hash.
func (s *Store) CreateUser(ctx context.Context, u *zhenggai.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.stamp()
		err := tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO users (unit_id, name, display_name, role, password_hash, disabled,
			email, principal, version, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1, ?) RETURNING id`),
			u.UnitID, u.Name, u.DisplayName, string(u.Role), passwordHash, u.Email, boolInt(u.Principal), now).Scan(&u.ID)
		if s.d.uniqueViolation(err) {
			v := &zhenggai.ValidationError{}
			v.Add("name", "登录名“"+u.Name+"”已被使用")
			return v
		}
		if s.d.foreignKeyViolation(err) {
			v := &zhenggai.ValidationError{}
			v.Add("unit_id", "所属单位不存在")
			return v
		}
		if err != nil {
			return err
		}
		u.Version, u.CreatedAt = 1, parseTime(now)
		return s.audit(ctx, tx, auditCreate, "users", u.ID, "")
	})
}

// User returns one account.
func (s *Store) User(ctx context.Context, id int64) (*zhenggai.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+` FROM users us JOIN units un ON un.id = us.unit_id WHERE us.id = ?`), id))
	return u, notFound(err, "用户")
}

// UserByName returns an account and its password hash, for signing in.
func (s *Store) UserByName(ctx context.Context, name string) (*zhenggai.User, string, error) {
	var hash string
	row := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+`, us.password_hash FROM users us JOIN units un ON un.id = us.unit_id WHERE us.name = ?`), name)
	var u zhenggai.User
	var role, created string
	var disabled, principal int
	err := row.Scan(&u.ID, &u.UnitID, &u.Unit, &u.Name, &u.DisplayName, &role, &disabled, &u.Email, &principal,
		&u.Version, &created, &hash)
	if err != nil {
		return nil, "", notFound(err, "用户")
	}
	u.Role, u.Disabled, u.CreatedAt = zhenggai.Role(role), disabled != 0, parseTime(created)
	u.Principal = principal != 0
	return &u, hash, nil
}

// Users lists every account by unit and name.
func (s *Store) Users(ctx context.Context) ([]*zhenggai.User, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+userCols+` FROM users us JOIN units un ON un.id = us.unit_id ORDER BY us.unit_id, us.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// FirstAdmin returns the oldest enabled administrator.
func (s *Store) FirstAdmin(ctx context.Context) (*zhenggai.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+` FROM users us JOIN units un ON un.id = us.unit_id
		WHERE us.role = ? AND us.disabled = 0 ORDER BY us.id LIMIT 1`), string(zhenggai.RoleAdmin)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "还没有系统管理员；请先运行 zhenggai user add NAME --role admin")
	}
	return u, err
}

// SetPassword replaces a user's password hash, ends his sessions and
// revokes his API tokens: a reset is what one does when a secret leaked.
func (s *Store) SetPassword(ctx context.Context, userID int64, passwordHash string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := s.snapshot(ctx, tx, "users", userID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?`), passwordHash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "用户不存在")
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
			return err
		}
		if _, err := s.revokeTokens(ctx, tx, `user_id = ?`, userID); err != nil {
			return err
		}
		return s.audit(ctx, tx, auditUpdate, "users", userID, before)
	})
}

// UpdateUser saves a user's name, unit, role and whether he is disabled;
// disabling ends his sessions and revokes his API tokens.
func (s *Store) UpdateUser(ctx context.Context, u *zhenggai.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	version := u.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := s.snapshot(ctx, tx, "users", u.ID)
		if err != nil {
			return err
		}
		disabled := 0
		if u.Disabled {
			disabled = 1
		}
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE users SET unit_id = ?, display_name = ?, role = ?, disabled = ?,
			email = ?, principal = ?, version = version + 1 WHERE id = ? AND version = ?`),
			u.UnitID, u.DisplayName, string(u.Role), disabled, u.Email, boolInt(u.Principal), u.ID, version)
		if err != nil {
			return err
		}
		if err := s.checkUpdated(ctx, tx, res, "users", "用户", u.ID); err != nil {
			return err
		}
		if u.Disabled {
			// For good: enabling him again brings back neither his
			// sessions nor his API tokens, which he may have left anywhere.
			if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE user_id = ?`), u.ID); err != nil {
				return err
			}
			if _, err := s.revokeTokens(ctx, tx, `user_id = ?`, u.ID); err != nil {
				return err
			}
		}
		if err := s.audit(ctx, tx, auditUpdate, "users", u.ID, before); err != nil {
			return err
		}
		u.Version = version + 1
		return nil
	})
}

// UnitUnder reports whether unit is office or lies below it.
func (s *Store) UnitUnder(ctx context.Context, office, unit int64) (bool, error) {
	for depth := 0; unit != 0 && depth < 64; depth++ {
		if unit == office {
			return true, nil
		}
		var parent sql.NullInt64
		err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT parent_id FROM units WHERE id = ?`), unit).Scan(&parent)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		unit = parent.Int64
	}
	return false, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
