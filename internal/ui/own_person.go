package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// ownPersonName is the name of the signed-in user's person of his unit's
// roster, "" when his account is linked to none: forms that name a person
// of the roster offer it, never the account's login or display name
// (办公室（示例） is no one's).
func (h *Handler) ownPersonName(r *http.Request) (string, error) {
	u := auth.UserFrom(r.Context())
	if u == nil || u.PersonID == 0 {
		return "", nil
	}
	p, err := h.Store.Person(r.Context(), u.PersonID)
	if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if p.UnitID != u.UnitID || p.Voided {
		return "", nil
	}
	return p.Name, nil
}
