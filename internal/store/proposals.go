package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
)

// Proposals (提案). A proposal is changed by the steps of its cycle only
// (ProposalStep): each step, in one transaction, moves the status as
// zhenggai.ProposalNext allows, writes the step's own row (an assignment,
// a reply, a review, a feedback form) and a dated line of the timeline
// (proposal_events).

// ProposalSettings are the unit's settings of the register, defaults
// filled in.
type ProposalSettings struct {
	Grounds    []string                  `json:"reject_grounds"`
	Classes    []zhenggai.ReplyClassInfo `json:"classes"`
	Questions  []string                  `json:"feedback_questions"`
	ReturnDays int                       `json:"return_days"`
}

// ProposalSettings reads the unit's settings of the register.
func (s *Store) ProposalSettings(ctx context.Context, unitID int64) (*ProposalSettings, error) {
	set, err := s.NamedSettings(ctx, unitID, "proposals.")
	if err != nil {
		return nil, err
	}
	ps := &ProposalSettings{
		Grounds:    zhenggai.LinesFrom(set[zhenggai.ProposalGroundsSetting], zhenggai.DefaultRejectGrounds),
		Classes:    zhenggai.ReplyClassesFrom(set[zhenggai.ProposalClassesSetting]),
		Questions:  zhenggai.LinesFrom(set[zhenggai.ProposalQuestionsSetting], zhenggai.DefaultFeedbackQuestions),
		ReturnDays: zhenggai.DefaultProposalReturnDays,
	}
	if n, err := strconv.Atoi(strings.TrimSpace(set[zhenggai.ProposalReturnDaysSetting])); err == nil && n >= 1 && n <= 60 {
		ps.ReturnDays = n
	}
	return ps, nil
}

// SaveProposalSettings stores the unit's settings of the register (a
// list left empty returns to its defaults).
func (s *Store) SaveProposalSettings(ctx context.Context, unitID int64, ps *ProposalSettings) error {
	v := &zhenggai.ValidationError{}
	lines := func(field, label string, list []string) string {
		var keep []string
		for _, x := range list {
			if x = strings.TrimSpace(x); x != "" {
				zhenggai.CheckText(v, field, label+"“"+zhenggai.Clip(x, 20)+"”", x, true, 100)
				keep = append(keep, x)
			}
		}
		if len(keep) > 50 {
			v.Add(field, label+"过多（最多50项）")
		}
		return strings.Join(keep, "\n")
	}
	grounds := lines("reject_grounds", "不予立案理由", ps.Grounds)
	questions := lines("feedback_questions", "意见表问题", ps.Questions)
	var classes []string
	for _, c := range ps.Classes {
		if !c.Class.Valid() {
			v.Add("classes", "答复类别须为A、B、C类")
			continue
		}
		zhenggai.CheckText(v, "classes", string(c.Class)+"类的含义", c.Meaning, true, 100)
		classes = append(classes, string(c.Class)+"="+strings.TrimSpace(c.Meaning))
	}
	if ps.ReturnDays < 1 || ps.ReturnDays > 60 {
		v.Add("return_days", "退回交办的期限须为1至60个工作日")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.SaveNamedSettings(ctx, unitID, map[string]string{
		zhenggai.ProposalGroundsSetting: grounds, zhenggai.ProposalQuestionsSetting: questions,
		zhenggai.ProposalClassesSetting: strings.Join(classes, "\n"), zhenggai.ProposalReturnDaysSetting: strconv.Itoa(ps.ReturnDays),
	})
}

// CreateProposal enters a proposal: a draft whose co-signers (Signers[1:],
// each with his Deadline) are invited, or, with submit, one submitted
// directly (co-signers named then signed on paper: confirmed). Signers
// are persons of the unit's roster (by id, or by a name that finds one);
// the lead signer is Signers[0].
func (s *Store) CreateProposal(ctx context.Context, p *zhenggai.Proposal, submit bool) error {
	today := zhenggai.DateOf(s.now())
	if p.SubmittedOn.IsZero() {
		p.SubmittedOn = today
	}
	if p.Year == 0 {
		p.Year = p.SubmittedOn.Year()
	}
	if p.Source == "" {
		p.Source = zhenggai.SourceMember
	}
	if p.Timing == "" {
		p.Timing = zhenggai.TimingSession
	}
	p.Title, p.Content = strings.TrimSpace(p.Title), strings.TrimSpace(p.Content)
	p.Session, p.Number, p.Submitter = strings.TrimSpace(p.Session), strings.TrimSpace(p.Number), strings.TrimSpace(p.Submitter)
	signers := slices.Clone(p.Signers)
	return s.write(ctx, func(tx *sql.Tx) error {
		p.Signers = slices.Clone(signers)
		if p.UnitID <= 0 {
			return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
		}
		roster, err := s.persons(ctx, tx, p.UnitID)
		if err != nil {
			return err
		}
		v := &zhenggai.ValidationError{}
		if err := p.Validate(); err != nil {
			v.Fields = append(v.Fields, err.(*zhenggai.ValidationError).Fields...)
		}
		seen := map[int64]bool{}
		for i := range p.Signers {
			sg := &p.Signers[i]
			sg.Seq = i + 1
			label := "领衔提案人"
			if i > 0 {
				label = fmt.Sprintf("第%d位联名人", i)
			}
			field := fmt.Sprintf("signers.%d", i)
			resolveOne(v, roster, field, label, &sg.Name, &sg.PersonID, 0, "")
			zhenggai.CheckText(v, field, label+"姓名", sg.Name, true, zhenggai.MaxName)
			if sg.PersonID != 0 {
				if seen[sg.PersonID] {
					v.Add(field, label+"“"+sg.Name+"”重复")
				}
				seen[sg.PersonID] = true
			}
			switch {
			case i == 0 || submit:
				sg.InvitedOn, sg.ConfirmedOn, sg.Deadline = p.SubmittedOn, p.SubmittedOn, zhenggai.Date{}
			case sg.Deadline.IsZero() || !sg.Deadline.Valid():
				v.Add(field, label+"须有确认联名的截止日期")
			case sg.Deadline.Before(today):
				v.Add(field, label+"的联名截止日期已过")
			default:
				sg.InvitedOn = today
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		p.Status = zhenggai.PropSubmitted
		action := zhenggai.ActSubmit
		if !submit && len(p.Signers) > 1 {
			p.Status, action = zhenggai.PropDraft, zhenggai.ActCreate
		}
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "proposals", `unit_id, session, year, number, title, content, source, submitter, timing,
			status, submitted_on, public, sample, created_at, created_by, version`,
			p.UnitID, p.Session, p.Year, p.Number, p.Title, p.Content, string(p.Source), p.Submitter, string(p.Timing),
			string(p.Status), p.SubmittedOn.String(), 1, boolInt(p.Sample), now, zhenggai.ActorFrom(ctx).Name, 1)
		if err != nil {
			return err
		}
		p.ID, p.Version, p.CreatedAt, p.Public = id, 1, parseTime(now), true
		for _, sg := range p.Signers {
			if err := s.insertSigner(ctx, tx, p, sg); err != nil {
				return err
			}
		}
		note := ""
		if action == zhenggai.ActCreate {
			note = fmt.Sprintf("邀请联名%d人", len(p.Signers)-1)
			if err := s.tell(ctx, tx, zhenggai.ProposalInviteNotices(p)); err != nil {
				return err
			}
		}
		return s.proposalEvent(ctx, tx, p, p.SubmittedOn, action, "", note)
	})
}

func (s *Store) insertSigner(ctx context.Context, tx *sql.Tx, p *zhenggai.Proposal, sg zhenggai.ProposalSigner) error {
	_, err := s.insertRow(ctx, tx, "proposal_signers", `unit_id, proposal_id, seq, person_id, name, invited_on, deadline, confirmed_on, version`,
		p.UnitID, p.ID, sg.Seq, nullID(sg.PersonID), sg.Name, sg.InvitedOn.String(), sg.Deadline.String(), sg.ConfirmedOn.String(), 1)
	return err
}

// proposalEvent writes a line of the timeline: who is the actor's part
// and name ("承办单位·张三").
func (s *Store) proposalEvent(ctx context.Context, tx *sql.Tx, p *zhenggai.Proposal, on zhenggai.Date, action zhenggai.ProposalAction, part, note string) error {
	a := zhenggai.ActorFrom(ctx)
	who := a.Name
	if a.UserID != 0 {
		var name string
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT display_name FROM users WHERE id = ?`), a.UserID).Scan(&name); err == nil && name != "" {
			who = name
		}
	}
	if part != "" {
		who = part + "·" + who
	}
	_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO proposal_events (unit_id, proposal_id, at, on_date, action, actor, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`), p.UnitID, p.ID, s.stamp(), on.String(), string(action), zhenggai.Clip(who, 100), zhenggai.Clip(note, 2000))
	return err
}

// ProposalCosign records a co-signer's answer to his invitation (confirm
// or decline), before its deadline, while the proposal is a draft. The
// last answer submits the proposal.
func (s *Store) ProposalCosign(ctx context.Context, id, personID int64, confirm bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.proposal(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该提案已作废")
		}
		if p.Status != zhenggai.PropDraft {
			return zhenggai.Errorf(zhenggai.EINVALID, "该提案已提交，联名已截止")
		}
		today := zhenggai.DateOf(s.now())
		var sg *zhenggai.ProposalSigner
		for i := range p.Signers {
			if p.Signers[i].Seq > 1 && personID != 0 && p.Signers[i].PersonID == personID {
				sg = &p.Signers[i]
			}
		}
		switch {
		case sg == nil:
			return zhenggai.Errorf(zhenggai.EFORBID, "您不是该提案邀请的联名人")
		case !sg.ConfirmedOn.IsZero() || !sg.DeclinedOn.IsZero():
			return zhenggai.Errorf(zhenggai.ECONFLICT, "您已答复过联名邀请")
		case !sg.Deadline.IsZero() && sg.Deadline.Before(today):
			return zhenggai.Errorf(zhenggai.EINVALID, "联名截止日期（%s）已过", sg.Deadline.Chinese())
		}
		var sid, ver int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, version FROM proposal_signers WHERE proposal_id = ? AND seq = ?`), p.ID, sg.Seq).Scan(&sid, &ver); err != nil {
			return err
		}
		col, action := "confirmed_on", zhenggai.ActCosign
		if !confirm {
			col, action = "declined_on", zhenggai.ActDecline
		}
		if err := s.updateRow(ctx, tx, "proposal_signers", sid, ver, col+` = ?`, today.String()); err != nil {
			return err
		}
		if confirm {
			sg.ConfirmedOn = today
		} else {
			sg.DeclinedOn = today
		}
		if err := s.proposalEvent(ctx, tx, p, today, action, "联名人", sg.Name); err != nil {
			return err
		}
		for _, x := range p.Signers {
			if x.ConfirmedOn.IsZero() && x.DeclinedOn.IsZero() {
				return nil // others still to answer
			}
		}
		if err := s.updateRow(ctx, tx, "proposals", p.ID, anyVersion, `status = ?, submitted_on = ?`, string(zhenggai.PropSubmitted), today.String()); err != nil {
			return err
		}
		return s.proposalEvent(ctx, tx, p, today, zhenggai.ActSubmit, "", "联名人均已答复，自动提交")
	})
}

// ProposalStep takes one step of the cycle on proposal id at version, as
// actor, in one transaction: the status by zhenggai.ProposalNext, the
// step's own row, the proposal's columns and the timeline's line. A
// handling unit acts on its own assignments (in.ByUnit), a proposer as
// one of its signers (in.ByPerson). It returns the proposal after.
func (s *Store) ProposalStep(ctx context.Context, id, version int64, actor zhenggai.ProposalActor, in *zhenggai.ProposalStepInput) (*zhenggai.Proposal, error) {
	var out *zhenggai.Proposal
	err := s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.proposal(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该提案已作废，不能办理；确需办理的，请单位管理员先恢复")
		}
		// The version the caller read, always: a client cannot switch the
		// check off by sending the store's own "any version".
		if p.Version != version {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该提案已被他人办理过（现为%s），请刷新后再办", p.Status.Label())
		}
		next, err := zhenggai.ProposalNext(p.Status, in.Action, actor)
		if err != nil {
			return err
		}
		set, err := s.ProposalSettings(ctx, p.UnitID)
		if err != nil {
			return err
		}
		if err := in.Check(set.Grounds); err != nil {
			return err
		}
		today := zhenggai.DateOf(s.now())
		on := in.On
		if on.IsZero() {
			on = today
		}
		if today.Before(on) {
			return fieldErr("on", "日期不能晚于今天")
		}
		st := &proposalStep{s: s, tx: tx, p: p, in: in, actor: actor, on: on, next: next, set: set}
		if err := st.take(ctx); err != nil {
			return err
		}
		st.cols = append(st.cols, "status = ?")
		st.args = append(st.args, string(st.next))
		if err := s.updateRow(ctx, tx, "proposals", p.ID, p.Version, strings.Join(st.cols, ", "), st.args...); err != nil {
			return err
		}
		if err := s.proposalEvent(ctx, tx, p, on, in.Action, actor.Label(), st.note); err != nil {
			return err
		}
		if out, err = s.proposal(ctx, tx, id); err != nil {
			return err
		}
		return s.tell(ctx, tx, zhenggai.ProposalStepNotices(in.Action, out, on, set.ReturnDays))
	})
	return out, err
}

func fieldErr(field, msg string) error {
	v := &zhenggai.ValidationError{}
	v.Add(field, msg)
	return v
}

// proposalStep is one step being taken: what it sets on the proposal and
// the note of its line on the timeline.
type proposalStep struct {
	s     *Store
	tx    *sql.Tx
	p     *zhenggai.Proposal
	in    *zhenggai.ProposalStepInput
	actor zhenggai.ProposalActor
	on    zhenggai.Date
	next  zhenggai.ProposalStatus
	set   *ProposalSettings
	cols  []string
	args  []any
	note  string
}

func (st *proposalStep) setCol(col string, v any) {
	st.cols = append(st.cols, col+" = ?")
	st.args = append(st.args, v)
}

// assignment is the live assignment the step acts on: the one named, else
// the acting handling unit's (its lead one first).
func (st *proposalStep) assignment() (*zhenggai.ProposalAssignment, error) {
	var found *zhenggai.ProposalAssignment
	for i := range st.p.Handlers {
		a := &st.p.Handlers[i]
		if !a.ReturnedOn.IsZero() {
			continue
		}
		if st.in.AssignmentID != 0 && a.ID != st.in.AssignmentID {
			continue
		}
		if st.actor == zhenggai.ActorHandler && (a.HandlerUnitID == 0 || a.HandlerUnitID != st.in.ByUnit) {
			continue
		}
		if found == nil || (found.Role != zhenggai.HandlerLead && a.Role == zhenggai.HandlerLead) {
			found = a
		}
	}
	if found == nil {
		if st.actor == zhenggai.ActorHandler {
			return nil, zhenggai.Errorf(zhenggai.EFORBID, "该提案没有交由您的单位承办")
		}
		return nil, fieldErr("assignment_id", "请选择承办单位")
	}
	return found, nil
}

// take writes the step's own rows and the proposal's columns it sets.
func (st *proposalStep) take(ctx context.Context) error {
	s, tx, p, in := st.s, st.tx, st.p, st.in
	switch in.Action {
	case zhenggai.ActSubmit:
		if st.actor == zhenggai.ActorProposer && (len(p.Signers) == 0 || p.Signers[0].PersonID == 0 || p.Signers[0].PersonID != in.ByPerson) {
			return zhenggai.Errorf(zhenggai.EFORBID, "只有领衔提案人可以提交")
		}
		st.setCol("submitted_on", st.on.String())
		pending := 0
		for _, sg := range p.Signers {
			if sg.ConfirmedOn.IsZero() && sg.DeclinedOn.IsZero() {
				pending++
			}
		}
		if pending > 0 {
			st.note = fmt.Sprintf("%d位联名人未答复，不计为联名人", pending)
		}
	case zhenggai.ActRegister:
		number := in.Number
		if number == "" && p.Number == "" {
			n, err := s.nextProposalNumber(ctx, tx, p)
			if err != nil {
				return err
			}
			number = strconv.Itoa(n)
		}
		if number != "" {
			var other int64
			err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM proposals WHERE unit_id = ? AND year = ? AND session = ? AND number = ?
				AND id <> ? AND voided_at IS NULL LIMIT 1`), p.UnitID, p.Year, p.Session, number, p.ID).Scan(&other)
			if err == nil {
				return fieldErr("number", "提案号“"+number+"”已被本年度另一件提案使用")
			} else if err != sql.ErrNoRows {
				return err
			}
			st.setCol("number", number)
			st.note = "提案号" + number
		}
		st.setCol("reviewed_on", st.on.String())
	case zhenggai.ActReject:
		st.setCol("reviewed_on", st.on.String())
		st.setCol("ground", in.Ground)
		st.note = in.Ground
	case zhenggai.ActMerge:
		if in.MergeInto == p.ID {
			return fieldErr("merge_into", "不能并入本提案自身")
		}
		var unit int64
		var status string
		var voided bool
		var title string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, status, voided_at IS NOT NULL, title FROM proposals WHERE id = ?`), in.MergeInto).
			Scan(&unit, &status, &voided, &title)
		if err == sql.ErrNoRows || err == nil && (unit != p.UnitID || voided) {
			return fieldErr("merge_into", "主提案不存在")
		} else if err != nil {
			return err
		}
		switch zhenggai.ProposalStatus(status) {
		case zhenggai.PropDraft, zhenggai.PropSubmitted, zhenggai.PropRejected, zhenggai.PropMerged, zhenggai.PropConverted:
			return fieldErr("merge_into", "主提案须已立案（现为"+zhenggai.ProposalStatus(status).Label()+"）")
		}
		var merged int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM proposals WHERE merged_into = ? AND voided_at IS NULL`), p.ID).Scan(&merged); err != nil {
			return err
		}
		if merged > 0 {
			return zhenggai.Errorf(zhenggai.EINVALID, "已有提案并入本提案，本提案不能再并入他案")
		}
		st.setCol("merged_into", in.MergeInto)
		st.setCol("reviewed_on", st.on.String())
		st.note = "并入《" + title + "》"
	case zhenggai.ActConvert:
		if st.on.Before(in.ConsentOn) || today(s).Before(in.ConsentOn) {
			return fieldErr("consent_on", "提案者同意的日期不能晚于转办日期")
		}
		st.setCol("converted_to", in.ConvertedTo)
		st.setCol("consent_on", in.ConsentOn.String())
		st.setCol("reviewed_on", st.on.String())
		st.note = "转为" + in.ConvertedTo + "（提案者" + in.ConsentOn.Chinese() + "同意）"
	case zhenggai.ActAssign:
		return st.assign(ctx)
	case zhenggai.ActReturn:
		a, err := st.assignment()
		if err != nil {
			return err
		}
		limit := a.AssignedOn.AddWorkdays(st.set.ReturnDays)
		if limit.Before(st.on) {
			return zhenggai.Errorf(zhenggai.EINVALID, "交办已超过%d个工作日（%s前可退回），不能退回；请与提案委协商", st.set.ReturnDays, limit.Chinese())
		}
		if err := s.updateRow(ctx, tx, "proposal_assignments", a.ID, anyVersion, `returned_on = ?, return_reason = ?`, st.on.String(), in.Note); err != nil {
			return err
		}
		st.note = a.Handler + "退回：" + in.Note
		if a.Role == zhenggai.HandlerCo {
			st.next = p.Status // the lead unit still handles it
		} else {
			st.setCol("assigned_on", "")
			st.setCol("due_on", "")
			st.setCol("extended_to", "")
		}
	case zhenggai.ActReply:
		a, err := st.assignment()
		if err != nil {
			return err
		}
		co := a.Role == zhenggai.HandlerCo
		if co {
			st.next = p.Status // a co-handling unit's view goes to the lead unit
		} else {
			for _, r := range p.Replies {
				if !r.CoView && r.ReviewedOn.IsZero() {
					return zhenggai.Errorf(zhenggai.ECONFLICT, "已有一份答复待提案委审核")
				}
			}
		}
		now := s.stamp()
		_, err = s.insertRow(ctx, tx, "proposal_replies", `unit_id, proposal_id, assignment_id, round, co_view, replied_on, class, summary,
			letter_sha256, letter_name, created_at, created_by, version`,
			p.UnitID, p.ID, a.ID, zhenggai.ProposalRound(p), boolInt(co), st.on.String(), string(in.Class), in.Summary,
			in.LetterSHA256, in.LetterName, now, zhenggai.ActorFrom(ctx).Name, 1)
		if err != nil {
			return err
		}
		if co {
			st.note = a.Handler + "（会办）意见：" + zhenggai.Clip(in.Summary, 100)
		} else {
			st.note = a.Handler + "答复，" + string(in.Class) + "类"
		}
	case zhenggai.ActApprove, zhenggai.ActSendBack:
		var r *zhenggai.ProposalReply
		for i := range p.Replies {
			if !p.Replies[i].CoView && p.Replies[i].ReviewedOn.IsZero() {
				r = &p.Replies[i]
			}
		}
		if r == nil {
			return zhenggai.Errorf(zhenggai.EINVALID, "没有待审核的答复")
		}
		if in.Action == zhenggai.ActSendBack {
			st.note = "退回重答：" + in.Note
			return s.updateRow(ctx, tx, "proposal_replies", r.ID, anyVersion, `reviewed_on = ?, approved = ?, return_reason = ?`, st.on.String(), 0, in.Note)
		}
		class := r.Class
		if in.Class != "" && in.Class != class {
			st.note = fmt.Sprintf("答复类别由%s类改为%s类", class, in.Class)
			class = in.Class
		} else {
			st.note = string(class) + "类，送提案者"
		}
		if err := s.updateRow(ctx, tx, "proposal_replies", r.ID, anyVersion, `reviewed_on = ?, approved = ?, class = ?`, st.on.String(), 1, string(class)); err != nil {
			return err
		}
		st.setCol("class", string(class))
	case zhenggai.ActFeedback:
		return st.feedback(ctx)
	case zhenggai.ActFollow:
		if st.actor == zhenggai.ActorHandler {
			if _, err := st.assignment(); err != nil {
				return err
			}
		}
		st.note = in.Note
	case zhenggai.ActFinish:
		st.setCol("done_on", st.on.String())
		st.note = in.Note
	case zhenggai.ActExtend:
		due := zhenggai.ProposalDueNow(p)
		limit := p.AssignedOn.AddMonths(zhenggai.ProposalExtendMonths)
		col, from := "extended_to", "交办"
		switch {
		case !p.RedoDueOn.IsZero():
			// The second reply's: six months from the form at most.
			limit, col, from = p.RedoDueOn.AddMonths(zhenggai.ProposalExtendMonths-3), "redo_due_on", "重新办理"
		case p.AssignedOn.IsZero():
			limit = st.on.AddMonths(zhenggai.ProposalExtendMonths)
		}
		if !due.IsZero() && !due.Before(in.ExtendTo) {
			return fieldErr("extend_to", "延期至的日期须晚于现在的办理期限（"+due.Chinese()+"）")
		}
		if limit.Before(in.ExtendTo) {
			return fieldErr("extend_to", "办理期限至多延至"+from+"后6个月（"+limit.Chinese()+"）")
		}
		st.setCol(col, in.ExtendTo.String())
		st.setCol("extend_reason", in.Note)
		st.note = "延期至" + in.ExtendTo.Chinese() + "：" + in.Note
	case zhenggai.ActKey:
		if in.KeyLeaderID == 0 {
			st.setCol("is_key", 0)
			st.setCol("key_leader", "")
			st.setCol("key_leader_id", nil)
			st.note = "取消重点提案"
			return nil
		}
		var name, kind string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT name, kind FROM persons WHERE id = ? AND unit_id = ? AND voided_at IS NULL`), in.KeyLeaderID, p.UnitID).Scan(&name, &kind)
		if err == sql.ErrNoRows || err == nil && zhenggai.PersonKind(kind) != zhenggai.PersonLeader {
			return fieldErr("key_leader_id", "督办领导须是本单位人员名册中的领导班子成员")
		} else if err != nil {
			return err
		}
		st.setCol("is_key", 1)
		st.setCol("key_leader", name)
		st.setCol("key_leader_id", in.KeyLeaderID)
		st.note = "督办领导：" + name
	default:
		return zhenggai.Errorf(zhenggai.EINVALID, "不认识的办理步骤“%s”", in.Action)
	}
	return nil
}

func today(s *Store) zhenggai.Date { return zhenggai.DateOf(s.now()) }

// assign gives the proposal to handling units: the first the lead one
// (主办) unless a lead unit has it already, the others co-handling
// (会办). A lead assignment starts the 3 months.
func (st *proposalStep) assign(ctx context.Context) error {
	s, tx, p, in := st.s, st.tx, st.p, st.in
	hasLead := slices.ContainsFunc(p.Handlers, func(a zhenggai.ProposalAssignment) bool {
		return a.Role == zhenggai.HandlerLead && a.ReturnedOn.IsZero()
	})
	var names []string
	for i, h := range in.Handlers {
		role := zhenggai.HandlerCo
		if i == 0 && !hasLead {
			role = zhenggai.HandlerLead
		}
		name := strings.TrimSpace(h.Handler)
		if h.HandlerUnitID != 0 {
			var unitName string
			if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT name FROM units WHERE id = ?`), h.HandlerUnitID).Scan(&unitName); err == sql.ErrNoRows {
				return fieldErr("handlers", fmt.Sprintf("第%d个承办单位不存在", i+1))
			} else if err != nil {
				return err
			}
			if name == "" {
				name = unitName
			}
		}
		for _, a := range p.Handlers {
			if a.ReturnedOn.IsZero() && (a.Handler == name || h.HandlerUnitID != 0 && a.HandlerUnitID == h.HandlerUnitID) {
				return fieldErr("handlers", "“"+name+"”已在承办该提案")
			}
		}
		if _, err := s.insertRow(ctx, tx, "proposal_assignments", `unit_id, proposal_id, handler_unit_id, handler, role, assigned_on, version`,
			p.UnitID, p.ID, nullID(h.HandlerUnitID), name, string(role), st.on.String(), 1); err != nil {
			return err
		}
		p.Handlers = append(p.Handlers, zhenggai.ProposalAssignment{Handler: name, HandlerUnitID: h.HandlerUnitID, Role: role})
		names = append(names, role.Label()+"："+name)
		if role == zhenggai.HandlerLead {
			st.setCol("assigned_on", st.on.String())
			st.setCol("due_on", st.on.AddMonths(3).String())
			st.setCol("extended_to", "")
			hasLead = true
		}
	}
	if !hasLead {
		return fieldErr("handlers", "请指定主办单位")
	}
	st.note = strings.Join(names, "；")
	return nil
}

// feedback records one signer's form on the round answered; its verdict
// moves the proposal (zhenggai.ProposalAfterFeedback), 不满意 giving the
// handling unit 3 more months.
func (st *proposalStep) feedback(ctx context.Context) error {
	s, tx, p, in := st.s, st.tx, st.p, st.in
	person := in.PersonID
	if st.actor == zhenggai.ActorProposer {
		person = in.ByPerson
	}
	var sg *zhenggai.ProposalSigner
	for i := range p.Signers {
		x := &p.Signers[i]
		if person != 0 && x.PersonID == person && (x.Seq == 1 || !x.ConfirmedOn.IsZero()) {
			sg = x
		}
	}
	if sg == nil {
		if st.actor == zhenggai.ActorProposer {
			return zhenggai.Errorf(zhenggai.EFORBID, "您不是该提案的提案人或联名人")
		}
		return fieldErr("person_id", "请选择填写意见表的提案人")
	}
	round := zhenggai.ProposalRound(p)
	for _, f := range p.Feedback {
		if f.Round == round && f.PersonID == sg.PersonID {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "%s已填写过本次答复的征询意见表", sg.Name)
		}
	}
	answers := ""
	if len(in.Answers) > 0 {
		b, err := json.Marshal(in.Answers)
		if err != nil {
			return err
		}
		answers = string(b)
	}
	if _, err := s.insertRow(ctx, tx, "proposal_feedback", `unit_id, proposal_id, round, person_id, name, result, answers, returned_on, created_at, version`,
		p.UnitID, p.ID, round, nullID(sg.PersonID), sg.Name, string(in.Result), answers, st.on.String(), s.stamp(), 1); err != nil {
		return err
	}
	st.next = zhenggai.ProposalAfterFeedback(p.Class, in.Result)
	if p.Status == zhenggai.PropFollowUp && st.next == zhenggai.PropAnswered {
		st.next = zhenggai.PropFollowUp // B类 stays followed up until the office finishes it
	}
	st.note = sg.Name + "：" + in.Result.Label()
	if st.next == zhenggai.PropRedo {
		// The second reply's own due date: the first's stays for the
		// on-time rate.
		st.setCol("redo_due_on", st.on.AddMonths(3).String())
		st.note += "，重新办理（3个月内再次答复）"
	}
	return nil
}

func (s *Store) nextProposalNumber(ctx context.Context, tx *sql.Tx, p *zhenggai.Proposal) (int, error) {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT number FROM proposals WHERE unit_id = ? AND year = ? AND session = ? AND voided_at IS NULL`),
		p.UnitID, p.Year, p.Session)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var num string
		if err := rows.Scan(&num); err != nil {
			return 0, err
		}
		if k, err := strconv.Atoi(num); err == nil && k > n {
			n = k
		}
	}
	return n + 1, rows.Err()
}

// SetProposalPublic says whether the proposal is published; not without
// a reason.
func (s *Store) SetProposalPublic(ctx context.Context, id, version int64, public bool, reason string) error {
	reason = strings.TrimSpace(reason)
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "not_public_reason", "不公开的理由", reason, !public, 500)
	if err := v.Err(); err != nil {
		return err
	}
	if public {
		reason = ""
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.proposalRow(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.updateRow(ctx, tx, "proposals", id, version, `public = ?, not_public_reason = ?`, boolInt(public), reason); err != nil {
			return err
		}
		note := "公开"
		if !public {
			note = "不公开：" + reason
		}
		return s.proposalEvent(ctx, tx, p, today(s), zhenggai.ActPublic, zhenggai.ActorOffice.Label(), note)
	})
}

// AddProposalDocument files a document of the proposal's archive (a file
// of the evidence store by its SHA-256); part names who filed it.
func (s *Store) AddProposalDocument(ctx context.Context, id int64, d *zhenggai.ProposalDocument, part string) error {
	v := &zhenggai.ValidationError{}
	switch d.Kind {
	case zhenggai.DocReplyLetter, zhenggai.DocFeedbackForm, zhenggai.DocUnitPaper, zhenggai.DocOriginal:
	default:
		v.Add("kind", "请选择材料类别")
	}
	if len(d.SHA256) != 64 || strings.Trim(d.SHA256, "0123456789abcdef") != "" {
		v.Add("file", "文件编号不正确")
	}
	zhenggai.CheckText(v, "file", "文件名", d.Name, true, 255)
	if d.On.IsZero() {
		d.On = today(s)
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.proposalRow(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该提案已作废")
		}
		did, err := s.insertRow(ctx, tx, "proposal_documents", `unit_id, proposal_id, kind, sha256, name, on_date, created_at, version`,
			p.UnitID, p.ID, string(d.Kind), d.SHA256, d.Name, d.On.String(), s.stamp(), 1)
		if err != nil {
			return err
		}
		d.ID = did
		return s.proposalEvent(ctx, tx, p, d.On, zhenggai.ActDocument, part, d.Kind.Label()+"："+d.Name)
	})
}

const proposalCols = `p.id, p.unit_id, p.session, p.year, p.number, p.title, p.content, p.source, p.submitter, p.timing, p.status,
	p.submitted_on, p.reviewed_on, p.ground, COALESCE(p.merged_into, 0), p.converted_to, p.consent_on, p.assigned_on, p.due_on,
	p.extended_to, p.extend_reason, p.redo_due_on, p.is_key, p.key_leader, COALESCE(p.key_leader_id, 0), p.class, p.done_on, p.public,
	p.not_public_reason, p.sample, p.version, p.created_at, p.voided_at IS NOT NULL`

func scanProposal(sc interface{ Scan(...any) error }) (*zhenggai.Proposal, error) {
	var p zhenggai.Proposal
	var source, timing, status, sub, rev, consent, assigned, due, ext, redo, class, done, created string
	var key, public, sample int
	err := sc.Scan(&p.ID, &p.UnitID, &p.Session, &p.Year, &p.Number, &p.Title, &p.Content, &source, &p.Submitter, &timing, &status,
		&sub, &rev, &p.Ground, &p.MergedInto, &p.ConvertedTo, &consent, &assigned, &due,
		&ext, &p.ExtendReason, &redo, &key, &p.KeyLeader, &p.KeyLeadID, &class, &done, &public,
		&p.NotPublic, &sample, &p.Version, &created, &p.Voided)
	if err != nil {
		return nil, err
	}
	p.Source, p.Timing, p.Status, p.Class = zhenggai.ProposalSource(source), zhenggai.ProposalTiming(timing), zhenggai.ProposalStatus(status), zhenggai.ReplyClass(class)
	p.SubmittedOn, p.ReviewedOn, p.ConsentOn, p.AssignedOn = parseDate(sub), parseDate(rev), parseDate(consent), parseDate(assigned)
	p.DueOn, p.ExtendedTo, p.RedoDueOn, p.DoneOn = parseDate(due), parseDate(ext), parseDate(redo), parseDate(done)
	p.Key, p.Public, p.Sample, p.CreatedAt = key != 0, public != 0, sample != 0, parseTime(created)
	return &p, nil
}

// proposalRow is the proposal's own row, without its children.
func (s *Store) proposalRow(ctx context.Context, db queryer, id int64) (*zhenggai.Proposal, error) {
	p, err := scanProposal(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+proposalCols+` FROM proposals p WHERE p.id = ?`), id))
	return p, notFound(err, "提案")
}

// Proposal returns one proposal whole (voided or not).
func (s *Store) Proposal(ctx context.Context, id int64) (*zhenggai.Proposal, error) {
	return s.proposal(ctx, s.rdb, id)
}

func (s *Store) proposal(ctx context.Context, db queryer, id int64) (*zhenggai.Proposal, error) {
	p, err := s.proposalRow(ctx, db, id)
	if err != nil {
		return nil, err
	}
	return p, s.proposalChildren(ctx, db, []*zhenggai.Proposal{p}, true, `p.id = ?`, id)
}

// proposalChildren fills the children of ps, the proposals where (on
// proposals p) selects; the timeline and the archive only when whole.
func (s *Store) proposalChildren(ctx context.Context, db queryer, ps []*zhenggai.Proposal, whole bool, where string, args ...any) error {
	byID := make(map[int64]*zhenggai.Proposal, len(ps))
	for _, p := range ps {
		byID[p.ID] = p
	}
	each := func(q string, scan func(rows *sql.Rows, p *zhenggai.Proposal) error) error {
		rows, err := db.QueryContext(ctx, s.d.rebind(q), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var pid int64
			var p zhenggai.Proposal
			if err := scan(rows, &p); err != nil {
				return err
			}
			pid = p.ID
			if x := byID[pid]; x != nil {
				x.Signers = append(x.Signers, p.Signers...)
				x.Handlers = append(x.Handlers, p.Handlers...)
				x.Replies = append(x.Replies, p.Replies...)
				x.Feedback = append(x.Feedback, p.Feedback...)
				x.Events = append(x.Events, p.Events...)
				x.Documents = append(x.Documents, p.Documents...)
			}
		}
		return rows.Err()
	}
	join := ` JOIN proposals p ON p.id = c.proposal_id WHERE ` + where
	err := each(`SELECT c.proposal_id, c.seq, COALESCE(c.person_id, 0), c.name, c.invited_on, c.deadline, c.confirmed_on, c.declined_on
		FROM proposal_signers c`+join+` ORDER BY c.proposal_id, c.seq`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var sg zhenggai.ProposalSigner
		var inv, dl, conf, dec string
		err := rows.Scan(&p.ID, &sg.Seq, &sg.PersonID, &sg.Name, &inv, &dl, &conf, &dec)
		sg.InvitedOn, sg.Deadline, sg.ConfirmedOn, sg.DeclinedOn = parseDate(inv), parseDate(dl), parseDate(conf), parseDate(dec)
		p.Signers = append(p.Signers, sg)
		return err
	})
	if err != nil {
		return err
	}
	err = each(`SELECT c.proposal_id, c.id, COALESCE(c.handler_unit_id, 0), c.handler, c.role, c.assigned_on, c.returned_on, c.return_reason
		FROM proposal_assignments c`+join+` ORDER BY c.proposal_id, c.id`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var a zhenggai.ProposalAssignment
		var role, on, ret string
		err := rows.Scan(&p.ID, &a.ID, &a.HandlerUnitID, &a.Handler, &role, &on, &ret, &a.ReturnReason)
		a.Role, a.AssignedOn, a.ReturnedOn = zhenggai.HandlerRole(role), parseDate(on), parseDate(ret)
		p.Handlers = append(p.Handlers, a)
		return err
	})
	if err != nil {
		return err
	}
	err = each(`SELECT c.proposal_id, c.id, COALESCE(c.assignment_id, 0), c.round, c.co_view, c.replied_on, c.class, c.summary,
		c.letter_sha256, c.letter_name, c.reviewed_on, c.approved, c.return_reason
		FROM proposal_replies c`+join+` ORDER BY c.proposal_id, c.id`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var r zhenggai.ProposalReply
		var co, approved int
		var on, class, rev string
		err := rows.Scan(&p.ID, &r.ID, &r.AssignmentID, &r.Round, &co, &on, &class, &r.Summary, &r.LetterSHA256, &r.LetterName, &rev, &approved, &r.ReturnReason)
		r.CoView, r.Approved, r.RepliedOn, r.Class, r.ReviewedOn = co != 0, approved != 0, parseDate(on), zhenggai.ReplyClass(class), parseDate(rev)
		p.Replies = append(p.Replies, r)
		return err
	})
	if err != nil {
		return err
	}
	err = each(`SELECT c.proposal_id, c.id, c.round, COALESCE(c.person_id, 0), c.name, c.result, c.answers, c.returned_on
		FROM proposal_feedback c`+join+` ORDER BY c.proposal_id, c.id`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var f zhenggai.ProposalFeedback
		var result, answers, on string
		if err := rows.Scan(&p.ID, &f.ID, &f.Round, &f.PersonID, &f.Name, &result, &answers, &on); err != nil {
			return err
		}
		f.Result, f.ReturnedOn = zhenggai.FeedbackResult(result), parseDate(on)
		if answers != "" {
			_ = json.Unmarshal([]byte(answers), &f.Answers) // written by feedback() only
		}
		p.Feedback = append(p.Feedback, f)
		return nil
	})
	if err != nil || !whole {
		return err
	}
	err = each(`SELECT c.proposal_id, c.at, c.on_date, c.action, c.actor, c.note
		FROM proposal_events c`+join+` ORDER BY c.proposal_id, c.at, c.id`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var e zhenggai.ProposalEvent
		var at, on, action string
		err := rows.Scan(&p.ID, &at, &on, &action, &e.Actor, &e.Note)
		e.At, e.On, e.Action = parseTime(at), parseDate(on), zhenggai.ProposalAction(action)
		p.Events = append(p.Events, e)
		return err
	})
	if err != nil {
		return err
	}
	return each(`SELECT c.proposal_id, c.id, c.kind, c.sha256, c.name, c.on_date
		FROM proposal_documents c`+join+` AND c.voided_at IS NULL ORDER BY c.proposal_id, c.id`, func(rows *sql.Rows, p *zhenggai.Proposal) error {
		var d zhenggai.ProposalDocument
		var kind, on string
		err := rows.Scan(&p.ID, &d.ID, &kind, &d.SHA256, &d.Name, &on)
		d.Kind, d.On = zhenggai.ProposalDocKind(kind), parseDate(on)
		p.Documents = append(p.Documents, d)
		return err
	})
}

// ProposalQuery selects proposals of a unit: by session, year, status,
// the handling unit, 重点, a signer; voided ones only when asked.
type ProposalQuery struct {
	UnitID        int64
	Session       string
	Year          int
	Status        zhenggai.ProposalStatus
	HandlerUnitID int64 // with UnitID 0: every unit's proposals it handles
	KeyOnly       bool
	PersonID      int64 // a signer's (his own proposals)
	Voided        bool
}

// Proposals lists the proposals q selects, by year, session and number,
// with their signers, assignments, replies and forms.
func (s *Store) Proposals(ctx context.Context, q ProposalQuery) ([]*zhenggai.Proposal, error) {
	var where []string
	var args []any
	if q.UnitID != 0 {
		where, args = append(where, `p.unit_id = ?`), append(args, q.UnitID)
	} else if q.HandlerUnitID == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "请选择单位")
	}
	if q.Voided {
		where = append(where, `p.voided_at IS NOT NULL`)
	} else {
		where = append(where, `p.voided_at IS NULL`)
	}
	if q.Session != "" {
		where, args = append(where, `p.session = ?`), append(args, q.Session)
	}
	if q.Year != 0 {
		where, args = append(where, `p.year = ?`), append(args, q.Year)
	}
	if q.Status != "" {
		where, args = append(where, `p.status = ?`), append(args, string(q.Status))
	}
	if q.KeyOnly {
		where = append(where, `p.is_key = 1`)
	}
	if q.HandlerUnitID != 0 {
		where = append(where, `p.id IN (SELECT proposal_id FROM proposal_assignments WHERE handler_unit_id = ? AND returned_on = '')`)
		args = append(args, q.HandlerUnitID)
	}
	if q.PersonID != 0 {
		where = append(where, `p.id IN (SELECT proposal_id FROM proposal_signers WHERE person_id = ?)`)
		args = append(args, q.PersonID)
	}
	cond := strings.Join(where, ` AND `)
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+proposalCols+` FROM proposals p WHERE `+cond+
		` ORDER BY p.year DESC, p.session, LENGTH(p.number), p.number, p.id`), args...)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.proposalChildren(ctx, s.rdb, out, false, cond, args...)
}

// ProposalsMergedInto lists the proposals merged into id (each keeps its
// proposers; the main case's reply answers them).
func (s *Store) ProposalsMergedInto(ctx context.Context, id int64) ([]*zhenggai.Proposal, error) {
	var unit int64
	if err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM proposals WHERE id = ?`), id).Scan(&unit); err != nil {
		return nil, notFound(err, "提案")
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+proposalCols+` FROM proposals p WHERE p.unit_id = ? AND p.merged_into = ?
		AND p.voided_at IS NULL ORDER BY p.id`), unit, id)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.proposalChildren(ctx, s.rdb, out, false, `p.unit_id = ? AND p.merged_into = ?`, unit, id)
}

// SimilarProposals are the unit's earlier proposals (submitted, not
// voided) whose titles share words with title, best first, at most limit.
func (s *Store) SimilarProposals(ctx context.Context, unitID int64, title string, limit int) ([]*zhenggai.Proposal, error) {
	if len(zhenggai.ProposalWords(title)) == 0 {
		return nil, nil
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT id, session, year, number, title, status FROM proposals
		WHERE unit_id = ? AND status <> ? AND voided_at IS NULL`), unitID, string(zhenggai.PropDraft))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []*zhenggai.Proposal
	for rows.Next() {
		p := &zhenggai.Proposal{UnitID: unitID}
		var status string
		if err := rows.Scan(&p.ID, &p.Session, &p.Year, &p.Number, &p.Title, &status); err != nil {
			return nil, err
		}
		p.Status = zhenggai.ProposalStatus(status)
		all = append(all, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return zhenggai.ProposalsSimilar(title, all, limit), nil
}

// VoidProposalDocument voids a file of proposal id's archive (filed by
// mistake), with its reason, on the timeline too.
func (s *Store) VoidProposalDocument(ctx context.Context, id, docID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "作废理由", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.proposalRow(ctx, tx, id)
		if err != nil {
			return err
		}
		var owner int64
		var kind, name string
		err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT proposal_id, kind, name FROM proposal_documents WHERE id = ?`), docID).Scan(&owner, &kind, &name)
		if err == sql.ErrNoRows || err == nil && owner != id {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "提案档案材料不存在")
		} else if err != nil {
			return err
		}
		if err := s.voidRow(ctx, tx, "proposal_documents", docID, s.stamp(), zhenggai.ActorFrom(ctx).Name, reason); err != nil {
			return err
		}
		return s.proposalEvent(ctx, tx, p, today(s), zhenggai.ActDocument, zhenggai.ActorOffice.Label(),
			"作废"+zhenggai.ProposalDocKind(kind).Label()+"："+name+"（"+reason+"）")
	})
}

// ProposalDocumentOf is the proposal a file of an archive belongs to, and
// the file (voided or not).
func (s *Store) ProposalDocumentOf(ctx context.Context, docID int64) (int64, *zhenggai.ProposalDocument, error) {
	var pid int64
	var d zhenggai.ProposalDocument
	var kind, on string
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT proposal_id, id, kind, sha256, name, on_date FROM proposal_documents WHERE id = ?`), docID).
		Scan(&pid, &d.ID, &kind, &d.SHA256, &d.Name, &on)
	if err != nil {
		return 0, nil, notFound(err, "提案档案材料")
	}
	d.Kind, d.On = zhenggai.ProposalDocKind(kind), parseDate(on)
	return pid, &d, nil
}

// HandlesProposals reports whether a unit was ever given a proposal to
// handle (the menu links its queue then); false on any error.
func (s *Store) HandlesProposals(ctx context.Context, unitID int64) (bool, error) {
	var one int
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM proposal_assignments WHERE handler_unit_id = ? LIMIT 1`), unitID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.wrapErr(err)
	}
	return true, nil
}
