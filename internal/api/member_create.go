package api

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
)

// memberRequest is a member as a client sends him: matched to the roster's
// 政协委员 by person_id or name; new_person enters one the roster lacks.
type memberRequest struct {
	PersonID  int64                 `json:"person_id"`
	Name      string                `json:"name"`
	Term      string                `json:"term"`
	Sector    string                `json:"sector"`
	Committee string                `json:"committee"`
	Standing  bool                  `json:"standing"`
	Status    zhenggai.MemberStatus `json:"status"`
	JoinedOn  zhenggai.Date         `json:"joined_on"`
	LeftOn    zhenggai.Date         `json:"left_on"`
	Township  string                `json:"township"`
	NewPerson bool                  `json:"new_person"`
	Phone     string                `json:"phone"` // for the person entered with new_person
}

// CreateMember is POST /api/v1/members: a member of the caller's unit.
func (h *Handler) CreateMember(w http.ResponseWriter, r *http.Request) {
	var req memberRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	m := &zhenggai.CPPCCMember{UnitID: auth.UserFrom(ctx).UnitID, PersonID: req.PersonID, Name: req.Name, Term: req.Term,
		Sector: req.Sector, Committee: req.Committee, Standing: req.Standing, Status: req.Status, JoinedOn: req.JoinedOn,
		LeftOn: req.LeftOn, Township: req.Township}
	if err := h.Store.SaveCPPCCMember(ctx, m, req.NewPerson, req.Phone); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeMember(w, r, http.StatusCreated, m.ID, zhenggai.DateOf(h.Now()).Year())
}

// activityRequest is an activity of a member.
type activityRequest struct {
	Kind  zhenggai.ActivityKind `json:"kind"`
	Title string                `json:"title"`
	On    zhenggai.Date         `json:"on"`
	Note  string                `json:"note"`
}

// CreateMemberActivity is POST /api/v1/members/{id}/activities.
func (h *Handler) CreateMemberActivity(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req activityRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	m, err := h.Store.CPPCCMember(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a := &zhenggai.MemberActivity{UnitID: m.UnitID, MemberID: m.ID, Kind: req.Kind, Title: req.Title, On: req.On, Note: req.Note}
	if err := h.Store.SaveMemberActivity(ctx, a); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

func init() {
	apiOps["POST /api/v1/members"] = apiOp{summary: "登记一名委员：按 person_id 或姓名对应人员名册中的政协委员；名册中没有的，new_person 为 true 时在名册中新建，否则为422；同一届重复登记为422",
		request: (*memberRequest)(nil), response: (*memberRecordJSON)(nil), created: true}
	apiOps["POST /api/v1/members/{id}/activities"] = apiOp{summary: "登记委员的一次履职活动（kind：research 调研、inspection 视察、training 培训、contact 联系群众、other 其他）",
		request: (*activityRequest)(nil), response: (*zhenggai.MemberActivity)(nil), created: true}
	apiOps["POST /api/v1/members/{id}/void"] = apiOp{summary: "作废委员（须写明理由 reason）：不再出现在委员名单、统计和自查中；未写理由为422，已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/members/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的委员；未作废为409", response: (*voidJSON)(nil)}
}
