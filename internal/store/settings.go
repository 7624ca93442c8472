package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"

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
			if err := s.saveSetting(ctx, tx, unitID, nv.name, nv.value); err != nil {
				return err
			}
		}
		return nil
	})
}

// saveSetting writes one setting of a unit, audited; an empty value never
// set writes nothing, an unchanged one neither.
func (s *Store) saveSetting(ctx context.Context, tx *sql.Tx, unitID int64, name, value string) error {
	var id int64
	var old string
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, value FROM settings WHERE unit_id = ? AND name = ?`), unitID, name).
		Scan(&id, &old)
	switch {
	case errors.Is(err, sql.ErrNoRows) && value == "":
		return nil
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.insertRow(ctx, tx, "settings", `unit_id, name, value`, unitID, name, value)
	case err != nil:
	case old == value:
		return nil
	default:
		err = s.updateRow(ctx, tx, "settings", id, anyVersion, `value = ?`, value)
	}
	return err
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

// NamedSettings returns the unit's settings whose names start with prefix
// (a register's "meetings.", a rule's "selfcheck.<rule>."), by name: the
// registers and the self-inspection keep their settings this way, each
// read where it is used, with its default there.
func (s *Store) NamedSettings(ctx context.Context, unitID int64, prefix string) (map[string]string, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.rebind(`SELECT name, value FROM settings WHERE unit_id = ?`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, err
		}
		if strings.HasPrefix(name, prefix) {
			out[name] = value
		}
	}
	return out, rows.Err()
}

// SaveNamedSettings stores named settings of a unit (audited), in one
// transaction; an empty value returns a setting to its default. The names
// of the Settings page's own settings are refused: that page keeps them.
func (s *Store) SaveNamedSettings(ctx context.Context, unitID int64, values map[string]string) error {
	names := make([]string, 0, len(values))
	for n := range values {
		if !strings.Contains(n, ".") {
			return zhenggai.Errorf(zhenggai.EINVALID, "设置名称 %q 不可用：须带登记簿或规则的前缀", n)
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, name := range names {
			if err := s.saveSetting(ctx, tx, unitID, name, values[name]); err != nil {
				return err
			}
		}
		return nil
	})
}
