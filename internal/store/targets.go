package store

import (
	"context"

	"zhenggai"
)

// Target returns what a permission is checked against for record id of
// the given kind (Table.Kind); ENOTFOUND if there is no such record.
func (s *Store) Target(ctx context.Context, kind string, id int64) (zhenggai.Target, error) {
	t := tableByKind[kind]
	if t == nil || t.Unit == "" {
		return zhenggai.Target{}, zhenggai.Errorf(zhenggai.ENOTFOUND, "记录不存在")
	}
	var tg zhenggai.Target
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(t.Unit), id).Scan(&tg.UnitID, &tg.Leader, &tg.Owner)
	if err != nil {
		return tg, notFound(err, "记录")
	}
	switch kind {
	case "opinion":
		// Its assignee reads and answers it (zhenggai.PermOpinionRead).
		err = s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COALESCE(assignee_id, 0) FROM opinions WHERE id = ?`), id).Scan(&tg.Assignee)
	case "publication":
		// Its review: the unit's setting names the reviewer, and the
		// drafter is never one.
		set, serr := s.Settings(ctx, tg.UnitID)
		if serr != nil {
			return tg, serr
		}
		tg.Reviewer = set.PublicationReviewer
		err = s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT drafter_id FROM publications WHERE id = ?`), id).Scan(&tg.DrafterID)
	case "leave":
		// Its applicant acts on it for himself (zhenggai.PermLeave); never
		// nil, which would read as a new request.
		var person int64
		err = s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COALESCE(person_id, 0) FROM leaves WHERE id = ?`), id).Scan(&person)
		tg.Persons = []int64{}
		if person != 0 {
			tg.Persons = []int64{person}
		}
	}
	return tg, notFound(err, "记录")
}
