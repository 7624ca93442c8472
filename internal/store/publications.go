package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"zhenggai"
)

const publicationCols = `id, unit_id, round_id, unit_name, title, as_of, summary, published_at, published_by,
	withdrawn, withdrawn_at, withdrawn_by, reason, version, state, drafter_id, drafted_by, approver_id, approved_by,
	return_reason, replaces, replace_reason, figures, seq`

func scanPublication(sc interface{ Scan(...any) error }, withBody bool) (*zhenggai.Publication, error) {
	var p zhenggai.Publication
	var asOf, at, wat string
	var withdrawn int
	var figures string
	dest := []any{&p.ID, &p.UnitID, &p.RoundID, &p.Unit, &p.Title, &asOf, &p.Summary, &at, &p.PublishedBy,
		&withdrawn, &wat, &p.WithdrawnBy, &p.Reason, &p.Version, &p.State, &p.DrafterID, &p.DraftedBy, &p.ApproverID,
		&p.ApprovedBy, &p.ReturnReason, &p.Replaces, &p.ReplaceReason, &figures, &p.Seq}
	var problems string
	if withBody {
		dest = append(dest, &p.Body, &problems)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	p.AsOf, p.PublishedAt, p.Withdrawn = parseDate(asOf), parseTime(at), withdrawn != 0
	if err := json.Unmarshal([]byte(figures), &p.Figures); err != nil {
		return nil, err
	}
	if wat != "" {
		p.WithdrawnAt = parseTime(wat)
	}
	if withBody {
		if err := json.Unmarshal([]byte(problems), &p.Problems); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// DraftPublication stores a snapshot of a round's report, for review,
// and fills in its ID. Title, Body, Summary and Problems are what the
// public will read once it is approved (ApprovePublication), whatever
// becomes of the round afterwards; until then nobody outside reads it.
// DrafterID and DraftedBy name the drafter, whom the review excludes.
func (s *Store) DraftPublication(ctx context.Context, p *zhenggai.Publication) error {
	v := &zhenggai.ValidationError{}
	if p.AsOf.IsZero() || !p.AsOf.Valid() {
		v.Add("as_of", "截至日期不是有效日期")
	}
	if p.Title == "" || p.Body == "" {
		v.Add("body", "报告内容为空，无法公布")
	}
	if err := v.Err(); err != nil {
		return err
	}
	problems, err := json.Marshal(p.Problems)
	if err != nil {
		return err
	}
	if p.Problems == nil {
		problems = []byte("[]")
	}
	figures, err := json.Marshal(p.Figures)
	if err != nil {
		return err
	}
	if p.DraftedBy == "" {
		p.DraftedBy = zhenggai.ActorFrom(ctx).Name
	}
	if p.PublishedBy == "" {
		p.PublishedBy = p.DraftedBy
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if p.Replaces != 0 {
			var round int64
			var withdrawn int
			var state string
			err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT round_id, withdrawn, state FROM publications WHERE id = ?`), p.Replaces).
				Scan(&round, &withdrawn, &state)
			if err != nil {
				return notFound(err, "公布的报告")
			}
			if withdrawn != 0 || state != string(zhenggai.PublicationPublished) {
				return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告未在公开中，无需撤回；如需公布，请重新公布")
			}
			if round != p.RoundID {
				return zhenggai.Errorf(zhenggai.EINVALID, "重新公布的报告须属于同一巡察轮次")
			}
		}
		var unit int64
		var unitName string
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT r.unit_id, u.name FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ? AND r.voided_at IS NULL`),
			p.RoundID).Scan(&unit, &unitName)
		if err != nil {
			return notFound(err, "巡察轮次")
		}
		p.ID, err = s.insertRow(ctx, tx, "publications", `unit_id, round_id, unit_name, title, as_of,
			summary, body, problems, published_at, published_by, withdrawn, version, state, drafter_id, drafted_by,
			replaces, replace_reason, figures`,
			unit, p.RoundID, unitName, p.Title, p.AsOf.String(), p.Summary, p.Body, string(problems), "", p.PublishedBy,
			0, 1, string(zhenggai.PublicationDraft), p.DrafterID, p.DraftedBy, p.Replaces, p.ReplaceReason, string(figures))
		if err != nil {
			return err
		}
		p.UnitID, p.Unit, p.Version, p.Withdrawn, p.State = unit, unitName, 1, false, zhenggai.PublicationDraft
		return nil
	})
}

// SubmitPublication sends a draft, or one returned, for review.
func (s *Store) SubmitPublication(ctx context.Context, id int64) error {
	return s.reviewStep(ctx, id, func(p *zhenggai.Publication) (string, []any, error) {
		if p.State != zhenggai.PublicationDraft && p.State != zhenggai.PublicationReturned {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该报告%s，不能提交审核", p.State.Label())
		}
		return `state = 'pending', return_reason = ''`, nil, nil
	}, s.tellReviewers)
}

// ReturnPublication sends a publication waiting for review back to its
// drafter with a reason; it stays unpublished.
func (s *Store) ReturnPublication(ctx context.Context, id int64, reason string) error {
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "退回原因", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	return s.reviewStep(ctx, id, func(p *zhenggai.Publication) (string, []any, error) {
		if p.State != zhenggai.PublicationPending {
			return "", nil, zhenggai.Errorf(zhenggai.ECONFLICT, "该报告%s，不在待审核中，不能退回", p.State.Label())
		}
		p.ReturnReason = strings.TrimSpace(reason)
		return `state = 'returned', return_reason = ?`, []any{p.ReturnReason}, nil
	}, s.tellDrafter(zhenggai.PublicationReturned))
}

// ApprovePublication puts a publication waiting for review on the public
// site: approved by u, who must not be its drafter. A republication
// withdraws the one it replaces in the same change, and the opinions sent
// on that one move to it, but those on a problem it no longer shows
// (withheld since), whose answers must not stay public.
func (s *Store) ApprovePublication(ctx context.Context, id int64, u *zhenggai.User) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := scanPublication(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+publicationCols+`, '', problems
			FROM publications WHERE id = ?`+s.d.lockRow()), id), true)
		if err != nil {
			return notFound(err, "公布的报告")
		}
		if err := p.CheckApprover(u); err != nil {
			return err
		}
		if p.State != zhenggai.PublicationPending || p.Withdrawn {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告%s，不在待审核中，不能审核通过", p.State.Label())
		}
		var seq int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM publications WHERE round_id = ? AND state = 'published'`),
			p.RoundID).Scan(&seq); err != nil {
			return err
		}
		var approver int64
		name := zhenggai.ActorFrom(ctx).Name
		if u != nil {
			approver, name = u.ID, u.DisplayName
		}
		if err := s.updateRow(ctx, tx, "publications", id, anyVersion, `state = 'published', published_at = ?, approver_id = ?,
			approved_by = ?, seq = ?`, s.stamp(), approver, name, seq+1); err != nil {
			return err
		}
		p.ApprovedBy = name
		if err := s.tell(ctx, tx, zhenggai.PublicationNotices(zhenggai.PublicationPublished, p, "")); err != nil {
			return err
		}
		if p.Replaces == 0 {
			return nil
		}
		return s.replacePublication(ctx, tx, p, name)
	})
}

// reviewStep changes a publication's review state: set is the SET clause
// (and its arguments) that check allows from the publication as it is.
func (s *Store) reviewStep(ctx context.Context, id int64, check func(*zhenggai.Publication) (string, []any, error),
	tell func(context.Context, *sql.Tx, *zhenggai.Publication) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		p, err := scanPublication(tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+publicationCols+` FROM publications WHERE id = ?`+
			s.d.lockRow()), id), false)
		if err != nil {
			return notFound(err, "公布的报告")
		}
		if p.Withdrawn {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告已经撤回")
		}
		set, args, err := check(p)
		if err != nil {
			return err
		}
		if err := s.updateRow(ctx, tx, "publications", id, anyVersion, set, args...); err != nil {
			return err
		}
		return tell(ctx, tx, p)
	})
}

// tellReviewers puts a submitted publication in its reviewers' inbox
// (zhenggai.PublicationNotices decides who they are).
func (s *Store) tellReviewers(ctx context.Context, tx *sql.Tx, p *zhenggai.Publication) error {
	set, err := s.settingsIn(ctx, tx, p.UnitID)
	if err != nil {
		return err
	}
	return s.tell(ctx, tx, zhenggai.PublicationNotices(zhenggai.PublicationPending, p, set.PublicationReviewer))
}

// tellDrafter tells the drafter of p what became of it.
func (s *Store) tellDrafter(state zhenggai.PublicationState) func(context.Context, *sql.Tx, *zhenggai.Publication) error {
	return func(ctx context.Context, tx *sql.Tx, p *zhenggai.Publication) error {
		return s.tell(ctx, tx, zhenggai.PublicationNotices(state, p, ""))
	}
}

// Withdraw takes a publication off the public site, recording who did it
// and why. The snapshot stays, for the record.
func (s *Store) Withdraw(ctx context.Context, id int64, reason, by string) error {
	v := &zhenggai.ValidationError{}
	zhenggai.CheckText(v, "reason", "撤回原因", reason, true, zhenggai.MaxTitle)
	if err := v.Err(); err != nil {
		return err
	}
	if by == "" {
		by = zhenggai.ActorFrom(ctx).Name
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.withdraw(ctx, tx, id, reason, by) })
}

func (s *Store) withdraw(ctx context.Context, tx *sql.Tx, id int64, reason, by string) error {
	var withdrawn int
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT withdrawn FROM publications WHERE id = ?`+s.d.lockRow()), id).Scan(&withdrawn)
	if err != nil {
		return notFound(err, "公布的报告")
	}
	if withdrawn != 0 {
		return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告已经撤回")
	}
	return s.updateRow(ctx, tx, "publications", id, anyVersion, `withdrawn = 1, withdrawn_at = ?, withdrawn_by = ?, reason = ?`,
		s.stamp(), by, reason)
}

// replacePublication withdraws the publication p replaces, pointing to
// p, and moves the opinions sent on it to p, but those on a problem p no
// longer shows.
func (s *Store) replacePublication(ctx context.Context, tx *sql.Tx, p *zhenggai.Publication, by string) error {
	old := p.Replaces
	if err := s.withdraw(ctx, tx, old, fmt.Sprintf("%s（已重新公布为第%d号）", p.ReplaceReason, p.ID), by); err != nil {
		return err
	}
	ids, err := s.ids(ctx, tx, `SELECT id FROM opinions WHERE publication_id = ? ORDER BY id`, old)
	if err != nil {
		return err
	}
	for _, id := range ids {
		var problem int64
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT problem_id FROM opinions WHERE id = ?`), id).Scan(&problem); err != nil {
			return err
		}
		if _, shown := p.Problem(problem); problem != 0 && !shown {
			continue
		}
		if err := s.updateRow(ctx, tx, "opinions", id, anyVersion, `publication_id = ?`, p.ID); err != nil {
			return err
		}
	}
	return nil
}

// PublishedWhileWithheld lists the live publications of a round that
// show problem, withheld since: what withholding it does not take back
// by itself.
func (s *Store) PublishedWhileWithheld(ctx context.Context, problem int64) ([]*zhenggai.Publication, error) {
	var round int64
	var withheld int
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT round_id, withheld FROM problems WHERE id = ?`), problem).Scan(&round, &withheld)
	if err != nil {
		return nil, notFound(err, "具体问题")
	}
	if withheld == 0 {
		return nil, nil
	}
	live, err := s.livePublications(ctx, round)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Publication
	for _, p := range live {
		if _, ok := p.Problem(problem); ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// WithheldSincePublished lists, for each live publication of a round,
// the problems it shows that are withheld now, by publication ID.
func (s *Store) WithheldSincePublished(ctx context.Context, round int64) (map[int64][]zhenggai.PublishedProblem, error) {
	live, err := s.livePublications(ctx, round)
	if err != nil || len(live) == 0 {
		return nil, err
	}
	withheld := map[int64]bool{}
	ids, err := s.ids(ctx, s.rdb, `SELECT id FROM problems WHERE round_id = ? AND withheld <> 0`, round)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		withheld[id] = true
	}
	out := map[int64][]zhenggai.PublishedProblem{}
	for _, p := range live {
		for _, pp := range p.Problems {
			if withheld[pp.ID] {
				out[p.ID] = append(out[p.ID], pp)
			}
		}
	}
	return out, nil
}

// LivePublications are a round's publications that are public, with the
// problems they show (not their bodies), newest first.
func (s *Store) LivePublications(ctx context.Context, round int64) ([]*zhenggai.Publication, error) {
	return s.livePublications(ctx, round)
}

// livePublications are a round's publications that are public, with the
// problems they show (not their bodies), newest first.
func (s *Store) livePublications(ctx context.Context, round int64) ([]*zhenggai.Publication, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+publicationCols+`, '', problems FROM publications
		WHERE round_id = ? AND withdrawn = 0 AND state = 'published' AND `+liveRoundSQL+` ORDER BY id DESC`), round)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Publication
	for rows.Next() {
		p, err := scanPublication(rows, true)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Publication returns one publication with its body, withdrawn or not.
func (s *Store) Publication(ctx context.Context, id int64) (*zhenggai.Publication, error) {
	p, err := scanPublication(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+publicationCols+`, body, problems
		FROM publications WHERE id = ? AND `+liveRoundSQL), id), true)
	return p, notFound(err, "公布的报告")
}

// Publications lists publications without their bodies, newest first:
// those of one round (roundID != 0), in every state, or every public one
// (the public list).
func (s *Store) Publications(ctx context.Context, roundID int64) ([]*zhenggai.Publication, error) {
	q := `SELECT ` + publicationCols + ` FROM publications WHERE withdrawn = 0 AND state = 'published'
		AND ` + liveRoundSQL + ` ORDER BY as_of DESC, id DESC`
	var args []any
	if roundID != 0 {
		q = `SELECT ` + publicationCols + ` FROM publications WHERE round_id = ? ORDER BY id DESC`
		args = append(args, roundID)
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Publication
	for rows.Next() {
		p, err := scanPublication(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// liveRoundSQL keeps the publications of rounds not voided: a voided
// round's reports leave the public site with it.
const liveRoundSQL = `NOT EXISTS (SELECT 1 FROM rounds vr WHERE vr.id = publications.round_id AND vr.voided_at IS NOT NULL)`

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
