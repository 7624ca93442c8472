package api

import (
	"net/http"
	"strconv"

	"zhenggai"
)

// categoryRequest is what a client may send about a category.
type categoryRequest struct {
	Seq   int    `json:"seq"`
	Title string `json:"title"`
}

// CreateCategory is POST /api/v1/rounds/{id}/categories.
func (h *Handler) CreateCategory(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req categoryRequest
	if !h.decode(w, r, &req) {
		return
	}
	if _, err := h.Store.Round(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	c := &zhenggai.Category{RoundID: id, Seq: req.Seq, Title: req.Title}
	if err := c.Validate(); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.CreateCategory(r.Context(), c); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/categories/"+strconv.FormatInt(c.ID, 10))
	writeJSON(w, http.StatusCreated, newCategoryJSON(c))
}
