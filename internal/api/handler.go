// Package api is the JSON API under /api/v1: the same operations as the
// pages, for scripts and other systems.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// Handler holds what the API handlers need.
type Handler struct {
	Store *store.Store
	Files *attach.Dir
	Auth  *auth.Auth
	Now   func() time.Time
	Log   *slog.Logger
	// Routes is the whole route table, which the API's own document
	// describes (openapi.go).
	Routes []auth.Route

	openapi openAPIDoc
}

// maxBody bounds a JSON request body.
const maxBody = 1 << 20

// errorBody is the shape of every error answer.
type errorBody struct {
	Error struct {
		Code    string                `json:"code"`
		Message string                `json:"message"`
		Fields  []zhenggai.FieldError `json:"fields,omitempty"`
	} `json:"error"`
}

func (h *Handler) today() zhenggai.Date { return zhenggai.DateOf(h.Now()) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// fail answers with the error's status, code and Chinese message. Internal
// errors are logged and shown without detail.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := zhenggai.ErrorCode(err)
	var body errorBody
	body.Error.Code = code
	body.Error.Message = zhenggai.ErrorMessage(err)
	var v *zhenggai.ValidationError
	if errors.As(err, &v) {
		body.Error.Fields = v.Fields
	}
	status := zhenggai.HTTPStatus(code)
	if status == http.StatusInternalServerError {
		if r.Context().Err() != nil {
			// The caller left; the database call was cut short by that.
			h.Log.Info("api call abandoned", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		h.Log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, status, body)
}

// badRequest is for a request that cannot be read at all (400), as
// opposed to one that can be read but is wrong (422).
func (h *Handler) badRequest(w http.ResponseWriter, msg string) {
	var body errorBody
	body.Error.Code = "bad_request"
	body.Error.Message = msg
	writeJSON(w, http.StatusBadRequest, body)
}

// pathID reads the {id} of the route; false means an answer was sent.
func (h *Handler) pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "编号不正确"))
		return 0, false
	}
	return id, true
}

// decode reads a JSON body into v, refusing unknown fields and trailing
// data; false means a 400 was sent.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		h.badRequest(w, "请求内容不是有效的JSON："+jsonProblem(err))
		return false
	}
	// The JSON decoder would quietly turn bytes that are not UTF-8 (a
	// script sending GBK, say) into U+FFFD, storing text nobody sent.
	if !utf8.Valid(body) {
		h.badRequest(w, "请求内容不是UTF-8编码（可能是GBK）；请以UTF-8发送JSON")
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		h.badRequest(w, "请求内容不是有效的JSON："+jsonProblem(err))
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		h.badRequest(w, "请求内容在JSON之后还有多余数据")
		return false
	}
	return true
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &se):
		return "第" + strconv.FormatInt(se.Offset, 10) + "个字节处语法错误"
	case errors.As(err, &te):
		return "字段 " + te.Field + " 的类型不正确"
	case errors.As(err, &mb):
		return "内容过大"
	case errors.Is(err, io.EOF):
		return "内容为空"
	}
	return err.Error()
}

// NotFound answers any other /api/ path.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这个接口：%s %s", r.Method, r.URL.Path))
}
