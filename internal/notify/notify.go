// Package notify takes the three-colour warnings to people: it computes
// each measure's colour, and when it changes puts one message in the
// inbox of each person concerned — green the owner, yellow the leader
// too, red also the unit's principal leader (主要负责人) — and, when SMTP is
// set up, sends each one e-mail. It also sends a daily digest per person.
package notify

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/ui"
)

// Result counts what a run did.
type Result struct {
	Changed  int // measures whose colour changed
	Messages int // inbox messages written
	Emails   int // e-mails sent
	Failed   int // e-mails that could not be sent (they stay pending)
}

// Dispatch compares every measure's colour on day now with the colour
// its people were last told of and, on a change to a colour, tells them
// once. It is idempotent: a second run with nothing changed writes and
// sends nothing. A change back to no colour is recorded silently. With
// mail set (not nil), pending messages are then sent.
// warnBatch is how many colour changes one transaction records.
const warnBatch = 200

func Dispatch(ctx context.Context, st *store.Store, mail *Mailer, now time.Time) (Result, error) {
	var res Result
	today := zhenggai.DateOf(now)
	cands, err := st.WarnCandidates(ctx)
	if err != nil {
		return res, err
	}
	users, err := st.Users(ctx)
	if err != nil {
		return res, err
	}
	book := newAddressBook(users)
	settings := map[int64]zhenggai.Settings{}
	var batch []*store.WarningChange
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		done, err := st.RecordWarnings(ctx, batch)
		if err != nil {
			return err
		}
		for i, c := range batch {
			if done[i] {
				res.Changed++
				res.Messages += len(c.Msgs)
			}
		}
		batch = batch[:0]
		return nil
	}
	// Kept up, but is its register in order? The holds of the measures
	// that name proof rules, read once a round: each read loads the
	// unit's registers.
	kept := map[int64][]*zhenggai.Measure{}
	for _, c := range cands {
		if m := c.Measure; m.Status == zhenggai.Ongoing && len(m.ProofRules) > 0 {
			kept[c.RoundID] = append(kept[c.RoundID], m)
		}
	}
	held := map[int64][]zhenggai.ProofHold{}
	for round, ms := range kept {
		hs, err := st.RoundHolds(ctx, round, ms, today)
		if err != nil {
			return res, err
		}
		maps.Copy(held, hs)
	}
	for _, c := range cands {
		m := c.Measure
		set, ok := settings[m.UnitID]
		if !ok {
			if set, err = st.Settings(ctx, m.UnitID); err != nil {
				return res, err
			}
			settings[m.UnitID] = set
		}
		colour := zhenggai.MeasureColour(set, m, today)
		var holds []zhenggai.ProofHold
		if colour != zhenggai.Red {
			holds = held[m.ID]
			colour = zhenggai.HeldColour(colour, m, holds)
		}
		if colour == c.Notified {
			continue
		}
		var msgs []*zhenggai.Notification
		if colour != zhenggai.NoColour {
			notice := zhenggai.WarningNotice(m, c.ProblemNo, colour, today, holds...)
			for _, u := range book.recipients(notice.To) {
				n := notice.For(m.UnitID, u.ID)
				if notice.Email && mail != nil && u.Email != "" {
					n.EmailState = zhenggai.EmailPending
				}
				msgs = append(msgs, n)
			}
		}
		batch = append(batch, &store.WarningChange{UnitID: m.UnitID, MeasureID: m.ID, Was: c.Notified, Now: colour, Msgs: msgs})
		if len(batch) == warnBatch {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	if mail != nil {
		sent, failed, err := SendPending(ctx, st, mail)
		res.Emails, res.Failed = sent, failed
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// addressBook finds the people a measure names: its owner and leader by
// the name the ledger writes, with the role that the permission code
// matches the same way (zhenggai.Can), and its unit's principal leaders.
type addressBook struct {
	byName     map[string][]*zhenggai.User // unit|role|the name he holds (User.LedgerName)
	principals map[int64][]*zhenggai.User
}

func newAddressBook(users []*zhenggai.User) *addressBook {
	b := &addressBook{byName: map[string][]*zhenggai.User{}, principals: map[int64][]*zhenggai.User{}}
	for _, u := range users {
		if u.Disabled {
			continue
		}
		if u.LedgerName != "" {
			k := bookKey(u.UnitID, u.Role, u.LedgerName)
			b.byName[k] = append(b.byName[k], u)
		}
		if u.Principal {
			b.principals[u.UnitID] = append(b.principals[u.UnitID], u)
		}
	}
	return b
}

func bookKey(unit int64, r zhenggai.Role, name string) string {
	return fmt.Sprintf("%d|%s|%s", unit, r, strings.TrimSpace(name))
}

// recipients are the people the rule a names, each once, in a fixed
// order: owners, leaders, principal leaders — the parts of a rule a
// warning uses (zhenggai.WarningNotice); the others are the store's
// (messages written with a change, as a closing step's).
func (b *addressBook) recipients(a zhenggai.Audience) []*zhenggai.User {
	var out []*zhenggai.User
	seen := map[int64]bool{}
	add := func(us []*zhenggai.User) {
		for _, u := range us {
			if !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, u)
			}
		}
	}
	for _, n := range a.Owners {
		add(b.byName[bookKey(a.Unit, zhenggai.RoleResponsible, n)])
	}
	for _, n := range a.Leaders {
		add(b.byName[bookKey(a.Unit, zhenggai.RoleLeader, n)])
	}
	if a.Principals {
		add(b.principals[a.Unit])
	}
	return out
}

// SendPending e-mails the messages still pending, each claimed first so
// that two senders at once do not both send it; one that fails stays
// pending for the next run, up to store.MaxEmailAttempts tries.
func SendPending(ctx context.Context, st *store.Store, mail *Mailer) (sent, failed int, err error) {
	pending, err := st.PendingEmails(ctx, 500)
	if err != nil {
		return 0, 0, err
	}
	for _, n := range pending {
		if n.Email == "" && n.EmailState == zhenggai.EmailPending {
			// The address was taken away since: nothing to try again.
			if err := st.MarkEmailed(ctx, n.ID, "", store.ErrNoAddress); err != nil {
				return sent, failed, err
			}
			continue
		}
		claim, err := st.ClaimEmail(ctx, n.ID)
		if err != nil {
			return sent, failed, err
		}
		if claim == "" {
			continue // another sender has it, or it was given up
		}
		serr := store.ErrNoAddress
		if n.Email != "" {
			serr = mail.Send(n.Email, n.Subject, n.Body+"\n\n"+mail.link(ui.NoticePath(n)))
		}
		if err := st.MarkEmailed(ctx, n.ID, claim, serr); err != nil {
			return sent, failed, err
		}
		if serr != nil {
			failed++
			continue
		}
		sent++
	}
	return sent, failed, nil
}

// Digest sends each person with an address, once for day, one e-mail
// listing his unread messages and the red and yellow measures he owns or
// leads (or, for a principal leader, all red ones of his unit). People
// with nothing to read get none.
func Digest(ctx context.Context, st *store.Store, mail *Mailer, now time.Time) (int, error) {
	if mail == nil {
		return 0, ErrNoMail
	}
	today := zhenggai.DateOf(now)
	var failures []error
	users, err := st.Users(ctx)
	if err != nil {
		return 0, err
	}
	cands, err := st.WarnCandidates(ctx)
	if err != nil {
		return 0, err
	}
	settings := map[int64]zhenggai.Settings{}
	type warned struct {
		c      *store.WarnCandidate
		colour zhenggai.Colour
	}
	var hot []warned
	for _, c := range cands {
		m := c.Measure
		set, ok := settings[m.UnitID]
		if !ok {
			if set, err = st.Settings(ctx, m.UnitID); err != nil {
				return 0, err
			}
			settings[m.UnitID] = set
		}
		if col := zhenggai.MeasureColour(set, m, today); col == zhenggai.Red || col == zhenggai.Yellow {
			hot = append(hot, warned{c, col})
		}
	}
	sort.SliceStable(hot, func(i, j int) bool { return hot[i].colour == zhenggai.Red && hot[j].colour != zhenggai.Red })
	sent := 0
	for _, u := range users {
		if u.Disabled || u.Email == "" {
			continue
		}
		due, err := st.DigestDue(ctx, u.ID, today)
		if err != nil {
			return sent, err
		}
		if !due {
			continue
		}
		unread, err := st.Inbox(ctx, u.ID, true, 50)
		if err != nil {
			return sent, err
		}
		var items []zhenggai.DigestItem
		for _, w := range hot {
			if m := w.c.Measure; m.UnitID == u.UnitID && zhenggai.DigestConcerns(u, m, w.colour) {
				items = append(items, zhenggai.DigestItem{Measure: m, ProblemNo: w.c.ProblemNo, Colour: w.colour})
			}
		}
		if len(unread) == 0 && len(items) == 0 {
			continue
		}
		subject, body := zhenggai.DigestMail(u, today, unread, items)
		body += "\n" + mail.link("/inbox")
		if err := mail.Send(u.Email, subject, body); err != nil {
			// One bad address must not keep the others from theirs; this
			// one is tried again on the next run, the digest not recorded.
			failures = append(failures, fmt.Errorf("向 %s 发送每日汇总失败：%w", u.Name, err))
			continue
		}
		if err := st.RecordDigest(ctx, u.UnitID, u.ID, today); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, errors.Join(failures...)
}
