package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"zhenggai"
)

const userCols = `us.id, us.unit_id, un.name, us.name, us.display_name, us.role, us.disabled, us.email, us.principal,
	us.version, us.created_at, COALESCE(us.person_name, ''), us.must_change,
	COALESCE(us.person_id, 0)`

func scanUser(sc interface{ Scan(...any) error }, extra ...any) (*zhenggai.User, error) {
	var u zhenggai.User
	var role, created string
	var disabled, principal, mustChange int
	dest := append([]any{&u.ID, &u.UnitID, &u.Unit, &u.Name, &u.DisplayName, &role, &disabled, &u.Email, &principal,
		&u.Version, &created, &u.LedgerName, &mustChange, &u.PersonID}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	u.Role, u.Disabled, u.CreatedAt = zhenggai.Role(role), disabled != 0, parseTime(created)
	u.Principal, u.MustChangePassword = principal != 0, mustChange != 0
	return &u, nil
}

// personName is what users.person_name holds for u: the name that gives an
// enabled leader or owner his rights, unique within his unit; NULL
// otherwise (a disabled account leaves his name to whoever needs it, and
// takes it back only if it is free).
func personName(u *zhenggai.User) any {
	if !u.Role.NamedByLedger() || u.Disabled {
		return nil
	}
	return u.DisplayName
}

// nameTaken refuses a leader's or an owner's name that another leader or
// owner of the unit holds: the second would hold all the first's rights.
func (s *Store) nameTaken(ctx context.Context, tx *sql.Tx, u *zhenggai.User) error {
	if personName(u) == nil {
		return nil
	}
	var login string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT name FROM users WHERE unit_id = ? AND person_name = ? AND id <> ?`),
		u.UnitID, u.DisplayName, u.ID).Scan(&login)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	v := &zhenggai.ValidationError{}
	v.Add("display_name", "姓名“"+u.DisplayName+"”已是本单位另一账号（"+login+"）的姓名：同一单位的责任领导、责任人姓名不能相同，"+
		"否则一人可办另一人的事项；同名的两人请加以区分，如“"+u.DisplayName+"（办公室）”，并在台账中同样填写")
	return v
}

// CreateUser saves a new account with the given password hash. The display
// name is trimmed; a leader's or an owner's must be his unit's only one.
// u.MustChangePassword says the password was set for him by an
// administrator.
func (s *Store) CreateUser(ctx context.Context, u *zhenggai.User, passwordHash string) error {
	u.DisplayName = strings.TrimSpace(u.DisplayName)
	if err := u.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.nameTaken(ctx, tx, u); err != nil {
			return err
		}
		if err := s.personOfUnit(ctx, tx, u.PersonID, u.UnitID); err != nil {
			return err
		}
		if u.PersonID == 0 && u.Role.NamedByLedger() {
			// A leader's or an owner's account is his person's, when the
			// roster has one of his name.
			roster, err := s.persons(ctx, tx, u.UnitID)
			if err != nil {
				return err
			}
			if p, _ := zhenggai.ResolvePerson(roster, u.DisplayName); p != nil {
				u.PersonID = p.ID
			}
		}
		now := s.stamp()
		var err error
		u.ID, err = s.insertRow(ctx, tx, "users", `unit_id, name, display_name, role, password_hash, disabled,
			email, principal, version, created_at, person_name, must_change, person_id`,
			u.UnitID, u.Name, u.DisplayName, string(u.Role), passwordHash, 0, u.Email, boolInt(u.Principal), 1, now,
			personName(u), boolInt(u.MustChangePassword), nullID(u.PersonID))
		if s.d.foreignKeyViolation(err) {
			v := &zhenggai.ValidationError{}
			v.Add("unit_id", "所属单位不存在")
			return v
		}
		if err != nil {
			return err
		}
		u.Version, u.CreatedAt = 1, parseTime(now)
		if p, ok := personName(u).(string); ok {
			u.LedgerName = p
		}
		return nil
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
	u, err := scanUser(row, &hash)
	if err != nil {
		return nil, "", notFound(err, "用户")
	}
	return u, hash, nil
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

// SetPassword is an administrator's reset (or first password) of a
// user's password: the administrator knows it, so the user must change it
// at his next sign-in. It ends his sessions, revokes his API tokens and
// forgets the browsers he signed in from: a reset is what one does when a
// secret leaked.
func (s *Store) SetPassword(ctx context.Context, userID int64, passwordHash string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.updateRow(ctx, tx, "users", userID, anyVersion, `password_hash = ?, must_change = 1`, passwordHash); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM sessions WHERE user_id = ?`, `DELETE FROM login_devices WHERE user_id = ?`} {
			if _, err := tx.ExecContext(ctx, s.d.rebind(q), userID); err != nil {
				return err
			}
		}
		_, err := s.revokeTokens(ctx, tx, `user_id = ?`, userID)
		return err
	})
}

// PasswordHash returns a user's password hash, to check the current
// password before a change.
func (s *Store) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var hash string
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT password_hash FROM users WHERE id = ?`), userID).Scan(&hash)
	return hash, notFound(err, "用户")
}

// ChangePassword is a user's change of his own password: nobody else knows
// the new one, so nothing more is asked of him. His other sessions end
// (keepSession, the digest of the one he changed it from, stays; "" for
// none); his API tokens, made for scripts, stay.
func (s *Store) ChangePassword(ctx context.Context, userID int64, passwordHash, keepSession string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.updateRow(ctx, tx, "users", userID, anyVersion, `password_hash = ?, must_change = 0`, passwordHash); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?`), userID, keepSession)
		return err
	})
}

// UpdateUser saves a user's name, unit, role and whether he is disabled;
// disabling ends his sessions and revokes his API tokens.
func (s *Store) UpdateUser(ctx context.Context, u *zhenggai.User) error {
	u.DisplayName = strings.TrimSpace(u.DisplayName)
	if err := u.Validate(); err != nil {
		return err
	}
	version := u.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.nameTaken(ctx, tx, u); err != nil {
			return err
		}
		if err := s.personOfUnit(ctx, tx, u.PersonID, u.UnitID); err != nil {
			return err
		}
		err := s.updateRow(ctx, tx, "users", u.ID, version, `unit_id = ?, display_name = ?, role = ?, disabled = ?,
			email = ?, principal = ?, person_name = ?, person_id = ?`,
			u.UnitID, u.DisplayName, string(u.Role), boolInt(u.Disabled), u.Email, boolInt(u.Principal), personName(u),
			nullID(u.PersonID))
		if err != nil {
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
		u.Version = version + 1
		u.LedgerName, _ = personName(u).(string)
		return nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// personOfUnit refuses to link an account to a person (id; 0 for none)
// who is not a live person of the account's unit.
func (s *Store) personOfUnit(ctx context.Context, tx *sql.Tx, id, unit int64) error {
	if id <= 0 {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM persons WHERE id = ? AND unit_id = ? AND voided_at IS NULL`), id, unit).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		v := &zhenggai.ValidationError{}
		v.Add("person_id", "所选人员不在本单位人员名册中")
		return v
	}
	return err
}
