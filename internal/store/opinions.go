package store

import (
	"context"
	"database/sql"
	"strings"

	"zhenggai"
)

const opinionCols = `o.id, o.unit_id, o.publication_id, o.problem_id, o.problem, o.ref, o.name, o.contact, o.content,
	o.status, COALESCE(o.assignee_id, 0), COALESCE(us.display_name, ''), o.answer, o.answer_published,
	o.answered_at, o.answered_by, o.created_at, o.updated_at, o.version`

const opinionFrom = ` FROM opinions o LEFT JOIN users us ON us.id = o.assignee_id`

func scanOpinion(sc interface{ Scan(...any) error }) (*zhenggai.Opinion, error) {
	var o zhenggai.Opinion
	var status, answeredAt, created, updated string
	var published int
	err := sc.Scan(&o.ID, &o.UnitID, &o.PublicationID, &o.ProblemID, &o.Problem, &o.Ref, &o.Name, &o.Contact, &o.Content,
		&status, &o.AssigneeID, &o.Assignee, &o.Answer, &published, &answeredAt, &o.AnsweredBy, &created, &updated, &o.Version)
	if err != nil {
		return nil, err
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
		if zhenggai.ErrorCode(err) != zhenggai.ECONFLICT || !strings.HasPrefix(zhenggai.ErrorMessage(err), "序号") {
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
	o.Ref = zhenggai.NewOpinionRef(zhenggai.DateOf(s.now()))
	stamp := s.stamp()
	err = tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO opinions (unit_id, publication_id, problem_id, problem, ref,
		name, contact, content, status, created_at, updated_at, version, secret_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id`),
		unit, o.PublicationID, o.ProblemID, o.Problem, o.Ref, strings.TrimSpace(o.Name), strings.TrimSpace(o.Contact),
		strings.TrimSpace(o.Content), string(zhenggai.OpinionNew), stamp, stamp, o.Receipt).Scan(&o.ID)
	if err != nil {
		return err
	}
	o.UnitID, o.Status, o.Version = unit, zhenggai.OpinionNew, 1
	o.CreatedAt, o.UpdatedAt = parseTime(stamp), parseTime(stamp)
	return s.audit(ctx, tx, auditCreate, "opinions", o.ID, "")
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
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(with+`SELECT `+opinionCols+opinionFrom+` WHERE `+cond+`
		ORDER BY CASE WHEN o.status = 'closed' THEN 1 ELSE 0 END, o.id DESC`), args...)
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
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+`
		WHERE o.publication_id = ? AND o.answer_published = 1 ORDER BY o.id`), publicationID)
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
		o.Name, o.Contact = "", ""
		out = append(out, o)
	}
	return out, rows.Err()
}

// AssignOpinion gives an opinion to a user of its unit to handle.
func (s *Store) AssignOpinion(ctx context.Context, id, userID, version int64) error {
	return s.updateOpinion(ctx, id, version, func(tx *sql.Tx, o *zhenggai.Opinion) (string, []any, error) {
		// The assignee must be able to open the opinion: of the unit's
		// people only its office (单位管理员) may (zhenggai.PermOpinions).
		var unit int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM users WHERE id = ? AND disabled = 0 AND role = ?`),
			userID, string(zhenggai.RoleUnitAdmin)).Scan(&unit)
		if err == sql.ErrNoRows || err == nil && unit != o.UnitID {
			v := &zhenggai.ValidationError{}
			v.Add("assignee", "请选择本单位在用的单位管理员账号：只有他们能查看意见建议（含联系方式）")
			return "", nil, v
		}
		if err != nil {
			return "", nil, err
		}
		status := o.Status
		if status == zhenggai.OpinionNew {
			status = zhenggai.OpinionAssigned
		}
		return `assignee_id = ?, status = ?`, []any{userID, string(status)}, nil
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
		before, err := s.snapshot(ctx, tx, "opinions", id)
		if err != nil {
			return err
		}
		o, err := scanOpinion(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+opinionCols+opinionFrom+` WHERE o.id = ?`), id))
		if err != nil {
			return notFound(err, "意见建议")
		}
		clause, args, err := set(tx, o)
		if err != nil {
			return err
		}
		args = append(args, s.stamp(), id, version)
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE opinions SET `+clause+`, updated_at = ?, version = version + 1
			WHERE id = ? AND version = ?`), args...)
		if err != nil {
			return err
		}
		if err := s.checkUpdated(ctx, tx, res, "opinions", "意见建议", id); err != nil {
			return err
		}
		return s.audit(ctx, tx, auditUpdate, "opinions", id, before)
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
