package store

import (
	"context"
	"database/sql"
	"errors"

	"fmt"
	"strings"
	"time"

	"zhenggai"
)

// A session is created by a login, and the login is written to the audit
// log (entity sessions): who signed in, when, from where, and the row
// with its id_hash as a hash only. Ending sessions (sign-out, expiry, a
// password reset, disabling) is not logged: it only takes access away.
// A session the log does not show a login creating, as it stands, was
// made behind the program's back: SessionUser refuses it and VerifyAudit
// names it.

// Logged reports whether the audit log holds entries about table: an
// audited table, or one whose creations are logged (sessions; see the
// registry, tables.go).
func Logged(table string) bool {
	t := tableByName[table]
	return t != nil && (t.Audited || t.LoggedCreations)
}

// CreateSession stores a new session (by the hash of its ID), logs the
// login that created it, and removes the user's expired ones. The login
// is the user's own act: his is the name the log gives it.
func (s *Store) CreateSession(ctx context.Context, idHash string, userID int64, expires time.Time, addr string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sessions WHERE user_id = ? AND expires_at < ?`), userID, now.Format(time.RFC3339)); err != nil {
			return err
		}
		var name string
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT name FROM users WHERE id = ?`), userID).Scan(&name); err != nil {
			return notFound(err, "用户")
		}
		var id int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO sessions (id_hash, user_id, created_at, expires_at, addr)
			VALUES (?, ?, ?, ?, ?) RETURNING id`),
			idHash, userID, now.Format(time.RFC3339), expires.UTC().Format(time.RFC3339), addr).Scan(&id)
		if err != nil {
			return err
		}
		via := zhenggai.ActorFrom(ctx).Via
		if via == "" {
			via = "web"
		}
		lctx := zhenggai.WithActor(ctx, zhenggai.Actor{UserID: userID, Name: name, Via: via, Addr: addr})
		return s.audit(lctx, tx, auditCreate, "sessions", id, "")
	})
}

// sessionCols are what a session's log entry is checked against.
const sessionCols = `se.id, se.id_hash, se.user_id, se.created_at, se.expires_at, se.addr`

// loginEntry is the after of the last log entry about session se.id if
// that entry is its creation, empty otherwise.
const loginEntry = `COALESCE((SELECT a.after FROM audit_log a WHERE a.id =
	(SELECT MAX(b.id) FROM audit_log b WHERE b.entity = 'sessions' AND b.entity_id = se.id) AND a.action = 'create'), '')`

// SessionUser returns the user of a live session that a login created: a
// session inserted or changed behind the program's back is no session.
func (s *Store) SessionUser(ctx context.Context, idHash string) (*zhenggai.User, error) {
	row := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+`, `+sessionCols+`, `+loginEntry+` FROM sessions se
		JOIN users us ON us.id = se.user_id JOIN units un ON un.id = us.unit_id
		WHERE se.id_hash = ? AND se.expires_at > ? AND us.disabled = 0`), idHash, s.now().UTC().Format(time.RFC3339))
	se := make([]any, 6)
	var login string
	u, err := scanUser(scanFunc(func(dest ...any) error {
		for i := range se {
			dest = append(dest, &se[i])
		}
		return row.Scan(append(dest, &login)...)
	}))
	if err != nil {
		return nil, notFound(err, "会话")
	}
	if snapshotDiff(rowMap([]string{"id", "id_hash", "user_id", "created_at", "expires_at", "addr"}, se), login) != nil {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "会话不存在")
	}
	return u, nil
}

// scanFunc adapts a function to the Scan of a row.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

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

// verifySessions names the sessions no login created as they stand: no
// log entry creating them (inserted behind the program's back), or one
// they no longer match (their user, expiry or secret changed since).
func (s *Store) verifySessions(ctx context.Context, q queryer, rep *AuditReport) error {
	problems, n, err := s.straySessions(ctx, q)
	rep.Sessions = n
	for _, p := range problems {
		rep.add(p)
	}
	return err
}

// StraySessions is verifySessions on its own, for serve's start.
func (s *Store) StraySessions(ctx context.Context) ([]AuditProblem, error) {
	problems, _, err := s.straySessions(ctx, s.rdb)
	return problems, err
}

func (s *Store) straySessions(ctx context.Context, q queryer) ([]AuditProblem, int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+sessionCols+`, COALESCE(us.name, ''), `+loginEntry+`
		FROM sessions se LEFT JOIN users us ON us.id = se.user_id ORDER BY se.id`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []AuditProblem
	var n, more int64
	add := func(p AuditProblem) {
		if len(out) < maxAuditProblems {
			out = append(out, p)
		} else {
			more++
		}
	}
	for rows.Next() {
		se := make([]any, 6)
		var user, login string
		if err := rows.Scan(&se[0], &se[1], &se[2], &se[3], &se[4], &se[5], &user, &login); err != nil {
			return nil, 0, err
		}
		n++
		row := rowMap([]string{"id", "id_hash", "user_id", "created_at", "expires_at", "addr"}, se)
		id, _ := row["id"].(int64)
		who := fmt.Sprintf("登录会话 #%d（用户 %s，%s 起，至 %s，地址 %v）", id, user, row["created_at"], row["expires_at"], row["addr"])
		switch diff := snapshotDiff(row, login); {
		case login == "":
			add(AuditProblem{Entity: "sessions", EntityID: id,
				Message: who + "不是由登录产生的：审计日志中没有建立它的登录（绕过程序插入）；程序不接受这个会话"})
		case diff != nil:
			add(AuditProblem{Entity: "sessions", EntityID: id,
				Message: who + "与登录时记录的不符（被绕过程序修改：" + strings.Join(diff, "、") + "）；程序不接受这个会话"})
		}
	}
	if more > 0 {
		out = append(out, AuditProblem{Entity: "sessions", Message: fmt.Sprintf("另有%d个登录会话不是由登录产生或被改动过", more)})
	}
	return out, n, rows.Err()
}
