package store

import (
	"context"
	"database/sql"
	"strings"

	"zhenggai"
)

const personCols = `id, unit_id, name, kind, rank, party, phone, note, created_at, version, voided_at IS NOT NULL`

func scanPerson(sc interface{ Scan(...any) error }) (*zhenggai.Person, error) {
	var p zhenggai.Person
	var kind, created string
	if err := sc.Scan(&p.ID, &p.UnitID, &p.Name, &kind, &p.Rank, &p.Party, &p.Phone, &p.Note, &created, &p.Version, &p.Voided); err != nil {
		return nil, err
	}
	p.Kind, p.CreatedAt = zhenggai.PersonKind(kind), parseTime(created)
	return &p, nil
}

// Persons lists the roster of a unit (人员名册): its live persons, by kind
// as forms offer them, then in the order they were entered.
func (s *Store) Persons(ctx context.Context, unitID int64) ([]*zhenggai.Person, error) {
	return s.persons(ctx, s.rdb, unitID)
}

func (s *Store) persons(ctx context.Context, db queryer, unitID int64) ([]*zhenggai.Person, error) {
	order := `CASE kind`
	for i, k := range zhenggai.PersonKinds {
		order += ` WHEN '` + string(k) + `' THEN ` + string(rune('0'+i))
	}
	order += ` ELSE 9 END, id`
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+personCols+` FROM persons
		WHERE unit_id = ? AND voided_at IS NULL ORDER BY `+order), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// UserPersonName is the roster name of the person a user's account is,
// in his own unit; "" when it is none (no person linked, voided, or of
// another unit): what a form or a request "for himself" names.
func (s *Store) UserPersonName(ctx context.Context, u *zhenggai.User) (string, error) {
	if u == nil || u.PersonID == 0 {
		return "", nil
	}
	p, err := s.Person(ctx, u.PersonID)
	if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if p.UnitID != u.UnitID || p.Voided {
		return "", nil
	}
	return p.Name, nil
}

// Person returns one person, voided or not.
func (s *Store) Person(ctx context.Context, id int64) (*zhenggai.Person, error) {
	p, err := scanPerson(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+personCols+` FROM persons WHERE id = ?`), id))
	return p, notFound(err, "人员")
}

// SavePerson enters a new person (ID 0) or saves the changes to one at
// p.Version. Two persons may share a name: the ledger's name then asks
// which one is meant (ResolvePerson).
func (s *Store) SavePerson(ctx context.Context, p *zhenggai.Person) error {
	p.Name = strings.TrimSpace(p.Name)
	p.Rank, p.Party, p.Phone, p.Note = strings.TrimSpace(p.Rank), strings.TrimSpace(p.Party), strings.TrimSpace(p.Phone), strings.TrimSpace(p.Note)
	if err := p.Validate(); err != nil {
		return err
	}
	version := p.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		if p.ID == 0 {
			now := s.stamp()
			id, err := s.insertRow(ctx, tx, "persons", `unit_id, name, kind, rank, party, phone, note, created_at, version`,
				p.UnitID, p.Name, string(p.Kind), p.Rank, p.Party, p.Phone, p.Note, now, 1)
			if s.d.foreignKeyViolation(err) {
				v := &zhenggai.ValidationError{}
				v.Add("unit_id", "所属单位不存在")
				return v
			}
			if err != nil {
				return err
			}
			p.ID, p.Version, p.CreatedAt = id, 1, parseTime(now)
			return nil
		}
		// A person stays in his unit: his records are the unit's. A voided
		// one is restored first, then changed.
		var unit int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM persons WHERE id = ? AND voided_at IS NULL`), p.ID).Scan(&unit)
		if err != nil {
			return notFound(err, "人员")
		}
		if unit != p.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "人员不存在")
		}
		err = s.updateRow(ctx, tx, "persons", p.ID, version, `name = ?, kind = ?, rank = ?, party = ?, phone = ?, note = ?`,
			p.Name, string(p.Kind), p.Rank, p.Party, p.Phone, p.Note)
		if err != nil {
			return err
		}
		p.Version = version + 1
		return nil
	})
}

// nullID is a person's id as a nullable column holds it: NULL for none.
func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// resolveMeasurePersons sets m.LeaderID and m.OwnerID from the unit's
// roster. prev holds the stored measure's ids and names (nil for a new
// one): a name left as it was keeps its person, even one renamed in the
// roster since (“李华” become “李华（办公室）” to tell him from another).
// An id chosen is kept if its person bears the name (or the name is
// empty: it becomes his). Otherwise the name decides: one person, or
// none (the name stays a name); two who bear it are asked about.
func (s *Store) resolveMeasurePersons(ctx context.Context, tx *sql.Tx, m *zhenggai.Measure, prev *zhenggai.Measure) error {
	if prev == nil {
		prev = &zhenggai.Measure{}
	}
	if strings.TrimSpace(m.Leader) == "" && strings.TrimSpace(m.Owner) == "" && m.LeaderID <= 0 && m.OwnerID <= 0 {
		m.LeaderID, m.OwnerID = 0, 0
		return nil
	}
	roster, err := s.persons(ctx, tx, m.UnitID)
	if err != nil {
		return err
	}
	v := &zhenggai.ValidationError{}
	resolveOne(v, roster, "leader", "责任领导", &m.Leader, &m.LeaderID, prev.LeaderID, prev.Leader)
	resolveOne(v, roster, "owner", "责任人", &m.Owner, &m.OwnerID, prev.OwnerID, prev.Owner)
	return v.Err()
}

func resolveOne(v *zhenggai.ValidationError, roster []*zhenggai.Person, field, label string, name *string, id *int64, prevID int64, prevName string) {
	find := func(id int64) *zhenggai.Person {
		for _, x := range roster {
			if x.ID == id {
				return x
			}
		}
		return nil
	}
	if *id > 0 && *id != prevID {
		p := find(*id)
		switch {
		case p == nil:
			v.Add(field, label+"不是本单位人员名册中的人员")
			return
		case strings.TrimSpace(*name) == "":
			*name = p.Name
			return
		case zhenggai.PersonKey(*name) == zhenggai.PersonKey(p.Name):
			return
		}
		// The name typed differs from the person chosen: it decides.
	}
	if prevID > 0 && zhenggai.PersonKey(*name) == zhenggai.PersonKey(prevName) && find(prevID) != nil {
		*id = prevID
		return
	}
	*id = 0
	p, candidates := zhenggai.ResolvePerson(roster, *name)
	if p != nil {
		*id = p.ID
		return
	}
	if len(candidates) > 1 {
		v.Add(field, zhenggai.ErrSameName(*name))
	}
}

// backfillPersons (migration 18) enters the names in use in the rosters
// (enterNamesInUse) as made by the migration.
func (s *Store) backfillPersons(ctx context.Context, tx *sql.Tx) error {
	return s.enterNamesInUse(zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:migrate", Via: "cli"}), tx)
}

// EnterNamesInUse enters in each unit's roster the names its ledger and
// its accounts use and the roster lacks, and links the measures and
// accounts not yet linked (the demo, after loading its ledger).
func (s *Store) EnterNamesInUse(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.enterNamesInUse(ctx, tx) })
}

// enterNamesInUse enters in each unit's roster the names its ledger and
// its accounts use that none of its persons bears: the leaders (责任领导,
// leader accounts) as 领导班子成员, the others as 干部职工; then links the
// measures and the accounts not yet linked. A cell naming several persons
// (“王明、李华”) enters each of them but links none.
func (s *Store) enterNamesInUse(ctx context.Context, tx *sql.Tx) error {
	type name struct {
		unit   int64
		name   string
		leader bool
	}
	var names []name
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT unit_id, leader, 1, 0, id FROM measures WHERE voided_at IS NULL
		UNION ALL SELECT unit_id, owner, 0, 1, id FROM measures WHERE voided_at IS NULL
		UNION ALL SELECT unit_id, display_name, CASE WHEN role = ? THEN 1 ELSE 0 END, 2, id FROM users WHERE role IN (?, ?)
		ORDER BY 1, 4, 5`), string(zhenggai.RoleLeader), string(zhenggai.RoleLeader), string(zhenggai.RoleResponsible))
	if err != nil {
		return err
	}
	for rows.Next() {
		var n name
		var src, id int64
		if err := rows.Scan(&n.unit, &n.name, &n.leader, &src, &id); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Leaders first, so that a name both leads and owns enters as a leader.
	type key struct {
		unit int64
		key  string
	}
	kinds := map[key]zhenggai.PersonKind{}
	var order []key
	spelled := map[key]string{}
	for _, n := range names {
		for _, part := range strings.FieldsFunc(n.name, func(r rune) bool { return strings.ContainsRune("、，,；;/／", r) }) {
			clean, _ := zhenggai.StripInvisible(part)
			clean = strings.TrimSpace(clean)
			k := key{n.unit, zhenggai.PersonKey(clean)}
			if k.key == "" {
				continue
			}
			if _, ok := kinds[k]; !ok {
				order = append(order, k)
				spelled[k] = clean
				kinds[k] = zhenggai.PersonStaff
			}
			if len(clean) < len(spelled[k]) {
				spelled[k] = clean // “王明” rather than the aligned “王　明”
			}
			if n.leader {
				kinds[k] = zhenggai.PersonLeader
			}
		}
	}
	now := s.stamp()
	onRoster := map[key]bool{}
	seen := map[int64]bool{}
	for _, k := range order {
		if !seen[k.unit] {
			seen[k.unit] = true
			have, err := s.persons(ctx, tx, k.unit)
			if err != nil {
				return err
			}
			for _, p := range have {
				onRoster[key{k.unit, zhenggai.PersonKey(p.Name)}] = true
			}
		}
		if onRoster[k] {
			continue
		}
		p := &zhenggai.Person{UnitID: k.unit, Name: spelled[k], Kind: kinds[k]}
		if p.Validate() != nil {
			continue // too long, or odd: left for the office to enter
		}
		if _, err := s.insertRow(ctx, tx, "persons", `unit_id, name, kind, rank, party, phone, note, created_at, version`,
			p.UnitID, p.Name, string(p.Kind), "", "", "", "", now, 1); err != nil {
			return err
		}
	}
	return s.linkPersons(ctx, tx)
}

// linkPersons links the live measures and the leaders' and owners'
// accounts not yet linked to the persons their names find, where one does.
func (s *Store) linkPersons(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id, unit          int64
		leader, owner     string
		leaderID, ownerID int64
	}
	collect := func(q string, args ...any) ([]row, error) {
		rows, err := tx.QueryContext(ctx, s.d.rebind(q), args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.unit, &r.leader, &r.owner, &r.leaderID, &r.ownerID); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rows.Err()
	}
	measures, err := collect(`SELECT id, unit_id, leader, owner, COALESCE(leader_id, 0), COALESCE(owner_id, 0)
		FROM measures WHERE voided_at IS NULL AND (leader_id IS NULL OR owner_id IS NULL) ORDER BY id`)
	if err != nil {
		return err
	}
	users, err := collect(`SELECT id, unit_id, display_name, '', 0, 0 FROM users WHERE role IN (?, ?) AND person_id IS NULL ORDER BY id`,
		string(zhenggai.RoleLeader), string(zhenggai.RoleResponsible))
	if err != nil {
		return err
	}
	rosters := map[int64][]*zhenggai.Person{}
	roster := func(unit int64) ([]*zhenggai.Person, error) {
		if r, ok := rosters[unit]; ok {
			return r, nil
		}
		r, err := s.persons(ctx, tx, unit)
		rosters[unit] = r
		return r, err
	}
	id := func(persons []*zhenggai.Person, name string) int64 {
		if p, _ := zhenggai.ResolvePerson(persons, name); p != nil {
			return p.ID
		}
		return 0
	}
	for _, m := range measures {
		r, err := roster(m.unit)
		if err != nil {
			return err
		}
		leader, owner := m.leaderID, m.ownerID
		if leader == 0 {
			leader = id(r, m.leader)
		}
		if owner == 0 {
			owner = id(r, m.owner)
		}
		if leader == m.leaderID && owner == m.ownerID {
			continue
		}
		if err := s.updateRow(ctx, tx, "measures", m.id, anyVersion, `leader_id = ?, owner_id = ?`, nullID(leader), nullID(owner)); err != nil {
			return err
		}
	}
	for _, u := range users {
		r, err := roster(u.unit)
		if err != nil {
			return err
		}
		if p := id(r, u.leader); p != 0 {
			if err := s.updateRow(ctx, tx, "users", u.id, anyVersion, `person_id = ?`, p); err != nil {
				return err
			}
		}
	}
	return nil
}
