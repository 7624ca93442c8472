package store

import (
	"context"
	"sync"

	"zhenggai"
)

// ledgerCache keeps built ledgers until the data change. The dashboard,
// the tree, the ledger table and the API all start from a round's ledger,
// and rounds are read far more often than written. Entries are keyed by
// day as well, because colours change at midnight.
type ledgerCache struct {
	mu      sync.Mutex
	entries map[ledgerKey]cachedLedger
}

type ledgerKey struct {
	round int64
	today zhenggai.Date
}

type cachedLedger struct {
	gen uint64
	l   *zhenggai.Ledger
}

// maxLedgers bounds the cache: one entry per round read today.
const maxLedgers = 4096

// Generation changes with every audited write, made by this process or
// any other (another server on the same PostgreSQL, `zhenggai import`
// while the server runs): it is the id of the audit log's last entry. A
// cache of anything read from the store is valid while it stays the same.
func (s *Store) Generation(ctx context.Context) (uint64, error) {
	var id int64
	err := s.rdb.QueryRowContext(ctx, `SELECT COALESCE(MAX(last_id), 0) FROM audit_head`).Scan(&id)
	return uint64(id), err
}

func (c *ledgerCache) get(k ledgerKey, gen uint64) *zhenggai.Ledger {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok && e.gen == gen {
		return e.l
	}
	return nil
}

func (c *ledgerCache) put(k ledgerKey, gen uint64, l *zhenggai.Ledger) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxLedgers {
		c.entries = map[ledgerKey]cachedLedger{}
	}
	c.entries[k] = cachedLedger{gen, l}
}

// Ledger loads a round with its categories, problems and measures and
// derives every figure as of today. The result is shared between callers
// and must not be changed.
func (s *Store) Ledger(ctx context.Context, roundID int64, today zhenggai.Date) (*zhenggai.Ledger, error) {
	key := ledgerKey{roundID, today}
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, err
	}
	if l := s.ledgers.get(key, gen); l != nil {
		return l, nil
	}
	// Built after gen was read: if a write lands meanwhile, the entry is
	// stored under the old generation and never served.
	l, err := s.buildLedger(ctx, roundID, today)
	if err != nil {
		return nil, err
	}
	s.ledgers.put(key, gen, l)
	return l, nil
}

// buildLedger runs five queries, each bounded by the round.
func (s *Store) buildLedger(ctx context.Context, roundID int64, today zhenggai.Date) (*zhenggai.Ledger, error) {
	return s.ledgerIn(ctx, s.rdb, roundID, today, true)
}

// ledgerIn builds the ledger from db; held, the colours count the holds
// of measures with proof rules (read from the registers on the store's
// own connections: never inside a read transaction, whose connection the
// loader's would otherwise wait beside — a report's records need no
// colours).
func (s *Store) ledgerIn(ctx context.Context, db queryer, roundID int64, today zhenggai.Date, held bool) (*zhenggai.Ledger, error) {
	r, err := s.roundIn(ctx, db, roundID)
	if err != nil {
		return nil, err
	}
	set, err := s.settingsIn(ctx, db, r.UnitID)
	if err != nil {
		return nil, err
	}
	cats, err := s.categoriesIn(ctx, db, roundID)
	if err != nil {
		return nil, err
	}
	probs, err := s.problemsIn(ctx, db, roundID)
	if err != nil {
		return nil, err
	}
	ms, err := s.measuresIn(ctx, db, roundID)
	if err != nil {
		return nil, err
	}
	var holds map[int64][]zhenggai.ProofHold
	if held {
		if holds, err = s.ledgerHolds(ctx, r, ms, today); err != nil {
			return nil, err
		}
	}
	return zhenggai.BuildLedgerHeld(r, set, today, cats, probs, ms, holds), nil
}

// RoundRecords is what a round's documents are made from: its ledger as
// of a day, its progress entries (newest day first) and its closing steps
// (oldest first), read together so that they agree with each other.
type RoundRecords struct {
	Ledger     *zhenggai.Ledger
	Progress   []*zhenggai.Progress
	CloseSteps []*zhenggai.CloseStep
	// Meetings are the meetings on the rectification from the feedback
	// to the day read, as the meetings register holds them: the report
	// states these, not the figures typed in its text.
	Meetings zhenggai.RectificationMeetings
}

// RoundRecords reads a round's records in one read transaction, so that
// a write landing meanwhile is in all of them or in none: the report, the
// publication made of it and the ledger workbook never mix two states.
// The ledger is built anew, not taken from the cache of Ledger, whose
// entry may come from another moment than the entries read here.
func (s *Store) RoundRecords(ctx context.Context, roundID int64, today zhenggai.Date) (*RoundRecords, error) {
	rec := &RoundRecords{}
	err := s.readSnapshot(ctx, func(db queryer) (err error) {
		if rec.Ledger, err = s.ledgerIn(ctx, db, roundID, today, false); err != nil {
			return err
		}
		// The unit's full name signs its report when nothing else does.
		if err := db.QueryRowContext(ctx, s.d.rebind(`SELECT full_name FROM units WHERE id = ?`), rec.Ledger.Round.UnitID).
			Scan(&rec.Ledger.UnitFullName); err != nil {
			return err
		}
		if rec.Progress, err = s.progressIn(ctx, db, roundID, 0); err != nil {
			return err
		}
		rec.CloseSteps, err = s.closeSteps(ctx, db, `round_id = ?`, roundID)
		return err
	})
	if err != nil {
		return nil, err
	}
	r := rec.Ledger.Round
	if rec.Meetings, err = s.RectificationMeetings(ctx, r.UnitID, r.FeedbackDate, today); err != nil {
		return nil, err
	}
	return rec, nil
}
