//go:build linux

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
	r.note, r.report_leading_group, r.report_work, r.report_follow_up, r.report_title, r.report_signature,
	r.report_signed, r.declared_measures, r.declared_rules, r.declared_refunded_fen, r.declared_recovered_fen,
	r.declared_saved_fen, r.declared_talks, r.declared_organisational, r.declared_disciplinary,
	r.version, r.created_at, r.updated_at`

// internal/store/rounds.go: const roundListCols.
const roundListCols = `r.id, r.unit_id, u.name, r.inspector, r.kind, r.onsite_start, r.onsite_end, r.feedback_date,
	r.declared_as_of, r.declared_categories, r.declared_problems, r.declared_completed,
	r.declared_basically_completed, r.declared_in_progress, r.declared_not_completed, r.declared_rate_percent,
	r.note, '', '', '', '', '', '', r.declared_measures, r.declared_rules, r.declared_refunded_fen,
	r.declared_recovered_fen, r.declared_saved_fen, r.declared_talks, r.declared_organisational, r.declared_disciplinary,
	r.version, r.created_at, r.updated_at`

// internal/store/categories.go, problems.go, measures.go: the column lists.
const (
	categoryCols = `id, unit_id, round_id, seq, title, version`
	problemCols  = `id, unit_id, round_id, category_id, seq, title, rectification, withheld, withheld_reason, close_state, version,
	recorded_status, recorded_source`
	measureCols = `id, unit_id, problem_id, seq, content, leader, office, owner, deadline, kind, status, mechanism,
	report_every, close_state, version, rule_names, refunded_fen, recovered_fen, saved_fen, talks, organisational,
	disciplinary, COALESCE(leader_id, 0), COALESCE(owner_id, 0), proof_rules, COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '')`
)

// scope is zhenggai.Scope: all units, an office with its subtree, or one unit.
type scope struct {
	all    bool
	office int64
	unit   int64
}

// scopeUnitSQL is internal/store/summary.go's scopeUnitSQL.
func scopeUnitSQL(sc scope, col string) (with string, withArgs []any, cond string, condArgs []any) {
	switch {
	case sc.all:
		return "", nil, "1 = 1", nil
	case sc.office != 0:
		return `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ?
			UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `, []any{sc.office},
			col + ` IN (SELECT id FROM sub)`, nil
	}
	return "", nil, col + ` = ?`, []any{sc.unit}
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

// The office's list as it opens (store.RoundPage, no filter, newest
// feedback first, the first page of 50), its nine statements in the order
// roundPageInSQL runs them, the default thresholds' statements only (the
// generated data give no unit thresholds of their own). ids are the page's
// rounds, which the store learns from the sixth statement.

// internal/store/round_page.go: const roundFrom.
const roundFrom = ` FROM rounds r JOIN units u ON u.id = r.unit_id AND r.voided_at IS NULL LEFT JOIN round_counts c ON c.round_id = r.id `

// internal/store/round_counts.go: const openDueSQL.
const openDueSQL = `status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> ''`

// untimed are pieces of the pinned declarations that only a filtered list
// runs (the measures of the kept rounds, when something narrows the
// scope); the harness times the list as it opens.
var untimed = []string{"round_id IN (SELECT r.id"}

// pageLimit is the office list's page (internal/ui/round_list.go).
const pageLimit = 50

func pageQueries(sc scope, today zhenggai.Date, ids []int64) []query {
	with, wargs, cond, cargs := scopeUnitSQL(sc, "r.unit_id")
	def := zhenggai.DefaultSettings()
	t, y, gr := today.String(), today.AddDays(def.YellowDays).String(), today.AddDays(def.GreenDays).String()
	qs := []query{
		{"totals of the kept rounds", with + `SELECT COUNT(*), COALESCE(SUM(t.k), 0),
		COALESCE(SUM(t.k * t.ns), 0), COALESCE(SUM(t.k * t.ip), 0), COALESCE(SUM(t.k * t.bc), 0),
		COALESCE(SUM(t.k * t.og), 0), COALESCE(SUM(t.k * t.cp), 0), COALESCE(SUM(t.k * t.od), 0)
		FROM (SELECT ` + "1" + ` AS k, COALESCE(c.not_started, 0) AS ns, COALESCE(c.in_progress, 0) AS ip,
			COALESCE(c.basically_completed, 0) AS bc, COALESCE(c.ongoing, 0) AS og, COALESCE(c.completed, 0) AS cp,
			COALESCE(c.open_due, 0) AS od` + roundFrom + `WHERE ` + cond + `) t`, join(wargs, cargs)},
		{"waiting for acceptance", with + `SELECT COUNT(*) FROM problems p
		JOIN rounds r ON r.id = p.round_id JOIN units u ON u.id = r.unit_id LEFT JOIN round_counts c ON c.round_id = r.id
		WHERE p.close_state = 'submitted' AND p.voided_at IS NULL AND r.voided_at IS NULL AND ` + cond, join(wargs, cargs)},
		{"all settings", `SELECT unit_id, name, value FROM settings WHERE name IN ('green_days', 'yellow_days')`, nil},
	}
	mwith, mwargs, mcond, mcargs := scopeUnitSQL(sc, "unit_id")
	qs = append(qs,
		query{"due from today on", mwith + `SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN deadline <= ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN deadline > ? AND deadline <= ? THEN 1 ELSE 0 END), 0)
			FROM measures WHERE ` + openDueSQL + ` AND voided_at IS NULL AND deadline >= ? AND ` + "1 = 1" + ` AND ` + mcond,
			join(mwargs, []any{y, y, gr, t}, mcargs)},
		query{"re-reports due", mwith + `SELECT report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '') FROM measures
		WHERE status = 'ongoing' AND report_every > 0 AND voided_at IS NULL AND ` + mcond, join(mwargs, mcargs)},
		query{"the page", with + `SELECT ` + roundListCols + `, COALESCE(c.not_started, 0),
		COALESCE(c.in_progress, 0), COALESCE(c.basically_completed, 0), COALESCE(c.ongoing, 0), COALESCE(c.completed, 0)
		` + roundFrom + `WHERE ` + cond + ` ORDER BY ` + "r.feedback_date DESC, r.id DESC" + ` LIMIT ? OFFSET ?`,
			join(wargs, cargs, []any{pageLimit, 0})},
	)
	if len(ids) == 0 {
		return qs
	}
	idArgs := make([]any, len(ids))
	for i, id := range ids {
		idArgs[i] = id
	}
	idCond := "round_id IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") + ")"
	return append(qs,
		query{"the page's colours", `SELECT round_id,
			SUM(CASE WHEN deadline < ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline >= ? AND deadline <= ? THEN 1 ELSE 0 END),
			SUM(CASE WHEN deadline > ? THEN 1 ELSE 0 END)
			FROM measures
			WHERE ` + idCond + ` AND voided_at IS NULL AND status NOT IN ('completed', 'ongoing') AND close_state <> 'approved'
				AND deadline <> '' AND deadline <= ? AND ` + unitCond(0, 0) + `
			GROUP BY round_id`, join([]any{t, t, y, y}, idArgs, []any{gr})},
		query{"the page's re-reports", `SELECT round_id, report_every,
		COALESCE((SELECT MAX(pr.day) FROM progress pr WHERE pr.measure_id = measures.id AND pr.voided_at IS NULL), '') FROM measures
		WHERE ` + idCond + ` AND voided_at IS NULL AND status = 'ongoing' AND report_every > 0`, idArgs},
		query{"the page's waiting problems", `SELECT round_id, COUNT(*) FROM problems
		WHERE close_state = 'submitted' AND voided_at IS NULL AND ` + idCond + ` GROUP BY round_id`, idArgs},
	)
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
		FROM rounds r JOIN units u ON u.id = r.unit_id WHERE r.id = ? AND r.voided_at IS NULL`, []any{round}},
		{"settings", `SELECT name, value FROM settings WHERE unit_id = ?`, []any{unit}},
		{"categories", `SELECT ` + categoryCols + ` FROM categories WHERE round_id = ? AND voided_at IS NULL ORDER BY seq`, []any{round}},
		{"problems", `SELECT ` + problemCols + ` FROM problems WHERE round_id = ? AND voided_at IS NULL ORDER BY seq`, []any{round}},
		{"measures", `SELECT ` + measureCols + ` FROM measures WHERE round_id = ? AND voided_at IS NULL ORDER BY problem_id, seq`, []any{round}},
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
