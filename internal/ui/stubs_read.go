package ui

import "net/http"

// Stubs until the read pages are written; each moves to a file of its own.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request)         { http.Error(w, "not yet", 501) }
func (h *Handler) ShowRound(w http.ResponseWriter, r *http.Request)    { http.Error(w, "not yet", 501) }
func (h *Handler) ShowTree(w http.ResponseWriter, r *http.Request)     { http.Error(w, "not yet", 501) }
func (h *Handler) ShowLedger(w http.ResponseWriter, r *http.Request)   { http.Error(w, "not yet", 501) }
func (h *Handler) ShowProblem(w http.ResponseWriter, r *http.Request)  { http.Error(w, "not yet", 501) }
func (h *Handler) DownloadFile(w http.ResponseWriter, r *http.Request) { http.Error(w, "not yet", 501) }
