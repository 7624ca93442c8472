package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"zhenggai"
)

// Sessions are not audited: they are not records, and they churn.

// CreateSession stores a new session (by the hash of its ID) and removes
// the user's expired ones.
func (s *Store) CreateSession(ctx context.Context, idHash string, userID int64, expires time.Time, addr string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE user_id = ? AND expires_at < ?`), userID, now.Format(time.RFC3339)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO sessions (id_hash, user_id, created_at, expires_at, addr) VALUES (?, ?, ?, ?, ?)`),
			idHash, userID, now.Format(time.RFC3339), expires.UTC().Format(time.RFC3339), addr)
		return err
	})
}

// SessionUser returns the user of a live session.
func (s *Store) SessionUser(ctx context.Context, idHash string) (*zhenggai.User, error) {
	u, err := scanUser(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+` FROM sessions se
		JOIN users us ON us.id = se.user_id JOIN units un ON un.id = us.unit_id
		WHERE se.id_hash = ? AND se.expires_at > ? AND us.disabled = 0`), idHash, s.now().UTC().Format(time.RFC3339)))
	return u, notFound(err, "会话")
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE id_hash = ?`), idHash)
		return err
	})
}

// DeviceKnown reports whether the browser whose device cookie has this
// digest has signed in as the user before.
func (s *Store) DeviceKnown(ctx context.Context, idHash string, userID int64) (bool, error) {
	var one int
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM login_devices WHERE id_hash = ? AND user_id = ?`),
		idHash, userID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// DeviceKeep is how long a browser stays known without signing in.
const DeviceKeep = 365 * 24 * time.Hour

// RememberDevice records that a browser signed in as the user, and
// forgets the user's browsers unused for DeviceKeep.
func (s *Store) RememberDevice(ctx context.Context, idHash string, userID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		stamp := now.Format(time.RFC3339)
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM login_devices WHERE user_id = ? AND used_at < ?`),
			userID, now.Add(-DeviceKeep).Format(time.RFC3339)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE login_devices SET used_at = ? WHERE id_hash = ? AND user_id = ?`),
			stamp, idHash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO login_devices (id_hash, user_id, created_at, used_at) VALUES (?, ?, ?, ?)`),
			idHash, userID, stamp, stamp)
		if s.d.uniqueViolation(err) {
			return nil // the same browser, signing in twice at once
		}
		return err
	})
}
