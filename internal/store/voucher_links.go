package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"zhenggai"
)

// A voucher's link to the 大额资金 item that decided it is one row of
// voucher_links, keyed by the voucher's unit, period, word and number
// (凭证字号): a re-import replaces the voucher's row but not its link.
// It is the one place the link is kept; a voucher's DecisionItemID is
// read from it (linkedItem), never stored on the voucher. Unlinking voids
// the row, so the link's history page shows who linked and unlinked.

// VoucherLink is the live link of one voucher.
type VoucherLink struct {
	ID             int64  `json:"id"`
	UnitID         int64  `json:"unit_id"`
	Period         string `json:"period"`
	Word           string `json:"word"`
	Number         int    `json:"number"`
	DecisionItemID int64  `json:"decision_item_id"`
	LinkedBy       string `json:"linked_by"`
	Version        int64  `json:"version"`
}

// linkedItem is the SQL expression of the item the voucher row alias
// (vouchers, v) is linked to, 0 for none: what lists, pages and the
// self-inspection's loader read as the voucher's decision_item_id.
func linkedItem(alias string) string {
	return `COALESCE((SELECT vl.decision_item_id FROM voucher_links vl WHERE vl.unit_id = ` + alias + `.unit_id
		AND vl.period = ` + alias + `.period AND vl.word = ` + alias + `.word AND vl.number = ` + alias + `.number
		AND vl.voided_at IS NULL), 0)`
}

func (s *Store) liveLink(ctx context.Context, db queryer, unitID int64, period, word string, number int) (*VoucherLink, error) {
	l := &VoucherLink{}
	err := db.QueryRowContext(ctx, s.d.rebind(`SELECT id, unit_id, period, word, number, decision_item_id, linked_by, version
		FROM voucher_links WHERE unit_id = ? AND period = ? AND word = ? AND number = ? AND voided_at IS NULL`),
		unitID, period, word, number).Scan(&l.ID, &l.UnitID, &l.Period, &l.Word, &l.Number, &l.DecisionItemID, &l.LinkedBy, &l.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return l, err
}

// VoucherLinkOf is the voucher's live link, nil for none (its page
// offers the link's history).
func (s *Store) VoucherLinkOf(ctx context.Context, v *zhenggai.Voucher) (*VoucherLink, error) {
	return s.liveLink(ctx, s.rdb, v.UnitID, v.Period, v.Word, v.Number)
}

// VoucherLinkRows are the ids of the voucher's link rows, live or voided,
// newest first: each has its history page.
func (s *Store) VoucherLinkRows(ctx context.Context, v *zhenggai.Voucher) ([]int64, error) {
	return s.ids(ctx, s.rdb, `SELECT id FROM voucher_links WHERE unit_id = ? AND period = ? AND word = ? AND number = ?
		ORDER BY id DESC`, v.UnitID, v.Period, v.Word, v.Number)
}

// liveLinkKeys are the unit's linked 凭证字号 ("2019-03.记.15"): what an
// import counts as carried over.
func (s *Store) liveLinkKeys(ctx context.Context, db queryer, unitID int64) (map[string]bool, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT period, word, number FROM voucher_links
		WHERE unit_id = ? AND voided_at IS NULL`), unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var p, w string
		var n int
		if err := rows.Scan(&p, &w, &n); err != nil {
			return nil, err
		}
		out[linkKey(p, w, n)] = true
	}
	return out, rows.Err()
}

func linkKey(period, word string, number int) string {
	return period + "." + word + "." + strconv.Itoa(number)
}

// LinkVoucher links the voucher to the 大额资金 item that decided it (0
// takes the link away). The voucher must still be at version (a re-import
// or another link since the form was read is a conflict); the link's row
// is written, changed or voided, audited.
func (s *Store) LinkVoucher(ctx context.Context, id, version, itemID int64) (*zhenggai.Voucher, error) {
	v, err := s.Voucher(ctx, id)
	if err != nil {
		return nil, err
	}
	if itemID != 0 {
		d, err := s.DecisionItem(ctx, itemID)
		if err != nil {
			return nil, invalid("decision_item_id", "所选议题不存在，或不是大额资金事项")
		}
		var unit int64
		if err := s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM meeting_items WHERE id = ?`), d.ID).Scan(&unit); err != nil {
			return nil, err
		}
		if unit != v.UnitID {
			return nil, invalid("decision_item_id", "所选议题不是本单位的会议议题")
		}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		// The voucher's version is the form's token: raised by each link.
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE vouchers SET version = version + 1 WHERE id = ? AND version = ?`), id, version)
		if err != nil {
			return err
		}
		if !updated(res) {
			return zhenggai.Errorf(zhenggai.ECONFLICT, "该凭证已被他人修改或重新导入，请刷新后再试")
		}
		l, err := s.liveLink(ctx, tx, v.UnitID, v.Period, v.Word, v.Number)
		switch {
		case err != nil:
			return err
		case l == nil && itemID == 0:
			return nil
		case l == nil:
			_, err = s.insertRow(ctx, tx, "voucher_links", `unit_id, period, word, number, decision_item_id, linked_by, created_at`,
				v.UnitID, v.Period, v.Word, v.Number, itemID, zhenggai.ActorFrom(ctx).Name, s.stamp())
			return err
		case itemID == 0:
			return s.voidRow(ctx, tx, "voucher_links", l.ID, s.stamp(), zhenggai.ActorFrom(ctx).Name, "取消关联")
		case l.DecisionItemID == itemID:
			return nil
		default:
			return s.updateRow(ctx, tx, "voucher_links", l.ID, anyVersion, `decision_item_id = ?, linked_by = ?`,
				itemID, zhenggai.ActorFrom(ctx).Name)
		}
	})
	if err != nil {
		return nil, err
	}
	return s.Voucher(ctx, id)
}

// linkSettingPrefix names the settings that kept voucher links until
// migration 24 ("vouchers.link.2019-03.记.15").
const linkSettingPrefix = "vouchers.link."

// moveVoucherLinks (migration 24) enters in voucher_links the links kept
// as settings, then those only on vouchers (the demo's bulk writer's),
// each audited; it empties the settings (audited) and the vouchers'
// column, so that one place holds each link.
func (s *Store) moveVoucherLinks(ctx context.Context, tx *sql.Tx) error {
	ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:migrate", Via: "cli"})
	type link struct {
		setting      int64 // 0: from a voucher
		unit         int64
		name, period string
		word         string
		number       int
		item         int64
	}
	var links []link
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT st.id, st.unit_id, st.name, COALESCE(mi.id, 0) FROM settings st
		LEFT JOIN meeting_items mi ON mi.unit_id = st.unit_id AND CAST(mi.id AS TEXT) = st.value
		WHERE st.name LIKE ? AND st.value <> '' ORDER BY st.id`), linkSettingPrefix+"%")
	if err != nil {
		return err
	}
	for rows.Next() {
		var l link
		if err := rows.Scan(&l.setting, &l.unit, &l.name, &l.item); err != nil {
			rows.Close()
			return err
		}
		links = append(links, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT unit_id, period, word, number, decision_item_id FROM vouchers
		WHERE decision_item_id IS NOT NULL ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var l link
		if err := rows.Scan(&l.unit, &l.period, &l.word, &l.number, &l.item); err != nil {
			rows.Close()
			return err
		}
		links = append(links, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	done := map[int64]map[string]bool{}
	now := s.stamp()
	for _, l := range links {
		if l.setting != 0 {
			// period.word.number: the period is YYYY-MM, the number last.
			rest := strings.TrimPrefix(l.name, linkSettingPrefix)
			dot := strings.LastIndexByte(rest, '.')
			n, err := strconv.Atoi(rest[dot+1:])
			if len(rest) < 8 || rest[7] != '.' || dot < 8 || err != nil {
				continue // not a link's name: left as it is
			}
			l.period, l.word, l.number = rest[:7], rest[8:dot], n
			if err := s.saveSetting(ctx, tx, l.unit, l.name, ""); err != nil {
				return err
			}
		}
		k := linkKey(l.period, l.word, l.number)
		if l.item == 0 || done[l.unit][k] {
			continue // the item is gone, or the setting already moved it
		}
		if done[l.unit] == nil {
			done[l.unit] = map[string]bool{}
		}
		done[l.unit][k] = true
		if _, err := s.insertRow(ctx, tx, "voucher_links", `unit_id, period, word, number, decision_item_id, linked_by, created_at`,
			l.unit, l.period, l.word, l.number, l.item, "system:migrate", now); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE vouchers SET decision_item_id = NULL WHERE decision_item_id IS NOT NULL`)
	return err
}
