package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// meetingBookJSON is one type's book with its counts.
type meetingBookJSON struct {
	Type      string        `json:"type"`
	Meetings  int           `json:"meetings"`
	Items     int           `json:"items"`
	TripleOne int           `json:"triple_one_items"`
	Elsewhere int           `json:"kept_in_other_books"`
	Last      zhenggai.Date `json:"last,omitzero"`
}

// meetingListItemJSON is a meeting as a book lists it.
type meetingListItemJSON struct {
	ID        int64         `json:"id"`
	Label     string        `json:"label"`
	Type      string        `json:"type"`
	Book      string        `json:"book"`
	Number    int           `json:"number"`
	Date      zhenggai.Date `json:"date"`
	ChairName string        `json:"chair_name"`
	Present   int           `json:"present"`
	Expected  int           `json:"expected"`
	Items     int           `json:"items"`
	TripleOne int           `json:"triple_one_items"`
	Sample    bool          `json:"sample,omitempty"`
}

// meetingListJSON answers GET /api/v1/meetings.
type meetingListJSON struct {
	UnitID   int64                 `json:"unit_id"`
	Year     int                   `json:"year,omitempty"`
	Type     string                `json:"type,omitempty"`
	Types    []string              `json:"types"`
	Books    []meetingBookJSON     `json:"books"`
	Meetings []meetingListItemJSON `json:"meetings"`
}

// ListMeetings is GET /api/v1/meetings?type=&year=: the caller's unit's
// books with their counts and the meetings of the type (all without),
// of the year (all without).
func (h *Handler) ListMeetings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	q := r.URL.Query()
	typ := strings.TrimSpace(q.Get("type"))
	year := 0
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 须为1949至2100之间的年份"))
			return
		}
		year = n
	}
	types, err := h.Store.MeetingTypes(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	books, err := h.Store.MeetingBooks(ctx, unitID, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Meetings(ctx, unitID, typ, year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := meetingListJSON{UnitID: unitID, Year: year, Type: typ, Types: types, Books: []meetingBookJSON{}, Meetings: []meetingListItemJSON{}}
	for _, b := range books {
		out.Books = append(out.Books, meetingBookJSON{b.Type, b.Meetings, b.Items, b.TripleOne, b.Elsewhere, b.Last})
	}
	for _, m := range list {
		out.Meetings = append(out.Meetings, meetingListItemJSON{ID: m.ID, Label: m.Label(), Type: m.Type, Book: m.Book, Number: m.Number,
			Date: m.Date, ChairName: m.ChairName, Present: m.Present, Expected: m.Expected, Items: m.Items, TripleOne: m.TripleOne, Sample: m.Sample})
	}
	writeJSON(w, http.StatusOK, out)
}

// meetingRequest is a meeting as a client sends it: persons by id or by
// name (a name two persons of the unit bear is a 422).
type meetingRequest struct {
	Type          string                `json:"type"`
	Book          string                `json:"book"`
	Number        int                   `json:"number"` // 0: the next of the book in the year
	Date          zhenggai.Date         `json:"date"`
	Place         string                `json:"place"`
	ChairID       int64                 `json:"chair_id"`
	ChairName     string                `json:"chair_name"`
	Recorder      string                `json:"recorder"`
	Attendance    []zhenggai.Attendance `json:"attendance"`
	NonMembers    string                `json:"non_members"`
	Items         []zhenggai.AgendaItem `json:"items"`
	MinutesSHA256 string                `json:"minutes_sha256"`
	MinutesName   string                `json:"minutes_name"`
	Note          string                `json:"note"`
}

type meetingUpdateRequest struct {
	meetingRequest
	Version int64 `json:"version"`
}

func (req *meetingRequest) apply(m *zhenggai.Meeting) {
	m.Type, m.Book, m.Number, m.Date, m.Place = req.Type, req.Book, req.Number, req.Date, req.Place
	m.ChairID, m.ChairName, m.Recorder, m.Attendance = req.ChairID, req.ChairName, req.Recorder, req.Attendance
	m.NonMembers, m.Items, m.MinutesSHA256, m.MinutesName, m.Note = req.NonMembers, req.Items, req.MinutesSHA256, req.MinutesName, req.Note
	for i := range m.Items {
		m.Items[i].ID = 0
	}
}

// CreateMeeting is POST /api/v1/meetings: a meeting of the caller's unit,
// whole.
func (h *Handler) CreateMeeting(w http.ResponseWriter, r *http.Request) {
	var req meetingRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	m := &zhenggai.Meeting{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(m)
	if err := h.Store.SaveMeeting(ctx, m); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeMeeting(w, r, http.StatusCreated, m.ID)
}

// GetMeeting is GET /api/v1/meetings/{id}.
func (h *Handler) GetMeeting(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeMeeting(w, r, http.StatusOK, id)
}

// UpdateMeeting is PUT /api/v1/meetings/{id}: the whole meeting replaced,
// at its current version.
func (h *Handler) UpdateMeeting(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req meetingUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.Meeting(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &zhenggai.ValidationError{}
	requireVersion(v, "version", req.Version)
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	m := &zhenggai.Meeting{ID: id, UnitID: stored.UnitID, Sample: stored.Sample, Version: req.Version}
	req.apply(m)
	if err := h.Store.SaveMeeting(ctx, m); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.Meeting(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeMeeting(w, r, http.StatusOK, id)
}

func (h *Handler) writeMeeting(w http.ResponseWriter, r *http.Request, status int, id int64) {
	m, err := h.Store.Meeting(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if m.Attendance == nil {
		m.Attendance = []zhenggai.Attendance{}
	}
	if m.Items == nil {
		m.Items = []zhenggai.AgendaItem{}
	}
	for i := range m.Items {
		if m.Items[i].Statements == nil {
			m.Items[i].Statements = []zhenggai.Statement{}
		}
	}
	writeJSON(w, status, m)
}

func init() {
	apiOps["GET /api/v1/meetings"] = apiOp{summary: "本单位的会议记录：各类会议记录本的会议次数、议题数、三重一大议题数，及所选类型、年度的会议",
		response: (*meetingListJSON)(nil), query: []apiParam{{"type", "string", "会议类型，不填为全部"}, {"year", "integer", "年度，不填为全部年度"}}}
	apiOps["POST /api/v1/meetings"] = apiOp{summary: "登记一次会议：应到人员及出席情况、议题（三重一大类别、大额资金金额）、按发言顺序的表态发言和决定事项；" +
		"number 不填则按该类会议当年顺序编号，已有的第几次为422；人员按 person_id 或姓名对应人员名册，同名两人为422",
		request: (*meetingRequest)(nil), response: (*zhenggai.Meeting)(nil), created: true}
	apiOps["GET /api/v1/meetings/{id}"] = apiOp{summary: "一次会议的完整记录", response: (*zhenggai.Meeting)(nil)}
	apiOps["PUT /api/v1/meetings/{id}"] = apiOp{summary: "修改会议记录（整条替换，须带当前 version）",
		request: (*meetingUpdateRequest)(nil), response: (*zhenggai.Meeting)(nil)}
	apiOps["POST /api/v1/meetings/{id}/void"] = apiOp{summary: "作废会议记录（须写明理由 reason）：不再出现在会议记录、导出和自查中，修改记录中保留作废人、时间和理由。未写理由为422，已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/meetings/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的会议记录；未作废为409", response: (*voidJSON)(nil)}
}
