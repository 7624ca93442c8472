package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"zhenggai"
)

const publicationCols = `id, unit_id, round_id, unit_name, title, as_of, summary, published_at, published_by,
	withdrawn, withdrawn_at, withdrawn_by, reason, version`

func scanPublication(sc interface{ Scan(...any) error }, withBody bool) (*zhenggai.Publication, error) {
	var p zhenggai.Publication
	var asOf, at, wat string
	var withdrawn int
	dest := []any{&p.ID, &p.UnitID, &p.RoundID, &p.Unit, &p.Title, &asOf, &p.Summary, &at, &p.PublishedBy,
		&withdrawn, &wat, &p.WithdrawnBy, &p.Reason, &p.Version}
	var problems string
	if withBody {
		dest = append(dest, &p.Body, &problems)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	p.AsOf, p.PublishedAt, p.Withdrawn = parseDate(asOf), parseTime(at), withdrawn != 0
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

// Publish stores a snapshot of a round's report for the public and fills
// in its ID. Title, Body, Summary and Problems are what the public will
// read, whatever becomes of the round afterwards.
func (s *Store) Publish(ctx context.Context, p *zhenggai.Publication) error {
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
	if p.PublishedBy == "" {
		p.PublishedBy = zhenggai.ActorFrom(ctx).Name
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.publish(ctx, tx, p, problems) })
}

func (s *Store) publish(ctx context.Context, tx *sql.Tx, p *zhenggai.Publication, problems []byte) error {
	var unit int64
	var unitName string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT r.unit_id, u.name FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ? AND r.voided_at IS NULL`),
		p.RoundID).Scan(&unit, &unitName)
	if err != nil {
		return notFound(err, "巡察轮次")
	}
	now := s.stamp()
	p.ID, err = s.insertRow(ctx, tx, "publications", `unit_id, round_id, unit_name, title, as_of,
		summary, body, problems, published_at, published_by, withdrawn, version`,
		unit, p.RoundID, unitName, p.Title, p.AsOf.String(), p.Summary, p.Body, string(problems), now, p.PublishedBy, 0, 1)
	if err != nil {
		return err
	}
	p.UnitID, p.Unit, p.PublishedAt, p.Version, p.Withdrawn = unit, unitName, parseTime(now), 1, false
	return nil
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

// Republish replaces the live publication old by p (the same round
// rendered again, as of the same date), in one transaction: p is
// published, old is withdrawn with reason and a pointer to p, and the
// opinions sent on old move to p, but those on a problem p no longer
// shows (withheld since), whose answers must not stay public.
func (s *Store) Republish(ctx context.Context, old int64, p *zhenggai.Publication, reason, by string) error {
	problems, err := json.Marshal(p.Problems)
	if err != nil {
		return err
	}
	if p.Problems == nil {
		problems = []byte("[]")
	}
	if p.PublishedBy == "" {
		p.PublishedBy = by
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var round int64
		var withdrawn int
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT round_id, withdrawn FROM publications WHERE id = ?`+s.d.lockRow()), old).
			Scan(&round, &withdrawn)
		if err != nil {
			return notFound(err, "公布的报告")
		}
		if withdrawn != 0 {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该报告已经撤回，无需再撤回；如需公布，请重新公布")
		}
		if round != p.RoundID {
			return zhenggai.Errorf(zhenggai.EINVALID, "重新公布的报告须属于同一巡察轮次")
		}
		if err := s.publish(ctx, tx, p, problems); err != nil {
			return err
		}
		if err := s.withdraw(ctx, tx, old, fmt.Sprintf("%s（已重新公布为第%d号）", reason, p.ID), by); err != nil {
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
	})
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

// livePublications are a round's publications not withdrawn, with the
// problems they show (not their bodies), newest first.
func (s *Store) livePublications(ctx context.Context, round int64) ([]*zhenggai.Publication, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT `+publicationCols+`, '', problems FROM publications
		WHERE round_id = ? AND withdrawn = 0 AND `+liveRoundSQL+` ORDER BY id DESC`), round)
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
// those of one round (roundID != 0), or every live one (the public list).
func (s *Store) Publications(ctx context.Context, roundID int64) ([]*zhenggai.Publication, error) {
	q := `SELECT ` + publicationCols + ` FROM publications WHERE withdrawn = 0 AND ` + liveRoundSQL + ` ORDER BY as_of DESC, id DESC`
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
