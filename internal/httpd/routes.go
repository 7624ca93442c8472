package httpd

import (
	"net/http"

	"zhenggai/internal/api"
	"zhenggai/internal/ui"
)

// routes is the whole route table of the program: pages, API, assets.
// Every handler lives in a file named after its action.
func routes(mux *http.ServeMux, u *ui.Handler, a *api.Handler, health http.HandlerFunc) {
	mux.HandleFunc("GET /healthz", health)
	mux.Handle("GET /static/", ui.Static())

	// Pages.
	mux.HandleFunc("GET /{$}", u.Cached(u.Home))
	mux.HandleFunc("GET /import", u.NewImport)
	mux.HandleFunc("POST /import", u.CreateImport)
	mux.HandleFunc("GET /rounds/new", u.NewRound)
	mux.HandleFunc("POST /rounds", u.CreateRound)
	mux.HandleFunc("GET /rounds/{id}", u.Cached(u.ShowRound))
	mux.HandleFunc("GET /rounds/{id}/edit", u.EditRound)
	mux.HandleFunc("POST /rounds/{id}", u.UpdateRound)
	mux.HandleFunc("GET /rounds/{id}/tree", u.Cached(u.ShowTree))
	mux.HandleFunc("GET /rounds/{id}/ledger", u.Cached(u.ShowLedger))
	mux.HandleFunc("GET /rounds/{id}/categories/new", u.NewCategory)
	mux.HandleFunc("POST /rounds/{id}/categories", u.CreateCategory)
	mux.HandleFunc("GET /categories/{id}/edit", u.EditCategory)
	mux.HandleFunc("POST /categories/{id}", u.UpdateCategory)
	mux.HandleFunc("GET /rounds/{id}/problems/new", u.NewProblem)
	mux.HandleFunc("POST /rounds/{id}/problems", u.CreateProblem)
	mux.HandleFunc("GET /problems/{id}", u.Cached(u.ShowProblem))
	mux.HandleFunc("GET /problems/{id}/edit", u.EditProblem)
	mux.HandleFunc("POST /problems/{id}", u.UpdateProblem)
	mux.HandleFunc("GET /problems/{id}/measures/new", u.NewMeasure)
	mux.HandleFunc("POST /problems/{id}/measures", u.CreateMeasure)
	mux.HandleFunc("GET /measures/{id}/edit", u.EditMeasure)
	mux.HandleFunc("POST /measures/{id}", u.UpdateMeasure)
	mux.HandleFunc("POST /measures/{id}/status", u.UpdateMeasureStatus)
	mux.HandleFunc("GET /measures/{id}/progress/new", u.NewProgress)
	mux.HandleFunc("POST /measures/{id}/progress", u.CreateProgress)
	mux.HandleFunc("GET /files/{id}", u.DownloadFile)

	// JSON API.
	mux.HandleFunc("GET /api/v1/rounds", a.ListRounds)
	mux.HandleFunc("POST /api/v1/rounds", a.CreateRound)
	mux.HandleFunc("GET /api/v1/rounds/{id}", a.GetRound)
	mux.HandleFunc("PUT /api/v1/rounds/{id}", a.UpdateRound)
	mux.HandleFunc("GET /api/v1/rounds/{id}/ledger", a.GetLedger)
	mux.HandleFunc("GET /api/v1/rounds/{id}/categories", a.ListCategories)
	mux.HandleFunc("POST /api/v1/rounds/{id}/categories", a.CreateCategory)
	mux.HandleFunc("GET /api/v1/categories/{id}", a.GetCategory)
	mux.HandleFunc("PUT /api/v1/categories/{id}", a.UpdateCategory)
	mux.HandleFunc("GET /api/v1/rounds/{id}/problems", a.ListProblems)
	mux.HandleFunc("POST /api/v1/rounds/{id}/problems", a.CreateProblem)
	mux.HandleFunc("GET /api/v1/problems/{id}", a.GetProblem)
	mux.HandleFunc("PUT /api/v1/problems/{id}", a.UpdateProblem)
	mux.HandleFunc("GET /api/v1/problems/{id}/measures", a.ListMeasures)
	mux.HandleFunc("POST /api/v1/problems/{id}/measures", a.CreateMeasure)
	mux.HandleFunc("GET /api/v1/measures/{id}", a.GetMeasure)
	mux.HandleFunc("PUT /api/v1/measures/{id}", a.UpdateMeasure)
	mux.HandleFunc("PUT /api/v1/measures/{id}/status", a.UpdateMeasureStatus)
	mux.HandleFunc("GET /api/v1/problems/{id}/progress", a.ListProgress)
	mux.HandleFunc("POST /api/v1/measures/{id}/progress", a.CreateProgress)
	mux.HandleFunc("POST /api/v1/imports", a.CreateImport)
	mux.HandleFunc("/api/", a.NotFound)
}
