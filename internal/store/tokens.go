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
		err := tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO tokens (unit_id, user_id, name, token_hash, created_at, revoked)
			VALUES (?, ?, ?, ?, ?, 0) RETURNING id`), unit, userID, name, tokenHash, s.stamp()).Scan(&id)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, auditCreate, "tokens", id, "")
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
