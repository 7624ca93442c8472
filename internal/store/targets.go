package store

import (
	"context"

	"zhenggai"
)

// targetQueries find, for a kind of record named in a route, the unit it
// belongs to and (for measures) its leader and owner.
var targetQueries = map[string]string{
	"round":       `SELECT unit_id, '', '' FROM rounds WHERE id = ?`,
	"category":    `SELECT unit_id, '', '' FROM categories WHERE id = ?`,
	"problem":     `SELECT unit_id, '', '' FROM problems WHERE id = ?`,
	"measure":     `SELECT unit_id, leader, owner FROM measures WHERE id = ?`,
	"progress":    `SELECT unit_id, '', '' FROM progress WHERE id = ?`,
	"attachment":  `SELECT unit_id, '', '' FROM attachments WHERE id = ?`,
	"unit":        `SELECT id, '', '' FROM units WHERE id = ?`,
	"user":        `SELECT unit_id, '', '' FROM users WHERE id = ?`,
	"publication": `SELECT unit_id, '', '' FROM publications WHERE id = ?`,
	"opinion":     `SELECT unit_id, '', '' FROM opinions WHERE id = ?`,
	"setting":     `SELECT unit_id, '', '' FROM settings WHERE id = ?`,
}

// Target returns what a permission is checked against for record id of
// the given kind; ENOTFOUND if there is no such record.
func (s *Store) Target(ctx context.Context, kind string, id int64) (zhenggai.Target, error) {
	q, ok := targetQueries[kind]
	if !ok {
		return zhenggai.Target{}, zhenggai.Errorf(zhenggai.ENOTFOUND, "记录不存在")
	}
	var t zhenggai.Target
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(q), id).Scan(&t.UnitID, &t.Leader, &t.Owner)
	if err != nil {
		return t, notFound(err, "记录")
	}
	if kind == "publication" {
		// Its review: the unit's setting names the reviewer, and the
		// drafter is never one.
		set, err := s.Settings(ctx, t.UnitID)
		if err != nil {
			return t, err
		}
		t.Reviewer = set.PublicationReviewer
		err = s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT drafter_id FROM publications WHERE id = ?`), id).Scan(&t.DrafterID)
		return t, err
	}
	return t, nil
}
