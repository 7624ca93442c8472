package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Party dues (党费): the branch's members, each year's base and each
// month's payment. Members are voided (Store.Void "dues_member"), never
// deleted; bases and payments are set per year and month.

const duesMemberCols = `id, unit_id, COALESCE(person_id, 0), name, kind, fixed, joined, left_month, sample, version`

// DuesRoundingSetting is the unit setting of how dues are brought to the fen.
const DuesRoundingSetting = "dues.rounding"

func scanDuesMember(sc interface{ Scan(...any) error }) (*zhenggai.DuesMember, error) {
	var m zhenggai.DuesMember
	var kind string
	var sample int
	if err := sc.Scan(&m.ID, &m.UnitID, &m.PersonID, &m.Name, &kind, &m.Fixed, &m.Joined, &m.Left, &sample, &m.Version); err != nil {
		return nil, err
	}
	m.Kind, m.Sample = zhenggai.DuesKind(kind), sample != 0
	return &m, nil
}

// DuesMembers lists a unit's live members by name.
func (s *Store) DuesMembers(ctx context.Context, unitID int64) ([]*zhenggai.DuesMember, error) {
	return s.duesMembers(ctx, s.rdb, unitID)
}

func (s *Store) duesMembers(ctx context.Context, db queryer, unitID int64) ([]*zhenggai.DuesMember, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+duesMemberCols+` FROM dues_members
		WHERE unit_id = ? AND voided_at IS NULL ORDER BY name, id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.DuesMember
	for rows.Next() {
		m, err := scanDuesMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// DuesMember returns one live member.
func (s *Store) DuesMember(ctx context.Context, id int64) (*zhenggai.DuesMember, error) {
	m, err := scanDuesMember(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+duesMemberCols+` FROM dues_members
		WHERE id = ? AND voided_at IS NULL`), id))
	return m, notFound(err, "党费缴纳党员")
}

// SaveDuesMember enters a member (ID 0) or saves changes at m.Version. The
// name is matched to one person of the roster; two of that name is a
// question for the user, answered by choosing PersonID.
func (s *Store) SaveDuesMember(ctx context.Context, m *zhenggai.DuesMember) error {
	m.Name = strings.TrimSpace(m.Name)
	if m.Kind != zhenggai.DuesFarmer {
		m.Fixed = 0
	}
	if err := m.Validate(); err != nil {
		return err
	}
	version := m.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		members, err := s.duesMembers(ctx, tx, m.UnitID)
		if err != nil {
			return err
		}
		for _, x := range members {
			if x.ID != m.ID && zhenggai.PersonKey(x.Name) == zhenggai.PersonKey(m.Name) {
				v := &zhenggai.ValidationError{}
				v.Add("name", "党费名册中已有“"+m.Name+"”")
				return v
			}
		}
		person, err := s.duesPerson(ctx, tx, m.UnitID, m.Name, m.PersonID)
		if err != nil {
			return err
		}
		if m.ID == 0 {
			id, err := s.insertRow(ctx, tx, "dues_members", `unit_id, person_id, name, kind, fixed, joined, left_month, sample, created_at, version`,
				m.UnitID, nullID(person), m.Name, string(m.Kind), int64(m.Fixed), m.Joined, m.Left, boolInt(m.Sample), s.stamp(), 1)
			if s.d.foreignKeyViolation(err) {
				v := &zhenggai.ValidationError{}
				v.Add("unit_id", "所属单位不存在")
				return v
			}
			if err != nil {
				return err
			}
			m.ID, m.Version, m.PersonID = id, 1, person
			return nil
		}
		var unit int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM dues_members WHERE id = ?`), m.ID).Scan(&unit); err != nil {
			return notFound(err, "党费缴纳党员")
		}
		if unit != m.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "党费缴纳党员不存在")
		}
		err = s.updateRow(ctx, tx, "dues_members", m.ID, version, `person_id = ?, name = ?, kind = ?, fixed = ?, joined = ?, left_month = ?`,
			nullID(person), m.Name, string(m.Kind), int64(m.Fixed), m.Joined, m.Left)
		if err != nil {
			return err
		}
		m.Version, m.PersonID = version+1, person
		return nil
	})
}

// duesPerson is the roster's person a member's name means: the chosen id
// when that person bears the name, else the one person of the name, 0 for
// none; two of the name and none chosen is a question.
func (s *Store) duesPerson(ctx context.Context, db queryer, unitID int64, name string, chosen int64) (int64, error) {
	persons, err := s.persons(ctx, db, unitID)
	if err != nil {
		return 0, err
	}
	for _, p := range persons {
		if p.ID == chosen && zhenggai.PersonKey(p.Name) == zhenggai.PersonKey(name) {
			return p.ID, nil
		}
	}
	p, cands := zhenggai.ResolvePerson(persons, name)
	if len(cands) > 1 {
		v := &zhenggai.ValidationError{}
		v.Add("name", zhenggai.ErrSameName(name))
		return 0, v
	}
	if p == nil {
		return 0, nil
	}
	return p.ID, nil
}

// DuesBases returns a unit's bases of live members; year 0 is every year.
func (s *Store) DuesBases(ctx context.Context, unitID int64, year int) ([]zhenggai.DuesBase, error) {
	q := `SELECT b.member_id, b.year, b.base FROM dues_bases b JOIN dues_members m ON m.id = b.member_id
		WHERE b.unit_id = ? AND m.voided_at IS NULL`
	args := []any{unitID}
	if year != 0 {
		q += ` AND b.year = ?`
		args = append(args, year)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q+` ORDER BY b.member_id, b.year`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.DuesBase
	for rows.Next() {
		var b zhenggai.DuesBase
		if err := rows.Scan(&b.MemberID, &b.Year, &b.Base); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// DuesPayments returns a unit's payments of live members for months from
// to to ("2019-01", "2019-12"; "" is open).
func (s *Store) DuesPayments(ctx context.Context, unitID int64, from, to string) ([]zhenggai.DuesPayment, error) {
	q := `SELECT p.member_id, p.month, p.paid, p.paid_on FROM dues_payments p JOIN dues_members m ON m.id = p.member_id
		WHERE p.unit_id = ? AND m.voided_at IS NULL`
	args := []any{unitID}
	if from != "" {
		q += ` AND p.month >= ?`
		args = append(args, from)
	}
	if to != "" {
		q += ` AND p.month <= ?`
		args = append(args, to)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q+` ORDER BY p.member_id, p.month`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.DuesPayment
	for rows.Next() {
		var p zhenggai.DuesPayment
		var on string
		if err := rows.Scan(&p.MemberID, &p.Month, &p.Paid, &on); err != nil {
			return nil, err
		}
		p.PaidOn, _ = zhenggai.ParseDate(on)
		out = append(out, p)
	}
	return out, rows.Err()
}

// DuesYears are the years a unit has bases or payments for, latest first.
func (s *Store) DuesYears(ctx context.Context, unitID int64) ([]int, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT year FROM dues_bases WHERE unit_id = ?
		UNION SELECT DISTINCT CAST(SUBSTR(month, 1, 4) AS INTEGER) FROM dues_payments WHERE unit_id = ?`), unitID, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out, rows.Err()
}

// SaveDuesBase sets a member's base for a year.
func (s *Store) SaveDuesBase(ctx context.Context, unitID int64, b zhenggai.DuesBase) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.memberOf(ctx, tx, unitID, b.MemberID); err != nil {
			return err
		}
		return s.setDuesBase(ctx, tx, unitID, b.MemberID, b.Year, b.Base)
	})
}

// SaveDuesPayment sets what a member paid for a month.
func (s *Store) SaveDuesPayment(ctx context.Context, unitID int64, p zhenggai.DuesPayment) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.memberOf(ctx, tx, unitID, p.MemberID); err != nil {
			return err
		}
		return s.setDuesPayment(ctx, tx, unitID, p)
	})
}

func (s *Store) memberOf(ctx context.Context, tx *sql.Tx, unitID, memberID int64) error {
	var unit int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM dues_members WHERE id = ? AND voided_at IS NULL`), memberID).Scan(&unit)
	if err == nil && unit != unitID {
		err = sql.ErrNoRows
	}
	return notFound(err, "党费缴纳党员")
}

func (s *Store) setDuesBase(ctx context.Context, tx *sql.Tx, unitID, memberID int64, year int, base zhenggai.Fen) error {
	var id, old int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, base FROM dues_bases WHERE member_id = ? AND year = ?`), memberID, year).Scan(&id, &old)
	switch {
	case err == sql.ErrNoRows:
		_, err = s.insertRow(ctx, tx, "dues_bases", `unit_id, member_id, year, base, version`, unitID, memberID, year, int64(base), 1)
		return err
	case err != nil:
		return err
	case old == int64(base):
		return nil
	}
	return s.updateRow(ctx, tx, "dues_bases", id, anyVersion, `base = ?`, int64(base))
}

func (s *Store) setDuesPayment(ctx context.Context, tx *sql.Tx, unitID int64, p zhenggai.DuesPayment) error {
	on := ""
	if !p.PaidOn.IsZero() {
		on = p.PaidOn.String()
	}
	var id, old int64
	var oldOn string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, paid, paid_on FROM dues_payments WHERE member_id = ? AND month = ?`),
		p.MemberID, p.Month).Scan(&id, &old, &oldOn)
	switch {
	case err == sql.ErrNoRows:
		_, err = s.insertRow(ctx, tx, "dues_payments", `unit_id, member_id, month, paid, paid_on, version`,
			unitID, p.MemberID, p.Month, int64(p.Paid), on, 1)
		return err
	case err != nil:
		return err
	case old == int64(p.Paid) && oldOn == on:
		return nil
	}
	return s.updateRow(ctx, tx, "dues_payments", id, anyVersion, `paid = ?, paid_on = ?`, int64(p.Paid), on)
}

// DuesRounding is the unit's rounding mode (half up unless set to down).
func (s *Store) DuesRounding(ctx context.Context, unitID int64) (zhenggai.Rounding, error) {
	set, err := s.NamedSettings(ctx, unitID, DuesRoundingSetting)
	if err != nil {
		return "", err
	}
	if m := zhenggai.Rounding(set[DuesRoundingSetting]); m.Valid() {
		return m, nil
	}
	return zhenggai.RoundHalfUp, nil
}

// SaveDuesRounding sets the unit's rounding mode.
func (s *Store) SaveDuesRounding(ctx context.Context, unitID int64, mode zhenggai.Rounding) error {
	if !mode.Valid() {
		v := &zhenggai.ValidationError{}
		v.Add("rounding", "取整方式须为四舍五入到分或舍去分以下")
		return v
	}
	return s.SaveNamedSettings(ctx, unitID, map[string]string{DuesRoundingSetting: string(mode)})
}

// DuesImportRow is one member's line of a dues sheet (or, in the long
// form, one month of it), as internal/xlsx reads it.
type DuesImportRow struct {
	Sheet string
	Row   int
	Name  string
	Kind  zhenggai.DuesKind // "" keeps a known member's kind
	Fixed zhenggai.Fen      // a farmer's amount; 0 keeps it
	Bases map[int]zhenggai.Fen
	// Months are the months the row covers: each is replaced by the
	// payment in Payments, or cleared (paid 0) when it has none.
	Months   []string
	Payments []zhenggai.DuesPayment
}

// DuesImportResult says what an import did (or, dry, would do).
type DuesImportResult struct {
	DryRun     bool                `json:"dry_run"`
	Members    int                 `json:"members"`
	NewMembers int                 `json:"new_members"`
	Bases      int                 `json:"bases"`
	Payments   int                 `json:"payments"`
	From       string              `json:"from"`
	To         string              `json:"to"`
	Preview    []DuesPreviewMember `json:"preview"`
}

// DuesPreviewMember is one member of an import's preview.
type DuesPreviewMember struct {
	Name   string       `json:"name"`
	Kind   string       `json:"kind"`
	New    bool         `json:"new,omitempty"`
	Months int          `json:"months"`
	Paid   zhenggai.Fen `json:"paid"`
	Due    zhenggai.Fen `json:"due"`
	Short  []string     `json:"short,omitempty"` // months paid less than due
}

func (r *DuesImportResult) String() string {
	verb := "已导入"
	if r.DryRun {
		verb = "检查通过，可导入"
	}
	s := fmt.Sprintf("%s党员%d名（新增%d名）、缴费基数%d条、缴纳记录%d条", verb, r.Members, r.NewMembers, r.Bases, r.Payments)
	if r.From != "" {
		s += "，" + zhenggai.MonthChinese(r.From) + "至" + zhenggai.MonthChinese(r.To)
	}
	return s
}

// duesGroup is one member's rows of an import.
type duesGroup struct {
	name   string
	first  DuesImportRow
	kind   zhenggai.DuesKind
	fixed  zhenggai.Fen
	bases  map[int]zhenggai.Fen
	months map[string]*zhenggai.DuesPayment // nil: covered, none paid
}

// ImportDues replaces what a dues sheet covers — its members' kinds, the
// years' bases, the months' payments — in one transaction, or nothing at
// all when any row is bad (a *sheet.Rejected naming each). Members not yet
// in the register are entered, matched to the roster by name.
func (s *Store) ImportDues(ctx context.Context, unitID int64, what string, in []DuesImportRow, dryRun bool) (*DuesImportResult, error) {
	var res *DuesImportResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		res = &DuesImportResult{DryRun: dryRun}
		var bad []sheet.RowError
		badf := func(r DuesImportRow, col, reason string) {
			bad = append(bad, sheet.RowError{Sheet: r.Sheet, Row: r.Row, Column: col, Reason: reason})
		}
		members, err := s.duesMembers(ctx, tx, unitID)
		if err != nil {
			return err
		}
		byName := map[string][]*zhenggai.DuesMember{}
		for _, m := range members {
			byName[zhenggai.PersonKey(m.Name)] = append(byName[zhenggai.PersonKey(m.Name)], m)
		}
		persons, err := s.persons(ctx, tx, unitID)
		if err != nil {
			return err
		}
		rounding, err := s.duesRoundingTx(ctx, tx, unitID)
		if err != nil {
			return err
		}
		var order []string
		groups := map[string]*duesGroup{}
		for _, r := range in {
			key := zhenggai.PersonKey(r.Name)
			if key == "" {
				badf(r, "姓名", "姓名不能为空")
				continue
			}
			g := groups[key]
			if g == nil {
				g = &duesGroup{name: strings.TrimSpace(r.Name), first: r, bases: map[int]zhenggai.Fen{}, months: map[string]*zhenggai.DuesPayment{}}
				groups[key] = g
				order = append(order, key)
			}
			if r.Kind != "" {
				if g.kind != "" && g.kind != r.Kind {
					badf(r, "类别", fmt.Sprintf("“%s”的类别与第%d行不同（%s、%s）", g.name, g.first.Row, g.kind.Label(), r.Kind.Label()))
				}
				g.kind = r.Kind
			}
			if r.Fixed != 0 {
				g.fixed = r.Fixed
			}
			for y, b := range r.Bases {
				if old, ok := g.bases[y]; ok && old != b {
					badf(r, "缴费基数", fmt.Sprintf("“%s”%d年的缴费基数与前面的行不同", g.name, y))
				}
				g.bases[y] = b
			}
			paid := map[string]bool{}
			for i := range r.Payments {
				p := r.Payments[i]
				if err := p.Validate(); err != nil {
					badf(r, zhenggai.MonthChinese(p.Month), fieldMessages(err))
					continue
				}
				if _, dup := g.months[p.Month]; dup && !paid[p.Month] {
					badf(r, zhenggai.MonthChinese(p.Month), fmt.Sprintf("“%s”%s的缴纳记录重复", g.name, zhenggai.MonthChinese(p.Month)))
					continue
				}
				paid[p.Month] = true
				g.months[p.Month] = &p
			}
			for _, m := range r.Months {
				if _, ok := g.months[m]; !ok {
					g.months[m] = nil
				}
			}
		}
		type planned struct {
			g      *duesGroup
			member *zhenggai.DuesMember // nil: new
			person int64
		}
		var plan []planned
		for _, key := range order {
			g := groups[key]
			ms := byName[key]
			var m *zhenggai.DuesMember
			switch len(ms) {
			case 0:
			case 1:
				m = ms[0]
			default:
				badf(g.first, "姓名", "党费名册中有两名“"+g.name+"”，请先在名册中区分后再导入")
				continue
			}
			kind, fixed := g.kind, g.fixed
			if m != nil {
				if kind == "" {
					kind = m.Kind
				}
				if fixed == 0 && kind == m.Kind {
					fixed = m.Fixed
				}
			} else if kind == "" {
				badf(g.first, "类别", "“"+g.name+"”不在党费名册中，请填写类别（在职、离退休、学生、下岗失业、低保、农民）")
				continue
			}
			cand := zhenggai.DuesMember{UnitID: unitID, Name: g.name, Kind: kind, Fixed: fixed}
			if kind != zhenggai.DuesFarmer {
				if g.fixed != 0 {
					badf(g.first, "固定交纳额", "只有农民党员填写每月固定交纳额，“"+g.name+"”是"+kind.Label()+"党员")
					continue
				}
				cand.Fixed = 0
			}
			if m != nil {
				cand.Joined, cand.Left = m.Joined, m.Left
			}
			if err := cand.Validate(); err != nil {
				for _, f := range err.(*zhenggai.ValidationError).Fields {
					badf(g.first, "", f.Message)
				}
				continue
			}
			p := planned{g: g, member: m}
			if m == nil {
				pp, cands := zhenggai.ResolvePerson(persons, g.name)
				if len(cands) > 1 {
					badf(g.first, "姓名", zhenggai.ErrSameName(g.name))
					continue
				}
				if pp != nil {
					p.person = pp.ID
				}
				res.NewMembers++
			}
			g.kind, g.fixed = kind, cand.Fixed
			for y, b := range g.bases {
				if err := (&zhenggai.DuesBase{Year: y, Base: b}).Validate(); err != nil {
					badf(g.first, "缴费基数", fieldMessages(err))
				}
			}
			plan = append(plan, p)
		}
		if len(bad) > 0 {
			if what == "" {
				what = "党费缴纳表"
			}
			return &sheet.Rejected{What: what, Rows: bad}
		}
		if len(plan) == 0 {
			return zhenggai.Errorf(zhenggai.EINVALID, "表中没有党员的党费记录")
		}
		// Bases the sheet lacks come from the register, for the preview's dues.
		stored, err := s.duesBasesTx(ctx, tx, unitID)
		if err != nil {
			return err
		}
		for _, p := range plan {
			g := p.g
			res.Members++
			res.Bases += len(g.bases)
			pv := DuesPreviewMember{Name: g.name, Kind: g.kind.Label(), New: p.member == nil}
			months := make([]string, 0, len(g.months))
			for m := range g.months {
				months = append(months, m)
			}
			slices.Sort(months)
			for _, month := range months {
				pay := g.months[month]
				pv.Months++
				if res.From == "" || month < res.From {
					res.From = month
				}
				if month > res.To {
					res.To = month
				}
				var y int
				fmt.Sscanf(month, "%d", &y)
				base, ok := g.bases[y]
				if !ok && p.member != nil {
					base = stored[[2]int64{p.member.ID, int64(y)}]
				}
				due := zhenggai.Due(g.kind, base, g.fixed, rounding)
				pv.Due += due
				if pay != nil {
					res.Payments++
					pv.Paid += pay.Paid
				}
				if pay == nil || pay.Paid < due {
					pv.Short = append(pv.Short, month)
				}
			}
			res.Preview = append(res.Preview, pv)
		}
		if dryRun {
			return nil
		}
		for _, p := range plan {
			g := p.g
			id := int64(0)
			if p.member == nil {
				id, err = s.insertRow(ctx, tx, "dues_members", `unit_id, person_id, name, kind, fixed, joined, left_month, sample, created_at, version`,
					unitID, nullID(p.person), g.name, string(g.kind), int64(g.fixed), "", "", 0, s.stamp(), 1)
				if err != nil {
					return err
				}
			} else {
				id = p.member.ID
				if g.kind != p.member.Kind || g.fixed != p.member.Fixed {
					if err := s.updateRow(ctx, tx, "dues_members", id, anyVersion, `kind = ?, fixed = ?`, string(g.kind), int64(g.fixed)); err != nil {
						return err
					}
				}
			}
			years := make([]int, 0, len(g.bases))
			for y := range g.bases {
				years = append(years, y)
			}
			slices.Sort(years)
			for _, y := range years {
				if err := s.setDuesBase(ctx, tx, unitID, id, y, g.bases[y]); err != nil {
					return err
				}
			}
			months := make([]string, 0, len(g.months))
			for m := range g.months {
				months = append(months, m)
			}
			slices.Sort(months)
			for _, month := range months {
				pay := zhenggai.DuesPayment{MemberID: id, Month: month}
				if x := g.months[month]; x != nil {
					pay.Paid, pay.PaidOn = x.Paid, x.PaidOn
				}
				if err := s.setDuesPaymentIfAny(ctx, tx, unitID, pay, g.months[month] != nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// setDuesPaymentIfAny sets a payment; a month covered but blank clears a
// stored payment to nothing paid and enters none where there was none.
func (s *Store) setDuesPaymentIfAny(ctx context.Context, tx *sql.Tx, unitID int64, p zhenggai.DuesPayment, given bool) error {
	if given {
		return s.setDuesPayment(ctx, tx, unitID, p)
	}
	var id int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM dues_payments WHERE member_id = ? AND month = ?`), p.MemberID, p.Month).Scan(&id)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return s.setDuesPayment(ctx, tx, unitID, p)
}

func (s *Store) duesRoundingTx(ctx context.Context, db queryer, unitID int64) (zhenggai.Rounding, error) {
	var v string
	err := db.QueryRowContext(ctx, s.d.rebind(`SELECT value FROM settings WHERE unit_id = ? AND name = ?`), unitID, DuesRoundingSetting).Scan(&v)
	if err != nil && err != sql.ErrNoRows {
		return "", err
	}
	if m := zhenggai.Rounding(v); m.Valid() {
		return m, nil
	}
	return zhenggai.RoundHalfUp, nil
}

func (s *Store) duesBasesTx(ctx context.Context, db queryer, unitID int64) (map[[2]int64]zhenggai.Fen, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT member_id, year, base FROM dues_bases WHERE unit_id = ?`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]int64]zhenggai.Fen{}
	for rows.Next() {
		var m, y, b int64
		if err := rows.Scan(&m, &y, &b); err != nil {
			return nil, err
		}
		out[[2]int64{m, y}] = zhenggai.Fen(b)
	}
	return out, rows.Err()
}

// fieldMessages is a validation error's reasons without its 输入有误 lead.
func fieldMessages(err error) string {
	var v *zhenggai.ValidationError
	if !errors.As(err, &v) {
		return zhenggai.ErrorMessage(err)
	}
	var out []string
	for _, f := range v.Fields {
		out = append(out, f.Message)
	}
	return strings.Join(out, "；")
}

// DuesRow is one member's year of the register, as the page and the API
// show it: the base, the monthly due, the twelve months up to through, the
// year's sums and the months owed and paid short.
type DuesRow struct {
	Member  *zhenggai.DuesMember
	Base    zhenggai.Fen
	HasBase bool
	Monthly zhenggai.Fen
	Months  []zhenggai.DuesMonth
	Due     zhenggai.Fen
	Paid    zhenggai.Fen
	Short   []string
}

// DuesYear lays out a unit's register for year, due counted up to the
// month through ("2020-10"), with the unit's rounding.
func (s *Store) DuesYear(ctx context.Context, unitID int64, year int, through string) ([]DuesRow, zhenggai.Rounding, error) {
	members, err := s.DuesMembers(ctx, unitID)
	if err != nil {
		return nil, "", err
	}
	mode, err := s.DuesRounding(ctx, unitID)
	if err != nil {
		return nil, "", err
	}
	bases, err := s.DuesBases(ctx, unitID, year)
	if err != nil {
		return nil, "", err
	}
	pays, err := s.DuesPayments(ctx, unitID, fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year))
	if err != nil {
		return nil, "", err
	}
	baseOf := map[int64]zhenggai.Fen{}
	for _, b := range bases {
		baseOf[b.MemberID] = b.Base
	}
	paid := map[int64]map[string]zhenggai.DuesPayment{}
	for _, p := range pays {
		if paid[p.MemberID] == nil {
			paid[p.MemberID] = map[string]zhenggai.DuesPayment{}
		}
		paid[p.MemberID][p.Month] = p
	}
	rows := make([]DuesRow, 0, len(members))
	for _, m := range members {
		base, has := baseOf[m.ID]
		row := DuesRow{Member: m, Base: base, HasBase: has, Monthly: zhenggai.Due(m.Kind, base, m.Fixed, mode),
			Months: zhenggai.DuesYearOf(m, year, base, paid[m.ID], mode, through), Short: []string{}}
		for _, mo := range row.Months {
			row.Due += mo.Due
			row.Paid += mo.Paid
			if mo.Short() {
				row.Short = append(row.Short, mo.Month)
			}
		}
		rows = append(rows, row)
	}
	return rows, mode, nil
}
