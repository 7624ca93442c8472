package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"zhenggai"
)

// EnsureUnit returns the unit of that name, creating it if needed.
func (s *Store) EnsureUnit(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		id, err = s.ensureUnit(ctx, tx, name)
		return err
	})
	return id, err
}

func (s *Store) ensureUnit(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, zhenggai.Errorf(zhenggai.EINVALID, "单位名称不能为空")
	}
	units, err := s.units(ctx, tx)
	if err != nil {
		return 0, err
	}
	if u := zhenggai.FindUnit(units, name); u != nil {
		return u.ID, nil
	}
	return s.insertUnit(ctx, tx, &zhenggai.Unit{Name: name})
}

// insertUnit saves a new unit and logs it.
func (s *Store) insertUnit(ctx context.Context, tx *sql.Tx, u *zhenggai.Unit) (int64, error) {
	var parent any
	if u.ParentID != 0 {
		parent = u.ParentID
	}
	return s.insertRow(ctx, tx, "units", `parent_id, name, full_name, aliases, created_at`, parent, u.Name, u.FullName,
		joinAliases(u.Aliases), s.stamp())
}

// placeUnit returns the unit of a new round: the one p names (given its
// alias), a new one under p.ParentID, or, without p, the one of that name.
func (s *Store) placeUnit(ctx context.Context, tx *sql.Tx, name string, p *zhenggai.UnitPlace) (int64, error) {
	switch {
	case p == nil:
		return s.ensureUnit(ctx, tx, name)
	case p.UnitID == 0:
		if strings.TrimSpace(name) == "" {
			return 0, zhenggai.Errorf(zhenggai.EINVALID, "单位名称不能为空")
		}
		units, err := s.units(ctx, tx)
		if err != nil {
			return 0, err
		}
		if u := zhenggai.FindUnit(units, name); u != nil {
			return u.ID, nil // registered meanwhile
		}
		return s.insertUnit(ctx, tx, &zhenggai.Unit{Name: strings.TrimSpace(name), ParentID: p.ParentID})
	case p.Alias != "":
		return p.UnitID, s.addAlias(ctx, tx, p.UnitID, p.Alias)
	}
	return p.UnitID, nil
}

// AddUnitAlias records one more name of a unit (nothing when it already
// answers to it); a name another unit answers to is refused.
func (s *Store) AddUnitAlias(ctx context.Context, unitID int64, alias string) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.addAlias(ctx, tx, unitID, alias) })
}

func (s *Store) addAlias(ctx context.Context, tx *sql.Tx, unitID int64, alias string) error {
	alias = strings.TrimSpace(alias)
	units, err := s.units(ctx, tx)
	if err != nil {
		return err
	}
	if u := zhenggai.FindUnit(units, alias); u != nil {
		if u.ID == unitID {
			return nil
		}
		v := &zhenggai.ValidationError{}
		v.Add("aliases", "“"+alias+"”已是另一单位（"+u.Name+"）的名称")
		return v
	}
	var u *zhenggai.Unit
	for i := range units {
		if units[i].ID == unitID {
			u = &units[i]
		}
	}
	if u == nil {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在")
	}
	u.Aliases = append(u.Aliases, alias)
	if err := u.Validate(); err != nil {
		return err
	}
	before, err := s.snapshot(ctx, tx, "units", unitID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE units SET aliases = ? WHERE id = ?`), joinAliases(u.Aliases), unitID); err != nil {
		return err
	}
	return s.audit(ctx, tx, auditUpdate, "units", unitID, before)
}

func joinAliases(a []string) string { return strings.Join(a, "\n") }

func splitAliases(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

const unitCols = `id, COALESCE(parent_id, 0), name, full_name, aliases`

func scanUnit(sc interface{ Scan(...any) error }, u *zhenggai.Unit) error {
	var aliases string
	if err := sc.Scan(&u.ID, &u.ParentID, &u.Name, &u.FullName, &aliases); err != nil {
		return err
	}
	u.Aliases = splitAliases(aliases)
	return nil
}

// units reads every unit with its names (a county has dozens, not more).
func (s *Store) units(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]zhenggai.Unit, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+unitCols+` FROM units ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.Unit
	for rows.Next() {
		var u zhenggai.Unit
		if err := scanUnit(rows, &u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Units lists every unit, with its full name and aliases.
func (s *Store) Units(ctx context.Context) ([]zhenggai.Unit, error) { return s.units(ctx, s.rdb) }

// UnitNamed returns the unit that answers to name (short, full, alias or
// one of their usual forms), ENOTFOUND when none does.
func (s *Store) UnitNamed(ctx context.Context, name string) (*zhenggai.Unit, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	if u := zhenggai.FindUnit(units, name); u != nil {
		return u, nil
	}
	return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有名为“%s”的单位", strings.TrimSpace(name))
}

// Unit returns one unit.
func (s *Store) Unit(ctx context.Context, id int64) (*zhenggai.Unit, error) {
	var u zhenggai.Unit
	err := scanUnit(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+unitCols+` FROM units WHERE id = ?`), id), &u)
	if err != nil {
		return nil, notFound(err, "单位")
	}
	return &u, nil
}

// UnitsUnder is the set of units an office sees: itself and every unit
// below it, at any depth, in one query. (UNION, not UNION ALL: a parent
// loop, which SaveUnit refuses but a database edited by hand may hold,
// ends the walk instead of running forever.)
func (s *Store) UnitsUnder(ctx context.Context, office int64) (map[int64]bool, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
		UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub`), office)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// SaveUnit creates a unit (ID 0) or renames and moves one. A unit cannot
// be placed under itself or under one of its own units.
func (s *Store) SaveUnit(ctx context.Context, u *zhenggai.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	isNew := u.ID == 0 // fn may run twice (Store.write), and sets u.ID
	return s.write(ctx, func(tx *sql.Tx) error {
		var parent any
		if u.ParentID != 0 {
			parent = u.ParentID
			// Walk up from the new parent: meeting u means a cycle.
			for p, depth := u.ParentID, 0; p != 0; depth++ {
				if p == u.ID || depth > 64 {
					v := &zhenggai.ValidationError{}
					v.Add("parent_id", "不能把单位放在它自己或它的下级单位之下")
					return v
				}
				var next sql.NullInt64
				if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT parent_id FROM units WHERE id = ?`), p).Scan(&next); err != nil {
					if errors.Is(err, sql.ErrNoRows) {
						v := &zhenggai.ValidationError{}
						v.Add("parent_id", "上级单位不存在")
						return v
					}
					return err
				}
				p = next.Int64
			}
		}
		// No name of u may be one another unit answers to.
		units, err := s.units(ctx, tx)
		if err != nil {
			return err
		}
		for _, n := range u.Names() {
			if o := zhenggai.FindUnit(units, n); o != nil && o.ID != u.ID {
				v := &zhenggai.ValidationError{}
				if o.Name == n {
					v.Add(unitNameField(u, n), "已有同名单位“"+n+"”")
				} else {
					v.Add(unitNameField(u, n), "“"+n+"”已是另一单位（"+o.Name+"）的名称")
				}
				return v
			}
		}
		if isNew {
			u.ID, err = s.insertRow(ctx, tx, "units", `parent_id, name, full_name, aliases, created_at`, parent, u.Name, u.FullName,
				joinAliases(u.Aliases), s.stamp())
			return err
		}
		return s.updateRow(ctx, tx, "units", u.ID, anyVersion, `parent_id = ?, name = ?, full_name = ?, aliases = ?`,
			parent, u.Name, u.FullName, joinAliases(u.Aliases))
	})
}

// unitNameField is the form field that holds name.
func unitNameField(u *zhenggai.Unit, name string) string {
	switch name {
	case u.Name:
		return "name"
	case u.FullName:
		return "full_name"
	}
	return "aliases"
}

// PlaceRound is zhenggai.PlaceRound over the stored units: where a new
// round named name (in a report signed by signedBy) goes for u, or the
// question to ask him.
func (s *Store) PlaceRound(ctx context.Context, u *zhenggai.User, name, signedBy string, c zhenggai.UnitChoice) (*zhenggai.UnitPlace, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	p, err := zhenggai.PlaceRound(u, units, name, signedBy, c)
	if err != nil {
		return nil, err
	}
	return &p, nil
}
