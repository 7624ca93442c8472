package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// SearchHit is one record a keyword search found.
type SearchHit struct {
	Kind      string `json:"kind"` // problem, measure or opinion
	ID        int64  `json:"id"`
	RoundID   int64  `json:"round_id"`   // 0 for an opinion
	ProblemID int64  `json:"problem_id"` // the problem it is or belongs to; 0 for an opinion on a whole report
	Seq       int    `json:"seq"`        // the problem's number (a measure's: its problem's)
	Unit      string `json:"unit"`
	Inspector string `json:"inspector"`
	Title     string `json:"title"` // the problem's title; an opinion's reference number
	Text      string `json:"text"`  // what matched: the measure, the opinion, the problem's rectification
}

// MaxSearch bounds a search's keyword, in characters, and SearchLimit the
// hits of each kind.
const (
	MaxSearch   = 50
	SearchLimit = 200
)

// Search finds the problems, measures and (when opinions is true) the
// public's opinions of a scope whose text holds q: a substring, so that
// one or two Chinese characters find what holds them (Chinese has no
// spaces between words for a word index to split on). The match is
// INSTR/STRPOS, not LIKE: % and _ in q are plain characters. Letters match
// whatever their case. Each kind is listed in ledger order, at most
// SearchLimit of each.
func (s *Store) Search(ctx context.Context, sc zhenggai.Scope, q string, opinions bool) ([]*SearchHit, error) {
	// Bytes that are not UTF-8 match no stored text: dropped, not counted
	// (ToLower would make each one a character of its own).
	q = strings.ToLower(strings.TrimSpace(strings.ToValidUTF8(q, "")))
	if q == "" {
		return []*SearchHit{}, nil
	}
	if utf8.RuneCountInString(q) > MaxSearch {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "搜索的关键词过长（最多%d个字）", MaxSearch)
	}
	has := func(cols ...string) (string, []any) {
		var or []string
		var args []any
		for _, c := range cols {
			or = append(or, s.d.contains("LOWER("+c+")", "?"))
			args = append(args, q)
		}
		return "(" + strings.Join(or, " OR ") + ")", args
	}
	out := []*SearchHit{}
	type search struct {
		kind, sql string
		args      []any
	}
	var runs []search
	with, wargs, cond, cargs := scopeUnitSQL(sc, "p.unit_id")
	match, margs := has("p.title", "p.rectification")
	runs = append(runs, search{"problem", with + `SELECT p.id, p.round_id, p.id, p.seq, un.name, r.inspector, p.title,
		CASE WHEN ` + s.d.contains("LOWER(p.title)", "?") + ` THEN '' ELSE p.rectification END
		FROM problems p JOIN rounds r ON r.id = p.round_id JOIN units un ON un.id = p.unit_id
		WHERE p.voided_at IS NULL AND r.voided_at IS NULL AND ` + cond + ` AND ` + match + ` ORDER BY r.feedback_date DESC, r.id DESC, p.seq LIMIT ?`,
		join(wargs, []any{q}, cargs, margs, []any{SearchLimit})})
	with, wargs, cond, cargs = scopeUnitSQL(sc, "m.unit_id")
	match, margs = has("m.content", "m.leader", "m.office", "m.owner", "m.mechanism")
	runs = append(runs, search{"measure", with + `SELECT m.id, m.round_id, m.problem_id, p.seq, un.name, r.inspector, p.title, m.content
		FROM measures m JOIN problems p ON p.id = m.problem_id JOIN rounds r ON r.id = m.round_id JOIN units un ON un.id = m.unit_id
		WHERE m.voided_at IS NULL AND ` + cond + ` AND ` + match + ` ORDER BY r.feedback_date DESC, r.id DESC, p.seq, m.seq LIMIT ?`,
		join(wargs, cargs, margs, []any{SearchLimit})})
	if opinions {
		with, wargs, cond, cargs = scopeUnitSQL(sc, "o.unit_id")
		match, margs = has("o.content", "o.answer", "o.problem", "o.ref")
		runs = append(runs, search{"opinion", with + `SELECT o.id, 0, o.problem_id, 0, un.name, '', o.ref, o.content
			FROM opinions o JOIN units un ON un.id = o.unit_id
			WHERE ` + cond + ` AND ` + match + ` ORDER BY o.id DESC LIMIT ?`,
			join(wargs, cargs, margs, []any{SearchLimit})})
	}
	for _, run := range runs {
		rows, err := s.rdb.QueryContext(ctx, s.d.rebind(run.sql), run.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			h := &SearchHit{Kind: run.kind}
			if err := rows.Scan(&h.ID, &h.RoundID, &h.ProblemID, &h.Seq, &h.Unit, &h.Inspector, &h.Title, &h.Text); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
