package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

// AddProgress records a progress report on a measure with its evidence
// files (already stored by hash), and, when p.Status is set, changes the
// measure's status in the same transaction. measureVersion guards that
// status change against a concurrent edit; it is ignored without a status.
func (s *Store) AddProgress(ctx context.Context, p *zhenggai.Progress, measureVersion int64) error {
	if err := p.Validate(zhenggai.DateOf(s.now())); err != nil {
		return err
	}
	for _, f := range p.Files {
		if !validHash(f.SHA256) || f.Name == "" {
			return zhenggai.Errorf(zhenggai.EINVALID, "佐证材料信息不完整")
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.addProgress(ctx, tx, p, measureVersion) })
}

func (s *Store) addProgress(ctx context.Context, tx *sql.Tx, p *zhenggai.Progress, measureVersion int64) error {
	var round int64
	var status, mstate, closeState string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT m.unit_id, m.round_id, m.status, m.close_state, p.close_state FROM measures m
		JOIN problems p ON p.id = m.problem_id WHERE m.id = ? AND m.voided_at IS NULL`), p.MeasureID).Scan(&p.UnitID, &round, &status, &mstate, &closeState)
	if err != nil {
		return notFound(err, "整改措施")
	}
	if err := zhenggai.ProgressRefusal(zhenggai.CloseState(closeState), zhenggai.CloseState(mstate), zhenggai.Status(status), p.Status); err != nil {
		return err
	}
	if zhenggai.CloseState(closeState).Locked() {
		p.Status = "" // a re-report: the status stays, a re-report on a closed problem changes nothing but the date
	}
	if err := s.checkEvidenceQuota(ctx, tx, p.UnitID, p.Files); err != nil {
		return err
	}
	if p.Status != "" {
		if err := s.setMeasureStatus(ctx, tx, p.MeasureID, measureVersion, p.Status, true); err != nil {
			return err
		}
	}
	now := s.stamp()
	p.ID, err = s.insertRow(ctx, tx, "progress", `unit_id, round_id, measure_id, day, content, author, status, created_at`,
		p.UnitID, round, p.MeasureID, p.Date.String(), p.Content, p.Author, string(p.Status), now)
	if err != nil {
		return err
	}
	p.CreatedAt = parseTime(now)
	for i := range p.Files {
		f := &p.Files[i]
		f.ID, err = s.insertRow(ctx, tx, "attachments", `unit_id, progress_id, name, sha256, size, content_type, created_at`,
			p.UnitID, p.ID, f.Name, f.SHA256, f.Size, f.ContentType, now)
		if err != nil {
			return err
		}
	}
	return nil
}

// Progress lists the progress entries of a round (roundID) or of one
// problem (problemID), newest day first, with their files.
func (s *Store) Progress(ctx context.Context, roundID, problemID int64) ([]*zhenggai.Progress, error) {
	return s.progressIn(ctx, s.rdb, roundID, problemID)
}

func (s *Store) progressIn(ctx context.Context, db queryer, roundID, problemID int64) ([]*zhenggai.Progress, error) {
	where, arg := `p.round_id = ?`, roundID
	if problemID != 0 {
		where, arg = `m.problem_id = ?`, problemID
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT p.id, p.unit_id, p.measure_id, p.day, p.content, p.author, p.status, p.created_at
		FROM progress p JOIN measures m ON m.id = p.measure_id WHERE `+where+` AND p.voided_at IS NULL ORDER BY p.day DESC, p.id DESC`), arg)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.Progress
	byID := map[int64]*zhenggai.Progress{}
	for rows.Next() {
		var p zhenggai.Progress
		var day, status, created string
		if err := rows.Scan(&p.ID, &p.UnitID, &p.MeasureID, &day, &p.Content, &p.Author, &status, &created); err != nil {
			rows.Close()
			return nil, err
		}
		p.Date, p.Status, p.CreatedAt = parseDate(day), zhenggai.Status(status), parseTime(created)
		p.Files = []zhenggai.Attachment{}
		out = append(out, &p)
		byID[p.ID] = &p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	frows, err := db.QueryContext(ctx, s.d.rebind(`SELECT a.id, a.progress_id, a.name, a.sha256, a.size, a.content_type
		FROM attachments a JOIN progress p ON p.id = a.progress_id JOIN measures m ON m.id = p.measure_id
		WHERE `+where+` AND a.voided_at IS NULL ORDER BY a.id`), arg)
	if err != nil {
		return nil, err
	}
	defer frows.Close()
	for frows.Next() {
		var a zhenggai.Attachment
		var pid int64
		if err := frows.Scan(&a.ID, &pid, &a.Name, &a.SHA256, &a.Size, &a.ContentType); err != nil {
			return nil, err
		}
		if p := byID[pid]; p != nil {
			p.Files = append(p.Files, a)
		}
	}
	return out, frows.Err()
}

// Attachment returns one evidence file's record.
func (s *Store) Attachment(ctx context.Context, id int64) (*zhenggai.Attachment, error) {
	var a zhenggai.Attachment
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT id, name, sha256, size, content_type FROM attachments WHERE id = ? AND voided_at IS NULL`), id).
		Scan(&a.ID, &a.Name, &a.SHA256, &a.Size, &a.ContentType)
	if err != nil {
		return nil, notFound(err, "佐证材料")
	}
	return &a, nil
}

func validHash(h string) bool {
	if len(h) != 64 {
		return false
	}
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
