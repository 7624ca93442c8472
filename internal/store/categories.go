package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

const categoryCols = `id, unit_id, round_id, seq, title, version`

func scanCategory(sc interface{ Scan(...any) error }) (*zhenggai.Category, error) {
	var c zhenggai.Category
	err := sc.Scan(&c.ID, &c.UnitID, &c.RoundID, &c.Seq, &c.Title, &c.Version)
	return &c, err
}

// Category returns one category.
func (s *Store) Category(ctx context.Context, id int64) (*zhenggai.Category, error) {
	c, err := scanCategory(s.rdb.QueryRowContext(ctx, s.d.rebind(`SELECT `+categoryCols+` FROM categories WHERE id = ? AND voided_at IS NULL`), id))
	if err != nil {
		return nil, notFound(err, "问题类别")
	}
	return c, nil
}

// Categories lists a round's categories in order.
func (s *Store) Categories(ctx context.Context, roundID int64) ([]*zhenggai.Category, error) {
	return s.categoriesIn(ctx, s.rdb, roundID)
}

func (s *Store) categoriesIn(ctx context.Context, db queryer, roundID int64) ([]*zhenggai.Category, error) {
	rows, err := db.QueryContext(ctx, s.d.rebind(`SELECT `+categoryCols+` FROM categories WHERE round_id = ? AND voided_at IS NULL ORDER BY seq`), roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zhenggai.Category
	for rows.Next() {
		c, err := scanCategory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CreateCategory adds a category to its round.
func (s *Store) CreateCategory(ctx context.Context, c *zhenggai.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createCategory(ctx, tx, c) })
}

func (s *Store) createCategory(ctx context.Context, tx *sql.Tx, c *zhenggai.Category) error {
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM rounds WHERE id = ? AND voided_at IS NULL`), c.RoundID).Scan(&c.UnitID); err != nil {
		return notFound(err, "巡察轮次")
	}
	c.Version = 1
	var err error
	c.ID, err = s.insertRow(ctx, tx, "categories", `unit_id, round_id, seq, title, version`, c.UnitID, c.RoundID, c.Seq, c.Title, 1)
	return err
}

// UpdateCategory saves a category's number and title.
func (s *Store) UpdateCategory(ctx context.Context, c *zhenggai.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	version := c.Version // fn may run twice (Store.write)
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.updateRow(ctx, tx, "categories", c.ID, version, `seq = ?, title = ?`, c.Seq, c.Title); err != nil {
			return err
		}
		c.Version = version + 1
		return nil
	})
}
