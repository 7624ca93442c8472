package zhenggai

// Scope is the set of units whose rounds a list shows: everything, one
// office and every unit below it, or one unit.
type Scope struct {
	All    bool
	Office int64 // with its whole subtree
	Unit   int64
}
