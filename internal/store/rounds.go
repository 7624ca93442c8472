package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

const roundCols = `r.id, r.unit_id, u.name, r.inspector, r.kind, r.onsite_start, r.onsite_end, r.feedback_date,
	r.declared_as_of, r.declared_categories, r.declared_problems, r.declared_completed,
	r.declared_basically_completed, r.declared_in_progress, r.declared_not_completed, r.declared_rate_percent,
	r.note, r.report_leading_group, r.report_work, r.report_follow_up, r.report_title, r.report_signature,
	r.report_signed, r.declared_measures, r.declared_rules, r.declared_refunded_fen, r.declared_recovered_fen,
	r.declared_saved_fen, r.declared_talks, r.declared_organisational, r.declared_disciplinary,
	r.version, r.created_at, r.updated_at`

// roundListCols are roundCols without the report's paragraphs, which a
// list of rounds does not show and a province's thousands of rounds would
// carry for nothing.
const roundListCols = `r.id, r.unit_id, u.name, r.inspector, r.kind, r.onsite_start, r.onsite_end, r.feedback_date,
	r.declared_as_of, r.declared_categories, r.declared_problems, r.declared_completed,
	r.declared_basically_completed, r.declared_in_progress, r.declared_not_completed, r.declared_rate_percent,
	r.note, '', '', '', '', '', '', r.declared_measures, r.declared_rules, r.declared_refunded_fen,
	r.declared_recovered_fen, r.declared_saved_fen, r.declared_talks, r.declared_organisational, r.declared_disciplinary,
	r.version, r.created_at, r.updated_at`

// extra receives the columns a query selects after roundCols.
func scanRound(sc interface{ Scan(...any) error }, extra ...any) (*zhenggai.Round, error) {
	var r zhenggai.Round
	var kind, start, end, fb, asOf, signed, created, updated string
	d := &r.Declared
	o := &d.Outcomes
	err := sc.Scan(append([]any{&r.ID, &r.UnitID, &r.Unit, &r.Inspector, &kind, &start, &end, &fb,
		&asOf, &d.Categories, &d.Problems, &d.Completed, &d.BasicallyCompleted, &d.InProgress,
		&d.NotCompleted, &d.RatePercent, &r.Note, &r.ReportLeadingGroup, &r.ReportWork, &r.ReportFollowUp,
		&r.ReportTitle, &r.ReportSignature, &signed, &d.Measures, &o.Rules, &o.RefundedFen, &o.RecoveredFen,
		&o.SavedFen, &o.Talks, &o.Organisational, &o.Disciplinary,
		&r.Version, &created, &updated}, extra...)...)
	if err != nil {
		return nil, err
	}
	r.Kind = zhenggai.Kind(kind)
	r.Onsite.Start, r.Onsite.End, r.FeedbackDate, d.AsOf = parseDate(start), parseDate(end), parseDate(fb), parseDate(asOf)
	r.ReportSigned = parseDate(signed)
	r.CreatedAt, r.UpdatedAt = parseTime(created), parseTime(updated)
	return &r, nil
}

// Round returns one round.
func (s *Store) Round(ctx context.Context, id int64) (*zhenggai.Round, error) {
	return s.roundIn(ctx, s.rdb, id)
}

func (s *Store) roundIn(ctx context.Context, db queryer, id int64) (*zhenggai.Round, error) {
	r, err := scanRound(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+roundCols+`
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ? AND r.voided_at IS NULL`), id))
	return r, notFound(err, "巡察轮次")
}

// Rounds lists rounds, newest feedback first.
func (s *Store) Rounds(ctx context.Context) ([]*zhenggai.Round, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+roundCols+`
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.voided_at IS NULL ORDER BY r.feedback_date DESC, r.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Round
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CreateRound saves a new round, creating its unit if needed, and fills in
// its ID, unit and version.
func (s *Store) CreateRound(ctx context.Context, r *zhenggai.Round) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createRound(ctx, tx, r) })
}

func (s *Store) createRound(ctx context.Context, tx *sql.Tx, r *zhenggai.Round) error {
	unitID, err := s.placeUnit(ctx, tx, r.Unit, r.Place)
	if err != nil {
		return err
	}
	now := s.stamp()
	d := r.Declared
	o := d.Outcomes
	r.ID, err = s.insertRow(ctx, tx, "rounds", `unit_id, inspector, kind, onsite_start, onsite_end,
		feedback_date, declared_as_of, declared_categories, declared_problems, declared_completed,
		declared_basically_completed, declared_in_progress, declared_not_completed, declared_rate_percent,
		note, report_leading_group, report_work, report_follow_up, report_title, report_signature, report_signed,
		declared_measures, declared_rules, declared_refunded_fen, declared_recovered_fen, declared_saved_fen,
		declared_talks, declared_organisational, declared_disciplinary, version, created_at, updated_at`,
		unitID, r.Inspector, string(r.Kind), r.Onsite.Start.String(), r.Onsite.End.String(), r.FeedbackDate.String(),
		d.AsOf.String(), d.Categories, d.Problems, d.Completed, d.BasicallyCompleted, d.InProgress, d.NotCompleted,
		d.RatePercent, r.Note, r.ReportLeadingGroup, r.ReportWork, r.ReportFollowUp, r.ReportTitle, r.ReportSignature,
		r.ReportSigned.String(), d.Measures, o.Rules, o.RefundedFen, o.RecoveredFen, o.SavedFen, o.Talks,
		o.Organisational, o.Disciplinary, 1, now, now)
	if err != nil {
		return err
	}
	r.UnitID, r.Version = unitID, 1
	r.CreatedAt, r.UpdatedAt = parseTime(now), parseTime(now)
	return nil
}

// UpdateRound saves the editable facts of a round if r.Version is still
// the stored one. The unit of a round does not change.
func (s *Store) UpdateRound(ctx context.Context, r *zhenggai.Round) error {
	if err := r.Validate(); err != nil {
		return err
	}
	version := r.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		d := r.Declared
		o := d.Outcomes
		now := s.stamp()
		err := s.updateRow(ctx, tx, "rounds", r.ID, version, `inspector = ?, kind = ?, onsite_start = ?,
			onsite_end = ?, feedback_date = ?, declared_as_of = ?, declared_categories = ?, declared_problems = ?,
			declared_completed = ?, declared_basically_completed = ?, declared_in_progress = ?,
			declared_not_completed = ?, declared_rate_percent = ?, note = ?, report_leading_group = ?, report_work = ?,
			report_follow_up = ?, report_title = ?, report_signature = ?, report_signed = ?, declared_measures = ?,
			declared_rules = ?, declared_refunded_fen = ?, declared_recovered_fen = ?, declared_saved_fen = ?,
			declared_talks = ?, declared_organisational = ?, declared_disciplinary = ?, updated_at = ?`,
			r.Inspector, string(r.Kind), r.Onsite.Start.String(), r.Onsite.End.String(), r.FeedbackDate.String(),
			d.AsOf.String(), d.Categories, d.Problems, d.Completed, d.BasicallyCompleted, d.InProgress,
			d.NotCompleted, d.RatePercent, r.Note, r.ReportLeadingGroup, r.ReportWork, r.ReportFollowUp,
			r.ReportTitle, r.ReportSignature, r.ReportSigned.String(), d.Measures, o.Rules, o.RefundedFen,
			o.RecoveredFen, o.SavedFen, o.Talks, o.Organisational, o.Disciplinary, now)
		if err != nil {
			return err
		}
		r.Version = version + 1
		r.UpdatedAt = parseTime(now)
		return nil
	})
}
