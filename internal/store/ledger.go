package store

import (
	"context"
	"sync"

	"zhenggai"
)

// ledgerCache keeps built ledgers until the next write. The dashboard, the
// tree, the ledger table and the API all start from a round's ledger, and
// rounds are read far more often than written. Entries are keyed by day as
// well, because colours change at midnight. The cache is right because
// every write goes through this Store's single writer; a change made behind
// the program's back shows after the next write (audit verify finds it).
type ledgerCache struct {
	mu      sync.Mutex
	gen     uint64 // bumped after every committed write
	entries map[ledgerKey]*zhenggai.Ledger
}

type ledgerKey struct {
	round int64
	today zhenggai.Date
}

// maxLedgers bounds the cache: one entry per round read today.
const maxLedgers = 4096

// Generation changes after every committed write: a cache of anything
// read from the store is valid while it stays the same.
func (s *Store) Generation() uint64 {
	s.ledgers.mu.Lock()
	defer s.ledgers.mu.Unlock()
	return s.ledgers.gen
}

func (c *ledgerCache) get(k ledgerKey) (*zhenggai.Ledger, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[k], c.gen
}

// put keeps l if no write happened since gen was read.
func (c *ledgerCache) put(k ledgerKey, gen uint64, l *zhenggai.Ledger) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= maxLedgers {
		c.entries = map[ledgerKey]*zhenggai.Ledger{}
	}
	c.entries[k] = l
}

func (c *ledgerCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = nil
}

// Ledger loads a round with its categories, problems and measures and
// derives every figure as of today. The result is shared between callers
// and must not be changed.
func (s *Store) Ledger(ctx context.Context, roundID int64, today zhenggai.Date) (*zhenggai.Ledger, error) {
	key := ledgerKey{roundID, today}
	l, gen := s.ledgers.get(key)
	if l != nil {
		return l, nil
	}
	l, err := s.buildLedger(ctx, roundID, today)
	if err != nil {
		return nil, err
	}
	s.ledgers.put(key, gen, l)
	return l, nil
}

// buildLedger runs five queries, each bounded by the round.
func (s *Store) buildLedger(ctx context.Context, roundID int64, today zhenggai.Date) (*zhenggai.Ledger, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	set, err := s.Settings(ctx, r.UnitID)
	if err != nil {
		return nil, err
	}
	cats, err := s.Categories(ctx, roundID)
	if err != nil {
		return nil, err
	}
	probs, err := s.Problems(ctx, roundID)
	if err != nil {
		return nil, err
	}
	ms, err := s.Measures(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return zhenggai.BuildLedger(r, set, today, cats, probs, ms), nil
}
