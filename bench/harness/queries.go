package main

import (
	"strconv"
	"strings"
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
	r.note, r.version, r.created_at, r.updated_at`

// internal/store/categories.go, problems.go, measures.go: the column lists.
const (
	categoryCols = `id, unit_id, round_id, seq, title, version`
	problemCols  = `id, unit_id, round_id, category_id, seq, title, rectification, close_state, version`
	measureCols  = `id, unit_id, problem_id, seq, content, leader, office, owner, deadline, kind, status, mechanism,
	report_every, close_state, version, COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id), '')`
)

// internal/store/summary.go: const rankSQL.
const rankSQL = `CASE status WHEN 'in_progress' THEN 1 WHEN 'basically_completed' THEN 2
	WHEN 'ongoing' THEN 3 WHEN 'completed' THEN 4 ELSE 0 END`

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
func summaryQueries(sc scope, horizon string) []query {
	with, wargs, cond, cargs := scopeSQL(sc, "r.id")
	q1 := query{"rounds of the scope", with + `SELECT ` + roundCols + `
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE ` + cond + ` ORDER BY r.feedback_date DESC, r.id DESC`, join(wargs, cargs)}
	with, wargs, cond, cargs = scopeSQL(sc, "round_id")
	_, _, pcond, _ := scopeSQL(sc, "p.round_id")
	q2 := query{"problem statuses", with + `SELECT x.round_id, x.st, COUNT(*) FROM (
		SELECT p.round_id AS round_id,
			CASE WHEN MIN(m.rk) IS NULL THEN 0 WHEN MIN(m.rk) = 0 AND MAX(m.rk) > 0 THEN 1 ELSE MIN(m.rk) END AS st
		FROM problems p LEFT JOIN (SELECT problem_id, ` + rankSQL + ` AS rk FROM measures WHERE ` + cond + `) m ON m.problem_id = p.id
		WHERE ` + pcond + `
		GROUP BY p.round_id, p.id) x
		GROUP BY x.round_id, x.st`, join(wargs, cargs, cargs)}
	q3 := query{"all settings", `SELECT unit_id, name, value FROM settings WHERE name IN ('green_days', 'yellow_days')`, nil}
	q4 := query{"deadlines due", with + `SELECT round_id, unit_id, deadline, COUNT(*) FROM measures
		WHERE ` + cond + ` AND status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> '' AND deadline <= ?
		GROUP BY round_id, unit_id, deadline`, join(wargs, cargs, []any{horizon})}
	q5 := query{"re-reports due", with + `SELECT round_id, report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id), '') FROM measures
		WHERE ` + cond + ` AND status = 'ongoing' AND report_every > 0`, join(wargs, cargs)}
	return []query{q1, q2, q3, q4, q5}
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
