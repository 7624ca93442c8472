package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

// The bulk writer's part of Registers (III), issue 16: the private travel
// ledger's lines (documents, trips and moves in their detail) and the
// retired cadres' posts, each row audited as read back.

func (b *BulkRegisters) validateTravel() error {
	for i := range b.TravelPersons {
		t := b.TravelPersons[i]
		t.UnitID = b.UnitID
		t.Normalize()
		if err := t.Validate(); err != nil {
			return zhenggai.Errorf(zhenggai.EINVALID, "因私出国(境)台账第%d行：%v", i+1, err)
		}
	}
	for i := range b.RetiredPosts {
		p := b.RetiredPosts[i]
		p.UnitID = b.UnitID
		p.Normalize()
		if err := p.Validate(); err != nil {
			return zhenggai.Errorf(zhenggai.EINVALID, "退休干部兼职(返聘)第%d条：%v", i+1, err)
		}
	}
	return nil
}

func (s *Store) bulkTravel(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	unit, now := b.UnitID, s.stamp()
	var rows [][]any
	for i := range b.TravelPersons {
		t := &b.TravelPersons[i]
		t.Normalize()
		t.UnitID, t.Version, t.PersonID = unit, 1, max(ids[t.Name], 0)
		detail, err := encodeTravelDetail(t)
		if err != nil {
			return err
		}
		rows = append(rows, []any{unit, personID(ids, t.Name), t.Name, t.Rank, t.ScopeFrom.String(), boolInt(t.ByHand), t.RegisteredOn.String(),
			t.Note, detail, boolInt(t.Sample), now, 1})
	}
	tids, err := s.bulkAudited(ctx, tx, unit, "travel_persons", []string{"unit_id", "person_id", "name", "rank", "scope_from", "by_hand",
		"registered_on", "note", "detail", "sample", "created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	for i := range b.TravelPersons {
		b.TravelPersons[i].ID = tids[i]
	}
	rows = nil
	for i := range b.RetiredPosts {
		p := &b.RetiredPosts[i]
		p.Normalize()
		p.UnitID, p.Version, p.PersonID = unit, 1, max(ids[p.Name], 0)
		rows = append(rows, []any{unit, personID(ids, p.Name), p.Name, p.Born.String(), p.FormerRank, p.RetiredOn.String(), p.Org, p.Post,
			string(p.Kind), p.ApprovedBy, p.ApprovedOn.String(), p.FiledOn.String(), p.FilingNo, p.From.String(), p.To.String(), p.Term,
			int64(p.Pay), p.Note, boolInt(p.Sample), now, 1})
	}
	pids, err := s.bulkAudited(ctx, tx, unit, "retired_posts", []string{"unit_id", "person_id", "name", "born", "former_rank", "retired_on",
		"org", "post", "kind", "approved_by", "approved_on", "filed_on", "filing_no", "from_date", "to_date", "term", "pay", "note", "sample",
		"created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	for i := range b.RetiredPosts {
		b.RetiredPosts[i].ID = pids[i]
	}
	return nil
}
