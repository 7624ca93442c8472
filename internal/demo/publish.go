package demo

import (
	"context"

	"zhenggai"
	"zhenggai/internal/publish"
	"zhenggai/internal/store"
)

// Publish puts the seed round's progress report on the public site as of
// today, as the unit's office would, so that /public/ shows it at once.
func Publish(ctx context.Context, st *store.Store, r *zhenggai.Round, today zhenggai.Date) (*zhenggai.Publication, error) {
	return publish.Publish(ctx, st, r.ID, today, "办公室（示例）")
}
