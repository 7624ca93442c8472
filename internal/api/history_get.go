package api

import (
	"encoding/json"
	"net/http"
	"time"

	"zhenggai"
)

// historyJSON is the audit trail of one record.
type historyJSON struct {
	Entity  string      `json:"entity"`
	ID      int64       `json:"id"`
	Entries []entryJSON `json:"entries"`
}

// entryJSON is one audit entry. before and after are the whole row as
// stored, or null (before of a creation, after of a deletion).
type entryJSON struct {
	ID       int64           `json:"id"`
	At       time.Time       `json:"at"`
	Actor    zhenggai.Actor  `json:"actor"`
	Action   string          `json:"action"` // create, update, delete, baseline
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// GetHistory is GET /api/v1/history/{entity}/{id}: every change of one
// record, oldest first. {entity} is an audited table (rounds, categories,
// problems, measures, progress, attachments, units, …); any other is 404.
func (h *Handler) GetHistory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	entity := r.PathValue("entity")
	entries, err := h.Store.History(r.Context(), entity, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := historyJSON{Entity: entity, ID: id, Entries: make([]entryJSON, 0, len(entries))}
	raw := func(s string) json.RawMessage {
		if s == "" {
			return json.RawMessage("null")
		}
		return json.RawMessage(s)
	}
	for _, e := range entries {
		out.Entries = append(out.Entries, entryJSON{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action,
			Before: raw(e.Before), After: raw(e.After), PrevHash: e.PrevHash, Hash: e.Hash})
	}
	writeJSON(w, http.StatusOK, out)
}
