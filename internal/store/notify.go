package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"zhenggai"
)

// MaxEmailAttempts is how many times a message is tried before it is
// given up: an address that bounces today will bounce tomorrow, and the
// message stays in the inbox either way.
const MaxEmailAttempts = 5

// emailClaimStale is how long a claim holds: a sender that claimed a
// message and neither sent it nor gave it back in that time has died, and
// the message is sent again (at least once, rather than maybe never).
const emailClaimStale = 15 * time.Minute

// ErrNoAddress is what MarkEmailed is told when the recipient has no
// address to send to.
var ErrNoAddress = errors.New("收件人没有电子邮箱地址")

// WarnCandidate is a measure whose colour a dispatch computes, with the
// colour its people were last told of.
type WarnCandidate struct {
	Measure   *zhenggai.Measure
	RoundID   int64
	ProblemNo int
	Notified  zhenggai.Colour
}

// WarnCandidates lists every measure that may carry a colour (all but the
// 已完成 ones) and every measure whose people were told of one, so that a
// colour that went away is noticed too.
func (s *Store) WarnCandidates(ctx context.Context) ([]*WarnCandidate, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+measureCols+`, round_id,
		(SELECT p.seq FROM problems p WHERE p.id = measures.problem_id),
		COALESCE((SELECT w.colour FROM warn_states w WHERE w.measure_id = measures.id), '')
		FROM measures WHERE voided_at IS NULL AND (status <> 'completed'
		OR EXISTS (SELECT 1 FROM warn_states w WHERE w.measure_id = measures.id AND w.colour <> '')) ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*WarnCandidate
	for rows.Next() {
		var c WarnCandidate
		var colour string
		m, err := scanMeasure(rows, &c.RoundID, &c.ProblemNo, &colour)
		if err != nil {
			return nil, err
		}
		c.Measure, c.Notified = m, zhenggai.Colour(colour)
		out = append(out, &c)
	}
	return out, rows.Err()
}

// WarningChange is one measure's move from the colour its people were
// last told of (Was, as the caller saw it) to Now, with the messages that
// tell them.
type WarningChange struct {
	UnitID, MeasureID int64
	Was, Now          zhenggai.Colour
	Msgs              []*zhenggai.Notification
}

// RecordWarnings moves each measure's notified colour from what the
// caller saw (Was) to Now and puts the messages in their inboxes, so that
// a colour is told once. Many changes go in one transaction: a province's
// first dispatch moves tens of thousands of measures, and one transaction
// each would keep the writer (and every page cache, which a write
// empties) busy for minutes. done[i] tells whether changes[i] was
// recorded (false, writing nothing for it: another run got there first).
// When a concurrent run inserted one of them, it records the rest one by
// one.
func (s *Store) RecordWarnings(ctx context.Context, changes []*WarningChange) (done []bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		done = make([]bool, len(changes))
		for i, c := range changes {
			ok, err := s.recordWarning(ctx, tx, c)
			if err != nil {
				return err
			}
			done[i] = ok
		}
		return nil
	})
	if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
		done = make([]bool, len(changes))
		if len(changes) == 1 {
			return done, nil // a concurrent run inserted the same measure's state
		}
		for i, c := range changes {
			d, err := s.RecordWarnings(ctx, []*WarningChange{c})
			if err != nil {
				return done, err
			}
			done[i] = d[0]
		}
		return done, nil
	}
	return done, err
}

func (s *Store) recordWarning(ctx context.Context, tx *sql.Tx, c *WarningChange) (bool, error) {
	var cur string
	var stateID int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, colour FROM warn_states WHERE measure_id = ?`+s.d.lockRow()), c.MeasureID).
		Scan(&stateID, &cur)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if c.Was != zhenggai.NoColour {
			return false, nil
		}
		if _, err := s.insertRow(ctx, tx, "warn_states", `unit_id, measure_id, colour, changed_at`,
			c.UnitID, c.MeasureID, string(c.Now), s.stamp()); err != nil {
			return false, err
		}
	case err != nil:
		return false, err
	case zhenggai.Colour(cur) != c.Was:
		return false, nil
	default:
		if err := s.updateRow(ctx, tx, "warn_states", stateID, anyVersion, `colour = ?, changed_at = ?`,
			string(c.Now), s.stamp()); err != nil {
			return false, err
		}
	}
	for _, n := range c.Msgs {
		if err := s.addNotification(ctx, tx, n); err != nil {
			return false, err
		}
	}
	return true, nil
}

func (s *Store) addNotification(ctx context.Context, tx *sql.Tx, n *zhenggai.Notification) error {
	now := s.stamp()
	var err error
	n.ID, err = s.insertRow(ctx, tx, "notifications", `unit_id, user_id, kind, record_kind, record_id, measure_id,
		colour, subject, body, email_state, created_at`,
		n.UnitID, n.UserID, string(n.Kind), n.RecordKind, n.RecordID, n.MeasureID, string(n.Colour), n.Subject, n.Body, n.EmailState, now)
	if err != nil {
		return err
	}
	n.CreatedAt = parseTime(now)
	return nil
}

// Recipient is an account a notice's audience names, with the unit his
// messages belong to (his own) and his address.
type Recipient struct {
	UserID, UnitID int64
	Email          string
}

// recipients are the enabled accounts the rule a names, each once, in the
// order of their ids. Leaders and owners are matched by the name that
// gives them their rights (users.person_name), as zhenggai.Can does.
func (s *Store) recipients(ctx context.Context, q queryer, a zhenggai.Audience) ([]Recipient, error) {
	var with string
	var conds []string
	var wargs, args []any
	if a.OfficesAbove {
		with = `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM units WHERE id = ?
			UNION ALL SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id) `
		wargs = append(wargs, a.Unit)
		conds = append(conds, `(us.role = 'supervisor' AND us.unit_id IN (SELECT id FROM up WHERE id <> ?))`)
		args = append(args, a.Unit)
	}
	if a.UnitAdmins {
		conds = append(conds, `(us.unit_id = ? AND us.role = 'unit_admin')`)
		args = append(args, a.Unit)
	}
	if a.Principals {
		// As permission.go has it: a principal is a leader of the unit.
		conds = append(conds, `(us.unit_id = ? AND us.role = 'leader' AND us.principal = 1)`)
		args = append(args, a.Unit)
	}
	named := func(role zhenggai.Role, names []string) {
		if len(names) == 0 {
			return
		}
		conds = append(conds, `(us.unit_id = ? AND us.role = ? AND us.person_name IN (?`+strings.Repeat(", ?", len(names)-1)+`))`)
		args = append(args, a.Unit, string(role))
		for _, n := range names {
			args = append(args, n)
		}
	}
	named(zhenggai.RoleLeader, a.Leaders)
	named(zhenggai.RoleResponsible, a.Owners)
	if len(a.Users) > 0 {
		conds = append(conds, `(us.unit_id = ? AND us.id IN (?`+strings.Repeat(", ?", len(a.Users)-1)+`))`)
		args = append(args, a.Unit)
		for _, id := range a.Users {
			args = append(args, id)
		}
	}
	if len(a.Persons) > 0 {
		// A person's accounts: an account names a person of its own
		// unit's roster only (users.go), whichever unit that is.
		conds = append(conds, `(us.person_id IN (?`+strings.Repeat(", ?", len(a.Persons)-1)+`))`)
		for _, id := range a.Persons {
			args = append(args, id)
		}
	}
	if len(conds) == 0 {
		return nil, nil
	}
	except := ""
	for _, id := range a.Except {
		except += ` AND us.id <> ?`
		args = append(args, id)
	}
	rows, err := q.QueryContext(ctx, s.d.rebind(with+`SELECT us.id, us.unit_id, us.email FROM users us WHERE us.disabled = 0 AND (`+
		strings.Join(conds, ` OR `)+`)`+except+` ORDER BY us.id`), append(wargs, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Recipient
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.UserID, &r.UnitID, &r.Email); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// tell puts each notice in the inbox of every account its audience
// names; one to be e-mailed is queued for those with an address when the
// store was told that mail is set up (MailQueued).
func (s *Store) tell(ctx context.Context, tx *sql.Tx, notices []zhenggai.Notice) error {
	for _, n := range notices {
		to, err := s.recipients(ctx, tx, n.To)
		if err != nil {
			return err
		}
		for _, r := range to {
			m := n.For(r.UnitID, r.UserID)
			if n.Email && s.MailQueued && r.Email != "" {
				m.EmailState = zhenggai.EmailPending
			}
			if err := s.addNotification(ctx, tx, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// AddNotification puts one message in a person's inbox.
func (s *Store) AddNotification(ctx context.Context, n *zhenggai.Notification) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.addNotification(ctx, tx, n) })
}

const notificationCols = `n.id, n.unit_id, n.user_id, n.kind, n.record_kind, n.record_id, n.measure_id, n.colour, n.subject, n.body,
	n.read_at, n.email_state, n.created_at, u.email`

func scanNotification(sc interface{ Scan(...any) error }) (*zhenggai.Notification, error) {
	var n zhenggai.Notification
	var kind, colour, readAt, created string
	err := sc.Scan(&n.ID, &n.UnitID, &n.UserID, &kind, &n.RecordKind, &n.RecordID, &n.MeasureID, &colour, &n.Subject, &n.Body,
		&readAt, &n.EmailState, &created, &n.Email)
	n.Kind, n.Colour, n.Read, n.CreatedAt = zhenggai.NoticeKind(kind), zhenggai.Colour(colour), readAt != "", parseTime(created)
	return &n, err
}

func (s *Store) notifications(ctx context.Context, where string, args ...any) ([]*zhenggai.Notification, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+notificationCols+` FROM notifications n
		JOIN users u ON u.id = n.user_id WHERE `+where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Notification
	for rows.Next() {
		n, err := scanNotification(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Inbox lists a person's messages, newest first; unreadOnly leaves out
// the ones read. At most limit of them.
func (s *Store) Inbox(ctx context.Context, userID int64, unreadOnly bool, limit int) ([]*zhenggai.Notification, error) {
	where := `n.user_id = ?`
	if unreadOnly {
		where += ` AND n.read_at = ''`
	}
	return s.notifications(ctx, where+` ORDER BY n.id DESC LIMIT ?`, userID, limit)
}

// UnreadCount is the number of a person's unread messages.
func (s *Store) UnreadCount(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at = ''`), userID).Scan(&n)
	return n, err
}

// MarkRead marks one of a person's messages read, or all of them (id 0).
// A message of somebody else is not found.
func (s *Store) MarkRead(ctx context.Context, userID, id int64) (int, error) {
	marked := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		marked = 0
		q, args := `SELECT id FROM notifications WHERE user_id = ? AND read_at = '' ORDER BY id`, []any{userID}
		if id != 0 {
			var owner int64
			if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT user_id FROM notifications WHERE id = ?`), id).Scan(&owner); err != nil || owner != userID {
				if err == nil || errors.Is(err, sql.ErrNoRows) {
					return zhenggai.Errorf(zhenggai.ENOTFOUND, "消息不存在")
				}
				return err
			}
			q, args = `SELECT id FROM notifications WHERE id = ? AND read_at = ''`, []any{id}
		}
		ids, err := s.ids(ctx, tx, q, args...)
		if err != nil {
			return err
		}
		now := s.stamp()
		for _, nid := range ids {
			if err := s.updateRow(ctx, tx, "notifications", nid, anyVersion, `read_at = ?`, now); err != nil {
				return err
			}
			marked++
		}
		return nil
	})
	return marked, err
}

func (s *Store) ids(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// PendingEmails lists the messages still to be sent by e-mail, oldest
// first, with their recipients' addresses: those pending, and those whose
// sender's claim has lapsed.
func (s *Store) PendingEmails(ctx context.Context, limit int) ([]*zhenggai.Notification, error) {
	stale := s.now().Add(-emailClaimStale).UTC().Format(time.RFC3339)
	return s.notifications(ctx, `n.email_state IN ('pending', 'sending')
		AND (n.email_state = 'pending' OR n.email_claimed_at < ?) ORDER BY n.id LIMIT ?`, stale, limit)
}

// ClaimEmail takes a pending message for sending, so that no other sender
// sends it too, and returns the claim to give back to MarkEmailed; "" when
// another sender has it, it went already, or it has been tried
// MaxEmailAttempts times (it is then marked failed).
func (s *Store) ClaimEmail(ctx context.Context, id int64) (string, error) {
	var claim string
	err := s.write(ctx, func(tx *sql.Tx) error {
		claim = ""
		var state, at string
		var attempts int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT email_state, email_claimed_at, email_attempts
			FROM notifications WHERE id = ?`+s.d.lockRow()), id).Scan(&state, &at, &attempts); err != nil {
			return notFound(err, "消息")
		}
		now := s.now().UTC()
		stale := now.Add(-emailClaimStale).Format(time.RFC3339)
		if state != zhenggai.EmailPending && (state != zhenggai.EmailSending || at >= stale) {
			return nil
		}
		if attempts >= MaxEmailAttempts {
			// Its last sender died mid-way, as many times as it may be tried.
			return s.updateRow(ctx, tx, "notifications", id, anyVersion, `email_state = ?, email_claimed_at = '', email_error = ?`,
				zhenggai.EmailFailed, "发送未完成，已尝试"+strconv.Itoa(attempts)+"次")
		}
		claim = now.Format(time.RFC3339Nano)
		return s.updateRow(ctx, tx, "notifications", id, anyVersion,
			`email_state = 'sending', email_claimed_at = ?, email_attempts = email_attempts + 1`, claim)
	})
	return claim, err
}

// MarkEmailed records that a message went out by e-mail, or why not
// (sendErr, kept for the administrator): it stays pending for the next
// run until it has failed MaxEmailAttempts times, and is given up at once
// when the recipient has no address (ErrNoAddress). claim is what
// ClaimEmail returned ("" for a message not claimed, only to give it up
// for want of an address); a claim that lapsed and was taken by another
// sender changes nothing, as the message is that sender's now.
func (s *Store) MarkEmailed(ctx context.Context, id int64, claim string, sendErr error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var attempts int
		var state, at string
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT email_attempts, email_state, email_claimed_at FROM notifications
			WHERE id = ?`+s.d.lockRow()), id).Scan(&attempts, &state, &at); err != nil {
			return notFound(err, "消息")
		}
		if claim != "" && (state != zhenggai.EmailSending || at != claim) || claim == "" && state != zhenggai.EmailPending {
			return nil
		}
		state, msg := zhenggai.EmailSent, ""
		switch {
		case errors.Is(sendErr, ErrNoAddress):
			state, msg = zhenggai.EmailNoAddress, sendErr.Error()
		case sendErr != nil:
			state, msg = zhenggai.EmailPending, sendErr.Error()
			if attempts >= MaxEmailAttempts {
				state = zhenggai.EmailFailed
			}
			if len(msg) > 500 {
				msg = strings.ToValidUTF8(msg[:500], "")
			}
		}
		return s.updateRow(ctx, tx, "notifications", id, anyVersion, `email_state = ?, email_error = ?, email_claimed_at = ''`,
			state, msg)
	})
}

// DigestDue reports whether a person's digest for day is still to be sent.
func (s *Store) DigestDue(ctx context.Context, userID int64, day zhenggai.Date) (bool, error) {
	var n int
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM digests WHERE user_id = ? AND day = ?`), userID, day.String()).Scan(&n)
	return n == 0, err
}

// RecordDigest notes that a person's digest for day went out; a second
// record of the same day is ECONFLICT.
func (s *Store) RecordDigest(ctx context.Context, unitID, userID int64, day zhenggai.Date) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.insertRow(ctx, tx, "digests", `unit_id, user_id, day, sent_at`, unitID, userID, day.String(), s.stamp())
		return err
	})
}
