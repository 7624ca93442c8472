package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

// CreateToken stores an API token (by its hash) for a user.
func (s *Store) CreateToken(ctx context.Context, userID int64, name, tokenHash string) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var unit int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM users WHERE id = ?`), userID).Scan(&unit); err != nil {
			return notFound(err, "用户")
		}
		var err error
		id, err = s.insertRow(ctx, tx, "tokens", `unit_id, user_id, name, token_hash, created_at, revoked`,
			unit, userID, name, tokenHash, s.stamp(), 0)
		return err
	})
	return id, err
}

// TokenUser returns the user of a live token.
func (s *Store) TokenUser(ctx context.Context, tokenHash string) (*zhenggai.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+` FROM tokens t
		JOIN users us ON us.id = t.user_id JOIN units un ON un.id = us.unit_id
		WHERE t.token_hash = ? AND t.revoked = 0 AND us.disabled = 0`), tokenHash))
	return u, notFound(err, "令牌")
}

// Tokens lists the tokens of a user (by login name), or of everyone.
func (s *Store) Tokens(ctx context.Context, login string) ([]zhenggai.Token, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT t.id, us.name, t.name, t.created_at, t.revoked
		FROM tokens t JOIN users us ON us.id = t.user_id WHERE ? = '' OR us.name = ? ORDER BY t.id`), login, login)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.Token
	for rows.Next() {
		var t zhenggai.Token
		var revoked int
		if err := rows.Scan(&t.ID, &t.User, &t.Name, &t.CreatedAt, &revoked); err != nil {
			return nil, err
		}
		t.Revoked = revoked != 0
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken ends one token for good.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		n, err := s.revokeTokens(ctx, tx, `id = ?`, id)
		if err == nil && n == 0 {
			err = zhenggai.Errorf(zhenggai.ENOTFOUND, "令牌 #%d 不存在或已撤销", id)
		}
		return err
	})
}

// revokeTokens revokes the live tokens matching where, each change audited.
func (s *Store) revokeTokens(ctx context.Context, tx *sql.Tx, where string, arg any) (int, error) {
	ids, err := s.ids(ctx, tx, `SELECT id FROM tokens WHERE revoked = 0 AND `+where+` ORDER BY id`, arg)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := s.updateRow(ctx, tx, "tokens", id, anyVersion, `revoked = 1`); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
