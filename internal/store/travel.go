package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"zhenggai"
)

// Private travel documents (因私出国(境)证照). A ledger line (a person in
// scope) is the record; his documents, trips and the documents' moves are
// its detail (JSON), saved and logged with it.

const travelCols = `id, unit_id, COALESCE(person_id, 0), name, rank, scope_from, by_hand, registered_on, note, detail, sample,
	created_at, version, voided_at IS NOT NULL`

// travelDetail is what detail holds.
type travelDetail struct {
	Documents []zhenggai.TravelDocument `json:"documents"`
	Trips     []zhenggai.TravelTrip     `json:"trips"`
	Moves     []zhenggai.TravelMove     `json:"moves"`
}

func scanTravelPerson(sc interface{ Scan(...any) error }) (*zhenggai.TravelPerson, error) {
	var t zhenggai.TravelPerson
	var scope, reg, detail, created string
	var byHand, sample int
	if err := sc.Scan(&t.ID, &t.UnitID, &t.PersonID, &t.Name, &t.Rank, &scope, &byHand, &reg, &t.Note, &detail, &sample,
		&created, &t.Version, &t.Voided); err != nil {
		return nil, err
	}
	t.ScopeFrom, t.RegisteredOn, t.ByHand, t.Sample, t.CreatedAt = parseDate(scope), parseDate(reg), byHand != 0, sample != 0, parseTime(created)
	if err := decodeTravelDetail(t.ID, detail, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

func decodeTravelDetail(id int64, detail string, t *zhenggai.TravelPerson) error {
	if detail == "" {
		return nil
	}
	var d travelDetail
	if err := json.Unmarshal([]byte(detail), &d); err != nil {
		return fmt.Errorf("travel_persons %d: detail: %w", id, err)
	}
	t.Documents, t.Trips, t.Moves = d.Documents, d.Trips, d.Moves
	return nil
}

func encodeTravelDetail(t *zhenggai.TravelPerson) (string, error) {
	d := travelDetail{Documents: t.Documents, Trips: t.Trips, Moves: t.Moves}
	if d.Documents == nil {
		d.Documents = []zhenggai.TravelDocument{}
	}
	if d.Trips == nil {
		d.Trips = []zhenggai.TravelTrip{}
	}
	if d.Moves == nil {
		d.Moves = []zhenggai.TravelMove{}
	}
	b, err := json.Marshal(d)
	return string(b), err
}

// TravelPerson returns one ledger line (voided or not).
func (s *Store) TravelPerson(ctx context.Context, id int64) (*zhenggai.TravelPerson, error) {
	return s.travelPerson(ctx, s.rdb, id)
}

func (s *Store) travelPerson(ctx context.Context, db queryer, id int64) (*zhenggai.TravelPerson, error) {
	t, err := scanTravelPerson(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+travelCols+` FROM travel_persons WHERE id = ?`), id))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, notFound(err, "因私出国(境)登记备案人员")
		}
		return nil, err
	}
	return t, nil
}

// TravelPersons returns a unit's live ledger lines by name.
func (s *Store) TravelPersons(ctx context.Context, unitID int64) ([]*zhenggai.TravelPerson, error) {
	return s.travelPersons(ctx, s.rdb, unitID)
}

func (s *Store) travelPersons(ctx context.Context, db queryer, unitID int64) ([]*zhenggai.TravelPerson, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+travelCols+` FROM travel_persons WHERE unit_id = ? AND voided_at IS NULL
		ORDER BY scope_from, name, id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.TravelPerson
	for rows.Next() {
		t, err := scanTravelPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveTravelPerson enters a new ledger line (ID 0) or saves one at
// t.Version, with its documents, trips and moves.
func (s *Store) SaveTravelPerson(ctx context.Context, t *zhenggai.TravelPerson) error {
	version := t.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		t.Version = version
		return s.saveTravelPerson(ctx, tx, t, nil, "")
	})
}

func (s *Store) saveTravelPerson(ctx context.Context, tx *sql.Tx, t *zhenggai.TravelPerson, roster []*zhenggai.Person, where string) error {
	t.Normalize()
	if t.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	var prev *zhenggai.TravelPerson
	if t.ID != 0 {
		var err error
		if prev, err = s.travelPerson(ctx, tx, t.ID); err != nil || prev.UnitID != t.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "因私出国(境)登记备案人员不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该登记已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
	} else {
		prev = &zhenggai.TravelPerson{}
	}
	var err error
	if roster == nil {
		if roster, err = s.persons(ctx, tx, t.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	if err := t.Validate(); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	resolveOne(v, roster, "name", "姓名", &t.Name, &t.PersonID, prev.PersonID, prev.Name)
	// One live line a person.
	var other int64
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM travel_persons WHERE unit_id = ? AND (name = ? OR person_id = ?)
		AND voided_at IS NULL AND id <> ? LIMIT 1`), t.UnitID, t.Name, t.PersonID, t.ID).Scan(&other)
	switch {
	case err == nil:
		v.Add("name", "台账中已有“"+t.Name+"”，不能重复登记")
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	detail, err := encodeTravelDetail(t)
	if err != nil {
		return err
	}
	vals := []any{nullID(t.PersonID), t.Name, t.Rank, t.ScopeFrom.String(), boolInt(t.ByHand), t.RegisteredOn.String(), t.Note, detail, boolInt(t.Sample)}
	if t.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "travel_persons", `unit_id, person_id, name, rank, scope_from, by_hand, registered_on, note, detail, sample, created_at, version`,
			append(append([]any{t.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		t.ID, t.Version, t.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "travel_persons", t.ID, t.Version, `person_id = ?, name = ?, rank = ?, scope_from = ?, by_hand = ?,
		registered_on = ?, note = ?, detail = ?, sample = ?`, vals...); err != nil {
		return err
	}
	t.Version++
	return nil
}

// ImportTravel saves ledger lines read from a workbook in one transaction:
// all or none. A line of a name the ledger has replaces it (its documents,
// trips and moves those of the workbook). A dry run writes nothing.
func (s *Store) ImportTravel(ctx context.Context, unitID int64, ts []*zhenggai.TravelPerson, where []string, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		roster, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		if roster == nil {
			roster = []*zhenggai.Person{}
		}
		have, err := s.travelPersons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		byName := map[string]*zhenggai.TravelPerson{}
		for _, t := range have {
			byName[zhenggai.PersonKey(t.Name)] = t
		}
		all := &zhenggai.ValidationError{}
		for i, t := range ts {
			t.ID, t.Version, t.UnitID = 0, 0, unitID
			if old := byName[zhenggai.PersonKey(t.Name)]; old != nil {
				t.ID, t.Version, t.PersonID = old.ID, old.Version, old.PersonID
			}
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveTravelPerson(ctx, tx, t, roster, w)
			if ve, ok := err.(*zhenggai.ValidationError); ok {
				all.Fields = append(all.Fields, ve.Fields...)
				if len(all.Fields) > 200 {
					break
				}
				continue
			}
			if err != nil {
				return err
			}
		}
		if err := all.Err(); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}
