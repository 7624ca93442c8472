package store

import (
	"context"
	"database/sql"
	"fmt"

	"zhenggai"
)

// bulkAttendance writes the sample sign-ins as one audited import (as
// ImportSignIns does) and the leave requests as audited rows. Every name
// must be a person of the roster.
func (s *Store) bulkAttendance(ctx context.Context, tx *sql.Tx, b *BulkRegisters, ids map[string]int64) error {
	unit, now := b.UnitID, s.stamp()
	person := func(name string) (int64, error) {
		if id := ids[name]; id > 0 {
			return id, nil
		}
		return 0, fmt.Errorf("bulk: %q of the attendance is not on the roster", name)
	}
	if len(b.SignIns) > 0 {
		lo, hi := b.SignIns[0].On, b.SignIns[0].On
		who := map[string]bool{}
		for _, g := range b.SignIns {
			if g.On.Before(lo) {
				lo = g.On
			}
			if hi.Before(g.On) {
				hi = g.On
			}
			who[g.Name] = true
		}
		name := b.SignInImportName
		if name == "" {
			name = "考勤记录（示例）.xlsx"
		}
		imp, err := s.insertRow(ctx, tx, "sign_in_imports", `unit_id, file_name, sha256, source, date_from, date_to, persons, sign_ins,
			replaced, imported_by, created_at`, unit, name, "", "考勤机", lo.String(), hi.String(), len(who), len(b.SignIns), 0,
			zhenggai.ActorFrom(ctx).Name, now)
		if err != nil {
			return err
		}
		ins := s.newBatch(ctx, tx, "sign_ins", "unit_id", "import_id", "person_id", "name", "on_date", "first_in", "last_out", "source", "sample")
		for i := range b.SignIns {
			g := &b.SignIns[i]
			id, err := person(g.Name)
			if err != nil {
				return err
			}
			g.UnitID, g.PersonID, g.ImportID = unit, id, imp
			if err := ins.add(unit, imp, id, g.Name, g.On.String(), g.FirstIn, g.LastOut, g.Source, boolInt(g.Sample)); err != nil {
				return err
			}
		}
		if err := ins.flush(); err != nil {
			return err
		}
	}
	var rows [][]any
	for i := range b.Leaves {
		l := &b.Leaves[i]
		id, err := person(l.Name)
		if err != nil {
			return err
		}
		l.UnitID, l.PersonID, l.Version = unit, id, 1
		rows = append(rows, []any{unit, id, l.Name, string(l.Kind), l.From.String(), l.To.String(), l.Reason, l.ApprovedBy,
			l.ApprovedOn.String(), l.ExpectedReturn.String(), l.ReturnedOn.String(), boolInt(l.Sample), now, 1})
	}
	lids, err := s.bulkAudited(ctx, tx, unit, "leaves", []string{"unit_id", "person_id", "name", "kind", "from_date", "to_date", "reason",
		"approved_by", "approved_on", "expected_return", "returned_on", "sample", "created_at", "version"}, rows, nil)
	if err != nil {
		return err
	}
	for i := range b.Leaves {
		b.Leaves[i].ID = lids[i]
	}
	return ctx.Err()
}
