package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"zhenggai"
)

// CPPCC members (政协委员) by term and their activities. What a member did
// is counted from the registers where it is kept: attendance from the
// meetings register (meeting_attendance by person), proposals from
// proposal_signers, suggestions by member; each count is one grouped
// query for a whole term, never a query per member.

const memberCols = `c.id, c.unit_id, COALESCE(c.person_id, 0), c.name, c.term, c.sector, c.committee, c.standing, c.status,
	c.joined_on, c.left_on, c.township, COALESCE(p.phone, ''), c.sample, c.created_at, c.version, c.voided_at IS NOT NULL`

const memberFrom = ` FROM cppcc_members c LEFT JOIN persons p ON p.id = c.person_id `

func scanMember(sc interface{ Scan(...any) error }) (*zhenggai.CPPCCMember, error) {
	var m zhenggai.CPPCCMember
	var status, joined, left, created string
	if err := sc.Scan(&m.ID, &m.UnitID, &m.PersonID, &m.Name, &m.Term, &m.Sector, &m.Committee, &m.Standing, &status,
		&joined, &left, &m.Township, &m.Phone, &m.Sample, &created, &m.Version, &m.Voided); err != nil {
		return nil, err
	}
	m.Status, m.JoinedOn, m.LeftOn, m.CreatedAt = zhenggai.MemberStatus(status), parseDate(joined), parseDate(left), parseTime(created)
	return &m, nil
}

// MemberRules reads the unit's members settings with their defaults.
func (s *Store) MemberRules(ctx context.Context, unitID int64) (zhenggai.MemberRules, error) {
	set, err := s.NamedSettings(ctx, unitID, "members.")
	if err != nil {
		return zhenggai.MemberRules{}, err
	}
	return zhenggai.MemberRulesFrom(set)
}

// SaveMemberSettings checks and stores the members settings (those of
// zhenggai.MemberSettingKeys given); an empty value returns one to its default.
func (s *Store) SaveMemberSettings(ctx context.Context, unitID int64, values map[string]string) error {
	keep := map[string]string{}
	for _, k := range zhenggai.MemberSettingKeys {
		if v, ok := values[k]; ok {
			keep[k] = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
		}
	}
	if _, err := zhenggai.MemberRulesFrom(keep); err != nil {
		return err
	}
	return s.SaveNamedSettings(ctx, unitID, keep)
}

// MemberTerms lists the terms of a unit's live members, the latest entered first.
func (s *Store) MemberTerms(ctx context.Context, unitID int64) ([]string, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT term FROM cppcc_members WHERE unit_id = ? AND voided_at IS NULL
		GROUP BY term ORDER BY MAX(id) DESC`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CPPCCMembers lists a unit's members of a term ("" every term), live
// ones, or with voided the voided ones too, by name's entry order.
func (s *Store) CPPCCMembers(ctx context.Context, unitID int64, term string, voided bool) ([]*zhenggai.CPPCCMember, error) {
	return s.cppccMembers(ctx, s.rdb, unitID, term, voided)
}

func (s *Store) cppccMembers(ctx context.Context, db queryer, unitID int64, term string, voided bool) ([]*zhenggai.CPPCCMember, error) {
	q := `SELECT ` + memberCols + memberFrom + `WHERE c.unit_id = ?`
	args := []any{unitID}
	if term != "" {
		q += ` AND c.term = ?`
		args = append(args, term)
	}
	if !voided {
		q += ` AND c.voided_at IS NULL`
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(q+` ORDER BY c.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.CPPCCMember
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CPPCCMember returns one member, voided or not, with his roster phone.
func (s *Store) CPPCCMember(ctx context.Context, id int64) (*zhenggai.CPPCCMember, error) {
	m, err := scanMember(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+memberCols+memberFrom+`WHERE c.id = ?`), id))
	return m, notFound(err, "政协委员")
}

// MembersOfPerson lists the live member records of a person, the latest first (a member's own account).
func (s *Store) MembersOfPerson(ctx context.Context, personID int64) ([]*zhenggai.CPPCCMember, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+memberCols+memberFrom+`WHERE c.person_id = ? AND c.voided_at IS NULL
		ORDER BY c.id DESC`), personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.CPPCCMember
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SaveCPPCCMember enters a member (ID 0) or saves the changes to one at
// m.Version. He is a person of the roster: the one chosen (PersonID) if
// he bears the name, else the 政协委员 of that name, else the one person
// of that name of another kind; when nobody bears it, newPerson enters him
// in the roster as 政协委员 (with phone), else the name is refused. One
// member per person and term.
func (s *Store) SaveCPPCCMember(ctx context.Context, m *zhenggai.CPPCCMember, newPerson bool, phone string) error {
	version, person := m.Version, m.PersonID // fn may run twice
	return s.write(ctx, func(tx *sql.Tx) error {
		m.Version, m.PersonID = version, person
		return s.saveCPPCCMember(ctx, tx, m, nil, newPerson, phone, "")
	})
}

func (s *Store) saveCPPCCMember(ctx context.Context, tx *sql.Tx, m *zhenggai.CPPCCMember, roster []*zhenggai.Person, newPerson bool, phone, where string) error {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return prefixed(err.(*zhenggai.ValidationError), where)
	}
	if m.ID != 0 {
		var unit int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM cppcc_members WHERE id = ?`), m.ID).Scan(&unit); err != nil || unit != m.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "政协委员不存在")
		}
	}
	if roster == nil {
		var err error
		if roster, err = s.persons(ctx, tx, m.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	chosen := int64(0)
	for _, p := range roster {
		if p.ID == m.PersonID && zhenggai.PersonKey(p.Name) == zhenggai.PersonKey(m.Name) {
			chosen = p.ID
		}
	}
	if chosen == 0 {
		// The roster's 政协委员 first; else the one person of the name of
		// another kind (the chairman is a leader and sits as a member):
		// never a second person of a name, which would make every other
		// register's name ambiguous.
		p, cands := zhenggai.ResolvePerson(cppccOnly(roster), m.Name)
		if p == nil && len(cands) == 0 {
			p, cands = zhenggai.ResolvePerson(roster, m.Name)
		}
		switch {
		case p != nil:
			chosen = p.ID
		case len(cands) > 1:
			v.Add("name", zhenggai.ErrSameName(m.Name))
		case !newPerson:
			v.Add("name", "人员名册中没有“"+m.Name+"”：请先在人员名册中登记（人员类别选“政协委员”），或选择“在人员名册中新建”")
		default:
			np := &zhenggai.Person{UnitID: m.UnitID, Name: m.Name, Kind: zhenggai.PersonCPPCC, Phone: strings.TrimSpace(phone)}
			if err := np.Validate(); err != nil {
				return prefixed(err.(*zhenggai.ValidationError), where)
			}
			id, err := s.insertRow(ctx, tx, "persons", `unit_id, name, kind, rank, party, phone, note, created_at, version`,
				np.UnitID, np.Name, string(np.Kind), "", "", np.Phone, "", s.stamp(), 1)
			if s.d.foreignKeyViolation(err) {
				v.Add("unit_id", "所属单位不存在")
				return prefixed(v, where)
			}
			if err != nil {
				return err
			}
			chosen = id
		}
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	var other int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM cppcc_members WHERE unit_id = ? AND term = ? AND person_id = ?
		AND voided_at IS NULL AND id <> ? LIMIT 1`), m.UnitID, m.Term, chosen, m.ID).Scan(&other)
	switch {
	case err == nil:
		v.Add("name", m.Term+"已有委员“"+m.Name+"”，不能重复登记")
		return prefixed(v, where)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	vals := []any{nullID(chosen), m.Name, m.Term, m.Sector, m.Committee, boolInt(m.Standing), string(m.Status),
		dateCol(m.JoinedOn), dateCol(m.LeftOn), m.Township, boolInt(m.Sample)}
	if m.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "cppcc_members", `unit_id, person_id, name, term, sector, committee, standing, status,
			joined_on, left_on, township, sample, created_at, version`, append(append([]any{m.UnitID}, vals...), now, 1)...)
		if s.d.foreignKeyViolation(err) {
			v.Add("unit_id", "所属单位不存在")
			return prefixed(v, where)
		}
		if err != nil {
			return err
		}
		m.ID, m.Version, m.PersonID, m.CreatedAt = id, 1, chosen, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "cppcc_members", m.ID, m.Version, `person_id = ?, name = ?, term = ?, sector = ?, committee = ?,
		standing = ?, status = ?, joined_on = ?, left_on = ?, township = ?, sample = ?`, vals...); err != nil {
		return err
	}
	m.Version++
	m.PersonID = chosen
	return nil
}

// dateCol is a date as the register's columns hold it: "" for none.
func dateCol(d zhenggai.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// ImportCPPCCMembers saves the members read from a workbook in one
// transaction: all or none, every row's faults named by where. A member
// already of the term (same person) is updated, not entered twice.
func (s *Store) ImportCPPCCMembers(ctx context.Context, unitID int64, ms []*zhenggai.CPPCCMember, phones, where []string, newPersons, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		all := &zhenggai.ValidationError{}
		for i, m := range ms {
			m.UnitID, m.ID, m.Version, m.PersonID = unitID, 0, 0, 0
			// The roster is read again per row: a row may enter a person.
			roster, err := s.persons(ctx, tx, unitID)
			if err != nil {
				return err
			}
			p, cands := zhenggai.ResolvePerson(cppccOnly(roster), m.Name)
			if p == nil && len(cands) == 0 {
				p, _ = zhenggai.ResolvePerson(roster, m.Name)
			}
			if p != nil {
				var id, version int64
				err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, version FROM cppcc_members WHERE unit_id = ? AND term = ?
					AND person_id = ? AND voided_at IS NULL`), unitID, strings.TrimSpace(m.Term), p.ID).Scan(&id, &version)
				if err == nil {
					m.ID, m.Version, m.PersonID = id, version, p.ID
				} else if !errors.Is(err, sql.ErrNoRows) {
					return err
				}
			}
			w, phone := at(where, i), at(phones, i)
			err = s.saveCPPCCMember(ctx, tx, m, roster, newPersons, phone, w)
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

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

func cppccOnly(roster []*zhenggai.Person) []*zhenggai.Person {
	var out []*zhenggai.Person
	for _, p := range roster {
		if p.Kind == zhenggai.PersonCPPCC {
			out = append(out, p)
		}
	}
	return out
}

const activityCols = `id, unit_id, member_id, kind, title, on_date, note, sample, version, voided_at IS NOT NULL`

func scanActivity(sc interface{ Scan(...any) error }) (*zhenggai.MemberActivity, error) {
	var a zhenggai.MemberActivity
	var kind, on string
	if err := sc.Scan(&a.ID, &a.UnitID, &a.MemberID, &kind, &a.Title, &on, &a.Note, &a.Sample, &a.Version, &a.Voided); err != nil {
		return nil, err
	}
	a.Kind, a.On = zhenggai.ActivityKind(kind), parseDate(on)
	return &a, nil
}

// MemberActivities lists the live activities of a unit's member (0: every
// member) in a year (0: every year), by date.
func (s *Store) MemberActivities(ctx context.Context, unitID, memberID int64, year int) ([]*zhenggai.MemberActivity, error) {
	q := `SELECT ` + activityCols + ` FROM member_activities WHERE unit_id = ? AND voided_at IS NULL`
	args := []any{unitID}
	if memberID > 0 {
		q += ` AND member_id = ?`
		args = append(args, memberID)
	}
	if year > 0 {
		from, to := yearRange(year)
		q += ` AND on_date >= ? AND on_date <= ?`
		args = append(args, from, to)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q+` ORDER BY on_date, id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.MemberActivity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MemberActivity returns one activity, voided or not.
func (s *Store) MemberActivity(ctx context.Context, id int64) (*zhenggai.MemberActivity, error) {
	a, err := scanActivity(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+activityCols+` FROM member_activities WHERE id = ?`), id))
	return a, notFound(err, "委员履职活动")
}

// SaveMemberActivity enters an activity (ID 0) or saves the changes to one
// at a.Version. Its member is a live member of the same unit.
func (s *Store) SaveMemberActivity(ctx context.Context, a *zhenggai.MemberActivity) error {
	version := a.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		a.Version = version
		return s.saveMemberActivity(ctx, tx, a, "")
	})
}

func (s *Store) saveMemberActivity(ctx context.Context, tx *sql.Tx, a *zhenggai.MemberActivity, where string) error {
	a.Normalize()
	if err := a.Validate(zhenggai.DateOf(s.now())); err != nil {
		return prefixed(err.(*zhenggai.ValidationError), where)
	}
	var unit int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM cppcc_members WHERE id = ? AND voided_at IS NULL`), a.MemberID).Scan(&unit)
	if errors.Is(err, sql.ErrNoRows) || err == nil && unit != a.UnitID {
		v := &zhenggai.ValidationError{}
		v.Add("member_id", "委员不存在或已作废")
		return prefixed(v, where)
	}
	if err != nil {
		return err
	}
	vals := []any{a.MemberID, string(a.Kind), a.Title, a.On.String(), a.Note, boolInt(a.Sample)}
	if a.ID == 0 {
		id, err := s.insertRow(ctx, tx, "member_activities", `unit_id, member_id, kind, title, on_date, note, sample, created_at, version`,
			append(append([]any{a.UnitID}, vals...), s.stamp(), 1)...)
		if err != nil {
			return err
		}
		a.ID, a.Version = id, 1
		return nil
	}
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM member_activities WHERE id = ?`), a.ID).Scan(&unit); err != nil || unit != a.UnitID {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "委员履职活动不存在")
	}
	if err := s.updateRow(ctx, tx, "member_activities", a.ID, a.Version, `member_id = ?, kind = ?, title = ?, on_date = ?, note = ?, sample = ?`, vals...); err != nil {
		return err
	}
	a.Version++
	return nil
}

// ActivityImportRow is one activity of a workbook: the member by name.
type ActivityImportRow struct {
	Name     string
	Activity zhenggai.MemberActivity
	Where    string // 第3行
}

// ImportMemberActivities saves activities read from a workbook, each of
// the member of term bearing its name, all or none.
func (s *Store) ImportMemberActivities(ctx context.Context, unitID int64, term string, in []ActivityImportRow, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		members, err := s.cppccMembers(ctx, tx, unitID, term, false)
		if err != nil {
			return err
		}
		all := &zhenggai.ValidationError{}
		for _, r := range in {
			var found []*zhenggai.CPPCCMember
			for _, m := range members {
				if zhenggai.PersonKey(m.Name) == zhenggai.PersonKey(r.Name) {
					found = append(found, m)
				}
			}
			a := r.Activity
			a.UnitID, a.ID, a.Version = unitID, 0, 0
			switch len(found) {
			case 0:
				all.Add("name", r.Where+"“"+strings.TrimSpace(r.Name)+"”不是"+term+"的委员")
				continue
			case 1:
				a.MemberID = found[0].ID
			default:
				all.Add("name", r.Where+zhenggai.ErrSameName(r.Name))
				continue
			}
			err := s.saveMemberActivity(ctx, tx, &a, r.Where)
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

// MemberCounts counts, for the live members of a term (memberID > 0: that
// member only), what each did in each year from..to, keyed as
// zhenggai.ScoreKeys: plenary and standing committee attendance from the
// meetings register (by the rules' meeting types: present; leave and
// written view are leave; absent), proposals led (signer 1) and co-signed
// (confirmed, not declined) of proposals neither voided nor draft, those
// led and registered, 社情民意 and those adopted, micro-suggestions, and
// activities by kind. Four grouped queries, whatever the members.
func (s *Store) MemberCounts(ctx context.Context, unitID int64, term string, memberID int64, rules zhenggai.MemberRules, from, to int) (map[int64]zhenggai.MemberYears, error) {
	out := map[int64]zhenggai.MemberYears{}
	add := func(member int64, year int, key string, n int) {
		if out[member] == nil {
			out[member] = zhenggai.MemberYears{}
		}
		if out[member][year] == nil {
			out[member][year] = map[string]int{}
		}
		out[member][year][key] += n
	}
	lo, _ := yearRange(from)
	_, hi := yearRange(to)
	only, onlyArg := "", []any{}
	if memberID > 0 {
		only, onlyArg = ` AND c.id = ?`, []any{memberID}
	}
	types := append(append([]string{}, rules.PlenaryTypes...), rules.StandingTypes...)
	typeArgs := make([]any, len(types))
	for i, t := range types {
		typeArgs[i] = t
	}
	plenary := map[string]bool{}
	for _, t := range rules.PlenaryTypes {
		plenary[t] = true
	}
	scan := func(q string, args []any, each func(member int64, year int, a, b string, n int)) error {
		rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var member int64
			var year, a, b string
			var n int
			if err := rows.Scan(&member, &year, &a, &b, &n); err != nil {
				return err
			}
			y, _ := strconv.Atoi(year)
			each(member, y, a, b, n)
		}
		return rows.Err()
	}
	base := []any{unitID, term}
	err := scan(`SELECT c.id, substr(m.date, 1, 4), m.type, a.presence, COUNT(*)
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
		JOIN cppcc_members c ON c.person_id = a.person_id AND c.unit_id = m.unit_id
		WHERE m.unit_id = ? AND c.term = ? AND c.voided_at IS NULL AND m.voided_at IS NULL`+only+`
		AND m.date >= ? AND m.date <= ? AND m.type IN (`+placeholders(len(types))+`)
		GROUP BY c.id, substr(m.date, 1, 4), m.type, a.presence`,
		append(append(append(base, onlyArg...), lo, hi), typeArgs...),
		func(member int64, y int, typ, presence string, n int) {
			kind := "standing"
			if plenary[typ] {
				kind = "plenary"
			}
			switch zhenggai.Presence(presence) {
			case zhenggai.Present:
				add(member, y, kind+"_present", n)
			case zhenggai.OnLeave, zhenggai.WrittenView:
				add(member, y, kind+"_leave", n)
			case zhenggai.AbsentNoLeave:
				add(member, y, kind+"_absent", n)
			}
		})
	if err != nil {
		return nil, err
	}
	err = scan(`SELECT c.id, CAST(p.year AS TEXT), CASE WHEN sg.seq = 1 THEN 'lead' ELSE 'cosign' END,
		CASE WHEN p.status IN (`+caseStatusesSQL()+`) THEN 'registered' ELSE '' END, COUNT(*)
		FROM proposal_signers sg JOIN proposals p ON p.id = sg.proposal_id
		JOIN cppcc_members c ON c.person_id = sg.person_id AND c.unit_id = p.unit_id
		WHERE p.unit_id = ? AND c.term = ? AND c.voided_at IS NULL AND p.voided_at IS NULL AND p.status <> 'draft'`+only+`
		AND p.year >= ? AND p.year <= ? AND (sg.seq = 1 OR (sg.confirmed_on <> '' AND sg.declined_on = ''))
		GROUP BY 1, 2, 3, 4`,
		append(append(base, onlyArg...), from, to),
		func(member int64, y int, role, registered string, n int) {
			if role == "lead" {
				add(member, y, "proposal", n)
				if registered != "" {
					add(member, y, "proposal_registered", n)
				}
			} else {
				add(member, y, "proposal_cosign", n)
			}
		})
	if err != nil {
		return nil, err
	}
	err = scan(`SELECT c.id, substr(g.on_date, 1, 4), g.kind, CASE WHEN g.adopted <> '' THEN 'adopted' ELSE '' END, COUNT(*)
		FROM suggestions g JOIN cppcc_members c ON c.id = g.member_id
		WHERE g.unit_id = ? AND c.term = ? AND c.voided_at IS NULL AND g.voided_at IS NULL`+only+`
		AND g.on_date >= ? AND g.on_date <= ? GROUP BY 1, 2, 3, 4`,
		append(append(base, onlyArg...), lo, hi),
		func(member int64, y int, kind, adopted string, n int) {
			switch zhenggai.SuggestionKind(kind) {
			case zhenggai.SuggestSQMY:
				add(member, y, "sqmy", n)
				if adopted != "" {
					add(member, y, "sqmy_adopted", n)
				}
			case zhenggai.SuggestMicro:
				add(member, y, "micro", n)
			}
		})
	if err != nil {
		return nil, err
	}
	err = scan(`SELECT c.id, substr(a.on_date, 1, 4), a.kind, '', COUNT(*)
		FROM member_activities a JOIN cppcc_members c ON c.id = a.member_id
		WHERE a.unit_id = ? AND c.term = ? AND c.voided_at IS NULL AND a.voided_at IS NULL`+only+`
		AND a.on_date >= ? AND a.on_date <= ? GROUP BY 1, 2, 3`,
		append(append(base, onlyArg...), lo, hi),
		func(member int64, y int, kind, _ string, n int) { add(member, y, kind, n) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MemberRecord is a member with his years, counts, this year's score and his flags.
type MemberRecord struct {
	Member *zhenggai.CPPCCMember
	Years  []int
	Counts zhenggai.MemberYears
	Year   int
	Score  zhenggai.MemberScore // of Year
	Flags  []zhenggai.MemberFlag
}

// Now counts the member's year's key.
func (r *MemberRecord) Now(key string) int { return r.Counts[r.Year][key] }

// MemberRecords reads the members of a term (memberID > 0: that member)
// with their counts over the years they served up to year, the year's
// score and the flags.
func (s *Store) MemberRecords(ctx context.Context, unitID int64, term string, memberID int64, year int) ([]*MemberRecord, zhenggai.MemberRules, error) {
	rules, err := s.MemberRules(ctx, unitID)
	if err != nil {
		return nil, rules, err
	}
	members, err := s.CPPCCMembers(ctx, unitID, term, false)
	if err != nil {
		return nil, rules, err
	}
	first := year
	var out []*MemberRecord
	for _, m := range members {
		if memberID > 0 && m.ID != memberID {
			continue
		}
		r := &MemberRecord{Member: m, Year: year, Years: zhenggai.MemberServedYears(m, year, year)}
		if len(r.Years) > 0 && r.Years[0] < first {
			first = r.Years[0]
		}
		out = append(out, r)
	}
	counts, err := s.MemberCounts(ctx, unitID, term, memberID, rules, first, year)
	if err != nil {
		return nil, rules, err
	}
	for _, r := range out {
		r.Counts = counts[r.Member.ID]
		if r.Counts == nil {
			r.Counts = zhenggai.MemberYears{}
		}
		r.Score = zhenggai.Score(rules.Scheme, r.Counts[year])
		r.Score.MemberID, r.Score.Name = r.Member.ID, r.Member.Name
		r.Flags = zhenggai.MemberFlags(rules, r.Years, r.Counts)
	}
	return out, rules, nil
}

// MemberMeeting is one plenary or standing committee meeting a member was expected at.
type MemberMeeting struct {
	MeetingID int64
	Type      string
	Number    int
	Date      zhenggai.Date
	Presence  zhenggai.Presence
	Note      string
}

// MemberMeetings lists, meeting by meeting, a member's attendance at the
// rules' plenary and standing committee meetings from year from on.
func (s *Store) MemberMeetings(ctx context.Context, m *zhenggai.CPPCCMember, rules zhenggai.MemberRules, from int) ([]MemberMeeting, error) {
	if m.PersonID <= 0 {
		return nil, nil
	}
	types := append(append([]string{}, rules.PlenaryTypes...), rules.StandingTypes...)
	lo, _ := yearRange(from)
	args := []any{m.UnitID, m.PersonID, lo}
	for _, t := range types {
		args = append(args, t)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.id, m.type, m.number, m.date, a.presence, a.note
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
		WHERE m.unit_id = ? AND a.person_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.type IN (`+placeholders(len(types))+`)
		ORDER BY m.date, m.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberMeeting
	for rows.Next() {
		var x MemberMeeting
		var date, presence string
		if err := rows.Scan(&x.MeetingID, &x.Type, &x.Number, &date, &presence, &x.Note); err != nil {
			return nil, err
		}
		x.Date, x.Presence = parseDate(date), zhenggai.Presence(presence)
		out = append(out, x)
	}
	return out, rows.Err()
}

// MemberProposal is a proposal a member led or co-signed.
type MemberProposal struct {
	ID     int64
	Year   int
	Number string
	Title  string
	Status zhenggai.ProposalStatus
	Lead   bool
}

// MemberProposals lists the proposals (not voided, not draft) a member's person led or co-signed (confirmed).
func (s *Store) MemberProposals(ctx context.Context, m *zhenggai.CPPCCMember) ([]MemberProposal, error) {
	if m.PersonID <= 0 {
		return nil, nil
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT p.id, p.year, p.number, p.title, p.status, sg.seq
		FROM proposal_signers sg JOIN proposals p ON p.id = sg.proposal_id
		WHERE p.unit_id = ? AND sg.person_id = ? AND p.voided_at IS NULL AND p.status <> 'draft'
		AND (sg.seq = 1 OR (sg.confirmed_on <> '' AND sg.declined_on = '')) ORDER BY p.year, p.id`), m.UnitID, m.PersonID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberProposal
	for rows.Next() {
		var x MemberProposal
		var status string
		var seq int
		if err := rows.Scan(&x.ID, &x.Year, &x.Number, &x.Title, &status, &seq); err != nil {
			return nil, err
		}
		x.Status, x.Lead = zhenggai.ProposalStatus(status), seq == 1
		out = append(out, x)
	}
	return out, rows.Err()
}

// MemberSuggestion is a suggestion or 社情民意 of a member.
type MemberSuggestion struct {
	ID      int64
	Kind    zhenggai.SuggestionKind
	Title   string
	On      zhenggai.Date
	Adopted string
}

// MemberSuggestions lists a member's live suggestions by date.
func (s *Store) MemberSuggestions(ctx context.Context, m *zhenggai.CPPCCMember) ([]MemberSuggestion, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT id, kind, title, on_date, adopted FROM suggestions
		WHERE unit_id = ? AND member_id = ? AND voided_at IS NULL ORDER BY on_date, id`), m.UnitID, m.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberSuggestion
	for rows.Next() {
		var x MemberSuggestion
		var kind, on string
		if err := rows.Scan(&x.ID, &kind, &x.Title, &on, &x.Adopted); err != nil {
			return nil, err
		}
		x.Kind, x.On = zhenggai.SuggestionKind(kind), parseDate(on)
		out = append(out, x)
	}
	return out, rows.Err()
}
