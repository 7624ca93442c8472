package ui

import "net/http"

// Stubs until the form handlers are written; each moves to a file of its own.
func (h *Handler) NewImport(w http.ResponseWriter, r *http.Request)    { http.Error(w, "not yet", 501) }
func (h *Handler) CreateImport(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) NewRound(w http.ResponseWriter, r *http.Request)     { http.Error(w, "not yet", 501) }
func (h *Handler) CreateRound(w http.ResponseWriter, r *http.Request)  { http.Error(w, "not yet", 501) }
func (h *Handler) EditRound(w http.ResponseWriter, r *http.Request)    { http.Error(w, "not yet", 501) }
func (h *Handler) UpdateRound(w http.ResponseWriter, r *http.Request)  { http.Error(w, "not yet", 501) }
func (h *Handler) NewCategory(w http.ResponseWriter, r *http.Request)  { http.Error(w, "not yet", 501) }
func (h *Handler) CreateCategory(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) EditCategory(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) UpdateCategory(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) NewProblem(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) CreateProblem(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) EditProblem(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) UpdateProblem(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) NewMeasure(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) CreateMeasure(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) EditMeasure(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) UpdateMeasure(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) UpdateMeasureStatus(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
func (h *Handler) NewProgress(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
func (h *Handler) CreateProgress(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", 501)
}
