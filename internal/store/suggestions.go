package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Micro-suggestions (微建议) and 社情民意信息. Each is one audited row;
// its proposer is matched to a person of the roster and to the CPPCC
// member who is that person (cppcc_members, by person or by name).

const suggestionCols = `s.id, s.unit_id, COALESCE(s.member_id, 0), COALESCE(s.person_id, 0), s.name, s.kind, s.via, s.title, s.content,
	s.on_date, s.adopted, s.adopted_on, s.adopted_by, s.instruction, s.instructed_by, s.instructed_on, s.sample, s.created_at, s.version,
	s.voided_at IS NOT NULL`

func scanSuggestion(sc interface{ Scan(...any) error }) (*zhenggai.Suggestion, error) {
	var s zhenggai.Suggestion
	var kind, via, on, adopted, adoptedOn, instructedOn, created string
	var sample int
	err := sc.Scan(&s.ID, &s.UnitID, &s.MemberID, &s.PersonID, &s.Name, &kind, &via, &s.Title, &s.Content,
		&on, &adopted, &adoptedOn, &s.AdoptedBy, &s.Instruction, &s.InstructedBy, &instructedOn, &sample, &created, &s.Version, &s.Voided)
	if err != nil {
		return nil, err
	}
	s.Kind, s.Via, s.Adopted = zhenggai.SuggestionKind(kind), zhenggai.SuggestionVia(via), zhenggai.AdoptionLevel(adopted)
	s.On, s.AdoptedOn, s.InstructedOn = parseDate(on), parseDate(adoptedOn), parseDate(instructedOn)
	s.Sample, s.CreatedAt = sample != 0, parseTime(created)
	return &s, nil
}

// Suggestion returns one suggestion, voided or not.
func (s *Store) Suggestion(ctx context.Context, id int64) (*zhenggai.Suggestion, error) {
	sg, err := scanSuggestion(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+suggestionCols+` FROM suggestions s WHERE s.id = ?`), id))
	return sg, notFound(err, "微建议或社情民意信息")
}

// SuggestionQuery selects a unit's live suggestions; zero fields do not
// filter.
type SuggestionQuery struct {
	UnitID   int64
	Year     int // of 提出日期
	Kind     zhenggai.SuggestionKind
	Via      zhenggai.SuggestionVia
	MemberID int64
	// Adopted: a level, "any" (adopted at some level) or "none".
	Adopted    string
	Instructed bool
	Keyword    string // in the title or the proposer's name
}

// Suggestions lists the suggestions q selects, by date.
func (s *Store) Suggestions(ctx context.Context, q SuggestionQuery) ([]*zhenggai.Suggestion, error) {
	where := `s.unit_id = ? AND s.voided_at IS NULL`
	args := []any{q.UnitID}
	if q.Year > 0 {
		from, to := yearRange(q.Year)
		where += ` AND s.on_date >= ? AND s.on_date <= ?`
		args = append(args, from, to)
	}
	if q.Kind != "" {
		where += ` AND s.kind = ?`
		args = append(args, string(q.Kind))
	}
	if q.Via != "" {
		where += ` AND s.via = ?`
		args = append(args, string(q.Via))
	}
	if q.MemberID > 0 {
		where += ` AND s.member_id = ?`
		args = append(args, q.MemberID)
	}
	switch q.Adopted {
	case "":
	case "any":
		where += ` AND s.adopted <> ''`
	case "none":
		where += ` AND s.adopted = ''`
	default:
		where += ` AND s.adopted = ?`
		args = append(args, q.Adopted)
	}
	if q.Instructed {
		where += ` AND s.instruction <> ''`
	}
	if k := strings.TrimSpace(q.Keyword); k != "" {
		where += ` AND (s.title LIKE ? OR s.name LIKE ?)`
		like := "%" + strings.NewReplacer("%", "", "_", "").Replace(k) + "%"
		args = append(args, like, like)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+suggestionCols+` FROM suggestions s WHERE `+where+
		` ORDER BY s.on_date, s.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Suggestion
	for rows.Next() {
		sg, err := scanSuggestion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}

// SuggestionYears are the years of a unit's live suggestions, latest first.
func (s *Store) SuggestionYears(ctx context.Context, unitID int64) ([]int, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT SUBSTR(on_date, 1, 4) FROM suggestions
		WHERE unit_id = ? AND voided_at IS NULL ORDER BY 1 DESC`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y string
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		var n int
		if _, err := fmt.Sscan(y, &n); err == nil {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

// MemberRef is a CPPCC member as a suggestion or a liaison post names him.
type MemberRef struct {
	ID       int64
	PersonID int64
	Name     string
	Term     string
	Joined   zhenggai.Date
	Left     zhenggai.Date
}

// MemberRefs are a unit's live CPPCC members, by term and name.
func (s *Store) MemberRefs(ctx context.Context, unitID int64) ([]MemberRef, error) {
	return s.memberRefs(ctx, s.rdb, unitID)
}

func (s *Store) memberRefs(ctx context.Context, db queryer, unitID int64) ([]MemberRef, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT id, COALESCE(person_id, 0), name, term, joined_on, left_on FROM cppcc_members
		WHERE unit_id = ? AND voided_at IS NULL ORDER BY term, name, id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []MemberRef{}
	for rows.Next() {
		var m MemberRef
		var joined, left string
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Name, &m.Term, &joined, &left); err != nil {
			return nil, err
		}
		m.Joined, m.Left = parseDate(joined), parseDate(left)
		out = append(out, m)
	}
	return out, rows.Err()
}

// matchMember finds the CPPCC member a person (by id, else by name) is
// on day on: his member row of the term covering the day, else his
// latest. 0 when he is none; two members of one name who are not one
// person (two persons, or without persons two rows of one term) are a
// question (ok false).
func matchMember(members []MemberRef, personID int64, name string, on zhenggai.Date) (id int64, ok bool) {
	key := zhenggai.PersonKey(name)
	var cands []MemberRef
	for _, m := range members {
		switch {
		case personID > 0 && m.PersonID == personID:
		case (personID <= 0 || m.PersonID <= 0) && key != "" && zhenggai.PersonKey(m.Name) == key:
		default:
			continue
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 {
		return 0, true
	}
	who := func(m MemberRef) string {
		if m.PersonID > 0 {
			return fmt.Sprint(m.PersonID)
		}
		return "name:" + zhenggai.PersonKey(m.Name)
	}
	for i, c := range cands {
		if who(c) != who(cands[0]) {
			return 0, false
		}
		// Two rows of one name and term without persons are two members.
		for _, d := range cands[:i] {
			if c.PersonID <= 0 && c.Term == d.Term {
				return 0, false
			}
		}
	}
	best := cands[0]
	covers := func(m MemberRef) bool {
		return !on.IsZero() && (m.Joined.IsZero() || !on.Before(m.Joined)) && (m.Left.IsZero() || !m.Left.Before(on))
	}
	for _, c := range cands[1:] {
		switch {
		case covers(c) && !covers(best):
			best = c
		case covers(c) == covers(best) && best.Joined.Before(c.Joined):
			best = c
		}
	}
	return best.ID, true
}

// SaveSuggestion enters a new suggestion (ID 0) or saves the changes to
// one at s.Version. The proposer is matched to the unit's roster and to
// its CPPCC members; a member chosen (MemberID) is kept if the name is
// his or left blank.
func (s *Store) SaveSuggestion(ctx context.Context, sg *zhenggai.Suggestion) error {
	version, member, person := sg.Version, sg.MemberID, sg.PersonID
	return s.write(ctx, func(tx *sql.Tx) error {
		sg.Version, sg.MemberID, sg.PersonID = version, member, person
		return s.saveSuggestion(ctx, tx, sg, nil, nil, "")
	})
}

func (s *Store) saveSuggestion(ctx context.Context, tx *sql.Tx, sg *zhenggai.Suggestion, roster []*zhenggai.Person, members []MemberRef, where string) error {
	sg.Normalize()
	if sg.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	var prev *zhenggai.Suggestion
	if sg.ID != 0 {
		var err error
		prev, err = scanSuggestion(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+suggestionCols+` FROM suggestions s WHERE s.id = ?`), sg.ID))
		if err != nil || prev.UnitID != sg.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "微建议或社情民意信息不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该微建议或社情民意信息已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
	}
	var err error
	if roster == nil {
		if roster, err = s.persons(ctx, tx, sg.UnitID); err != nil {
			return err
		}
	}
	if members == nil {
		if members, err = s.memberRefs(ctx, tx, sg.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	s.resolveSuggestionPersons(v, roster, members, sg, prev)
	if err := sg.Validate(zhenggai.DateOf(s.now())); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	cols := `member_id = ?, person_id = ?, name = ?, kind = ?, via = ?, title = ?, content = ?, on_date = ?, adopted = ?, adopted_on = ?,
		adopted_by = ?, instruction = ?, instructed_by = ?, instructed_on = ?, sample = ?`
	vals := []any{nullID(sg.MemberID), nullID(sg.PersonID), sg.Name, string(sg.Kind), string(sg.Via), sg.Title, sg.Content, sg.On.String(),
		string(sg.Adopted), sg.AdoptedOn.String(), sg.AdoptedBy, sg.Instruction, sg.InstructedBy, sg.InstructedOn.String(), boolInt(sg.Sample)}
	if sg.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "suggestions", `unit_id, member_id, person_id, name, kind, via, title, content, on_date, adopted, adopted_on,
			adopted_by, instruction, instructed_by, instructed_on, sample, created_at, version`, append(append([]any{sg.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		sg.ID, sg.Version, sg.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "suggestions", sg.ID, sg.Version, cols, vals...); err != nil {
		return err
	}
	sg.Version++
	return nil
}

// resolveSuggestionPersons sets the proposer's person and member: a
// member chosen whose name is the one typed (or none typed) stays; else
// the name decides, as it does for persons (resolveOne).
func (s *Store) resolveSuggestionPersons(v *zhenggai.ValidationError, roster []*zhenggai.Person, members []MemberRef, sg, prev *zhenggai.Suggestion) {
	if sg.MemberID > 0 {
		var chosen *MemberRef
		for i := range members {
			if members[i].ID == sg.MemberID {
				chosen = &members[i]
			}
		}
		switch {
		case chosen == nil:
			v.Add("member_id", "所选政协委员不是本单位的委员")
			return
		case sg.Name == "" || zhenggai.PersonKey(sg.Name) == zhenggai.PersonKey(chosen.Name):
			sg.Name, sg.PersonID = chosen.Name, chosen.PersonID
			return
		}
		sg.MemberID = 0 // the name typed is another's
	}
	prevPerson, prevName := int64(0), ""
	if prev != nil {
		prevPerson, prevName = prev.PersonID, prev.Name
	}
	resolveOne(v, roster, "name", "提出人", &sg.Name, &sg.PersonID, prevPerson, prevName)
	for _, p := range roster {
		if p.ID == sg.PersonID && sg.PersonID > 0 && zhenggai.PersonKey(p.Name) == zhenggai.PersonKey(sg.Name) {
			sg.Name = p.Name // as the roster writes it, not as padded in a sheet
		}
	}
	id, ok := matchMember(members, sg.PersonID, sg.Name, sg.On)
	if !ok {
		v.Add("name", fmt.Sprintf("政协委员中有两人名为“%s”，请选择是哪一位委员", sg.Name))
		return
	}
	sg.MemberID = id
}

// ImportSuggestions enters suggestions read from a workbook in one
// transaction: all or none; where names each one's row. A dry run makes
// every check and writes nothing.
func (s *Store) ImportSuggestions(ctx context.Context, unitID int64, ss []*zhenggai.Suggestion, where []string, dryRun bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		roster, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		if roster == nil {
			roster = []*zhenggai.Person{}
		}
		members, err := s.memberRefs(ctx, tx, unitID)
		if err != nil {
			return err
		}
		all := &zhenggai.ValidationError{}
		for i, sg := range ss {
			sg.ID, sg.Version, sg.UnitID, sg.PersonID, sg.MemberID = 0, 0, unitID, 0, 0
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveSuggestion(ctx, tx, sg, roster, members, w)
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
