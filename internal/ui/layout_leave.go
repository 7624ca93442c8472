package ui

import "zhenggai"

// AsksLeave tells the menu whether the user asks for his own leave (我的
// 请假): his account is tied to a person of his unit's roster.
func (p *page) AsksLeave() bool {
	return p.User != nil && p.User.PersonID != 0 && p.can != nil &&
		p.can(zhenggai.PermLeave, zhenggai.Target{UnitID: p.User.UnitID})
}
