package ui

import "zhenggai"

// CanPropose tells the menu whether the user submits proposals for his
// unit (a member, or the unit's office).
func (p *page) CanPropose() bool {
	return p.User != nil && p.can != nil && p.User.Role == zhenggai.RoleMember &&
		p.can(zhenggai.PermPropose, zhenggai.Target{UnitID: p.User.UnitID})
}

// HandlesProposals tells the menu whether the user's unit was given
// proposals to handle (承办) and he may reply for it: only then is the
// queue linked, not to every keeper of every unit. A database error
// stops the page (the template's execution fails with it).
func (p *page) HandlesProposals() (bool, error) {
	if p.User == nil || p.can == nil || p.handles == nil || !p.can(zhenggai.PermHandle, zhenggai.Target{UnitID: p.User.UnitID}) {
		return false, nil
	}
	return p.handles(p.User.UnitID)
}
