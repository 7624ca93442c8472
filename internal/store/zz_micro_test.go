package store

import (
	"context"
	"database/sql"
	"testing"

	"zhenggai"
)

func BenchmarkMicro(b *testing.B) {
	ctx := context.Background()
	st, err := OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r := &zhenggai.Round{Unit: "u", Inspector: "i", Kind: zhenggai.KindInspection}
	st.CreateRound(ctx, r)
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "t"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "t"}
	st.CreateProblem(ctx, p)
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "组织集中学习，每季度不少于一次，并做好学习记录和心得体会。", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
	st.CreateMeasure(ctx, m)
	tx, _ := st.wdb.BeginTx(ctx, nil)
	defer tx.Rollback()
	b.Run("snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.snapshot(ctx, tx, "measures", m.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("selectOnly", func(b *testing.B) {
		for b.Loop() {
			var x int64
			stt, _ := st.stmt(ctx, tx, qSnapshot("measures"))
			_ = stt
			tx.QueryRowContext(ctx, "SELECT version FROM measures WHERE id = ?", m.ID).Scan(&x)
		}
	})
	b.Run("json", func(b *testing.B) {
		row, _, _ := st.snapshotRow(ctx, tx, "measures", m.ID)
		for b.Loop() {
			canonicalJSON(row)
		}
	})
	b.Run("append", func(b *testing.B) {
		for b.Loop() {
			e := &AuditEntry{Action: "update", Entity: "measures", EntityID: 1, Before: "{}", After: `{"a":1}`}
			if err := st.appendAudit(ctx, tx, e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hash", func(b *testing.B) {
		_, js, _ := st.snapshotRow(ctx, tx, "measures", m.ID)
		e := &AuditEntry{Action: "update", Entity: "measures", EntityID: 1, Before: js, After: js}
		for b.Loop() {
			e.computeHash()
		}
	})
	b.Run("update", func(b *testing.B) {
		for b.Loop() {
			tx.ExecContext(ctx, `UPDATE measures SET owner = ?, version = version + 1 WHERE id = ?`, "x", m.ID)
		}
	})
	_ = sql.ErrNoRows
}
