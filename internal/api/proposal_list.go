package api

import (
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// proposalListJSON answers GET /api/v1/proposals.
type proposalListJSON struct {
	UnitID    int64                `json:"unit_id"`
	Session   string               `json:"session,omitempty"`
	Year      int                  `json:"year,omitempty"`
	Status    string               `json:"status,omitempty"`
	Proposals []proposalListedJSON `json:"proposals"`
}

// proposalListedJSON is a proposal as the list gives it: its row with its
// signers, assignments, replies and forms, its due date and colour.
type proposalListedJSON struct {
	*zhenggai.Proposal
	Due    zhenggai.Date   `json:"due,omitzero"`
	Colour zhenggai.Colour `json:"colour,omitempty"`
}

// ListProposals is GET /api/v1/proposals?session=&year=&status=&handler=:
// the caller's unit's proposals (voided ones left out).
func (h *Handler) ListProposals(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	q := r.URL.Query()
	sq := store.ProposalQuery{UnitID: unitID, Session: strings.TrimSpace(q.Get("session")), Status: zhenggai.ProposalStatus(q.Get("status"))}
	if sq.Status != "" && !sq.Status.Valid() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "status 须为提案状态之一（submitted、registered、assigned……）"))
		return
	}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 须为1949至2100之间的年份"))
			return
		}
		sq.Year = n
	}
	if v := q.Get("handler"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "handler 须为承办单位的编号"))
			return
		}
		sq.HandlerUnitID = n
	}
	list, err := h.Store.Proposals(ctx, sq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	set, err := h.Store.Settings(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := proposalListJSON{UnitID: unitID, Session: sq.Session, Year: sq.Year, Status: string(sq.Status), Proposals: []proposalListedJSON{}}
	for _, p := range list {
		filled(p)
		out.Proposals = append(out.Proposals, proposalListedJSON{p, zhenggai.ProposalDueNow(p), zhenggai.ProposalColour(set, p, h.today())})
	}
	writeJSON(w, http.StatusOK, out)
}

// proposalJSON answers GET /api/v1/proposals/{id}: the proposal whole,
// with the caller's parts in it.
type proposalJSON struct {
	*zhenggai.Proposal
	Due     zhenggai.Date          `json:"due,omitzero"`
	Colour  zhenggai.Colour        `json:"colour,omitempty"`
	Missing []string               `json:"archive_missing"`
	Parts   zhenggai.ProposalParts `json:"parts"`
}

// proposalOf is the proposal {id} with the caller's parts; one he has no
// part in is not found.
func (h *Handler) proposalOf(w http.ResponseWriter, r *http.Request) (*zhenggai.Proposal, zhenggai.ProposalParts, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, zhenggai.ProposalParts{}, false
	}
	p, err := h.Store.Proposal(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, zhenggai.ProposalParts{}, false
	}
	u := auth.UserFrom(r.Context())
	parts := zhenggai.ProposalPartsOf(u, p, func(perm zhenggai.Perm, t zhenggai.Target) bool { return h.Auth.Can(r.Context(), u, perm, t) })
	if !parts.Any() {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "提案不存在"))
		return nil, parts, false
	}
	parts.Hide(p)
	return p, parts, true
}

func (h *Handler) proposalAnswer(w http.ResponseWriter, r *http.Request, status int, p *zhenggai.Proposal, parts zhenggai.ProposalParts) {
	set, err := h.Store.Settings(r.Context(), p.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	filled(p)
	missing := zhenggai.ProposalArchiveMissing(p)
	if missing == nil {
		missing = []string{}
	}
	writeJSON(w, status, proposalJSON{p, zhenggai.ProposalDueNow(p), zhenggai.ProposalColour(set, p, h.today()), missing, parts})
}

// GetProposal is GET /api/v1/proposals/{id}.
func (h *Handler) GetProposal(w http.ResponseWriter, r *http.Request) {
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	h.proposalAnswer(w, r, http.StatusOK, p, parts)
}

func init() {
	apiOps["GET /api/v1/proposals"] = apiOp{summary: "本单位的提案（不含已作废的）：每件的提案人与联名人、承办单位、答复、征询意见表，办理期限及其预警颜色",
		response: (*proposalListJSON)(nil), query: []apiParam{{"session", "string", "届次，如“九届四次”"}, {"year", "integer", "年度"},
			{"handler", "integer", "只列交由该单位（主办或会办，未退回）承办的"},
			{"status", "string", "只列该状态：draft、submitted、registered、rejected、merged、converted、assigned、replied、answered、follow_up、redo、done"}}}
	apiOps["POST /api/v1/proposals"] = apiOp{summary: "提交提案：委员为领衔人；选了联名人的先邀请联名（deadline 为截止日期），均答复后自动提交；单位管理员可录入党派、团体提案，submit 为 true 时直接提交（纸质联名已签）",
		request: (*proposalCreateRequest)(nil), response: (*proposalJSON)(nil), created: true}
	apiOps["GET /api/v1/proposals/{id}"] = apiOp{summary: "一件提案的完整记录：办理过程（每步有日期）、答复、意见表、档案及所缺材料，和调用者在其中的身份（parts）；与之无关的用户为404",
		response: (*proposalJSON)(nil)}
	apiOps["POST /api/v1/proposals/{id}/steps"] = apiOp{summary: "办理一步：actor 为 office（提案委）、handler（承办单位，只办本单位的交办）或 proposer（提案者，只代表本人），action 及其字段见 zhenggai.ProposalStepInput；" +
		"状态不允许的一步为422，身份不对为403，version 不是当前版本为409。联名人以 action cosign 或 decline 答复联名邀请",
		request: (*proposalStepRequest)(nil), response: (*proposalJSON)(nil)}
	apiOps["GET /api/v1/proposals/{id}/documents"] = apiOp{summary: "提案的档案材料（答复函、征询意见表、承办单位办理材料、提案原件）及所缺材料",
		response: (*proposalDocumentsJSON)(nil)}
	apiOps["POST /api/v1/proposals/{id}/documents"] = apiOp{summary: "上传档案材料（multipart：kind、on、file）；承办单位只能上传本单位的办理材料",
		response: (*zhenggai.ProposalDocument)(nil), created: true, raw: []string{"multipart/form-data"}}
}

// filled gives p's lists as empty lists, never null, as the schema says.
func filled(p *zhenggai.Proposal) {
	if p.Signers == nil {
		p.Signers = []zhenggai.ProposalSigner{}
	}
	if p.Handlers == nil {
		p.Handlers = []zhenggai.ProposalAssignment{}
	}
	if p.Replies == nil {
		p.Replies = []zhenggai.ProposalReply{}
	}
	if p.Feedback == nil {
		p.Feedback = []zhenggai.ProposalFeedback{}
	}
	if p.Events == nil {
		p.Events = []zhenggai.ProposalEvent{}
	}
	if p.Documents == nil {
		p.Documents = []zhenggai.ProposalDocument{}
	}
}
