package auth

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// Route is one line of the route table: a pattern, what it asks of the
// caller, what record its {id} names, and its handler.
type Route struct {
	Pattern string        // as for http.ServeMux: "GET /rounds/{id}"
	Perm    zhenggai.Perm // never PermUndeclared
	On      string        // kind of record {id} names (see store.Target); "self" for the caller's own unit; "" for none
	API     bool          // answers JSON rather than pages
	MaxBody int64         // request body limit; 0 is DefaultMaxBody
	// Unchanged lets a user whose password an administrator set (and who
	// must change it first) use the route: changing it, signing out.
	Unchanged bool
	Handler   http.HandlerFunc
}

// PasswordPage is where a user changes his password; a user who must
// change his is sent there from every page.
const PasswordPage = "/account/password"

// DefaultMaxBody bounds the body of a request whose route sets no limit:
// forms and JSON are small; uploads and imports declare their own.
const DefaultMaxBody = 1 << 20

// Denier shows a refusal on a page (the API answers JSON itself).
type Denier func(w http.ResponseWriter, r *http.Request, status int, msg string)

// Guard returns the route's handler behind its permission: who is asking,
// what the route names, and whether zhenggai.Can allows it. The handler
// runs with the user and the actor in its context.
func (a *Auth) Guard(rt Route, deny Denier) http.Handler {
	if rt.Perm == zhenggai.PermUndeclared {
		panic("route " + rt.Pattern + " declares no permission")
	}
	refuse := func(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
		if rt.API {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(status)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
			return
		}
		deny(w, r, status, msg)
	}
	limit := rt.MaxBody
	if limit == 0 {
		limit = DefaultMaxBody
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		u, via, err := a.Identify(r)
		if err != nil {
			a.Log.Error("identify", "err", err)
			refuse(w, r, http.StatusInternalServerError, zhenggai.EINTERNAL, "内部错误，请联系系统管理员")
			return
		}
		ctx := r.Context()
		if u == nil && a.AnonymousBody > 0 && r.ContentLength != 0 {
			// The deadline covers what is left of the request, the body.
			// A server that cannot set one (none here) keeps its own.
			_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(a.AnonymousBody))
		}
		if u != nil {
			ctx = WithUser(ctx, u)
			ctx = withSubtrees(ctx)
			ctx = zhenggai.WithActor(ctx, zhenggai.Actor{UserID: u.ID, Name: u.Name, Via: via, Addr: RemoteAddr(r)})
			// A refusal's page shows the menu of the one refused.
			r = r.WithContext(ctx)
		}
		if rt.Perm == zhenggai.PermPublic {
			rt.Handler(w, r.WithContext(ctx))
			return
		}
		if u != nil && u.MustChangePassword && via == "web" && !rt.Unchanged {
			// An administrator set his password and knows it: nothing is
			// done with it until its owner has chosen his own. (API tokens,
			// secrets of their own, are not held up.)
			if r.Method == http.MethodGet && !rt.API {
				http.Redirect(w, r, PasswordPage+"?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			refuse(w, r, http.StatusForbidden, "must_change_password", "您的密码由系统管理员设置，请先修改密码（"+PasswordPage+"）")
			return
		}
		if u == nil {
			if !rt.API && r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			refuse(w, r, http.StatusUnauthorized, "unauthorized", "请先登录（API 请在 Authorization 头中提供令牌：Bearer TOKEN）")
			return
		}
		var t zhenggai.Target
		perm := rt.Perm
		switch kind := rt.On; kind {
		case "":
		case "self":
			t.UnitID = u.UnitID
		default:
			if kind == "history" {
				// Who may read a record's history is the registry's word:
				// accounts, units and settings are the administrator's
				// business, an opinion's (the sender's contact) the
				// office's.
				kind = ""
				if tb := store.TableNamed(r.PathValue("entity")); tb != nil && tb.History != zhenggai.PermUndeclared {
					kind, perm = tb.Kind, tb.History
				}
			}
			id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
			if err != nil || id <= 0 || kind == "" {
				refuse(w, r, http.StatusNotFound, zhenggai.ENOTFOUND, "记录不存在")
				return
			}
			t, err = a.Store.Target(ctx, kind, id)
			if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
				refuse(w, r, http.StatusNotFound, zhenggai.ENOTFOUND, "记录不存在")
				return
			}
			if err != nil {
				a.Log.Error("target", "err", err)
				refuse(w, r, http.StatusInternalServerError, zhenggai.EINTERNAL, "内部错误，请联系系统管理员")
				return
			}
		}
		if !zhenggai.Can(u, perm, t, a.under(ctx)) {
			refuse(w, r, http.StatusForbidden, zhenggai.EFORBID, "您没有权限进行此操作")
			return
		}
		rt.Handler(w, r.WithContext(ctx))
	})
}
