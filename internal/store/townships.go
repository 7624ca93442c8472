package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"zhenggai"
)

// Townships' liaison groups (乡镇政协联络组). A township is the record;
// its posts (who led or sat in the group, from when to when) and the
// invitations it received are written with it in one transaction, each
// row audited: a post or invitation struck out of the form is deleted,
// its last state kept in the log.

const townshipCols = `t.id, t.unit_id, t.name, t.seq, t.note, t.since, t.sample, t.created_at, t.version, t.voided_at IS NOT NULL`

func scanTownship(sc interface{ Scan(...any) error }) (*zhenggai.Township, error) {
	var t zhenggai.Township
	var since, created string
	var sample int
	if err := sc.Scan(&t.ID, &t.UnitID, &t.Name, &t.Seq, &t.Note, &since, &sample, &created, &t.Version, &t.Voided); err != nil {
		return nil, err
	}
	t.Since, t.Sample, t.CreatedAt = parseDate(since), sample != 0, parseTime(created)
	return &t, nil
}

// Township returns one township whole (voided or not).
func (s *Store) Township(ctx context.Context, id int64) (*zhenggai.Township, error) {
	return s.township(ctx, s.rdb, id)
}

func (s *Store) township(ctx context.Context, db queryer, id int64) (*zhenggai.Township, error) {
	t, err := scanTownship(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+townshipCols+` FROM townships t WHERE t.id = ?`), id))
	if err != nil {
		return nil, notFound(err, "乡镇政协联络组")
	}
	return t, s.townshipChildren(ctx, db, []*zhenggai.Township{t}, `t.id = ?`, id)
}

// Townships returns a unit's live townships, whole, in their order.
func (s *Store) Townships(ctx context.Context, unitID int64) ([]*zhenggai.Township, error) {
	return s.townships(ctx, s.rdb, unitID)
}

func (s *Store) townships(ctx context.Context, db queryer, unitID int64) ([]*zhenggai.Township, error) {
	where := `t.unit_id = ? AND t.voided_at IS NULL`
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+townshipCols+` FROM townships t WHERE `+where+` ORDER BY t.seq, t.name, t.id`), unitID)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Township
	for rows.Next() {
		t, err := scanTownship(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.townshipChildren(ctx, db, out, where, unitID)
}

// townshipChildren fills the posts (leaders first, by From) and the
// invitations (by date) of ts, the townships where (on townships t)
// selects.
func (s *Store) townshipChildren(ctx context.Context, db queryer, ts []*zhenggai.Township, where string, args ...any) error {
	byID := make(map[int64]*zhenggai.Township, len(ts))
	for _, t := range ts {
		byID[t.ID] = t
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT p.township_id, p.id, COALESCE(p.person_id, 0), COALESCE(p.member_id, 0), p.name, p.role,
		p.from_date, p.to_date FROM liaison_posts p JOIN townships t ON t.id = p.township_id WHERE `+where+`
		ORDER BY p.township_id, CASE p.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, p.from_date, p.id`), args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var tid int64
		var p zhenggai.LiaisonPost
		var role, from, to string
		if err := rows.Scan(&tid, &p.ID, &p.PersonID, &p.MemberID, &p.Name, &role, &from, &to); err != nil {
			rows.Close()
			return err
		}
		p.Role, p.From, p.To = zhenggai.LiaisonRole(role), parseDate(from), parseDate(to)
		if t := byID[tid]; t != nil {
			t.Posts = append(t.Posts, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = db.QueryContext(ctx, s.d.rebind(`SELECT i.township_id, i.id, i.kind, i.title, i.on_date, COALESCE(i.person_id, 0), i.name, i.attended
		FROM liaison_invitations i JOIN townships t ON t.id = i.township_id WHERE `+where+` ORDER BY i.township_id, i.on_date, i.id`), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var tid int64
		var in zhenggai.LiaisonInvitation
		var kind, on string
		var attended int
		if err := rows.Scan(&tid, &in.ID, &kind, &in.Title, &on, &in.PersonID, &in.Name, &attended); err != nil {
			return err
		}
		in.Kind, in.On, in.Attended = zhenggai.InvitationKind(kind), parseDate(on), attended != 0
		if t := byID[tid]; t != nil {
			t.Invitations = append(t.Invitations, in)
		}
	}
	return rows.Err()
}

// SaveTownship enters a new township (ID 0) or saves one at t.Version,
// with its posts and invitations, in one transaction. A child with the
// id of one of the township's is that one, changed; one without is new;
// the township's children not given are deleted. Names are matched to
// the roster and to the CPPCC members; an invitation naming no one is
// the leader's of its day.
func (s *Store) SaveTownship(ctx context.Context, t *zhenggai.Township) error {
	version := t.Version
	ids := townshipChildIDs(t)
	return s.write(ctx, func(tx *sql.Tx) error {
		t.Version = version
		restoreChildIDs(t, ids)
		return s.saveTownship(ctx, tx, t, nil, nil, "")
	})
}

// townshipChildIDs keeps the children's ids as given (a retried
// transaction starts from them again).
func townshipChildIDs(t *zhenggai.Township) [2][]int64 {
	var ids [2][]int64
	for _, p := range t.Posts {
		ids[0] = append(ids[0], p.ID)
	}
	for _, in := range t.Invitations {
		ids[1] = append(ids[1], in.ID)
	}
	return ids
}

func restoreChildIDs(t *zhenggai.Township, ids [2][]int64) {
	for i := range t.Posts {
		t.Posts[i].ID = ids[0][i]
	}
	for i := range t.Invitations {
		t.Invitations[i].ID = ids[1][i]
	}
}

func (s *Store) saveTownship(ctx context.Context, tx *sql.Tx, t *zhenggai.Township, roster []*zhenggai.Person, members []MemberRef, where string) error {
	t.Normalize()
	if t.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	var prev *zhenggai.Township
	if t.ID != 0 {
		var err error
		if prev, err = s.township(ctx, tx, t.ID); err != nil || prev.UnitID != t.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "乡镇政协联络组不存在")
		}
		if prev.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该乡镇政协联络组已作废，不能修改；确需修改的，请单位管理员先恢复")
		}
	}
	var err error
	if roster == nil {
		if roster, err = s.persons(ctx, tx, t.UnitID); err != nil {
			return err
		}
	}
	if members == nil {
		if members, err = s.memberRefs(ctx, tx, t.UnitID); err != nil {
			return err
		}
	}
	v := &zhenggai.ValidationError{}
	if err := t.Validate(); err != nil {
		v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
	}
	if prev == nil {
		prev = &zhenggai.Township{}
	}
	oldPost := map[int64]zhenggai.LiaisonPost{}
	for _, p := range prev.Posts {
		oldPost[p.ID] = p
	}
	oldInv := map[int64]zhenggai.LiaisonInvitation{}
	for _, in := range prev.Invitations {
		oldInv[in.ID] = in
	}
	today := zhenggai.DateOf(s.now())
	for i := range t.Posts {
		p := &t.Posts[i]
		if _, ok := oldPost[p.ID]; !ok {
			p.ID = 0
		}
		old := oldPost[p.ID]
		resolveOne(v, roster, fmt.Sprintf("posts.%d.name", i), fmt.Sprintf("任职第%d条的姓名", i+1), &p.Name, &p.PersonID, old.PersonID, old.Name)
		on := p.From
		if on.IsZero() {
			on = today
		}
		id, ok := matchMember(members, p.PersonID, p.Name, on)
		if !ok {
			v.Add(fmt.Sprintf("posts.%d.name", i), fmt.Sprintf("政协委员中有两人名为“%s”，请在人员名册中区分", p.Name))
		}
		p.MemberID = id
	}
	for i := range t.Invitations {
		in := &t.Invitations[i]
		if _, ok := oldInv[in.ID]; !ok {
			in.ID = 0
		}
		if in.Name == "" && in.On.Valid() && !in.On.IsZero() {
			if l := t.LeaderOn(in.On); l != nil {
				in.Name, in.PersonID = l.Name, l.PersonID
			}
		}
		old := oldInv[in.ID]
		if in.Name != "" {
			resolveOne(v, roster, fmt.Sprintf("invitations.%d.name", i), fmt.Sprintf("受邀活动第%d条的受邀人", i+1), &in.Name, &in.PersonID, old.PersonID, old.Name)
		} else {
			in.PersonID = 0
		}
	}
	// One township of a name in the unit.
	var other int64
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM townships WHERE unit_id = ? AND name = ? AND voided_at IS NULL AND id <> ? LIMIT 1`),
		t.UnitID, t.Name, t.ID).Scan(&other)
	switch {
	case err == nil:
		v.Add("name", "本单位已有“"+t.Name+"”联络组，不能重复登记")
	case err != sql.ErrNoRows:
		return err
	}
	if err := v.Err(); err != nil {
		return prefixed(v, where)
	}
	detail, err := townshipDetail(t)
	if err != nil {
		return err
	}
	vals := []any{t.Name, t.Seq, t.Note, t.Since.String(), detail, boolInt(t.Sample)}
	if t.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "townships", `unit_id, name, seq, note, since, detail, sample, created_at, version`,
			append(append([]any{t.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		t.ID, t.Version, t.CreatedAt = id, 1, parseTime(now)
	} else {
		// The township's version guards its children too.
		if err := s.updateRow(ctx, tx, "townships", t.ID, t.Version, `name = ?, seq = ?, note = ?, since = ?, detail = ?, sample = ?`, vals...); err != nil {
			return err
		}
		t.Version++
	}
	kept := map[int64]bool{}
	for i := range t.Posts {
		p := &t.Posts[i]
		vals := []any{nullID(p.PersonID), nullID(p.MemberID), p.Name, string(p.Role), p.From.String(), p.To.String()}
		if p.ID == 0 {
			id, err := s.insertRow(ctx, tx, "liaison_posts", `unit_id, township_id, person_id, member_id, name, role, from_date, to_date, version`,
				append(append([]any{t.UnitID, t.ID}, vals...), 1)...)
			if err != nil {
				return err
			}
			p.ID = id
		} else if oldPost[p.ID] != *p {
			if err := s.updateRow(ctx, tx, "liaison_posts", p.ID, anyVersion, `person_id = ?, member_id = ?, name = ?, role = ?, from_date = ?, to_date = ?`,
				vals...); err != nil {
				return err
			}
		}
		kept[p.ID] = true
	}
	for _, p := range prev.Posts {
		if !kept[p.ID] {
			if err := s.deleteChild(ctx, tx, "liaison_posts", p.ID); err != nil {
				return err
			}
		}
	}
	kept = map[int64]bool{}
	for i := range t.Invitations {
		in := &t.Invitations[i]
		vals := []any{string(in.Kind), in.Title, in.On.String(), nullID(in.PersonID), in.Name, boolInt(in.Attended)}
		if in.ID == 0 {
			id, err := s.insertRow(ctx, tx, "liaison_invitations", `unit_id, township_id, kind, title, on_date, person_id, name, attended, version`,
				append(append([]any{t.UnitID, t.ID}, vals...), 1)...)
			if err != nil {
				return err
			}
			in.ID = id
		} else if oldInv[in.ID] != *in {
			if err := s.updateRow(ctx, tx, "liaison_invitations", in.ID, anyVersion, `kind = ?, title = ?, on_date = ?, person_id = ?, name = ?, attended = ?`,
				vals...); err != nil {
				return err
			}
		}
		kept[in.ID] = true
	}
	for _, in := range prev.Invitations {
		if !kept[in.ID] {
			if err := s.deleteChild(ctx, tx, "liaison_invitations", in.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// townshipDetail is the detail column: the group as JSON, without ids.
func townshipDetail(t *zhenggai.Township) (string, error) {
	type post struct {
		Name string `json:"name"`
		Role string `json:"role"`
		From string `json:"from,omitempty"`
		To   string `json:"to,omitempty"`
	}
	type inv struct {
		Kind     string `json:"kind"`
		Title    string `json:"title"`
		On       string `json:"on"`
		Name     string `json:"name,omitempty"`
		Attended bool   `json:"attended,omitempty"`
	}
	d := struct {
		Posts       []post `json:"posts"`
		Invitations []inv  `json:"invitations"`
	}{Posts: []post{}, Invitations: []inv{}}
	for _, p := range t.Posts {
		d.Posts = append(d.Posts, post{p.Name, string(p.Role), p.From.String(), p.To.String()})
	}
	for _, in := range t.Invitations {
		d.Invitations = append(d.Invitations, inv{string(in.Kind), in.Title, in.On.String(), in.Name, in.Attended})
	}
	b, err := json.Marshal(d)
	return string(b), err
}

// deleteChild deletes a row of a record's children (a liaison post struck
// out), logging its last state.
func (s *Store) deleteChild(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	before, err := s.snapshot(ctx, tx, table, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM `+table+` WHERE id = ?`), id); err != nil {
		return err
	}
	if before == "" { // no audit (a bulk load)
		return nil
	}
	return s.audit(ctx, tx, auditDelete, table, id, before)
}

// ImportTownships saves townships read from a workbook in one
// transaction: all or none. A township of a name the unit has is that
// one: its posts and invitations become the workbook's, those alike kept
// as they were. A dry run checks and writes nothing.
func (s *Store) ImportTownships(ctx context.Context, unitID int64, ts []*zhenggai.Township, where []string, dryRun bool) error {
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
		have, err := s.townships(ctx, tx, unitID)
		if err != nil {
			return err
		}
		byName := map[string]*zhenggai.Township{}
		for _, t := range have {
			byName[t.Name] = t
		}
		all := &zhenggai.ValidationError{}
		for i, t := range ts {
			t.ID, t.Version, t.UnitID = 0, 0, unitID
			t.Normalize()
			if old := byName[t.Name]; old != nil {
				t.ID, t.Version = old.ID, old.Version
				matchChildren(t, old)
			} else {
				matchChildren(t, &zhenggai.Township{})
			}
			w := ""
			if i < len(where) {
				w = where[i]
			}
			err := s.saveTownship(ctx, tx, t, roster, members, w)
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

// matchChildren gives t's posts and invitations the ids of old's alike
// (a post: name, role and From; an invitation: kind, title and date), so
// that a re-import changes only what changed.
func matchChildren(t, old *zhenggai.Township) {
	used := map[int64]bool{}
	for i := range t.Posts {
		p := &t.Posts[i]
		p.ID = 0
		for _, o := range old.Posts {
			if !used[o.ID] && zhenggai.PersonKey(o.Name) == zhenggai.PersonKey(p.Name) && o.Role == p.Role && o.From == p.From {
				p.ID, p.PersonID, p.MemberID = o.ID, o.PersonID, o.MemberID
				used[o.ID] = true
				break
			}
		}
	}
	for i := range t.Invitations {
		in := &t.Invitations[i]
		in.ID = 0
		for _, o := range old.Invitations {
			if !used[-o.ID] && o.Kind == in.Kind && o.Title == in.Title && o.On == in.On {
				in.ID = o.ID
				if in.Name == "" || zhenggai.PersonKey(in.Name) == zhenggai.PersonKey(o.Name) {
					in.Name, in.PersonID = o.Name, o.PersonID
				}
				used[-o.ID] = true
				break
			}
		}
	}
}
