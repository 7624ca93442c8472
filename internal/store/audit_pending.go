package store

import (
	"context"
	"database/sql"
)

// The lead's placeholders for users and tokens until the audit trail lands:
// the lead replaces these calls with the audit helpers. Do not use them.
func (s *Store) pendingAuditCreate(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	return nil
}
func (s *Store) pendingAuditUpdate(ctx context.Context, tx *sql.Tx, table string, id int64, before map[string]any) error {
	return nil
}
func (s *Store) pendingSnapshot(ctx context.Context, tx *sql.Tx, table string, id int64) (map[string]any, error) {
	return nil, nil
}
