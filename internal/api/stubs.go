package api

import "net/http"

// Stubs until the handlers are written; each is replaced by a file of its own.
func (h *Handler) stub(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }

func (h *Handler) ListRounds(w http.ResponseWriter, r *http.Request)          { h.stub(w, r) }
func (h *Handler) CreateRound(w http.ResponseWriter, r *http.Request)         { h.stub(w, r) }
func (h *Handler) GetRound(w http.ResponseWriter, r *http.Request)            { h.stub(w, r) }
func (h *Handler) UpdateRound(w http.ResponseWriter, r *http.Request)         { h.stub(w, r) }
func (h *Handler) GetLedger(w http.ResponseWriter, r *http.Request)           { h.stub(w, r) }
func (h *Handler) ListCategories(w http.ResponseWriter, r *http.Request)      { h.stub(w, r) }
func (h *Handler) CreateCategory(w http.ResponseWriter, r *http.Request)      { h.stub(w, r) }
func (h *Handler) GetCategory(w http.ResponseWriter, r *http.Request)         { h.stub(w, r) }
func (h *Handler) UpdateCategory(w http.ResponseWriter, r *http.Request)      { h.stub(w, r) }
func (h *Handler) ListProblems(w http.ResponseWriter, r *http.Request)        { h.stub(w, r) }
func (h *Handler) CreateProblem(w http.ResponseWriter, r *http.Request)       { h.stub(w, r) }
func (h *Handler) GetProblem(w http.ResponseWriter, r *http.Request)          { h.stub(w, r) }
func (h *Handler) UpdateProblem(w http.ResponseWriter, r *http.Request)       { h.stub(w, r) }
func (h *Handler) ListMeasures(w http.ResponseWriter, r *http.Request)        { h.stub(w, r) }
func (h *Handler) CreateMeasure(w http.ResponseWriter, r *http.Request)       { h.stub(w, r) }
func (h *Handler) GetMeasure(w http.ResponseWriter, r *http.Request)          { h.stub(w, r) }
func (h *Handler) UpdateMeasure(w http.ResponseWriter, r *http.Request)       { h.stub(w, r) }
func (h *Handler) UpdateMeasureStatus(w http.ResponseWriter, r *http.Request) { h.stub(w, r) }
func (h *Handler) ListProgress(w http.ResponseWriter, r *http.Request)        { h.stub(w, r) }
func (h *Handler) CreateProgress(w http.ResponseWriter, r *http.Request)      { h.stub(w, r) }
func (h *Handler) CreateImport(w http.ResponseWriter, r *http.Request)        { h.stub(w, r) }
