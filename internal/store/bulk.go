package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Bulk writes: many rows in one transaction, for the synthetic-data
// generator (zhenggai gen) and anything else that writes a round's worth of
// records at once. They go through the same writer and the same audit
// trail as every other write: each row gets its own audit entry, made
// from the row as stored, in the same transaction, and audit verify
// checks them like any other. What they save is a transaction per row (on
// SQLite a commit is an fsync), the lookups the one-row methods make to
// find a parent's unit and round, and, for a round's rows, a statement
// (on PostgreSQL a round trip) per row and per audit entry.

// BulkRound is a round with everything under it, as it stands on a given
// day: measures carry their current status and their progress entries.
type BulkRound struct {
	// Round: Unit names the inspected unit (created if missing), plus
	// Inspector, Kind, dates, Declared and Note. ID, UnitID, Version and
	// the times are filled in.
	Round      zhenggai.Round
	Categories []BulkCategory
}

// BulkCategory is a category with its problems. Seq and Title are read;
// ID, UnitID, RoundID and Version are filled in.
type BulkCategory struct {
	zhenggai.Category
	Problems []BulkProblem
}

// BulkProblem is a problem with its measures. Seq, Title and Rectification
// are read; the rest is filled in.
type BulkProblem struct {
	zhenggai.Problem
	Measures []BulkMeasure
}

// BulkMeasure is a measure in its current state with the progress entries
// that led there, oldest first. The measure is written as it stands
// (version 1, its status as given), not replayed through one status
// change per entry: the audit trail shows it created as it is, as an
// import of a ledger would. Progress entries keep the status each
// reported. They have no evidence files.
type BulkMeasure struct {
	zhenggai.Measure
	Progress []zhenggai.Progress
}

// Rows is the number of records b writes (the round included).
func (b *BulkRound) Rows() int {
	n := 1 + len(b.Categories)
	for _, c := range b.Categories {
		n += len(c.Problems)
		for _, p := range c.Problems {
			n += len(p.Measures)
			for _, m := range p.Measures {
				n += len(m.Progress)
			}
		}
	}
	return n
}

// validate checks everything b would write before anything is, with the
// same messages as ImportRound; progress may not be dated after today.
func (b *BulkRound) validate(today zhenggai.Date) error {
	r := &b.Round
	if r.Kind == "" {
		r.Kind = zhenggai.KindInspection
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if len(b.Categories) == 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "没有可导入的问题类别")
	}
	for ci := range b.Categories {
		c := &b.Categories[ci]
		if err := c.Validate(); err != nil {
			return fmt.Errorf("问题类别(%d)：%w", c.Seq, err)
		}
		for pi := range c.Problems {
			p := &c.Problems[pi]
			// The category is not written yet: any positive ID passes.
			q := p.Problem
			q.CategoryID = 1
			if err := q.Validate(); err != nil {
				return fmt.Errorf("问题%d：%w", p.Seq, err)
			}
			for mi := range p.Measures {
				m := &p.Measures[mi]
				if m.Kind == "" {
					m.Kind = zhenggai.MeasureImmediate
				}
				if m.Status == "" {
					m.Status = zhenggai.NotStarted
				}
				if err := m.Validate(); err != nil {
					return fmt.Errorf("问题%d第%d项措施：%w", p.Seq, m.Seq, err)
				}
				for ei := range m.Progress {
					e := &m.Progress[ei]
					if err := e.Validate(today); err != nil {
						return fmt.Errorf("问题%d第%d项措施的第%d条进展：%w", p.Seq, m.Seq, ei+1, err)
					}
					if len(e.Files) > 0 {
						return zhenggai.Errorf(zhenggai.EINVALID, "批量写入的整改进展不能带佐证材料")
					}
				}
			}
		}
	}
	return nil
}

// ImportRoundWithProgress writes b, round, categories, problems, measures
// and progress entries, in one transaction with one audit entry per row,
// and fills in every ID. Either all of it is saved or nothing is.
//
// The rows of each table are written with multi-row INSERTs and then read
// back, a page at a time, from the database: what is read back is what
// the audit entries record (the same canonical JSON of the whole row as
// s.audit writes), and where the IDs the database gave come from. The
// entries of a page are chained and appended at once (appendAudits). On
// PostgreSQL this turns four round trips per row into a few per thousand
// rows; on SQLite it saves compiling and stepping a statement per row.
//
// The IDs of categories, problems and measures are matched to b by their
// numbers, which are unique in the round (categories, problems) or the
// problem (measures); a measure's progress entries get theirs in the order
// of their IDs, which is the order of the INSERT on both engines.
func (s *Store) ImportRoundWithProgress(ctx context.Context, b *BulkRound) error {
	if err := b.validate(zhenggai.DateOf(s.now())); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		r := &b.Round
		if err := s.createRound(ctx, tx, r); err != nil {
			return err
		}
		unit, round := r.UnitID, r.ID
		s.markRound(tx, round)

		cats := map[int64]*BulkCategory{}
		ins := s.newBatch(ctx, tx, "categories", "unit_id", "round_id", "seq", "title", "version")
		for ci := range b.Categories {
			c := &b.Categories[ci]
			c.UnitID, c.RoundID, c.Version = unit, round, 1
			cats[int64(c.Seq)] = c
			if err := ins.add(unit, round, c.Seq, c.Title, 1); err != nil {
				return err
			}
		}
		if err := ins.flush(); err != nil {
			return err
		}
		err := s.auditRoundRows(ctx, tx, "categories", round, func(row map[string]any) error {
			c := cats[rowInt(row, "seq")]
			if c == nil {
				return fmt.Errorf("bulk: category %v of round %d was not written here", row["seq"], round)
			}
			c.ID = rowInt(row, "id")
			return nil
		})
		if err != nil {
			return err
		}

		probs := map[int64]*BulkProblem{}
		ins = s.newBatch(ctx, tx, "problems", "unit_id", "round_id", "category_id", "seq", "title", "rectification", "version")
		for ci := range b.Categories {
			c := &b.Categories[ci]
			for pi := range c.Problems {
				p := &c.Problems[pi]
				p.UnitID, p.RoundID, p.CategoryID, p.Version = unit, round, c.ID, 1
				probs[int64(p.Seq)] = p
				if err := ins.add(unit, round, c.ID, p.Seq, p.Title, p.Rectification, 1); err != nil {
					return err
				}
			}
		}
		if err := ins.flush(); err != nil {
			return err
		}
		err = s.auditRoundRows(ctx, tx, "problems", round, func(row map[string]any) error {
			p := probs[rowInt(row, "seq")]
			if p == nil {
				return fmt.Errorf("bulk: problem %v of round %d was not written here", row["seq"], round)
			}
			p.ID = rowInt(row, "id")
			return nil
		})
		if err != nil {
			return err
		}

		type measureKey struct{ problem, seq int64 }
		measures := map[measureKey]*BulkMeasure{}
		ins = s.newBatch(ctx, tx, "measures", "unit_id", "round_id", "problem_id", "seq", "content", "leader", "office",
			"owner", "deadline", "kind", "status", "mechanism", "report_every", "rule_names", "refunded_fen",
			"recovered_fen", "saved_fen", "talks", "organisational", "disciplinary", "version")
		for ci := range b.Categories {
			for pi := range b.Categories[ci].Problems {
				p := &b.Categories[ci].Problems[pi]
				for mi := range p.Measures {
					m := &p.Measures[mi]
					m.UnitID, m.ProblemID, m.Version = unit, p.ID, 1
					measures[measureKey{p.ID, int64(m.Seq)}] = m
					if err := ins.add(unit, round, m.ProblemID, m.Seq, m.Content, m.Leader, m.Office, m.Owner,
						m.Deadline.String(), string(m.Kind), string(m.Status), m.Mechanism, m.ReportEvery,
						joinRuleNames(m.RuleNames), m.RefundedFen, m.RecoveredFen, m.SavedFen, m.Talks,
						m.Organisational, m.Disciplinary, 1); err != nil {
						return err
					}
				}
			}
		}
		if err := ins.flush(); err != nil {
			return err
		}
		err = s.auditRoundRows(ctx, tx, "measures", round, func(row map[string]any) error {
			m := measures[measureKey{rowInt(row, "problem_id"), rowInt(row, "seq")}]
			if m == nil {
				return fmt.Errorf("bulk: measure %v of problem %v was not written here", row["seq"], row["problem_id"])
			}
			m.ID = rowInt(row, "id")
			return nil
		})
		if err != nil {
			return err
		}

		now := s.stamp()
		entries := map[int64][]*zhenggai.Progress{} // by measure, in the order written
		ins = s.newBatch(ctx, tx, "progress", "unit_id", "round_id", "measure_id", "day", "content", "author", "status", "created_at")
		for ci := range b.Categories {
			for pi := range b.Categories[ci].Problems {
				p := &b.Categories[ci].Problems[pi]
				for mi := range p.Measures {
					m := &p.Measures[mi]
					for ei := range m.Progress {
						e := &m.Progress[ei]
						e.UnitID, e.MeasureID, e.CreatedAt, e.Files = unit, m.ID, parseTime(now), []zhenggai.Attachment{}
						entries[m.ID] = append(entries[m.ID], e)
						if err := ins.add(unit, round, m.ID, e.Date.String(), e.Content, e.Author, string(e.Status), now); err != nil {
							return err
						}
					}
				}
			}
		}
		if err := ins.flush(); err != nil {
			return err
		}
		err = s.auditRoundRows(ctx, tx, "progress", round, func(row map[string]any) error {
			mid := rowInt(row, "measure_id")
			list := entries[mid]
			if len(list) == 0 {
				return fmt.Errorf("bulk: progress of measure %d was not written here", mid)
			}
			list[0].ID, entries[mid] = rowInt(row, "id"), list[1:]
			return nil
		})
		if err != nil {
			return err
		}
		return ctx.Err()
	})
}

// bulkRows is how many rows one multi-row INSERT writes at most. Larger
// statements save little more, and stay far below the engines' limits on
// parameters (SQLite 32,766, PostgreSQL 65,535).
const bulkRows = 500

// batch gathers rows for multi-row INSERTs into one table.
type batch struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	table string
	cols  []string
	args  []any
	n     int
}

func (s *Store) newBatch(ctx context.Context, tx *sql.Tx, table string, cols ...string) *batch {
	return &batch{s: s, ctx: ctx, tx: tx, table: table, cols: cols, args: make([]any, 0, bulkRows*len(cols))}
}

// add queues a row (one value per column) and writes the queue when it is full.
func (b *batch) add(vals ...any) error {
	if len(vals) != len(b.cols) {
		return fmt.Errorf("bulk: %d values for %d columns of %s", len(vals), len(b.cols), b.table)
	}
	b.args = append(b.args, vals...)
	b.n++
	if b.n == bulkRows {
		return b.flush()
	}
	return nil
}

// flush writes the rows queued.
func (b *batch) flush() error {
	if b.n == 0 {
		return nil
	}
	var q strings.Builder
	q.WriteString("INSERT INTO " + b.table + " (" + strings.Join(b.cols, ", ") + ") VALUES ")
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(b.cols)), ", ") + ")"
	for i := range b.n {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(row)
	}
	_, err := b.tx.ExecContext(b.ctx, b.s.d.rebind(q.String()), b.args...)
	b.args, b.n = b.args[:0], 0
	return err
}

// auditPage is how many rows auditRoundRows reads back, and so how many
// entries it appends, at a time.
const auditPage = 1000

// auditRoundRows reads back the rows of table that belong to round (all
// written by this transaction: nobody else can see the round yet), in
// order of ID, a page at a time; calls fn with each row, as the audit log
// records it; and appends an audit entry of creation for each. Without
// the audit trail (tests only) it still reads them, for fn.
func (s *Store) auditRoundRows(ctx context.Context, tx *sql.Tx, table string, round int64, fn func(row map[string]any) error) error {
	return s.auditRowsOf(ctx, tx, table, "round_id", round, 0, fn)
}

// auditRowsOf is auditRoundRows for the rows of table whose column owner
// (round_id, unit_id) is id and whose ID is above after.
func (s *Store) auditRowsOf(ctx context.Context, tx *sql.Tx, table, owner string, id, after int64, fn func(row map[string]any) error) error {
	if !IsAudited(table) {
		return fmt.Errorf("audit: %q is not an audited table", table)
	}
	actor := zhenggai.ActorFrom(ctx)
	q := s.d.rebind(`SELECT * FROM ` + table + ` WHERE ` + owner + ` = ? AND id > ? ORDER BY id LIMIT ?`)
	last := after
	for {
		rows, err := tx.QueryContext(ctx, q, id, last, auditPage)
		if err != nil {
			return err
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return err
		}
		var page []*AuditEntry
		var maps []map[string]any
		for rows.Next() {
			row, err := scanSnapshot(rows, cols, 0)
			if err != nil {
				rows.Close()
				return err
			}
			rid := rowInt(row, "id")
			js, err := canonicalJSON(row)
			if err != nil {
				rows.Close()
				return err
			}
			page = append(page, &AuditEntry{Actor: actor, Action: auditCreate, Entity: table, EntityID: rid,
				After: js, UnitID: unitOf(table, rid, row)})
			maps = append(maps, row)
			last = rid
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// The rows are closed: PostgreSQL runs one statement at a time on
		// the transaction's connection.
		for _, row := range maps {
			if err := fn(row); err != nil {
				return err
			}
		}
		if !s.noAudit && len(page) > 0 {
			if err := s.appendAudits(ctx, tx, page); err != nil {
				return err
			}
		}
		if len(page) < auditPage {
			return nil
		}
	}
}

func rowInt(row map[string]any, col string) int64 {
	n, _ := row[col].(int64)
	return n
}

// appendAudits appends entries to the chain as appendAudit does one: it
// reads the head, locking it until the transaction ends (FOR UPDATE on
// PostgreSQL; SQLite's writer is alone), links each entry to the one
// before, writes them with multi-row INSERTs and moves the head once, by
// a compare-and-swap that cannot fail while the lock is held.
func (s *Store) appendAudits(ctx context.Context, tx *sql.Tx, es []*AuditEntry) error {
	headID, headHash, err := s.lockHead(ctx, tx)
	if err != nil {
		return err
	}
	at := s.stamp()
	lastID, lastHash := headID, headHash
	ins := s.newBatch(ctx, tx, "audit_log", "id", "unit_id", "at", "actor_user_id", "actor_name", "actor_via",
		"actor_addr", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash")
	for _, e := range es {
		e.at, e.At = at, parseTime(at)
		e.ID, e.PrevHash = lastID+1, lastHash
		e.Hash = e.computeHash()
		lastID, lastHash = e.ID, e.Hash
		if err := ins.add(e.ID, e.UnitID, e.at, e.Actor.UserID, e.Actor.Name, e.Actor.Via, e.Actor.Addr, e.Action,
			e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash); err != nil {
			return err
		}
	}
	if err := ins.flush(); err != nil {
		return fmt.Errorf("audit append: %w", err)
	}
	res, err := tx.ExecContext(ctx, s.d.rebind(qHeadMove), lastID, lastHash, headID, headHash)
	if err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return errors.New("audit head: changed under this transaction")
	}
	// Believed from now on; if this transaction rolls back, the next append
	// finds the head differs and reads it again.
	s.auditHead.set(lastID, lastHash, true)
	return nil
}

// CreateUnits creates new units in one transaction, in order, and fills in
// their IDs. A ParentID must name a unit that exists before the call; to
// build a tree, create each level with its own call. A name already taken
// fails the whole call, naming the unit.
func (s *Store) CreateUnits(ctx context.Context, units []*zhenggai.Unit) error {
	for _, u := range units {
		if u.ID != 0 {
			return zhenggai.Errorf(zhenggai.EINVALID, "单位“%s”已有编号，不能再新建", u.Name)
		}
		if err := u.Validate(); err != nil {
			return err
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, u := range units {
			var parent any
			if u.ParentID != 0 {
				parent = u.ParentID
			}
			var err error
			u.ID, err = s.insertRow(ctx, tx, "units", `parent_id, name, full_name, aliases, created_at`, parent, u.Name, u.FullName,
				joinAliases(u.Aliases), s.stamp())
			if s.d.foreignKeyViolation(err) {
				v := &zhenggai.ValidationError{}
				v.Add("parent_id", "单位“"+u.Name+"”的上级单位不存在")
				return v
			}
			if err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}
