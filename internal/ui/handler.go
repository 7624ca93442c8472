// Package ui serves the Chinese web pages: server-rendered HTML with a
// little htmx and ECharts, every asset embedded.
package ui

import (
	"bytes"
	"embed"
	"encoding/base64"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Handler holds what the page handlers need.
type Handler struct {
	Store *store.Store
	Files *attach.Dir
	Auth  *auth.Auth
	Now   func() time.Time
	Log   *slog.Logger
	// NoPageCache turns the page cache off (benchmarks of the cold path).
	NoPageCache bool

	cache        pageCache
	opinionOnce  sync.Once
	opinionLimit *auth.RateLimit // opinions from the public, per address
}

// Static serves the embedded assets. Their names never change within a
// build, so browsers may keep them for a day.
func Static() http.Handler {
	sub, _ := fs.Sub(staticFiles, "static")
	fsrv := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if _, err := fs.Stat(sub, name); err != nil || strings.HasSuffix(r.URL.Path, "/") || !fs.ValidPath(name) {
			http.Error(w, "没有这个文件", http.StatusNotFound) // in Chinese, like every page
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		fsrv.ServeHTTP(w, r)
	})
}

var (
	pagesOnce sync.Once
	pages     map[string]*template.Template
	pagesErr  error
)

// loadPages parses layout.html with each page template, once.
func loadPages() (map[string]*template.Template, error) {
	pagesOnce.Do(func() {
		base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/_*.html")
		if err != nil {
			pagesErr = err
			return
		}
		names, _ := fs.Glob(templateFiles, "templates/*.html")
		pages = map[string]*template.Template{}
		for _, n := range names {
			name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
			if name == "layout" || strings.HasPrefix(name, "_") {
				continue
			}
			t, err := template.Must(base.Clone()).ParseFS(templateFiles, n)
			if err != nil {
				pagesErr = err
				return
			}
			pages[name] = t
		}
	})
	return pages, pagesErr
}

// page is what every template gets: a title, the page's own data, and for
// forms the values typed and the reason for each bad field.
type page struct {
	Title  string
	Nav    string // which top link is current
	Round  *zhenggai.Round
	Data   any
	Form   map[string]string
	Errors map[string]string
	Flash  string
	// Refused: the flash tells of an action refused, shown as such.
	Refused bool
	Today   zhenggai.Date
	User    *zhenggai.User // who is signed in, or nil
	Unread  int            // his unread messages, for the header
	// Waiting is what waits for him on 我的任务 (Tasks.Waiting), for the
	// menu; HasTasks shows the menu's link.
	Waiting  int
	HasTasks bool
	can      func(zhenggai.Perm, zhenggai.Target) bool
	handles  func(unitID int64) (bool, error) // whether a unit was given proposals to handle
}

// CanCloseMeasure tells whether the user may take closing step a
// (request, approve, return) on a measure.
func (p *page) CanCloseMeasure(a string, m *zhenggai.Measure) bool {
	act := zhenggai.CloseAction(a)
	return p.can != nil && act.Valid() && p.can(act.Perm(), zhenggai.Target{UnitID: m.UnitID, Leader: m.Leader, Owner: m.Owner})
}

// CanCloseProblem tells whether the user may take closing step a
// (accept, reject, reopen) on a problem of the unit.
func (p *page) CanCloseProblem(a string, unitID int64) bool {
	act := zhenggai.CloseAction(a)
	return p.can != nil && act.Valid() && p.can(act.Perm(), zhenggai.Target{UnitID: unitID})
}

// Accepts tells whether the user is one who accepts closings (an
// inspection office, or the administrator), for the header's link.
func (p *page) Accepts() bool { return zhenggai.TakesAcceptances(p.User) }

// CanAdmin tells whether the user may use the administration pages.
func (p *page) CanAdmin() bool {
	return p.User != nil && p.can != nil && p.can(zhenggai.PermAdmin, zhenggai.Target{})
}

// CanReview tells whether the user may approve or return publication pub,
// whose unit's publications reviewer reviews.
func (p *page) CanReview(pub *zhenggai.Publication, reviewer zhenggai.PublicationReviewer) bool {
	return p.can != nil && p.can(zhenggai.PermReview, zhenggai.Target{UnitID: pub.UnitID, Reviewer: reviewer, DrafterID: pub.DrafterID})
}

// CanEdit tells a template whether to offer the unit's editing actions;
// the route guard decides anyway, this only hides what would be refused.
func (p *page) CanEdit(unitID int64) bool {
	return p.can != nil && p.can(zhenggai.PermEdit, zhenggai.Target{UnitID: unitID})
}

// CanRestore tells whether the user may restore the unit's voided
// records (作废的记录): its administrator.
func (p *page) CanRestore(unitID int64) bool {
	return p.can != nil && p.can(zhenggai.PermRestore, zhenggai.Target{UnitID: unitID})
}

// CanCreate tells whether the user may start rounds and imports.
func (p *page) CanCreate() bool {
	return p.User != nil && p.can != nil && p.can(zhenggai.PermEdit, zhenggai.Target{UnitID: p.User.UnitID})
}

// CanReport tells whether the user may report on a measure.
func (p *page) CanReport(m *zhenggai.Measure) bool {
	return p.can != nil && p.can(zhenggai.PermReport, zhenggai.Target{UnitID: m.UnitID, Leader: m.Leader, Owner: m.Owner})
}

// render writes a page; the template runs into a buffer first so that a
// template error becomes a clean 500, not half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	ps, err := loadPages()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	t := ps[name]
	if t == nil {
		h.serverError(w, r, errors.New("no template "+name))
		return
	}
	p.Today = zhenggai.DateOf(h.Now())
	p.User = auth.UserFrom(r.Context())
	if p.User != nil {
		// Messages are audited writes, so a cached page (keyed by the
		// store's generation) never shows a stale count.
		n, err := h.Store.UnreadCount(r.Context(), p.User.ID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		p.Unread = n
		if taskRole(p.User) {
			t, err := h.Store.Tasks(r.Context(), p.User, zhenggai.DateOf(h.Now()))
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			p.Waiting = t.Waiting()
			p.HasTasks = p.User.Role != zhenggai.RoleUnitAdmin || p.Waiting > 0
		}
	}
	if h.Auth != nil {
		p.can = func(perm zhenggai.Perm, t zhenggai.Target) bool { return h.Auth.Can(r.Context(), p.User, perm, t) }
	}
	p.handles = func(unitID int64) (bool, error) { return h.Store.HandlesProposals(r.Context(), unitID) }
	if f := flashFrom(r); f != "" {
		p.Flash, p.Refused = strings.CutPrefix(f, refusedMark)
		http.SetCookie(w, &http.Cookie{Name: "flash", Path: "/", MaxAge: -1})
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows an error page for a domain error.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := zhenggai.HTTPStatus(zhenggai.ErrorCode(err))
	if status == http.StatusInternalServerError {
		if r.Context().Err() != nil {
			// The reader left (closed the page, lost the network): the
			// database call was cut short by that, nothing went wrong here,
			// and no one is there to answer.
			h.Log.Info("page abandoned", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		h.Log.Error("page", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	h.render(w, r, status, "error", &page{Title: errorTitle(err), Data: zhenggai.ErrorMessage(err)})
}

// errorTitle heads an error page with what happened, in the offices' words.
func errorTitle(err error) string {
	switch zhenggai.ErrorCode(err) {
	case zhenggai.ENOTFOUND:
		return "找不到页面或记录"
	case zhenggai.EFORBID:
		return "无权操作"
	case zhenggai.EINVALID:
		return "输入有误"
	case zhenggai.ECONFLICT, zhenggai.ELOCKED:
		return "未能完成"
	case zhenggai.ETHROTTLED:
		return "请稍后再试"
	}
	return "出错了"
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	h.Log.Error("page", "method", r.Method, "path", r.URL.Path, "err", err)
	http.Error(w, "内部错误，请联系系统管理员", http.StatusInternalServerError)
}

// pathID reads the {id} of the route; false means an answer was sent.
func (h *Handler) pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "页面不存在"))
		return 0, false
	}
	return id, true
}

func (h *Handler) today() zhenggai.Date { return zhenggai.DateOf(h.Now()) }

// sendFile answers a download made whole in memory.
func sendFile(w http.ResponseWriter, name, mediaType string, body []byte) {
	w.Header().Set("Content-Type", mediaType)
	w.Header().Set("Content-Disposition", xlsx.ContentDisposition(name))
	w.Header().Set("Cache-Control", "no-store") // a shared office computer keeps nothing after sign-out
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// redirect sends the browser on after a successful POST, with a short
// message for the next page.
func redirect(w http.ResponseWriter, r *http.Request, to, flash string) {
	if flash != "" {
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: base64.RawURLEncoding.EncodeToString([]byte(flash)), Path: "/", MaxAge: 30, HttpOnly: true,
			Secure: auth.HTTPS(r), SameSite: http.SameSiteLaxMode})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// refusedMark starts the flash of a refusal (no message begins with it).
const refusedMark = "!"

// redirectRefused sends the browser back after an action that was
// refused, with why as one sentence shown as a refusal, never as done.
func redirectRefused(w http.ResponseWriter, r *http.Request, to, what string, err error) {
	msg := refusedMark + refusalSentence(what, err)
	for len(msg) > maxFlash { // never dropped for its length: cut, still one sentence
		msg = refusedMark + zhenggai.Clip(msg[len(refusedMark):], utf8.RuneCountInString(msg)/2)
	}
	redirect(w, r, to, msg)
}

// refusalSentence says in one sentence that what (未能申请销号) was refused
// and why: the reasons of a validation error joined, without its
// "输入有误" heading, and one full stop at the end.
func refusalSentence(what string, err error) string {
	why := zhenggai.ErrorMessage(err)
	var v *zhenggai.ValidationError
	if errors.As(err, &v) {
		parts := make([]string, len(v.Fields))
		for i, f := range v.Fields {
			parts[i] = strings.TrimRight(f.Message, "。；;.")
		}
		why = strings.Join(parts, "；")
	}
	return what + "：" + zhenggai.Sentence(why)
}

// maxFlash bounds a flash message in bytes: a refusal's reason with what
// was refused (some 150 characters) fits, a forged cookie of any size does
// not get shown.
const maxFlash = 1024

// flashFrom reads (and the next answer forgets) the message of redirect.
func flashFrom(r *http.Request) string {
	c, err := r.Cookie("flash")
	if err != nil {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || !utf8.Valid(b) || len(b) > maxFlash {
		return ""
	}
	return string(b)
}

// Deny shows a refusal from the route guard as a page.
func (h *Handler) Deny(w http.ResponseWriter, r *http.Request, status int, msg string) {
	title := "无法访问"
	switch status {
	case http.StatusNotFound:
		title = "找不到页面或记录"
	case http.StatusForbidden:
		title = "无权操作"
	}
	h.render(w, r, status, "error", &page{Title: title, Data: msg})
}
