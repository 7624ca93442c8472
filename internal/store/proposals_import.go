package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// Proposals imported from the lists offices keep (or their platforms
// export), one row per proposal, and the same list written back. An
// import adds proposals: a proposal of the same session and number
// already in the register refuses the whole file, naming the row (a
// proposal worked on in the program keeps its replies and forms; the
// office voids it first if the list is to replace it).

// ProposalImportRow is one proposal as a list's row holds it: the
// proposal with its signers (by name), handling units, approved reply and
// the lead proposer's form as the row says, its status derived from them.
type ProposalImportRow struct {
	Sheet string
	Row   int
	P     *zhenggai.Proposal
	// MergedNumber is the number of the proposal (same session) it was
	// merged into (并入第12号).
	MergedNumber string
	Note         string // 备注, kept on the import's event
}

// ProposalImport is a list to import into a unit's register.
type ProposalImport struct {
	UnitID   int64
	FileName string
	SHA256   string
	Rows     []ProposalImportRow
	DryRun   bool
}

// ProposalImportResult says what an import did (or, dry, would do).
type ProposalImportResult struct {
	ID         int64    `json:"id,omitempty"`
	DryRun     bool     `json:"dry_run"`
	Proposals  int      `json:"proposals"`
	Sessions   []string `json:"sessions"`
	Registered int      `json:"registered"`
	Merged     int      `json:"merged"`
	Rejected   int      `json:"rejected"`
	Converted  int      `json:"converted"`
	Replies    int      `json:"replies"`
	Forms      int      `json:"forms"`
	Done       int      `json:"done"`
	Matched    int      `json:"matched_persons"`
	Unmatched  []string `json:"unmatched_names,omitempty"` // names of no roster person, kept as names
	// Handling units typed in the list are the installation's units
	// when a unit answers to the name (short, full, alias: as documents
	// name units); the others are kept as names and listed here.
	HandlersMatched int      `json:"matched_handlers"`
	OtherHandlers   []string `json:"unmatched_handlers,omitempty"`
}

func (r *ProposalImportResult) String() string {
	verb := "已导入"
	if r.DryRun {
		verb = "检查通过（未写入）"
	}
	s := fmt.Sprintf("%s提案%d件（%s）：立案%d件、并案%d件、不予立案%d件、转意见建议%d件；答复%d件，征询意见表%d份，办结%d件",
		verb, r.Proposals, strings.Join(r.Sessions, "、"), r.Registered, r.Merged, r.Rejected, r.Converted, r.Replies, r.Forms, r.Done)
	if len(r.Unmatched) > 0 {
		s += "\n注意：以下姓名不在人员名册中，按姓名登记：" + strings.Join(r.Unmatched, "、")
	}
	if len(r.OtherHandlers) > 0 {
		s += "\n注意：以下承办单位不是本系统中的单位，按名称登记（其答复由提案委录入）：" + strings.Join(r.OtherHandlers, "、")
	}
	return s
}

// proposalKey is what makes a proposal one: its session (or, outside a
// session, its year) and its number.
func proposalKey(p *zhenggai.Proposal) string {
	if p.Session != "" {
		return "s|" + p.Session + "|" + p.Number
	}
	return "y|" + strconv.Itoa(p.Year) + "|" + p.Number
}

// proposalKeyName names a proposal in messages: 九届四次第12号, 2020年平时提案第3号.
func proposalKeyName(p *zhenggai.Proposal) string {
	n := p.Number
	if strings.Trim(n, "0123456789") == "" {
		n = "第" + n + "号"
	}
	if p.Session != "" {
		return p.Session + n
	}
	return strconv.Itoa(p.Year) + "年平时提案" + n
}

// ImportProposals writes a list's proposals in one transaction with one
// audited proposal_imports row, or nothing when any row is bad (a
// *sheet.Rejected naming each). Names are matched to the unit's roster:
// one person is linked, none stays a name, two of one name refuse the row.
func (s *Store) ImportProposals(ctx context.Context, im *ProposalImport) (*ProposalImportResult, error) {
	if len(im.Rows) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "名单中没有提案")
	}
	var res *ProposalImportResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		res = &ProposalImportResult{DryRun: im.DryRun}
		var bad []sheet.RowError
		badf := func(r *ProposalImportRow, col, reason string) {
			bad = append(bad, sheet.RowError{Sheet: r.Sheet, Row: r.Row, Column: col, Reason: reason})
		}
		var one int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM units WHERE id = ?`), im.UnitID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在")
			}
			return err
		}
		roster, err := s.persons(ctx, tx, im.UnitID)
		if err != nil {
			return err
		}
		stored, err := s.proposalKeys(ctx, tx, im.UnitID)
		if err != nil {
			return err
		}
		units, err := s.units(ctx, tx)
		if err != nil {
			return err
		}
		otherHandler := map[string]bool{}
		// Each row's proposal is a copy: fn may run twice.
		ps := make([]zhenggai.Proposal, len(im.Rows))
		inFile := map[string]int{}
		unmatched := map[string]bool{}
		for i := range im.Rows {
			r := &im.Rows[i]
			p := &ps[i]
			*p = *r.P
			p.Signers = slices.Clone(r.P.Signers)
			p.Feedback = slices.Clone(r.P.Feedback)
			p.Handlers = slices.Clone(r.P.Handlers)
			for j := range p.Handlers {
				h := &p.Handlers[j]
				if u := zhenggai.FindUnit(units, h.Handler); u != nil {
					h.HandlerUnitID, h.Handler = u.ID, u.Name
					res.HandlersMatched++
					continue
				}
				if k := zhenggai.UnitKey(h.Handler); !otherHandler[k] {
					otherHandler[k] = true
					res.OtherHandlers = append(res.OtherHandlers, h.Handler)
				}
			}
			k := proposalKey(p)
			if j, dup := inFile[k]; dup {
				badf(r, "提案号", fmt.Sprintf("%s与第%d行重复", proposalKeyName(p), im.Rows[j].Row))
				continue
			}
			inFile[k] = i
			if _, dup := stored[k]; dup {
				badf(r, "提案号", proposalKeyName(p)+"已在提案登记簿中，未导入；如需以名单替换，请先作废原提案")
			}
			for j := range p.Signers {
				sg := &p.Signers[j]
				person, candidates := zhenggai.ResolvePerson(roster, sg.Name)
				switch {
				case len(candidates) > 1:
					col := "联名人"
					if j == 0 {
						col = "提案人"
					}
					badf(r, col, zhenggai.ErrSameName(sg.Name))
				case person != nil:
					sg.PersonID, sg.Name = person.ID, person.Name
					res.Matched++
				default:
					if !unmatched[zhenggai.PersonKey(sg.Name)] {
						unmatched[zhenggai.PersonKey(sg.Name)] = true
						res.Unmatched = append(res.Unmatched, sg.Name)
					}
				}
			}
			for j := range p.Feedback {
				f := &p.Feedback[j]
				for _, sg := range p.Signers {
					if zhenggai.PersonKey(sg.Name) == zhenggai.PersonKey(f.Name) {
						f.PersonID, f.Name = sg.PersonID, sg.Name
					}
				}
			}
		}
		// 并入: a proposal of the same session, in the file or stored.
		target := make([]int, len(ps)) // index in the file, -1 stored, -2 none
		for i := range ps {
			r := &im.Rows[i]
			target[i] = -2
			if ps[i].Status != zhenggai.PropMerged {
				continue
			}
			t := ps[i]
			t.Number = r.MergedNumber
			k := proposalKey(&t)
			j, inList := inFile[k]
			id, isStored := stored[k]
			switch {
			case r.MergedNumber == ps[i].Number:
				badf(r, "审查结果", "提案不能并入自身")
			case inList:
				target[i] = j
			case isStored:
				target[i], ps[i].MergedInto = -1, id
			default:
				badf(r, "审查结果", "并入的"+proposalKeyName(&t)+"不在名单中，也不在提案登记簿中")
			}
		}
		if len(bad) > 0 {
			return &sheet.Rejected{What: "提案名单", Rows: bad}
		}
		now := s.stamp()
		by := zhenggai.ActorFrom(ctx).Name
		var sessions []string
		for i := range ps {
			name := ps[i].Session
			if name == "" {
				name = strconv.Itoa(ps[i].Year) + "年平时提案"
			}
			if !slices.Contains(sessions, name) {
				sessions = append(sessions, name)
			}
		}
		res.Sessions = sessions
		res.ID, err = s.insertRow(ctx, tx, "proposal_imports", `unit_id, file_name, sha256, sessions, proposals, imported_by, created_at`,
			im.UnitID, zhenggai.Clip(im.FileName, 200), im.SHA256, strings.Join(sessions, "、"), len(ps), by, now)
		if err != nil {
			return err
		}
		// Targets before the proposals merged into them.
		ids := make([]int64, len(ps))
		for left := len(ps); left > 0; {
			progress := false
			for i := range ps {
				if ids[i] != 0 || (target[i] >= 0 && ids[target[i]] == 0) {
					continue
				}
				if target[i] >= 0 {
					ps[i].MergedInto = ids[target[i]]
				}
				if ids[i], err = s.insertImportedProposal(ctx, tx, im.UnitID, &ps[i], im.Rows[i].Note, im.FileName, now, by); err != nil {
					return err
				}
				left--
				progress = true
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if !progress {
				for i := range ps {
					if ids[i] == 0 {
						badf(&im.Rows[i], "审查结果", "并案关系成环（甲并入乙、乙又并入甲）")
					}
				}
				return &sheet.Rejected{What: "提案名单", Rows: bad}
			}
		}
		for i := range ps {
			p := &ps[i]
			res.Proposals++
			switch p.Status {
			case zhenggai.PropMerged:
				res.Merged++
			case zhenggai.PropRejected:
				res.Rejected++
			case zhenggai.PropConverted:
				res.Converted++
			case zhenggai.PropSubmitted:
			default:
				res.Registered++
			}
			res.Replies += len(p.Replies)
			res.Forms += len(p.Feedback)
			if p.Status == zhenggai.PropDone {
				res.Done++
			}
		}
		if im.DryRun {
			res.ID = 0
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// proposalKeys are the keys of a unit's live proposals, with their ids.
func (s *Store) proposalKeys(ctx context.Context, db queryer, unitID int64) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT id, session, year, number FROM proposals WHERE unit_id = ? AND voided_at IS NULL`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var p zhenggai.Proposal
		if err := rows.Scan(&p.ID, &p.Session, &p.Year, &p.Number); err != nil {
			return nil, err
		}
		out[proposalKey(&p)] = p.ID
	}
	return out, rows.Err()
}

// insertImportedProposal writes one proposal of a list with its rows.
func (s *Store) insertImportedProposal(ctx context.Context, tx *sql.Tx, unitID int64, p *zhenggai.Proposal, note, file, now, by string) (int64, error) {
	id, err := s.insertRow(ctx, tx, "proposals", `unit_id, session, year, number, title, content, source, submitter, timing, status, `+
		`submitted_on, reviewed_on, ground, merged_into, converted_to, assigned_on, due_on, extended_to, extend_reason, is_key, key_leader, `+
		`class, done_on, public, created_at, created_by`,
		unitID, p.Session, p.Year, p.Number, p.Title, p.Content, string(p.Source), p.Submitter, string(p.Timing), string(p.Status),
		p.SubmittedOn.String(), p.ReviewedOn.String(), p.Ground, nullID(p.MergedInto), p.ConvertedTo, p.AssignedOn.String(),
		p.DueOn.String(), p.ExtendedTo.String(), p.ExtendReason, boolInt(p.Key), p.KeyLeader, string(p.Class), p.DoneOn.String(),
		boolInt(p.Public), now, by)
	if err != nil {
		return 0, err
	}
	for _, sg := range p.Signers {
		if _, err := s.insertRow(ctx, tx, "proposal_signers", `unit_id, proposal_id, seq, person_id, name, confirmed_on`,
			unitID, id, sg.Seq, nullID(sg.PersonID), sg.Name, sg.ConfirmedOn.String()); err != nil {
			return 0, err
		}
	}
	var lead int64
	for _, h := range p.Handlers {
		aid, err := s.insertRow(ctx, tx, "proposal_assignments", `unit_id, proposal_id, handler_unit_id, handler, role, assigned_on`,
			unitID, id, nullID(h.HandlerUnitID), h.Handler, string(h.Role), h.AssignedOn.String())
		if err != nil {
			return 0, err
		}
		if lead == 0 && h.Role == zhenggai.HandlerLead {
			lead = aid
		}
	}
	for _, r := range p.Replies {
		if _, err := s.insertRow(ctx, tx, "proposal_replies", `unit_id, proposal_id, assignment_id, round, co_view, replied_on, class, `+
			`summary, reviewed_on, approved, created_at, created_by`,
			unitID, id, nullID(lead), r.Round, boolInt(r.CoView), r.RepliedOn.String(), string(r.Class), r.Summary,
			r.ReviewedOn.String(), boolInt(r.Approved), now, by); err != nil {
			return 0, err
		}
	}
	for _, f := range p.Feedback {
		if _, err := s.insertRow(ctx, tx, "proposal_feedback", `unit_id, proposal_id, round, person_id, name, result, returned_on, created_at`,
			unitID, id, f.Round, nullID(f.PersonID), f.Name, string(f.Result), f.ReturnedOn.String(), now); err != nil {
			return 0, err
		}
	}
	ev := "导入自" + zhenggai.Clip(file, 100)
	if note != "" {
		ev = note
	}
	_, err = tx.ExecContext(ctx, s.d.rebind(`INSERT INTO proposal_events (unit_id, proposal_id, at, on_date, action, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		unitID, id, now, "", string(zhenggai.ActImport), by, ev)
	return id, err
}

// ProposalSheetRow is a proposal as the list writes it.
type ProposalSheetRow struct {
	P            *zhenggai.Proposal
	MergedNumber string
	Sector       string // the lead member's 界别, from the members' register
	Note         string // the import's 备注
}

// ProposalsForSheet reads a unit's live proposals of a scope (all when
// the scope is empty), with signers, assignments, replies and forms, in
// session, year and number order, for the list's export.
func (s *Store) ProposalsForSheet(ctx context.Context, unitID int64, sc ProposalScope) ([]ProposalSheetRow, error) {
	where := `unit_id = ? AND voided_at IS NULL`
	args := []any{unitID}
	if sc.Session != "" {
		where += ` AND session = ?`
		args = append(args, sc.Session)
	}
	if sc.Year != 0 {
		where += ` AND year = ?`
		args = append(args, sc.Year)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT id, session, year, number, title, content, source, submitter, timing, status,
		submitted_on, reviewed_on, ground, COALESCE(merged_into, 0), converted_to, assigned_on, due_on, extended_to, extend_reason, is_key,
		key_leader, class, done_on, public FROM proposals WHERE `+where+` ORDER BY year, session, id`), args...)
	if err != nil {
		return nil, err
	}
	var out []ProposalSheetRow
	byID := map[int64]*zhenggai.Proposal{}
	for rows.Next() {
		p := &zhenggai.Proposal{UnitID: unitID}
		var src, timing, status, class, sub, rev, asg, due, ext, done string
		var key, public int
		if err := rows.Scan(&p.ID, &p.Session, &p.Year, &p.Number, &p.Title, &p.Content, &src, &p.Submitter, &timing, &status,
			&sub, &rev, &p.Ground, &p.MergedInto, &p.ConvertedTo, &asg, &due, &ext, &p.ExtendReason, &key, &p.KeyLeader, &class,
			&done, &public); err != nil {
			rows.Close()
			return nil, err
		}
		p.Source, p.Timing, p.Status, p.Class = zhenggai.ProposalSource(src), zhenggai.ProposalTiming(timing), zhenggai.ProposalStatus(status), zhenggai.ReplyClass(class)
		p.SubmittedOn, p.ReviewedOn, p.AssignedOn, p.DueOn, p.ExtendedTo, p.DoneOn = parseDate(sub), parseDate(rev), parseDate(asg), parseDate(due), parseDate(ext), parseDate(done)
		p.Key, p.Public = key != 0, public != 0
		out = append(out, ProposalSheetRow{P: p})
		byID[p.ID] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	sub := `SELECT id FROM proposals WHERE ` + where
	each := func(q string, fn func(*sql.Rows, *zhenggai.Proposal) error) error {
		rs, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			if err := fn(rs, nil); err != nil {
				return err
			}
		}
		return rs.Err()
	}
	err = each(`SELECT proposal_id, seq, COALESCE(person_id, 0), name, confirmed_on FROM proposal_signers WHERE proposal_id IN (`+sub+`) ORDER BY proposal_id, seq`,
		func(rs *sql.Rows, _ *zhenggai.Proposal) error {
			var pid int64
			var sg zhenggai.ProposalSigner
			var conf string
			if err := rs.Scan(&pid, &sg.Seq, &sg.PersonID, &sg.Name, &conf); err != nil {
				return err
			}
			sg.ConfirmedOn = parseDate(conf)
			if p := byID[pid]; p != nil {
				p.Signers = append(p.Signers, sg)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT proposal_id, id, handler, role, assigned_on, returned_on FROM proposal_assignments WHERE proposal_id IN (`+sub+`) ORDER BY proposal_id, id`,
		func(rs *sql.Rows, _ *zhenggai.Proposal) error {
			var pid int64
			var h zhenggai.ProposalAssignment
			var role, on, ret string
			if err := rs.Scan(&pid, &h.ID, &h.Handler, &role, &on, &ret); err != nil {
				return err
			}
			h.Role, h.AssignedOn, h.ReturnedOn = zhenggai.HandlerRole(role), parseDate(on), parseDate(ret)
			if p := byID[pid]; p != nil {
				p.Handlers = append(p.Handlers, h)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT proposal_id, id, COALESCE(assignment_id, 0), round, co_view, replied_on, class, reviewed_on, approved FROM proposal_replies
		WHERE proposal_id IN (`+sub+`) ORDER BY proposal_id, round, id`,
		func(rs *sql.Rows, _ *zhenggai.Proposal) error {
			var pid int64
			var r zhenggai.ProposalReply
			var co, approved int
			var on, class, rev string
			if err := rs.Scan(&pid, &r.ID, &r.AssignmentID, &r.Round, &co, &on, &class, &rev, &approved); err != nil {
				return err
			}
			r.CoView, r.Approved, r.RepliedOn, r.Class, r.ReviewedOn = co != 0, approved != 0, parseDate(on), zhenggai.ReplyClass(class), parseDate(rev)
			if p := byID[pid]; p != nil {
				p.Replies = append(p.Replies, r)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT proposal_id, id, round, COALESCE(person_id, 0), name, result, returned_on FROM proposal_feedback
		WHERE proposal_id IN (`+sub+`) ORDER BY proposal_id, round, id`,
		func(rs *sql.Rows, _ *zhenggai.Proposal) error {
			var pid int64
			var f zhenggai.ProposalFeedback
			var result, on string
			if err := rs.Scan(&pid, &f.ID, &f.Round, &f.PersonID, &f.Name, &result, &on); err != nil {
				return err
			}
			f.Result, f.ReturnedOn = zhenggai.FeedbackResult(result), parseDate(on)
			if p := byID[pid]; p != nil {
				p.Feedback = append(p.Feedback, f)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	notes := map[int64]string{}
	err = each(`SELECT proposal_id, note FROM proposal_events WHERE action = 'import' AND proposal_id IN (`+sub+`) ORDER BY id`,
		func(rs *sql.Rows, _ *zhenggai.Proposal) error {
			var pid int64
			var note string
			if err := rs.Scan(&pid, &note); err != nil {
				return err
			}
			if !strings.HasPrefix(note, "导入自") {
				notes[pid] = note
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	sectors := map[int64]string{}
	srows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT person_id, sector FROM cppcc_members
		WHERE unit_id = ? AND voided_at IS NULL AND person_id IS NOT NULL AND sector <> '' ORDER BY id`), unitID)
	if err != nil {
		return nil, err
	}
	for srows.Next() {
		var pid int64
		var sec string
		if err := srows.Scan(&pid, &sec); err != nil {
			srows.Close()
			return nil, err
		}
		sectors[pid] = sec // the latest term's
	}
	srows.Close()
	if err := srows.Err(); err != nil {
		return nil, err
	}
	numbers := map[int64]string{}
	for _, r := range out {
		numbers[r.P.ID] = r.P.Number
	}
	for i := range out {
		r := &out[i]
		r.Note = notes[r.P.ID]
		if len(r.P.Signers) > 0 && r.P.Signers[0].PersonID > 0 {
			r.Sector = sectors[r.P.Signers[0].PersonID]
		}
		if r.P.MergedInto > 0 {
			n, ok := numbers[r.P.MergedInto]
			if !ok {
				if err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT number FROM proposals WHERE id = ? AND unit_id = ?`),
					r.P.MergedInto, unitID).Scan(&n); err != nil && !errors.Is(err, sql.ErrNoRows) {
					return nil, err
				}
			}
			r.MergedNumber = n
		}
	}
	return out, nil
}
