package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"zhenggai"
)

// Evidence storage per unit. Files are kept once by content hash, so a
// unit's usage counts each distinct file of its attachments once; the
// quota is the unit's evidence_quota_mb setting (zhenggai.Settings).

// EvidenceUsage returns the bytes of evidence a unit keeps and its quota.
func (s *Store) EvidenceUsage(ctx context.Context, unitID int64) (used, quota int64, err error) {
	return s.evidenceUsage(ctx, s.rdb, unitID)
}

func (s *Store) evidenceUsage(ctx context.Context, q queryer, unitID int64) (used, quota int64, err error) {
	err = q.QueryRowContext(ctx, s.d.rebind(`SELECT COALESCE(SUM(size), 0) FROM
		(SELECT MAX(size) AS size FROM attachments WHERE unit_id = ? GROUP BY sha256) t`), unitID).Scan(&used)
	if err != nil {
		return 0, 0, err
	}
	set := zhenggai.Settings{}
	var v string
	err = q.QueryRowContext(ctx, s.d.rebind(`SELECT value FROM settings WHERE unit_id = ? AND name = 'evidence_quota_mb'`), unitID).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, 0, err
	default:
		set.EvidenceQuotaMB, _ = strconv.Atoi(v) // unreadable: the default
	}
	return used, set.EvidenceQuota(), nil
}

// CheckEvidenceQuota refuses, before any file is stored, an upload of
// files (their hash and size) that would take the unit over its quota;
// those the unit already keeps cost nothing. AddProgress checks again in
// its transaction.
func (s *Store) CheckEvidenceQuota(ctx context.Context, unitID int64, files []zhenggai.Attachment) error {
	return s.checkEvidenceQuota(ctx, s.rdb, unitID, files)
}

func (s *Store) checkEvidenceQuota(ctx context.Context, q queryer, unitID int64, files []zhenggai.Attachment) error {
	if len(files) == 0 {
		return nil
	}
	used, quota, err := s.evidenceUsage(ctx, q, unitID)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var adding int64
	for _, f := range files {
		if seen[f.SHA256] {
			continue
		}
		seen[f.SHA256] = true
		var n int
		if err := q.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM attachments WHERE unit_id = ? AND sha256 = ?`),
			unitID, f.SHA256).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			adding += f.Size
		}
	}
	return quotaError(used, adding, quota)
}

// quotaError is the refusal of adding bytes to used beyond quota, nil
// within it.
func quotaError(used, adding, quota int64) error {
	if adding == 0 || used+adding <= quota {
		return nil
	}
	v := &zhenggai.ValidationError{}
	v.Add("files", fmt.Sprintf("本单位的佐证材料存储空间不足：上限%s，已用%s，本次上传%s。请删减文件（如压缩扫描件）后重新上传，"+
		"或请系统管理员在“系统管理 › 预警设置”中调高本单位的佐证材料存储上限", SizeText(quota), SizeText(used), SizeText(adding)))
	return v
}

// SizeText shows a number of bytes the way people read sizes: 9.8GB,
// 350MB, 12KB.
func SizeText(n int64) string {
	trim := func(s string) string {
		if len(s) > 2 && s[len(s)-2:] == ".0" {
			return s[:len(s)-2]
		}
		return s
	}
	switch {
	case n >= 1<<30:
		return trim(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + "GB"
	case n >= 1<<20:
		return trim(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + "MB"
	case n >= 1<<10:
		return fmt.Sprintf("%dKB", (n+1<<10-1)>>10)
	}
	return fmt.Sprintf("%d字节", n)
}
