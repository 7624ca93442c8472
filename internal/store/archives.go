package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"zhenggai"
)

// Archives (档案). A unit's kinds of file are rows of archive_kinds
// merged over the defaults (zhenggai.MergeArchiveKinds); its files and
// the documents filed in their slots are records of their own, each
// written through insertRow/updateRow and voided by Void.

// ArchiveKinds are the unit's kinds: what it saved over the defaults.
func (s *Store) ArchiveKinds(ctx context.Context, unitID int64) ([]zhenggai.ArchiveKind, error) {
	stored, err := s.storedArchiveKinds(ctx, s.rdb, unitID)
	if err != nil {
		return nil, err
	}
	return zhenggai.MergeArchiveKinds(stored), nil
}

// storedArchiveKinds are the unit's saved kinds, voided ones too (they
// withdraw a default).
func (s *Store) storedArchiveKinds(ctx context.Context, db queryer, unitID int64) ([]zhenggai.ArchiveKind, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT id, unit_id, code, name, documents, yearly, per_holder, holders, since, seq,
		version, voided_at IS NOT NULL FROM archive_kinds WHERE unit_id = ? ORDER BY seq, id`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []zhenggai.ArchiveKind
	for rows.Next() {
		var k zhenggai.ArchiveKind
		var docs, holders string
		var yearly, per int
		if err := rows.Scan(&k.ID, &k.UnitID, &k.Code, &k.Name, &docs, &yearly, &per, &holders, &k.Since, &k.Seq, &k.Version, &k.Voided); err != nil {
			return nil, err
		}
		k.Documents, k.Holders = zhenggai.SplitList(docs), zhenggai.SplitList(holders)
		k.Yearly, k.PerHolder = yearly != 0, per != 0
		out = append(out, k)
	}
	return out, rows.Err()
}

// SaveArchiveKind saves a kind of file: a new one or a default the unit
// first changes (ID 0) is entered, a saved one updated at k.Version. Two
// live kinds of one code or name are refused.
func (s *Store) SaveArchiveKind(ctx context.Context, k *zhenggai.ArchiveKind) error {
	k.Normalize()
	if err := k.Validate(); err != nil {
		return err
	}
	if k.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		stored, err := s.storedArchiveKinds(ctx, tx, k.UnitID)
		if err != nil {
			return err
		}
		v := &zhenggai.ValidationError{}
		for _, o := range stored {
			if o.ID == k.ID {
				continue
			}
			if o.Code == k.Code {
				if k.ID == 0 && !o.Voided {
					k.ID, k.Version = o.ID, o.Version // the saved row of a default: this save changes it
					continue
				}
				if !o.Voided {
					v.Add("code", "本单位已有代码为“"+k.Code+"”的档案类别")
				}
			}
			if o.Name == k.Name && !o.Voided && o.Code != k.Code {
				v.Add("name", "本单位已有“"+k.Name+"”档案类别")
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		vals := []any{k.Code, k.Name, strings.Join(k.Documents, "\n"), boolInt(k.Yearly), boolInt(k.PerHolder),
			strings.Join(k.Holders, "\n"), k.Since, k.Seq}
		if k.ID == 0 {
			id, err := s.insertRow(ctx, tx, "archive_kinds", `unit_id, code, name, documents, yearly, per_holder, holders, since, seq, created_at, version`,
				append(append([]any{k.UnitID}, vals...), s.stamp(), 1)...)
			if err != nil {
				return err
			}
			k.ID, k.Version = id, 1
			return nil
		}
		if err := s.updateRow(ctx, tx, "archive_kinds", k.ID, k.Version,
			`code = ?, name = ?, documents = ?, yearly = ?, per_holder = ?, holders = ?, since = ?, seq = ?`, vals...); err != nil {
			return err
		}
		k.Version++
		return nil
	})
}

const archiveFileCols = `f.id, f.unit_id, f.kind, f.year, f.holder, f.title, f.event_on, f.note, f.sample, f.created_at, f.version, f.voided_at IS NOT NULL`

func scanArchiveFile(sc interface{ Scan(...any) error }) (*zhenggai.ArchiveFile, error) {
	var f zhenggai.ArchiveFile
	var on, created string
	var sample int
	if err := sc.Scan(&f.ID, &f.UnitID, &f.Kind, &f.Year, &f.Holder, &f.Title, &on, &f.Note, &sample, &created, &f.Version, &f.Voided); err != nil {
		return nil, err
	}
	f.EventOn, f.Sample, f.CreatedAt = parseDate(on), sample != 0, parseTime(created)
	f.Documents = []zhenggai.ArchiveDocument{}
	return &f, nil
}

// ArchiveFileQuery selects a unit's live files: of a kind, of a year (0:
// all).
type ArchiveFileQuery struct {
	UnitID int64
	Kind   string
	Year   int
}

// ArchiveFiles are the files q selects with their live documents, by
// kind, year and holder.
func (s *Store) ArchiveFiles(ctx context.Context, q ArchiveFileQuery) ([]*zhenggai.ArchiveFile, error) {
	return s.archiveFiles(ctx, s.rdb, q)
}

func (s *Store) archiveFiles(ctx context.Context, db queryer, q ArchiveFileQuery) ([]*zhenggai.ArchiveFile, error) {
	where, args := `f.unit_id = ? AND f.voided_at IS NULL`, []any{q.UnitID}
	if q.Kind != "" {
		where, args = where+` AND f.kind = ?`, append(args, q.Kind)
	}
	if q.Year != 0 {
		where, args = where+` AND f.year = ?`, append(args, q.Year)
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+archiveFileCols+` FROM archive_files f WHERE `+where+
		` ORDER BY f.kind, f.year, f.holder, f.event_on, f.id`), args...)
	if err != nil {
		return nil, err
	}
	var out []*zhenggai.ArchiveFile
	for rows.Next() {
		f, err := scanArchiveFile(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.archiveDocuments(ctx, db, out, where, args...)
}

// ArchiveFile is one file whole (voided or not), with its live documents.
func (s *Store) ArchiveFile(ctx context.Context, id int64) (*zhenggai.ArchiveFile, error) {
	return s.archiveFile(ctx, s.rdb, id)
}

func (s *Store) archiveFile(ctx context.Context, db queryer, id int64) (*zhenggai.ArchiveFile, error) {
	f, err := scanArchiveFile(db.QueryRowContext(ctx, s.d.rebind(`SELECT `+archiveFileCols+` FROM archive_files f WHERE f.id = ?`), id))
	if err != nil {
		return nil, notFound(err, "档案案卷")
	}
	return f, s.archiveDocuments(ctx, db, []*zhenggai.ArchiveFile{f}, `f.id = ?`, id)
}

// archiveDocuments fills the live documents of fs, the files where (on
// archive_files f) selects.
func (s *Store) archiveDocuments(ctx context.Context, db queryer, fs []*zhenggai.ArchiveFile, where string, args ...any) error {
	if len(fs) == 0 {
		return nil
	}
	byID := make(map[int64]*zhenggai.ArchiveFile, len(fs))
	for _, f := range fs {
		byID[f.ID] = f
	}
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT d.file_id, d.id, d.slot, d.sha256, d.name, d.size, d.content_type, d.paper,
		d.place, d.checked_by, d.checked_on, d.defect, d.created_at FROM archive_documents d JOIN archive_files f ON f.id = d.file_id
		WHERE `+where+` AND d.voided_at IS NULL ORDER BY d.file_id, d.id`), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d zhenggai.ArchiveDocument
		var paper int
		var checked, created string
		if err := rows.Scan(&d.FileID, &d.ID, &d.Slot, &d.SHA256, &d.Name, &d.Size, &d.ContentType, &paper, &d.Place, &d.CheckedBy,
			&checked, &d.Defect, &created); err != nil {
			return err
		}
		d.Paper, d.CheckedOn, d.CreatedAt = paper != 0, parseDate(checked), parseTime(created)
		if f := byID[d.FileID]; f != nil {
			f.Documents = append(f.Documents, d)
		}
	}
	return rows.Err()
}

// SaveArchiveFile enters a file (ID 0) or saves its own fields at
// f.Version; its documents are filed one by one (AddArchiveDocument).
func (s *Store) SaveArchiveFile(ctx context.Context, f *zhenggai.ArchiveFile) error {
	version := f.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		f.Version = version
		return s.saveArchiveFile(ctx, tx, f, nil, "")
	})
}

func (s *Store) saveArchiveFile(ctx context.Context, tx *sql.Tx, f *zhenggai.ArchiveFile, kinds []zhenggai.ArchiveKind, where string) error {
	f.Normalize()
	if f.UnitID <= 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "请选择所属单位")
	}
	if kinds == nil {
		stored, err := s.storedArchiveKinds(ctx, tx, f.UnitID)
		if err != nil {
			return err
		}
		kinds = zhenggai.MergeArchiveKinds(stored)
	}
	k, _ := zhenggai.ArchiveKindOf(kinds, f.Kind)
	if err := f.Validate(k); err != nil {
		return prefixed(err.(*zhenggai.ValidationError), where)
	}
	if f.ID != 0 {
		prev, err := s.archiveFile(ctx, tx, f.ID)
		if err != nil || prev.UnitID != f.UnitID {
			return zhenggai.Errorf(zhenggai.ENOTFOUND, "档案案卷不存在")
		}
	}
	// A yearly kind keeps one file a year (per holder).
	if k.Yearly {
		var other int64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM archive_files WHERE unit_id = ? AND kind = ? AND year = ? AND holder = ?
			AND voided_at IS NULL AND id <> ? LIMIT 1`), f.UnitID, f.Kind, f.Year, f.Holder, f.ID).Scan(&other)
		switch {
		case err == nil:
			v := &zhenggai.ValidationError{}
			v.Add("year", fmt.Sprintf("本单位已登记%d年的%s%s，不能重复登记", f.Year, k.Name, holderText(f.Holder)))
			return prefixed(v, where)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	vals := []any{f.Kind, f.Year, f.Holder, f.Title, f.EventOn.String(), f.Note, boolInt(f.Sample)}
	if f.ID == 0 {
		now := s.stamp()
		id, err := s.insertRow(ctx, tx, "archive_files", `unit_id, kind, year, holder, title, event_on, note, sample, created_at, version`,
			append(append([]any{f.UnitID}, vals...), now, 1)...)
		if err != nil {
			return err
		}
		f.ID, f.Version, f.CreatedAt = id, 1, parseTime(now)
		return nil
	}
	if err := s.updateRow(ctx, tx, "archive_files", f.ID, f.Version,
		`kind = ?, year = ?, holder = ?, title = ?, event_on = ?, note = ?, sample = ?`, vals...); err != nil {
		return err
	}
	f.Version++
	return nil
}

func holderText(h string) string {
	if h == "" {
		return ""
	}
	return "（" + h + "）"
}

// AddArchiveDocument files a document in a slot of file id: an upload
// (d.SHA256 of the evidence store, checked against the unit's quota) or
// a paper original with its place and who checked it.
func (s *Store) AddArchiveDocument(ctx context.Context, id int64, d *zhenggai.ArchiveDocument) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		f, err := s.archiveFile(ctx, tx, id)
		if err != nil {
			return err
		}
		if f.Voided {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该档案案卷已作废")
		}
		stored, err := s.storedArchiveKinds(ctx, tx, f.UnitID)
		if err != nil {
			return err
		}
		k, _ := zhenggai.ArchiveKindOf(zhenggai.MergeArchiveKinds(stored), f.Kind)
		if err := d.Validate(k); err != nil {
			return err
		}
		if d.SHA256 != "" {
			if err := s.checkEvidenceQuota(ctx, tx, f.UnitID, []zhenggai.Attachment{{SHA256: d.SHA256, Size: d.Size}}); err != nil {
				return err
			}
		}
		now := s.stamp()
		did, err := s.insertRow(ctx, tx, "archive_documents", `unit_id, file_id, slot, sha256, name, size, content_type, paper, place,
			checked_by, checked_on, defect, created_at, version`, f.UnitID, f.ID, d.Slot, d.SHA256, d.Name, d.Size, d.ContentType,
			boolInt(d.Paper), d.Place, d.CheckedBy, d.CheckedOn.String(), d.Defect, now, 1)
		if err != nil {
			return err
		}
		d.ID, d.FileID, d.CreatedAt = did, f.ID, parseTime(now)
		return nil
	})
}

// ArchiveDocumentOf is the file a document belongs to, and the document
// (voided or not).
func (s *Store) ArchiveDocumentOf(ctx context.Context, docID int64) (int64, *zhenggai.ArchiveDocument, error) {
	var d zhenggai.ArchiveDocument
	var paper int
	var checked string
	err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT file_id, id, slot, sha256, name, size, content_type, paper, place, checked_by,
		checked_on, defect FROM archive_documents WHERE id = ?`), docID).
		Scan(&d.FileID, &d.ID, &d.Slot, &d.SHA256, &d.Name, &d.Size, &d.ContentType, &paper, &d.Place, &d.CheckedBy, &checked, &d.Defect)
	if err != nil {
		return 0, nil, notFound(err, "档案材料")
	}
	d.Paper, d.CheckedOn = paper != 0, parseDate(checked)
	return d.FileID, &d, nil
}

// ArchiveCatalogueRow is one file of a catalogue being imported: the file
// and the slots it records as paper originals (with where they are kept
// and who checked them).
type ArchiveCatalogueRow struct {
	Where string // 档案目录第3行
	File  *zhenggai.ArchiveFile
	Paper []string
	Place string
	By    string
	On    zhenggai.Date
}

// ImportArchiveCatalogue saves a catalogue (档案目录) in one transaction,
// all or none: a file of the same kind, year, holder and event day (and
// title, for files by event) is that one, updated; another is entered.
// Its paper slots are recorded unless the slot is already filed. A dry
// run checks and writes nothing. It returns the files entered and
// updated.
func (s *Store) ImportArchiveCatalogue(ctx context.Context, unitID int64, rows []ArchiveCatalogueRow, dryRun bool) (added, updated int, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		added, updated = 0, 0
		stored, err := s.storedArchiveKinds(ctx, tx, unitID)
		if err != nil {
			return err
		}
		kinds := zhenggai.MergeArchiveKinds(stored)
		have, err := s.archiveFiles(ctx, tx, ArchiveFileQuery{UnitID: unitID})
		if err != nil {
			return err
		}
		key := func(f *zhenggai.ArchiveFile) string {
			k, _ := zhenggai.ArchiveKindOf(kinds, f.Kind)
			title := ""
			if !k.Yearly {
				title = f.Title
			}
			return fmt.Sprintf("%s\x00%d\x00%s\x00%s\x00%s", f.Kind, f.Year, f.Holder, f.EventOn, title)
		}
		byKey := map[string]*zhenggai.ArchiveFile{}
		for _, f := range have {
			byKey[key(f)] = f
		}
		all := &zhenggai.ValidationError{}
		for _, r := range rows {
			f := r.File
			f.UnitID, f.ID, f.Version = unitID, 0, 0
			f.Normalize()
			old := byKey[key(f)]
			if old != nil {
				f.ID, f.Version, f.Sample = old.ID, old.Version, old.Sample
			}
			err := s.saveArchiveFile(ctx, tx, f, kinds, r.Where)
			if ve, ok := err.(*zhenggai.ValidationError); ok {
				all.Fields = append(all.Fields, ve.Fields...)
				if len(all.Fields) > 200 {
					break
				}
				continue
			}
			if err != nil {
				return err
			}
			if old != nil {
				updated++
				f.Documents = old.Documents
			} else {
				added++
				byKey[key(f)] = f
			}
			k, _ := zhenggai.ArchiveKindOf(kinds, f.Kind)
			for _, slot := range r.Paper {
				if st, _ := f.Slot(slot); st == zhenggai.SlotFiled || st == zhenggai.SlotPaper {
					continue
				}
				d := zhenggai.ArchiveDocument{Slot: slot, Paper: true, Place: r.Place, CheckedBy: r.By, CheckedOn: r.On}
				if err := d.Validate(k); err != nil {
					ve := err.(*zhenggai.ValidationError)
					for _, fe := range ve.Fields {
						all.Add(fe.Field, r.Where+"：纸质存档“"+slot+"”"+fe.Message)
					}
					continue
				}
				did, err := s.insertRow(ctx, tx, "archive_documents", `unit_id, file_id, slot, paper, place, checked_by, checked_on, created_at, version`,
					unitID, f.ID, d.Slot, 1, d.Place, d.CheckedBy, d.CheckedOn.String(), s.stamp(), 1)
				if err != nil {
					return err
				}
				d.ID = did
				f.Documents = append(f.Documents, d)
			}
		}
		if err := all.Err(); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return added, updated, err
}
