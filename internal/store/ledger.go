package store

import (
	"context"

	"zhenggai"
)

// Ledger loads a round with its categories, problems and measures and
// derives every figure as of today. Four queries, each bounded by the round.
func (s *Store) Ledger(ctx context.Context, roundID int64, today zhenggai.Date) (*zhenggai.Ledger, error) {
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
