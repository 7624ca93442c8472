package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"zhenggai"
)

// Settings returns a unit's settings, with defaults for what it never set.
func (s *Store) Settings(ctx context.Context, unitID int64) (zhenggai.Settings, error) {
	return s.settingsIn(ctx, s.rdb, unitID)
}

func (s *Store) settingsIn(ctx context.Context, db queryer, unitID int64) (zhenggai.Settings, error) {
	set := zhenggai.DefaultSettings()
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT name, value FROM settings WHERE unit_id = ?`), unitID)
	if err != nil {
		return set, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return set, err
		}
		if t := textSetting(&set, name); t != nil {
			*t = value
			continue
		}
		n, err := strconv.Atoi(value)
		if err != nil {
			continue // a value we no longer understand keeps its default
		}
		switch name {
		case "green_days":
			set.GreenDays = n
		case "yellow_days":
			set.YellowDays = n
		case "evidence_quota_mb":
			set.EvidenceQuotaMB = n
		case "opinion_days":
			set.OpinionDays = n
		}
	}
	return set, rows.Err()
}

// SaveSettings stores a unit's settings after checking them.
func (s *Store) SaveSettings(ctx context.Context, unitID int64, set zhenggai.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	values := []struct {
		name  string
		value string
	}{{"green_days", strconv.Itoa(set.GreenDays)}, {"yellow_days", strconv.Itoa(set.YellowDays)}}
	if set.EvidenceQuotaMB > 0 {
		// 0 leaves it as it is; the default is kept as no value, like a
		// text never set, so that only a unit given its own quota has one.
		quota := ""
		if set.EvidenceQuotaMB != zhenggai.DefaultEvidenceQuotaMB {
			quota = strconv.Itoa(set.EvidenceQuotaMB)
		}
		values = append(values, struct {
			name  string
			value string
		}{"evidence_quota_mb", quota})
	}
	if set.OpinionDays > 0 {
		// Like the quota: 0 leaves it, the default is kept as no value.
		days := ""
		if set.OpinionDays != zhenggai.DefaultOpinionDays {
			days = strconv.Itoa(set.OpinionDays)
		}
		values = append(values, struct {
			name  string
			value string
		}{"opinion_days", days})
	}
	for _, name := range textSettings {
		values = append(values, struct {
			name  string
			value string
		}{name, *textSetting(&set, name)})
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, nv := range values {
			value := nv.value
			var id int64
			var old string
			err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, value FROM settings WHERE unit_id = ? AND name = ?`), unitID, nv.name).
				Scan(&id, &old)
			switch {
			case errors.Is(err, sql.ErrNoRows) && value == "":
				continue // an empty text never set: no row to keep
			case errors.Is(err, sql.ErrNoRows):
				_, err = s.insertRow(ctx, tx, "settings", `unit_id, name, value`, unitID, nv.name, value)
			case err != nil:
			case old == value:
				continue // unchanged: nothing to write or record
			default:
				err = s.updateRow(ctx, tx, "settings", id, anyVersion, `value = ?`, value)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// textSettings are the settings kept as text, in the order they are saved.
var textSettings = []string{"report_phone", "report_mailbox", "report_email", "report_signature", "publication_reviewer"}

// textSetting is the field of set a text setting is kept in, nil for others.
func textSetting(set *zhenggai.Settings, name string) *string {
	switch name {
	case "report_phone":
		return &set.ReportPhone
	case "report_mailbox":
		return &set.ReportMailbox
	case "report_email":
		return &set.ReportEmail
	case "report_signature":
		return &set.ReportSignature
	case "publication_reviewer":
		return (*string)(&set.PublicationReviewer)
	}
	return nil
}
