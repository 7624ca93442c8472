package store

import (
	"context"
	"slices"
	"strings"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// What the meetings register lends the progress report: the meetings on
// the rectification since the feedback, by type (in place of the typed
// 先后召开党组会议5次…), and the party group's meetings and 三重一大 items
// with their 末位表态 (selfcheck.MeetingFigures).

// RectificationMeetings counts the unit's live meetings from from to to
// whose note or an agenda item's title names the rectification
// (zhenggai.RectificationWords), by type in the unit's order of types;
// Kept says whether the unit keeps a meetings register at all (a live
// meeting on or before to).
func (s *Store) RectificationMeetings(ctx context.Context, unitID int64, from, to zhenggai.Date) (zhenggai.RectificationMeetings, error) {
	var out zhenggai.RectificationMeetings
	types, err := s.MeetingTypes(ctx, unitID)
	if err != nil {
		return out, s.wrapErr(err)
	}
	end := "9999-12-31"
	if !to.IsZero() {
		end = to.String()
	}
	var n int
	if err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM meetings WHERE unit_id = ? AND voided_at IS NULL AND date <= ?`),
		unitID, end).Scan(&n); err != nil {
		return out, s.wrapErr(err)
	}
	out.Kept = n > 0
	if !out.Kept || from.IsZero() {
		return out, nil
	}
	var note, title []string
	args := []any{unitID, from.String(), end}
	for _, w := range zhenggai.RectificationWords {
		note = append(note, `m.note LIKE ?`)
		args = append(args, "%"+w+"%")
	}
	for _, w := range zhenggai.RectificationWords {
		title = append(title, `i.title LIKE ?`)
		args = append(args, "%"+w+"%")
	}
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT m.type, COUNT(*) FROM meetings m
		WHERE m.unit_id = ? AND m.voided_at IS NULL AND m.date >= ? AND m.date <= ?
			AND (`+strings.Join(note, " OR ")+` OR EXISTS (SELECT 1 FROM meeting_items i WHERE i.meeting_id = m.id AND (`+
		strings.Join(title, " OR ")+`)))
		GROUP BY m.type`), args...)
	if err != nil {
		return out, s.wrapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c zhenggai.MeetingCount
		if err := rows.Scan(&c.Type, &c.N); err != nil {
			return out, s.wrapErr(err)
		}
		out.Counts = append(out.Counts, c)
	}
	if err := rows.Err(); err != nil {
		return out, s.wrapErr(err)
	}
	// The unit's order of types; a type no longer listed after, by name.
	rank := func(t string) int {
		if i := slices.Index(types, t); i >= 0 {
			return i
		}
		return len(types)
	}
	slices.SortFunc(out.Counts, func(a, b zhenggai.MeetingCount) int {
		if d := rank(a.Type) - rank(b.Type); d != 0 {
			return d
		}
		return strings.Compare(a.Type, b.Type)
	})
	return out, nil
}

// MeetingFigures are the party group's meetings and 三重一大 items from
// from to to as the meetings register holds them, loading only the
// meetings and their items.
func (s *Store) MeetingFigures(ctx context.Context, unitID int64, from, to zhenggai.Date) (selfcheck.MeetingFigures, error) {
	p := zhenggai.Period{Start: from, End: to}
	regs, err := s.RegistersFor(ctx, unitID, p, selfcheck.NeedMeetings|selfcheck.NeedItems)
	if err != nil {
		return selfcheck.MeetingFigures{}, err
	}
	return selfcheck.CountMeetingFigures(regs, p), nil
}
