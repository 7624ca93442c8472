package store

import (
	"context"

	"zhenggai"
)

// UnitNode is a unit in the unit tree, with how much hangs on it.
type UnitNode struct {
	zhenggai.Unit
	Depth    int // 0 for a unit without a parent
	Users    int // accounts of the unit
	Rounds   int // rounds of which it is the inspected unit
	Children int // units directly below it
}

// UnitTree lists every unit below its parent, depth first; units of one
// parent come in the order they were created. A unit whose parent chain
// was broken behind the program's back still appears, at the top level.
func (s *Store) UnitTree(ctx context.Context) ([]UnitNode, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT u.id, COALESCE(u.parent_id, 0), u.name, u.full_name, u.aliases,
		(SELECT COUNT(*) FROM users x WHERE x.unit_id = u.id),
		(SELECT COUNT(*) FROM rounds r WHERE r.unit_id = u.id AND r.voided_at IS NULL)
		FROM units u ORDER BY u.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var flat []UnitNode
	for rows.Next() {
		var n UnitNode
		var aliases string
		if err := rows.Scan(&n.ID, &n.ParentID, &n.Name, &n.FullName, &aliases, &n.Users, &n.Rounds); err != nil {
			return nil, err
		}
		n.Aliases = splitAliases(aliases)
		flat = append(flat, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return unitTree(flat), nil
}

// unitTree orders units depth first under their parents.
func unitTree(flat []UnitNode) []UnitNode {
	byID := make(map[int64]int, len(flat))
	for i, n := range flat {
		byID[n.ID] = i
	}
	children := map[int64][]int{}
	var roots []int
	for i, n := range flat {
		if _, ok := byID[n.ParentID]; n.ParentID == 0 || !ok || n.ParentID == n.ID {
			roots = append(roots, i)
			continue
		}
		children[n.ParentID] = append(children[n.ParentID], i)
	}
	out := make([]UnitNode, 0, len(flat))
	seen := make([]bool, len(flat))
	var walk func(i, depth int)
	walk = func(i, depth int) {
		if seen[i] {
			return
		}
		seen[i] = true
		n := flat[i]
		n.Depth = depth
		n.Children = len(children[n.ID])
		out = append(out, n)
		for _, c := range children[n.ID] {
			walk(c, depth+1)
		}
	}
	for _, i := range roots {
		walk(i, 0)
	}
	// Units on a cycle (made by editing the database directly) are
	// reachable from no root: list them rather than hide them.
	for i := range flat {
		walk(i, 0)
	}
	return out
}
