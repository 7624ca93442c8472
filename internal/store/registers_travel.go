package store

import (
	"context"
	"database/sql"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// The self-inspection's loader of the travel ledger and the retired
// cadres' posts (issue 16): read whole, the rules bound them by period.

func (pl *regPlan) travelRosterQ() (string, []any) {
	return `SELECT id, name, kind, rank FROM persons WHERE unit_id = ? AND voided_at IS NULL ORDER BY id`, []any{pl.unitID}
}

func (pl *regPlan) travelQ() (string, []any) {
	return `SELECT ` + travelCols + ` FROM travel_persons WHERE unit_id = ? AND voided_at IS NULL ORDER BY scope_from, name, id`, []any{pl.unitID}
}

func (pl *regPlan) retiredQ() (string, []any) {
	return `SELECT ` + retiredCols + ` FROM retired_posts WHERE unit_id = ? AND voided_at IS NULL ORDER BY name, from_date, id`, []any{pl.unitID}
}

func (s *Store) loadTravel(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	err := s.eachRow(ctx, pl.travelRosterQ, func(rows *sql.Rows) error {
		var p zhenggai.Person
		var kind string
		if err := rows.Scan(&p.ID, &p.Name, &kind, &p.Rank); err != nil {
			return err
		}
		p.UnitID, p.Kind = pl.unitID, zhenggai.PersonKind(kind)
		r.TravelRoster = append(r.TravelRoster, p)
		return nil
	})
	if err != nil {
		return err
	}
	return s.eachRow(ctx, pl.travelQ, func(rows *sql.Rows) error {
		t, err := scanTravelPerson(rows)
		if err != nil {
			return err
		}
		r.TravelPersons = append(r.TravelPersons, *t)
		return nil
	})
}

func (s *Store) loadRetiredPosts(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	return s.eachRow(ctx, pl.retiredQ, func(rows *sql.Rows) error {
		p, err := scanRetiredPost(rows)
		if err != nil {
			return err
		}
		r.RetiredPosts = append(r.RetiredPosts, *p)
		return nil
	})
}
