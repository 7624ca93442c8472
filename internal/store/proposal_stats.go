package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// ProposalScope is what a statistics page counts: a plenary session
// (九届四次) or a year; both narrow to the session's proposals of the year.
type ProposalScope struct {
	Session string `json:"session,omitempty"`
	Year    int    `json:"year,omitempty"`
}

// Label names the scope as a report does: 九届四次会议, 2019年.
func (sc ProposalScope) Label() string {
	s := ""
	if sc.Year > 0 {
		s = strconv.Itoa(sc.Year) + "年"
	}
	if sc.Session != "" {
		s += sc.Session
		if !strings.HasSuffix(sc.Session, "会议") {
			s += "会议"
		}
	}
	return s
}

// Validate refuses a scope that names nothing or too much.
func (sc ProposalScope) Validate() error {
	v := &zhenggai.ValidationError{}
	if sc.Session == "" && sc.Year == 0 {
		v.Add("session", "请指定届次（如九届四次）或年度")
	}
	if utf8.RuneCountInString(sc.Session) > 40 {
		v.Add("session", "届次过长")
	}
	if sc.Year != 0 && (sc.Year < 1949 || sc.Year > 2100) {
		v.Add("year", "年度须在1949至2100之间")
	}
	return v.Err()
}

// plus3Months is the SQL of a stored date (2020-01-20) three months on,
// as time.AddDate gives it (30 November → 1 March, not the end of
// February): the first of the month moved on, plus the days. NULL in,
// NULL out.
func (s *Store) plus3Months(col string) string {
	if s.d.name() == "postgres" {
		return `to_char(make_date(CAST(substr(` + col + `, 1, 4) AS INTEGER), CAST(substr(` + col + `, 6, 2) AS INTEGER), 1)` +
			` + interval '3 months' + (CAST(substr(` + col + `, 9, 2) AS INTEGER) - 1) * interval '1 day', 'YYYY-MM-DD')`
	}
	return `date(substr(` + col + `, 1, 8) || '01', '+3 months', '+' || (CAST(substr(` + col + `, 9, 2) AS INTEGER) - 1) || ' days')`
}

// ProposalCounts counts a unit's proposals of a scope in SQL, by the rule
// of zhenggai.CountProposals (a test holds the two equal on the same
// data): drafts and voided proposals are not received; a case is a
// proposal registered after merging; a reply is the first approved one
// that is not a co-handling unit's view, on time when on or before the
// due date (the extension, else the due date, else three months after
// assignment); the verdict is the worst form of the latest round.
func (s *Store) ProposalCounts(ctx context.Context, unitID int64, sc ProposalScope) (zhenggai.ProposalStats, error) {
	st := zhenggai.ProposalStats{Scope: sc.Label()}
	if err := sc.Validate(); err != nil {
		return st, err
	}
	where := `p.unit_id = ? AND p.voided_at IS NULL AND p.status <> 'draft'`
	args := []any{unitID}
	if sc.Session != "" {
		where += ` AND p.session = ?`
		args = append(args, sc.Session)
	}
	if sc.Year != 0 {
		where += ` AND p.year = ?`
		args = append(args, sc.Year)
	}
	cases := caseStatusesSQL()
	q := `WITH c AS (SELECT p.status, p.class,
	(SELECT MIN(r.replied_on) FROM proposal_replies r WHERE r.proposal_id = p.id AND r.approved = 1 AND r.co_view = 0) AS rep,
	COALESCE(NULLIF(p.extended_to, ''), NULLIF(p.due_on, ''), ` + s.plus3Months(`NULLIF(p.assigned_on, '')`) + `) AS due,
	(SELECT MAX(CASE f.result WHEN 'satisfied' THEN 1 WHEN 'basic' THEN 2 WHEN 'unsatisfied' THEN 3 ELSE 0 END)
		FROM proposal_feedback f WHERE f.proposal_id = p.id
		AND f.round = (SELECT MAX(g.round) FROM proposal_feedback g WHERE g.proposal_id = p.id)) AS verdict
	FROM proposals p WHERE ` + where + `)
SELECT COUNT(*),
	COALESCE(SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status = 'converted' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status = 'merged' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND rep IS NOT NULL THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND rep IS NOT NULL AND (due IS NULL OR rep <= due) THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND rep IS NOT NULL AND class = 'A' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND rep IS NOT NULL AND class = 'B' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND rep IS NOT NULL AND class = 'C' THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND verdict = 1 THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND verdict = 2 THEN 1 ELSE 0 END), 0),
	COALESCE(SUM(CASE WHEN status IN (` + cases + `) AND verdict = 3 THEN 1 ELSE 0 END), 0)
FROM c`
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(q), args...).Scan(&st.Received, &st.Pending, &st.Rejected, &st.Converted,
		&st.Merged, &st.Registered, &st.Done, &st.Replied, &st.OnTime, &st.ClassA, &st.ClassB, &st.ClassC,
		&st.Satisfied, &st.Basic, &st.Unsatisfied)
	if err != nil && err != sql.ErrNoRows {
		return st, err
	}
	st.Forms = st.Satisfied + st.Basic + st.Unsatisfied
	return st, nil
}

// ProposalSessions are the sessions and years a unit's proposals are
// counted in, latest first, for the statistics page's choice.
func (s *Store) ProposalSessions(ctx context.Context, unitID int64) (sessions []string, years []int, err error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT session, MAX(year) FROM proposals
		WHERE unit_id = ? AND voided_at IS NULL AND session <> '' GROUP BY session ORDER BY MAX(year) DESC, session DESC`), unitID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sess string
		var y int
		if err := rows.Scan(&sess, &y); err != nil {
			return nil, nil, err
		}
		sessions = append(sessions, sess)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	yr, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT year FROM proposals WHERE unit_id = ? AND voided_at IS NULL ORDER BY year DESC`), unitID)
	if err != nil {
		return nil, nil, err
	}
	defer yr.Close()
	for yr.Next() {
		var y int
		if err := yr.Scan(&y); err != nil {
			return nil, nil, err
		}
		years = append(years, y)
	}
	return sessions, years, yr.Err()
}

// caseStatusesSQL is zhenggai.CaseStatuses as an SQL list of literals.
func caseStatusesSQL() string {
	quoted := make([]string, len(zhenggai.CaseStatuses))
	for i, st := range zhenggai.CaseStatuses {
		quoted[i] = "'" + string(st) + "'"
	}
	return strings.Join(quoted, ", ")
}
