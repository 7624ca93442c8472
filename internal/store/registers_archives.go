package store

import (
	"context"
	"database/sql"

	"zhenggai"
	"zhenggai/internal/selfcheck"
)

// The archives' part of the registers (issue 16): the unit's saved kinds
// (voided too: they withdraw a default), its live files of the period's
// years (from the year before, as the other registers) and their live
// documents.

func (pl *regPlan) archiveKindsQ() (string, []any) {
	return `SELECT id, code, name, documents, yearly, per_holder, holders, since, seq, voided_at IS NOT NULL
		FROM archive_kinds WHERE unit_id = ? ORDER BY seq, id`, []any{pl.unitID}
}

func (pl *regPlan) archiveFilesQ() (string, []any) {
	return `SELECT id, kind, year, holder, title, event_on FROM archive_files
		WHERE unit_id = ? AND voided_at IS NULL AND year >= ? AND year <= ? ORDER BY kind, year, holder, event_on, id`,
		[]any{pl.unitID, pl.yfrom, pl.yto}
}

func (pl *regPlan) archiveDocumentsQ() (string, []any) {
	return `SELECT d.file_id, d.id, d.slot, d.sha256, d.paper, d.place, d.checked_by, d.defect
		FROM archive_documents d JOIN archive_files f ON f.id = d.file_id
		WHERE f.unit_id = ? AND f.voided_at IS NULL AND f.year >= ? AND f.year <= ? AND d.voided_at IS NULL
		ORDER BY d.file_id, d.id`, []any{pl.unitID, pl.yfrom, pl.yto}
}

func (s *Store) loadArchives(ctx context.Context, r *selfcheck.Registers, pl *regPlan) error {
	var stored []zhenggai.ArchiveKind
	err := s.eachRow(ctx, pl.archiveKindsQ, func(rows *sql.Rows) error {
		var k zhenggai.ArchiveKind
		var docs, holders string
		var yearly, per int
		if err := rows.Scan(&k.ID, &k.Code, &k.Name, &docs, &yearly, &per, &holders, &k.Since, &k.Seq, &k.Voided); err != nil {
			return err
		}
		k.UnitID, k.Documents, k.Holders = pl.unitID, zhenggai.SplitList(docs), zhenggai.SplitList(holders)
		k.Yearly, k.PerHolder = yearly != 0, per != 0
		stored = append(stored, k)
		return nil
	})
	if err != nil {
		return err
	}
	r.ArchiveKinds = zhenggai.MergeArchiveKinds(stored)
	index := map[int64]int{}
	err = s.eachRow(ctx, pl.archiveFilesQ, func(rows *sql.Rows) error {
		var f zhenggai.ArchiveFile
		var on string
		if err := rows.Scan(&f.ID, &f.Kind, &f.Year, &f.Holder, &f.Title, &on); err != nil {
			return err
		}
		f.UnitID, f.EventOn = pl.unitID, parseDate(on)
		index[f.ID] = len(r.ArchiveFiles)
		r.ArchiveFiles = append(r.ArchiveFiles, f)
		return nil
	})
	if err != nil {
		return err
	}
	return s.eachRow(ctx, pl.archiveDocumentsQ, func(rows *sql.Rows) error {
		var d zhenggai.ArchiveDocument
		var paper int
		if err := rows.Scan(&d.FileID, &d.ID, &d.Slot, &d.SHA256, &paper, &d.Place, &d.CheckedBy, &d.Defect); err != nil {
			return err
		}
		d.Paper = paper != 0
		if i, ok := index[d.FileID]; ok {
			r.ArchiveFiles[i].Documents = append(r.ArchiveFiles[i].Documents, d)
		}
		return nil
	})
}
