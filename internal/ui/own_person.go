package ui

import (
	"net/http"

	"zhenggai/internal/auth"
)

// ownPersonName is the name of the signed-in user's person of his unit's
// roster, "" when his account is linked to none: forms that name a person
// of the roster offer it, never the account's login or display name
// (办公室（示例） is no one's).
func (h *Handler) ownPersonName(r *http.Request) (string, error) {
	return h.Store.UserPersonName(r.Context(), auth.UserFrom(r.Context()))
}
