package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// The suggestion's form: who proposed it (a member chosen, or a name),
// what and when, and afterwards where it was adopted and who instructed
// on it, as the office learns of them.

// maxSuggestionForm bounds the form's body.
const maxSuggestionForm = 256 << 10

type suggestionFormPage struct {
	Action  string
	S       *zhenggai.Suggestion
	Members []store.MemberRef
	Kinds   []kindOption
	Vias    []kindOption
	Levels  []kindOption
	Message string
}

// NewSuggestion shows the form for a new suggestion.
func (h *Handler) NewSuggestion(w http.ResponseWriter, r *http.Request) {
	s := &zhenggai.Suggestion{UnitID: auth.UserFrom(r.Context()).UnitID, Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform, On: h.today()}
	if k := zhenggai.SuggestionKind(r.URL.Query().Get("kind")); k.Valid() {
		s.Kind = k
	}
	h.renderSuggestionForm(w, r, http.StatusOK, s, nil, "")
}

// CreateSuggestion saves a new suggestion.
func (h *Handler) CreateSuggestion(w http.ResponseWriter, r *http.Request) {
	h.postSuggestion(w, r, nil)
}

// EditSuggestion shows a suggestion's form.
func (h *Handler) EditSuggestion(w http.ResponseWriter, r *http.Request) {
	s, ok := h.suggestionOf(w, r, false)
	if !ok {
		return
	}
	h.renderSuggestionForm(w, r, http.StatusOK, s, nil, "")
}

// UpdateSuggestion saves a suggestion if nobody saved it since.
func (h *Handler) UpdateSuggestion(w http.ResponseWriter, r *http.Request) {
	s, ok := h.suggestionOf(w, r, false)
	if !ok {
		return
	}
	h.postSuggestion(w, r, s)
}

func (h *Handler) postSuggestion(w http.ResponseWriter, r *http.Request, stored *zhenggai.Suggestion) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxSuggestionForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	s := &zhenggai.Suggestion{UnitID: auth.UserFrom(ctx).UnitID}
	if stored != nil {
		s.ID, s.UnitID, s.Sample = stored.ID, stored.UnitID, stored.Sample
	}
	errs := &zhenggai.ValidationError{}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	date := func(k, label string) zhenggai.Date {
		s := get(k)
		if s == "" {
			return zhenggai.Date{}
		}
		d, err := zhenggai.ParseDate(s)
		if err != nil || !d.Valid() {
			errs.Add(k, label+"不是有效日期（例如 2020-10-28）")
		}
		return d
	}
	s.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	s.MemberID, _ = strconv.ParseInt(get("member_id"), 10, 64)
	s.Name, s.Title, s.Content = get("name"), get("title"), get("content")
	s.Kind, s.Via, s.Adopted = zhenggai.SuggestionKind(get("kind")), zhenggai.SuggestionVia(get("via")), zhenggai.AdoptionLevel(get("adopted"))
	s.On = date("on", "提出日期")
	s.AdoptedOn, s.AdoptedBy = date("adopted_on", "采用日期"), get("adopted_by")
	s.Instruction, s.InstructedBy, s.InstructedOn = get("instruction"), get("instructed_by"), date("instructed_on", "批示日期")
	if len(errs.Fields) == 0 {
		err := h.Store.SaveSuggestion(ctx, s)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/suggestions/%d", s.ID), "已保存："+s.Title)
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if stored != nil && !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderSuggestionForm(w, r, http.StatusConflict, s, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderSuggestionForm(w, r, http.StatusUnprocessableEntity, s, errs, "")
}

func (h *Handler) renderSuggestionForm(w http.ResponseWriter, r *http.Request, status int, s *zhenggai.Suggestion, errs *zhenggai.ValidationError, message string) {
	members, err := h.Store.MemberRefs(r.Context(), s.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &suggestionFormPage{Action: "/suggestions", S: s, Members: members, Message: message}
	if s.ID != 0 {
		d.Action = fmt.Sprintf("/suggestions/%d", s.ID)
	}
	d.Kinds, d.Vias, d.Levels = suggestionOptions()
	title := "登记微建议或社情民意信息"
	if s.ID != 0 {
		title = "修改微建议或社情民意信息"
	}
	h.render(w, r, status, "suggestion_form", &page{Title: title, Nav: "suggestions", Data: d, Errors: errorsByField(errs)})
}

// errorsByField maps each field to its first message.
func errorsByField(v *zhenggai.ValidationError) map[string]string {
	m := map[string]string{}
	if v == nil {
		return m
	}
	for _, f := range v.Fields {
		if _, ok := m[f.Field]; !ok {
			m[f.Field] = f.Message
		}
	}
	return m
}

// suggestionOf is the suggestion {id}; a voided one only when allowed.
func (h *Handler) suggestionOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.Suggestion, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	s, err := h.Store.Suggestion(r.Context(), id)
	if err == nil && s.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该微建议或社情民意信息已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return s, true
}

// ShowSuggestion shows one suggestion with its adoption and instruction.
func (h *Handler) ShowSuggestion(w http.ResponseWriter, r *http.Request) {
	s, ok := h.suggestionOf(w, r, true)
	if !ok {
		return
	}
	h.render(w, r, http.StatusOK, "suggestion_show", &page{Title: s.Title, Nav: "suggestions", Data: s})
}

// VoidSuggestion voids a suggestion entered by mistake, with a reason.
func (h *Handler) VoidSuggestion(w http.ResponseWriter, r *http.Request) {
	h.voidRegisterRecord(w, r, "suggestion", "/suggestions/%d", "该微建议或社情民意信息")
}

// RestoreSuggestion brings a voided suggestion back.
func (h *Handler) RestoreSuggestion(w http.ResponseWriter, r *http.Request) {
	h.restoreRegisterRecord(w, r, "suggestion", "/suggestions/%d", "该微建议或社情民意信息")
}
