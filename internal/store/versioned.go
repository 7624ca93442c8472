package store

import (
	"context"
	"database/sql"
	"errors"

	"zhenggai"
)

// checkUpdated turns an UPDATE … WHERE id = ? AND version = ? that touched
// no row into the right domain error: the record is gone, or somebody
// saved it since the editor loaded it.
func (s *Store) checkUpdated(ctx context.Context, tx *sql.Tx, res sql.Result, table, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	var v int64
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT version FROM `+table+` WHERE id = ?`), id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "%s不存在", what)
	}
	if err != nil {
		return err
	}
	return zhenggai.Errorf(zhenggai.ECONFLICT, "该%s已被他人修改（当前第%d版），请刷新后再保存", what, v)
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "%s不存在", what)
	}
	return err
}
