package main

import (
	"strconv"
	"strings"
	"zhenggai"
)

// The SQL the store runs for the three pages, rebuilt here word for word so
// that it can be timed bare in sqlite3 and psql. Nothing new is exposed by
// the store: queries_test.go pins the string literals of every declaration
// copied below and fails, naming the declaration, as soon as one of them
// changes; update the copy here and the pinned digest together.

// internal/store/rounds.go: const roundCols.
const roundCols = `r.id, r.unit_id, u.name, r.inspector, r.kind, r.onsite_start, r.onsite_end, r.feedback_date,
	r.declared_as_of, r.declared_categories, r.declared_problems, r.declared_completed,
	r.declared_basically_completed, r.declared_in_progress, r.declared_not_completed, r.declared_rate_percent,
	r.note, r.report_leading_group, r.report_work, r.report_follow_up, r.version, r.created_at, r.updated_at`

// internal/store/rounds.go: const roundListCols.
const roundListCols = `r.id, r.unit_id, u.name, r.inspector, r.kind, r.onsite_start, r.onsite_end, r.feedback_date,
	r.declared_as_of, r.declared_categories, r.declared_problems, r.declared_completed,
	r.declared_basically_completed, r.declared_in_progress, r.declared_not_completed, r.declared_rate_percent,
	r.note, '', '', '', r.version, r.created_at, r.updated_at`

// internal/store/categories.go, problems.go, measures.go: the column lists.
const (
	categoryCols = `id, unit_id, round_id, seq, title, version`
	problemCols  = `id, unit_id, round_id, category_id, seq, title, rectification, withheld, withheld_reason, close_state, version`
	measureCols  = `id, unit_id, problem_id, seq, content, leader, office, owner, deadline, kind, status, mechanism,
	report_every, close_state, version, COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id), '')`
)

// scope is store.Scope: all units, an office with its subtree, or one unit.
type scope struct {
	all    bool
	office int64
	unit   int64
}

// scopeSQL is internal/store/summary.go's scopeSQL.
func scopeSQL(sc scope, col string) (with string, withArgs []any, cond string, condArgs []any) {
	switch {
	case sc.all:
		return "", nil, "1 = 1", nil
	case sc.office != 0:
		return `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `, []any{sc.office},
			col + ` IN (SELECT sr.id FROM rounds sr WHERE sr.unit_id IN (SELECT id FROM sub))`, nil
	}
	return "", nil, col + ` IN (SELECT sr.id FROM rounds sr WHERE sr.unit_id = ?)`, []any{sc.unit}
}

func join(lists ...[]any) []any {
	var out []any
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// query is one statement with its arguments, in SQLite's ? form.
type query struct {
	name string
	sql  string
	args []any
}

// summaryQueries are the statements of store.RoundSummaries for a scope,
// in the order it runs them (internal/store/summary.go, RoundSummaries and
// allSettings). horizon is today plus the widest green window, which the
// store computes from the settings the third statement reads.
func summaryQueries(sc scope, today zhenggai.Date, horizon string) []query {
	with, wargs, cond, cargs := scopeSQL(sc, "r.id")
	q1 := query{"rounds of the scope, with their kept counts", with + `SELECT ` + roundListCols + `, COALESCE(c.not_started, 0),
		COALESCE(c.in_progress, 0), COALESCE(c.basically_completed, 0), COALESCE(c.ongoing, 0), COALESCE(c.completed, 0)
		FROM rounds r JOIN units u ON u.id = r.unit_id LEFT JOIN round_counts c ON c.round_id = r.id
		WHERE ` + cond + ` ORDER BY r.feedback_date DESC, r.id DESC`, join(wargs, cargs)}
	q3 := query{"all settings", `SELECT unit_id, name, value FROM settings WHERE name IN ('green_days', 'yellow_days')`, nil}
	with, wargs, cond, cargs = scopeSQL(sc, "round_id")
	// The default thresholds' statement, for every unit: the generated
	// data give no unit thresholds of their own.
	def := zhenggai.DefaultSettings()
	t, y, gr := today.String(), today.AddDays(def.YellowDays).String(), horizon
	q4 := query{"colours due", with + `SELECT round_id,
			SUM(CASE WHEN deadline < ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline >= ? AND deadline <= ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline > ? THEN 1 ELSE 0 END)
			FROM measures
			WHERE ` + cond + ` AND status NOT IN ('completed', 'ongoing') AND close_state <> 'approved'
				AND deadline <> '' AND deadline <= ? AND ` + unitCond(0, 0) + `
			GROUP BY round_id`, join(wargs, []any{t, t, y, y}, cargs, []any{gr})}
	q5 := query{"re-reports due", with + `SELECT round_id, report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id), '') FROM measures
		WHERE ` + cond + ` AND status = 'ongoing' AND report_every > 0`, join(wargs, cargs)}
	return []query{q1, q3, q4, q5}
}

// unitCond is the units' condition of summary.go's colour statements:
// units on the defaults but those with thresholds of their own, or the
// units sharing one set of thresholds.
func unitCond(units, others int) string {
	ph := strings.TrimSuffix(strings.Repeat("?, ", max(units, others)), ", ")
	switch {
	case others > 0:
		return "unit_id NOT IN (" + ph + ")"
	case units > 0:
		return "unit_id IN (" + ph + ")"
	}
	return "1 = 1"
}

// ledgerQueries are the five statements of store.buildLedger
// (internal/store/ledger.go) for a round of a unit: Round, Settings,
// Categories, Problems, Measures.
func ledgerQueries(round, unit int64) []query {
	return []query{
		{"round", `SELECT ` + roundCols + `
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ?`, []any{round}},
		{"settings", `SELECT name, value FROM settings WHERE unit_id = ?`, []any{unit}},
		{"categories", `SELECT ` + categoryCols + ` FROM categories WHERE round_id = ? ORDER BY seq`, []any{round}},
		{"problems", `SELECT ` + problemCols + ` FROM problems WHERE round_id = ? ORDER BY seq`, []any{round}},
		{"measures", `SELECT ` + measureCols + ` FROM measures WHERE round_id = ? ORDER BY problem_id, seq`, []any{round}},
	}
}

// pgRebind numbers the placeholders as the store's pgDialect.rebind does
// (internal/store/dialect.go); none of the statements above has a ? inside
// a quoted string.
func pgRebind(q string) string {
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// literal writes an argument as an SQL literal, for the bare tools.
func literal(a any) string {
	switch v := a.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	panic("literal: unexpected argument type")
}
