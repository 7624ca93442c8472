package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"zhenggai"
)

const opinionCols = `o.id, o.unit_id, o.publication_id, o.problem_id, o.problem, o.ref, o.name, o.contact, o.content,
	o.status, COALESCE(o.assignee_id, 0), COALESCE(us.display_name, ''), o.answer, o.answer_published,
	o.answered_at, o.answered_by, o.created_at, o.updated_at, o.version, o.due_on, o.draft, o.drafted_by, o.drafted_at,
	o.review_note`

const opinionFrom = ` FROM opinions o LEFT JOIN users us ON us.id = o.assignee_id`

func scanOpinion(sc interface{ Scan(...any) error }) (*zhenggai.Opinion, error) {
	var o zhenggai.Opinion
	var status, answeredAt, created, updated, due, draftedAt string
	var published int
	err := sc.Scan(&o.ID, &o.UnitID, &o.PublicationID, &o.ProblemID, &o.Problem, &o.Ref, &o.Name, &o.Contact, &o.Content,
		&status, &o.AssigneeID, &o.Assignee, &o.Answer, &published, &answeredAt, &o.AnsweredBy, &created, &updated, &o.Version,
		&due, &o.Draft, &o.DraftedBy, &draftedAt, &o.ReviewNote)
	if err != nil {
		return nil, err
	}
	o.DueOn, _ = zhenggai.ParseDate(due)
	if draftedAt != "" {
		o.DraftedAt = parseTime(draftedAt)
	}
	o.Status, o.AnswerPublished = zhenggai.OpinionStatus(status), published != 0
	o.CreatedAt, o.UpdatedAt = parseTime(created), parseTime(updated)
	if answeredAt != "" {
		o.AnsweredAt = parseTime(answeredAt)
	}
	return &o, nil
}

// CreateOpinion stores an opinion from the public on a live publication
// and gives it a new random reference number; in the rare case that the
// number is taken, it collides on its unique key and another is drawn.
func (s *Store) CreateOpinion(ctx context.Context, o *zhenggai.Opinion) error {
	if err := o.Validate(); err != nil {
		return err
	}
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = s.write(ctx, func(tx *sql.Tx) error { return s.createOpinion(ctx, tx, o) })
		if zhenggai.ErrorCode(err) != zhenggai.ECONFLICT || zhenggai.ErrorMessage(err) != errRefTaken {
			return err
		}
	}
	return err
}

func (s *Store) createOpinion(ctx context.Context, tx *sql.Tx, o *zhenggai.Opinion) error {
	var unit int64
	var withdrawn int
	var problems string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id, withdrawn, problems FROM publications
		WHERE id = ? AND state = 'published'`),
		o.PublicationID).Scan(&unit, &withdrawn, &problems)
	if err != nil || withdrawn != 0 {
		if err == nil || err == sql.ErrNoRows {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "该报告不存在或已撤回")
		}
		return err
	}
	o.Problem = ""
	if o.ProblemID != 0 {
		p := &zhenggai.Publication{}
		if err := jsonUnmarshal(problems, &p.Problems); err != nil {
			return err
		}
		pp, ok := p.Problem(o.ProblemID)
		if !ok {
			v := &zhenggai.ValidationError{}
			v.Add("problem_id", "所选具体问题不在该报告中")
			return v
		}
		o.Problem = pp.Label()
	}
	today := zhenggai.DateOf(s.now())
	o.Ref = zhenggai.NewOpinionRef(today)
	set, err := s.settingsIn(ctx, tx, unit)
	if err != nil {
		return err
	}
	o.DueOn = set.OpinionDue(today)
	stamp := s.stamp()
	o.ID, err = s.insertRow(ctx, tx, "opinions", `unit_id, publication_id, problem_id, problem, ref,
		name, contact, content, status, created_at, updated_at, version, secret_hash, due_on`,
		unit, o.PublicationID, o.ProblemID, o.Problem, o.Ref, strings.TrimSpace(o.Name), strings.TrimSpace(o.Contact),
		strings.TrimSpace(o.Content), string(zhenggai.OpinionNew), stamp, stamp, 1, o.Receipt, o.DueOn.String())
	if err != nil {
		return err
	}
	o.UnitID, o.Status, o.Version = unit, zhenggai.OpinionNew, 1
	o.CreatedAt, o.UpdatedAt = parseTime(stamp), parseTime(stamp)
	// The unit's office hears of it at once.
	return s.tell(ctx, tx, zhenggai.OpinionNotices(zhenggai.OpinionReceived, o, "", ""))
}

// Opinion returns one opinion, contact details included: for staff only.
func (s *Store) Opinion(ctx context.Context, id int64) (*zhenggai.Opinion, error) {
	o, err := scanOpinion(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+` WHERE o.id = ?`), id))
	return o, notFound(err, "意见建议")
}

// Opinions lists the opinions of the units in scope, open ones first,
// newest first; status "" for every status.
func (s *Store) Opinions(ctx context.Context, sc zhenggai.Scope, status zhenggai.OpinionStatus) ([]*zhenggai.Opinion, error) {
	var with, cond string
	var args []any
	switch {
	case sc.All:
		cond = `1 = 1`
	case sc.Office != 0:
		with = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `
		args = append(args, sc.Office)
		cond = `o.unit_id IN (SELECT id FROM sub)`
	default:
		cond = `o.unit_id = ?`
		args = append(args, sc.Unit)
	}
	if status != "" {
		cond += ` AND o.status = ?`
		args = append(args, string(status))
	}
	return s.opinionsWhere(ctx, s.rdb, with, cond+` ORDER BY CASE WHEN o.status = 'closed' THEN 1 ELSE 0 END, o.id DESC`, args...)
}

// opinionsWhere reads the opinions that cond (with its ORDER BY) keeps.
func (s *Store) opinionsWhere(ctx context.Context, db queryer, with, cond string, args ...any) ([]*zhenggai.Opinion, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(with+`SELECT `+opinionCols+opinionFrom+` WHERE `+cond), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Opinion
	for rows.Next() {
		o, err := scanOpinion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PublishedOpinions lists the opinions on a publication whose answer the
// unit published, oldest first. Callers must not show Name or Contact.
func (s *Store) PublishedOpinions(ctx context.Context, publicationID int64) ([]*zhenggai.Opinion, error) {
	out, err := s.opinionsWhere(ctx, s.rdb, "", `o.publication_id = ? AND o.answer_published = 1 ORDER BY o.id`, publicationID)
	for _, o := range out {
		o.Name, o.Contact = "", ""
	}
	return out, err
}

// AssignOpinion gives an opinion to handle to an account of its unit:
// its office, or a leader or owner of the problem it is on
// (zhenggai.OpinionAssignable), who is told.
func (s *Store) AssignOpinion(ctx context.Context, id, userID int64, by string, version int64) error {
	if by == "" {
		by = zhenggai.ActorFrom(ctx).Name
	}
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		u, err := scanUser(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+userCols+` FROM users us JOIN units un ON un.id = us.unit_id
			WHERE us.id = ?`), userID))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", nil, err
		}
		leaders, owners, err := s.problemPeople(ctx, tx, o.ProblemID)
		if err != nil {
			return "", nil, err
		}
		if !zhenggai.OpinionAssignable(u, o, leaders, owners) {
			v := &zhenggai.ValidationError{}
			v.Add("assignee", "请选择本单位在用的单位管理员，或该问题的责任领导、责任人")
			return "", nil, v
		}
		if !o.Status.Open() {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该意见建议已经%s，不能再指定承办人", o.Status.Label())
		}
		status := o.Status
		if status == zhenggai.OpinionNew {
			status = zhenggai.OpinionAssigned
		}
		o.AssigneeID = userID
		if err := s.tell(ctx, tx, zhenggai.OpinionNotices(zhenggai.OpinionGiven, o, by, "")); err != nil {
			return "", nil, err
		}
		return `assignee_id = ?, status = ?`, []any{userID, string(status)}, nil
	})
}

// OpinionAssignees are the accounts opinion o may be given to, in the
// order of their ids.
func (s *Store) OpinionAssignees(ctx context.Context, o *zhenggai.Opinion) ([]*zhenggai.User, error) {
	users, err := s.Users(ctx)
	if err != nil {
		return nil, err
	}
	leaders, owners, err := s.problemPeople(ctx, s.rdb, o.ProblemID)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.User
	for _, u := range users {
		if zhenggai.OpinionAssignable(u, o, leaders, owners) {
			out = append(out, u)
		}
	}
	return out, nil
}

// problemPeople are the leaders and owners the measures of a problem name
// (none for problem 0).
func (s *Store) problemPeople(ctx context.Context, q queryer, problem int64) (leaders, owners []string, err error) {
	if problem == 0 {
		return nil, nil, nil
	}
	rows, err := q.QueryContext(ctx, s.d.rebind(`SELECT leader, owner FROM measures WHERE problem_id = ? AND voided_at IS NULL ORDER BY id`), problem)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l, o string
		if err := rows.Scan(&l, &o); err != nil {
			return nil, nil, err
		}
		leaders, owners = append(leaders, l), append(owners, o)
	}
	return leaders, owners, rows.Err()
}

// DraftOpinion records the answer the assignee proposes (only he may):
// the opinion waits for the office's review, which is told; the public
// sees nothing until the office approves it.
func (s *Store) DraftOpinion(ctx context.Context, id int64, draft, by string, version int64) error {
	if err := zhenggai.ValidateAnswer(draft); err != nil {
		return err
	}
	actor := zhenggai.ActorFrom(ctx)
	if by == "" {
		by = actor.Name
	}
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		if actor.UserID != 0 && actor.UserID != o.AssigneeID {
			return "", nil, zhenggai.Errorf(zhenggai.EFORBID, "只有承办人能拟写答复")
		}
		if o.Status != zhenggai.OpinionAssigned && o.Status != zhenggai.OpinionReview {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该意见建议%s，不能再拟写答复", o.Status.Label())
		}
		o.Draft = strings.TrimSpace(draft)
		if err := s.tell(ctx, tx, zhenggai.OpinionNotices(zhenggai.OpinionDrafted, o, by, "")); err != nil {
			return "", nil, err
		}
		return `draft = ?, drafted_by = ?, drafted_at = ?, review_note = '', status = ?`,
			[]any{o.Draft, by, s.stamp(), string(zhenggai.OpinionReview)}, nil
	})
}

// ReviewOpinion is the office's review of the assignee's draft: approved,
// it becomes the answer (shown on the public report page when publish);
// returned, with a reason, the assignee drafts again. Either way he is
// told.
func (s *Store) ReviewOpinion(ctx context.Context, id int64, approve, publish bool, reason, by string, version int64) error {
	reason = strings.TrimSpace(reason)
	if !approve {
		v := &zhenggai.ValidationError{}
		if reason == "" {
			v.Add("reason", "退回答复须写明理由")
		}
		if len([]rune(reason)) > zhenggai.MaxReason {
			v.Add("reason", "理由过长")
		}
		if err := v.Err(); err != nil {
			return err
		}
	}
	if by == "" {
		by = zhenggai.ActorFrom(ctx).Name
	}
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		if o.Status != zhenggai.OpinionReview {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该意见建议%s，没有待审核的答复", o.Status.Label())
		}
		if !approve {
			if err := s.tell(ctx, tx, zhenggai.OpinionNotices(zhenggai.OpinionReturned, o, by, reason)); err != nil {
				return "", nil, err
			}
			return `review_note = ?, status = ?`, []any{reason, string(zhenggai.OpinionAssigned)}, nil
		}
		if err := s.tell(ctx, tx, zhenggai.OpinionNotices(zhenggai.OpinionApproved, o, by, "")); err != nil {
			return "", nil, err
		}
		return `answer = draft, answer_published = ?, answered_at = ?, answered_by = ?, draft = '', review_note = '', status = ?`,
			[]any{boolInt(publish), s.stamp(), o.DraftedBy, string(zhenggai.OpinionAnswered)}, nil
	})
}

// AnswerOpinion records the unit's answer, and whether it is shown under
// the opinion on the public report page.
func (s *Store) AnswerOpinion(ctx context.Context, id int64, answer string, publish bool, by string, version int64) error {
	if err := zhenggai.ValidateAnswer(answer); err != nil {
		return err
	}
	if by == "" {
		by = zhenggai.ActorFrom(ctx).Name
	}
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		status := zhenggai.OpinionAnswered
		if o.Status == zhenggai.OpinionClosed {
			status = zhenggai.OpinionClosed
		}
		pub := 0
		if publish {
			pub = 1
		}
		return `answer = ?, answer_published = ?, answered_at = ?, answered_by = ?, status = ?`,
			[]any{strings.TrimSpace(answer), pub, s.stamp(), by, string(status)}, nil
	})
}

// CloseOpinion ends the handling of an opinion; ReopenOpinion is not
// offered: a closed opinion can still be answered again.
func (s *Store) CloseOpinion(ctx context.Context, id, version int64) error {
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		if o.Status == zhenggai.OpinionClosed {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该意见建议已经办结")
		}
		return `status = ?`, []any{string(zhenggai.OpinionClosed)}, nil
	})
}

// updateOpinion runs one versioned, audited change of an opinion: set
// returns the SET clause and its arguments from the opinion as stored.
func (s *Store) updateOpinion(ctx context.Context, id, version int64,
	set func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		// A change between this read and the update fails its version check.
		o, err := scanOpinion(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+` WHERE o.id = ?`), id))
		if err != nil {
			return notFound(err, "意见建议")
		}
		clause, args, err := set(tx, o)
		if err != nil {
			return err
		}
		return s.updateRow(ctx, tx, "opinions", id, version, clause+`, updated_at = ?`, append(args, s.stamp())...)
	})
}

// OpinionByRef returns the opinion of a reference number: for staff, who
// may be given it by its sender.
func (s *Store) OpinionByRef(ctx context.Context, ref string) (*zhenggai.Opinion, error) {
	o, err := scanOpinion(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+` WHERE o.ref = ?`), ref))
	return o, notFound(err, "意见建议")
}

// OpinionReceipt returns the opinion of a reference number to its sender,
// known by the digest of the secret his browser kept (Opinion.Receipt);
// not found for anyone else, and for opinions sent before receipts.
func (s *Store) OpinionReceipt(ctx context.Context, ref, receipt string) (*zhenggai.Opinion, error) {
	if receipt == "" {
		return nil, zhenggai.Errorf(zhenggai.ENOTFOUND, "意见建议不存在")
	}
	o, err := scanOpinion(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+` WHERE o.ref = ? AND o.secret_hash = ?`),
		ref, receipt))
	return o, notFound(err, "意见建议")
}
