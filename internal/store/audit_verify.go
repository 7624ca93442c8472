package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// AuditReport is the result of VerifyAudit.
type AuditReport struct {
	Entries  int64  // log entries whose hash and link were checked
	Records  int64  // rows of audited tables compared with the log
	HeadID   int64  // the last entry according to audit_head
	HeadHash string // its hash: write it down to prove later that nothing was rewritten since
	Sessions int64  // sessions checked against the logins that created them
	// Schema counts what the schema check compared; its differences are
	// among Problems (Entity "schema"), first.
	Schema SchemaSummary
	// Problems are what was found, first the log, then the records, each in
	// order; at most maxAuditProblems of them, More counts the rest.
	Problems []AuditProblem
	More     int64
}

// AuditProblem names one bad entry or record.
type AuditProblem struct {
	EntryID  int64  // the log entry concerned, 0 if none
	Entity   string // the record concerned, "" if none
	EntityID int64
	Message  string // Chinese, for people
}

// OK reports whether the log and the records agree.
func (r *AuditReport) OK() bool { return len(r.Problems) == 0 && r.More == 0 }

const maxAuditProblems = 100

func (r *AuditReport) add(p AuditProblem) {
	if len(r.Problems) >= maxAuditProblems {
		r.More++
		return
	}
	r.Problems = append(r.Problems, p)
}

// VerifyAudit checks, in one consistent read of the database:
//
//  1. the chain: every entry's hash, its link to the entry before it, the
//     gapless ids, and audit_head against the last entry (a cut-off end);
//  2. each record's own history: the "before" of every entry equals the
//     "after" of the entry before it about the same record, and the first
//     entry of a record is its creation, so that a change made behind the
//     program's back and then overwritten by a later save is still found;
//  3. the records: every row of every audited table equals the "after" of
//     the last entry about it, and every record whose last entry is not a
//     delete still exists;
//  4. the sessions: each was created by a login the log holds, as it
//     stands (sessions.go);
//  5. the schema: tables, columns, indexes, constraints, triggers, views
//     (and on PostgreSQL functions, rules, policies) are those the
//     migrations make (schema.go); its differences come first.
//
// Every step streams rows in order of an index, holding one row at a time:
// memory does not grow with the database. Rows are compared on the
// columns the entry recorded: a column added by a later migration is not
// a difference, so such a migration needs no rewrite of the log (a column
// added later is covered from the record's next save on).
func (s *Store) VerifyAudit(ctx context.Context) (*AuditReport, error) {
	rep := &AuditReport{}
	diffs, sum, err := s.CheckSchema(ctx)
	if err != nil {
		return nil, fmt.Errorf("verify schema: %w", err)
	}
	rep.Schema = sum
	for _, d := range diffs {
		rep.add(AuditProblem{Entity: "schema", Message: d.Message()})
	}
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := s.verifyChain(ctx, tx, rep); err != nil {
		return nil, fmt.Errorf("verify audit chain: %w", err)
	}
	for _, table := range auditedTables {
		if err := s.verifyHistories(ctx, tx, rep, table); err != nil {
			return nil, fmt.Errorf("verify history of %s: %w", table, err)
		}
	}
	for _, table := range auditedTables {
		if err := s.verifyRecords(ctx, tx, rep, table); err != nil {
			return nil, fmt.Errorf("verify %s: %w", table, err)
		}
	}
	if err := s.verifySessions(ctx, tx, rep); err != nil {
		return nil, fmt.Errorf("verify sessions: %w", err)
	}
	drift, err := s.roundCountsDrift(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("verify round counts: %w", err)
	}
	for _, id := range drift {
		rep.add(AuditProblem{Entity: "round_counts", EntityID: id,
			Message: fmt.Sprintf("巡察轮次 #%d 的问题状态统计与其整改措施不一致：统计表或措施被绕过程序改动过", id)})
	}
	return rep, nil
}

func (s *Store) verifyChain(ctx context.Context, tx *sql.Tx, rep *AuditReport) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+auditCols+` FROM audit_log ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var prev *AuditEntry
	prevID, prevHash := int64(0), zeroHash
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return err
		}
		rep.Entries++
		intact := e.computeHash() == e.Hash
		switch {
		case e.ID != prevID+1:
			missing := fmt.Sprintf("第%d条", prevID+1)
			if e.ID-1 > prevID+1 {
				missing = fmt.Sprintf("第%d至%d条", prevID+1, e.ID-1)
			}
			rep.add(entryProblem(e, fmt.Sprintf("第%d条之前的记录被删除（缺少%s）", e.ID, missing)))
		case !intact:
			rep.add(entryProblem(e, fmt.Sprintf("第%d条记录被修改（内容与其哈希不符）：%s", e.ID, describe(e))))
		case e.PrevHash != prevHash:
			// e is intact but does not follow from the entry before it: that
			// entry was rewritten together with its hash.
			if prev != nil {
				rep.add(entryProblem(prev, fmt.Sprintf("第%d条记录被修改（哈希被重新计算，与第%d条记录的链接不符）：%s", prev.ID, e.ID, describe(prev))))
			} else {
				rep.add(entryProblem(e, fmt.Sprintf("第%d条记录被修改（链接不符）：%s", e.ID, describe(e))))
			}
		}
		prev, prevID, prevHash = e, e.ID, e.Hash
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	err = tx.QueryRowContext(ctx, `SELECT last_id, last_hash FROM audit_head WHERE id = 1`).Scan(&rep.HeadID, &rep.HeadHash)
	if errors.Is(err, sql.ErrNoRows) {
		rep.add(AuditProblem{Message: "审计日志头（audit_head）被删除"})
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case rep.HeadID > prevID:
		missing := fmt.Sprintf("第%d条", rep.HeadID)
		if rep.HeadID > prevID+1 {
			missing = fmt.Sprintf("第%d至%d条", prevID+1, rep.HeadID)
		}
		rep.add(AuditProblem{EntryID: prevID + 1, Message: fmt.Sprintf("日志末尾被截断：应有%d条记录，缺少%s", rep.HeadID, missing)})
	case rep.HeadID < prevID:
		rep.add(AuditProblem{EntryID: rep.HeadID + 1, Message: fmt.Sprintf("第%d条起的记录不是本程序写入的（日志头只到第%d条）", rep.HeadID+1, rep.HeadID)})
	case rep.HeadHash != prevHash:
		rep.add(AuditProblem{EntryID: prevID, Message: fmt.Sprintf("日志头与第%d条记录的哈希不符（末条记录或日志头被修改）", prevID)})
	}
	return nil
}

func entryProblem(e *AuditEntry, msg string) AuditProblem {
	return AuditProblem{EntryID: e.ID, Entity: e.Entity, EntityID: e.EntityID, Message: msg}
}

// describe names what an entry is about, as stored (it may be forged).
func describe(e *AuditEntry) string {
	return fmt.Sprintf("%s #%d 的%s，操作人 %s", e.Entity, e.EntityID, actionWord(e.Action), e.Actor.Name)
}

func actionWord(a string) string {
	switch a {
	case auditCreate:
		return "新建"
	case auditUpdate:
		return "修改"
	case auditDelete:
		return "删除"
	case auditBaseline:
		return "初始记录"
	}
	return a
}

// verifyHistories walks one table's entries record by record.
func (s *Store) verifyHistories(ctx context.Context, tx *sql.Tx, rep *AuditReport, table string) error {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, entity_id, action, before, after FROM audit_log
		WHERE entity = ? ORDER BY entity_id, id`), table)
	if err != nil {
		return err
	}
	defer rows.Close()
	var prevRec, prevEntry int64
	var prevAfter string
	for rows.Next() {
		var id, rec int64
		var action, before, after string
		if err := rows.Scan(&id, &rec, &action, &before, &after); err != nil {
			return err
		}
		first := rec != prevRec || prevEntry == 0
		switch {
		case first && (action == auditCreate || action == auditBaseline) && before == "":
		case first:
			rep.add(AuditProblem{EntryID: id, Entity: table, EntityID: rec,
				Message: fmt.Sprintf("%s #%d 在第%d条记录（%s）之前没有新建记录（绕过程序插入）", table, rec, id, actionWord(action))})
		default:
			if diff := snapshotDiff(decodeSnapshot(before), prevAfter); diff != nil {
				rep.add(AuditProblem{EntryID: id, Entity: table, EntityID: rec,
					Message: fmt.Sprintf("%s #%d 在第%d条记录之前被绕过程序修改（修改前的内容与第%d条记录不符：%s）",
						table, rec, id, prevEntry, strings.Join(diff, "、"))})
			}
		}
		prevRec, prevEntry, prevAfter = rec, id, after
	}
	return rows.Err()
}

// verifyRecords compares the rows of one table with the log.
func (s *Store) verifyRecords(ctx context.Context, tx *sql.Tx, rep *AuditReport, table string) error {
	var found []AuditProblem
	add := func(p AuditProblem) {
		if len(found) < maxAuditProblems+1 {
			found = append(found, p)
		}
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT a.id, a.action, a.after, t.* FROM `+table+` t
		LEFT JOIN audit_log a ON a.id = (SELECT MAX(b.id) FROM audit_log b WHERE b.entity = ? AND b.entity_id = t.id)
		ORDER BY t.id`), table)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return err
		}
		// The row's own columns follow the three of the log.
		entry, _ := normalise(vals[0]).(int64)
		action, _ := normalise(vals[1]).(string)
		after, _ := normalise(vals[2]).(string)
		row := rowMap(cols[3:], vals[3:])
		id, _ := row["id"].(int64)
		rep.Records++
		switch {
		case entry == 0:
			add(AuditProblem{Entity: table, EntityID: id, Message: fmt.Sprintf("%s #%d 没有任何审计记录（绕过程序插入）", table, id)})
		case action == auditDelete:
			add(AuditProblem{EntryID: entry, Entity: table, EntityID: id,
				Message: fmt.Sprintf("%s #%d 已于第%d条记录删除，但仍在数据库中（绕过程序恢复）", table, id, entry)})
		default:
			if diff := snapshotDiff(row, after); diff != nil {
				add(AuditProblem{EntryID: entry, Entity: table, EntityID: id,
					Message: fmt.Sprintf("%s #%d 的当前内容与审计日志不符（被绕过程序修改：%s；最后一条记录为第%d条）",
						table, id, strings.Join(diff, "、"), entry)})
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	// Records the log says exist but the table has lost.
	gone, err := tx.QueryContext(ctx, s.d.rebind(`SELECT a.entity_id, a.id FROM audit_log a
		WHERE a.entity = ? AND a.action <> 'delete'
		AND a.id = (SELECT MAX(b.id) FROM audit_log b WHERE b.entity = a.entity AND b.entity_id = a.entity_id)
		AND NOT EXISTS (SELECT 1 FROM `+table+` t WHERE t.id = a.entity_id)
		ORDER BY a.entity_id`), table)
	if err != nil {
		return err
	}
	defer gone.Close()
	for gone.Next() {
		var id, entry int64
		if err := gone.Scan(&id, &entry); err != nil {
			return err
		}
		add(AuditProblem{EntryID: entry, Entity: table, EntityID: id,
			Message: fmt.Sprintf("%s #%d 已被删除但审计日志中没有删除记录（最后一条记录为第%d条）", table, id, entry)})
	}
	if err := gone.Err(); err != nil {
		return err
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].EntityID < found[j].EntityID })
	for _, p := range found {
		rep.add(p)
	}
	return nil
}

// snapshotDiff compares a row (as normalised values) with a stored
// snapshot and returns the names of the columns that differ, nil when
// they agree. Only columns the snapshot recorded are compared; a row that
// is missing altogether (nil) differs from any non-empty snapshot.
func snapshotDiff(row map[string]any, stored string) []string {
	if row == nil || stored == "" {
		if row == nil && stored == "" {
			return nil
		}
		return []string{"整条记录"}
	}
	if js, err := canonicalJSON(row); err == nil && js == stored {
		return nil
	}
	want := decodeSnapshot(stored)
	if want == nil {
		return []string{"记录无法解读"}
	}
	var diff []string
	for k, wv := range want {
		cv, ok := row[k]
		if !ok {
			continue // a column dropped since
		}
		a, _ := json.Marshal(cv)
		b, _ := json.Marshal(wv)
		if !bytes.Equal(a, b) {
			diff = append(diff, k)
		}
	}
	sort.Strings(diff)
	if len(diff) == 0 {
		return nil
	}
	return diff
}

// CheckAnchor compares entry id of the log with a hash written down
// earlier (printed by audit verify, or kept with a backup). The chain
// proves everything before an entry unchanged only if the entry itself is
// known from outside: whoever can write the database can rewrite a whole
// chain, or cut its end and move the head, but not an anchor on paper.
func (s *Store) CheckAnchor(ctx context.Context, id int64, hash string) (*AuditProblem, error) {
	var got string
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT hash FROM audit_log WHERE id = ?`), id).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return &AuditProblem{EntryID: id, Message: fmt.Sprintf("抄录的第%d条日志已不存在：日志在它之前被截断或删除", id)}, nil
	}
	if err != nil {
		return nil, err
	}
	if got != hash {
		return &AuditProblem{EntryID: id, Message: fmt.Sprintf("第%d条日志的哈希与抄录的不符：日志被改写过（现为 %s）", id, got)}, nil
	}
	return nil, nil
}
