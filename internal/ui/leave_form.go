package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The leave request's form, phone-sized: who, what kind, from and to, why;
// the approver may fill in his approval at once. Approval and return
// (销假) are buttons of the list (leave_approve.go, leave_return.go).

const maxLeaveForm = 64 << 10

type leaveFormPage struct {
	L     *zhenggai.Leave
	Kinds []kindOption
	Names []string
	// Self: the form of a staff member asking for his own leave (PermLeave
	// without the office's edit right): his name fixed, no approval.
	Self    bool
	Message string
}

// leaveSelf tells whether the caller asks only for himself: he may ask
// for leave (the route's PermLeave) but does not keep the unit's
// register. His own name is the roster person his account is tied to.
func (h *Handler) leaveSelf(r *http.Request) (self bool, name string, err error) {
	return h.Auth.LeaveSelf(r.Context(), auth.UserFrom(r.Context()))
}

// NewLeave shows the form for a leave request; the signed-in user's own
// person of the roster is offered first, and is the only one offered to
// a staff member asking for himself.
func (h *Handler) NewLeave(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	self, name, err := h.leaveSelf(r)
	if err == nil && !self {
		name, err = h.ownPersonName(r)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := &zhenggai.Leave{UnitID: u.UnitID, Kind: zhenggai.LeavePersonal, From: h.today(), To: h.today(), Name: name}
	h.renderLeaveForm(w, r, http.StatusOK, l, self, nil, "")
}

// CreateLeave saves a leave request. A staff member's is his own, waiting
// for approval: another name is refused with nothing written, and what
// only the office fills in (批准人, 应销假日期) is not taken from him.
func (h *Handler) CreateLeave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxLeaveForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	self, own, err := h.leaveSelf(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := &zhenggai.Leave{UnitID: auth.UserFrom(ctx).UnitID}
	errs := &zhenggai.ValidationError{}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	l.Name, l.Kind, l.Reason = get("name"), zhenggai.LeaveKind(get("kind")), get("reason")
	l.From, l.To = formDate(r, errs, "from", "开始日期"), formDate(r, errs, "to", "结束日期")
	if self {
		if l.Name != "" && l.Name != own {
			l.Name = own
			h.renderLeaveForm(w, r, http.StatusForbidden, l, self, nil, "只能为本人请假："+own+"。为他人请假请找单位管理员登记。")
			return
		}
		l.Name = own
	} else {
		l.ExpectedReturn = formDate(r, errs, "expected_return", "应销假日期")
		l.ApprovedBy = get("approved_by")
		if l.ApprovedBy != "" {
			l.ApprovedOn = h.today()
		}
	}
	if len(errs.Fields) == 0 {
		err := h.Store.SaveLeave(ctx, l)
		if err == nil {
			if self {
				redirect(w, r, "/leaves/mine", "已提交，待审批："+l.Label())
				return
			}
			redirect(w, r, "/leaves", "已登记："+l.Label())
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderLeaveForm(w, r, http.StatusUnprocessableEntity, l, self, errs, "")
}

func (h *Handler) renderLeaveForm(w http.ResponseWriter, r *http.Request, status int, l *zhenggai.Leave, self bool, errs *zhenggai.ValidationError, msg string) {
	d := &leaveFormPage{L: l, Self: self, Message: msg}
	for _, k := range zhenggai.LeaveKinds {
		d.Kinds = append(d.Kinds, kindOption{string(k), k.Label()})
	}
	if self { // the roster is not his to read
		h.render(w, r, status, "leave_form", &page{Title: "请假", Nav: "myleaves", Data: d, Errors: errorsByField(errs)})
		return
	}
	persons, err := h.Store.Persons(r.Context(), l.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, p := range persons {
		if !p.Voided && (p.Kind == zhenggai.PersonLeader || p.Kind == zhenggai.PersonStaff) {
			d.Names = append(d.Names, p.Name)
		}
	}
	h.render(w, r, status, "leave_form", &page{Title: "请假", Nav: "attendance", Data: d, Errors: errorsByField(errs)})
}

// leaveOf is the leave {id}, live.
func (h *Handler) leaveOf(w http.ResponseWriter, r *http.Request) (*zhenggai.Leave, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	l, err := h.Store.Leave(r.Context(), id)
	if err == nil && l.Voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该请假记录已作废")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return l, true
}

// leaveVersion reads the form's version of the leave.
func leaveVersion(w http.ResponseWriter, r *http.Request) (int64, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLeaveForm)
	if err := r.ParseForm(); err != nil {
		return 0, false
	}
	v, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	return v, err == nil
}

func leaveDone(w http.ResponseWriter, r *http.Request, l *zhenggai.Leave, what string) {
	redirect(w, r, fmt.Sprintf("/leaves#leave-%d", l.ID), what+"："+l.Label())
}
