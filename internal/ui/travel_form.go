package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// The ledger line's form: the person and when he came into scope, his
// registration, one row per kind of document, his trips and the
// documents' taking out and return, with blank rows to add.

// maxTravelForm bounds the form's body; maxTravelRows the rows read.
const (
	maxTravelForm = 512 << 10
	maxTravelRows = 500
)

type travelFormPage struct {
	Action string
	T      *zhenggai.TravelPerson
	Docs   []travelDocRow
	Trips  []zhenggai.TravelTrip
	Moves  []zhenggai.TravelMove
	Kinds  []kindOption
	// Message is a conflict or other refusal shown above the form;
	// RowErrors what is wrong in the rows of documents, trips and moves.
	Message   string
	RowErrors []string
}

// travelDocRow is one kind of document's row of the form.
type travelDocRow struct {
	Kind  zhenggai.TravelDocKind
	Label string
	D     zhenggai.TravelDocument
}

// NewTravel shows the form for a new line.
func (h *Handler) NewTravel(w http.ResponseWriter, r *http.Request) {
	t := &zhenggai.TravelPerson{UnitID: auth.UserFrom(r.Context()).UnitID, ScopeFrom: h.today(), RegisteredOn: h.today()}
	h.renderTravelForm(w, r, http.StatusOK, t, nil, "")
}

// CreateTravel saves a new line.
func (h *Handler) CreateTravel(w http.ResponseWriter, r *http.Request) { h.postTravel(w, r, nil) }

// EditTravel shows a line's form.
func (h *Handler) EditTravel(w http.ResponseWriter, r *http.Request) {
	t, ok := h.travelOf(w, r, false)
	if !ok {
		return
	}
	h.renderTravelForm(w, r, http.StatusOK, t, nil, "")
}

// UpdateTravel saves a line if nobody saved it since.
func (h *Handler) UpdateTravel(w http.ResponseWriter, r *http.Request) {
	t, ok := h.travelOf(w, r, false)
	if !ok {
		return
	}
	h.postTravel(w, r, t)
}

func (h *Handler) postTravel(w http.ResponseWriter, r *http.Request, stored *zhenggai.TravelPerson) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxTravelForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	t := &zhenggai.TravelPerson{UnitID: auth.UserFrom(ctx).UnitID}
	if stored != nil {
		t.ID, t.UnitID, t.PersonID, t.Sample = stored.ID, stored.UnitID, stored.PersonID, stored.Sample
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
	count := func(k string) int {
		n, _ := strconv.Atoi(get(k))
		return min(max(n, 0), maxTravelRows)
	}
	t.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	t.Name, t.Rank, t.Note, t.ByHand = get("name"), get("rank"), get("note"), get("by_hand") != ""
	t.ScopeFrom, t.RegisteredOn = date("scope_from", "纳入管理日期"), date("registered_on", "登记备案日期")
	for _, k := range zhenggai.TravelDocKinds {
		f := "doc." + string(k)
		number := get(f + ".number")
		issued, in := date(f+".issued_on", k.Label()+"的签发日期"), date(f+".handed_in", k.Label()+"的交存日期")
		if number == "" && issued.IsZero() && in.IsZero() {
			continue
		}
		t.Documents = append(t.Documents, zhenggai.TravelDocument{Kind: k, Number: number, IssuedOn: issued, HandedIn: in})
	}
	for i := range count("trips_n") {
		f := fmt.Sprintf("trips.%d.", i)
		tr := zhenggai.TravelTrip{Destination: get(f + "destination"), Reason: get(f + "reason"), ApprovedBy: get(f + "approved_by"),
			Document: zhenggai.TravelDocKind(get(f + "document"))}
		tr.Seq = i + 1 // the row's number, as the moves name it
		tr.From, tr.To, tr.ApprovedOn = date(f+"from", "出发日期"), date(f+"to", "返回日期"), date(f+"approved_on", "审批日期")
		if tr.Destination == "" && tr.From.IsZero() && tr.To.IsZero() {
			continue
		}
		t.Trips = append(t.Trips, tr)
	}
	for i := range count("moves_n") {
		f := fmt.Sprintf("moves.%d.", i)
		m := zhenggai.TravelMove{Document: zhenggai.TravelDocKind(get(f + "document")), Note: get(f + "note")}
		m.Trip, _ = strconv.Atoi(get(f + "trip"))
		m.Out, m.Back = date(f+"out", "领取日期"), date(f+"back", "交回日期")
		if m.Out.IsZero() && m.Back.IsZero() {
			continue
		}
		t.Moves = append(t.Moves, m)
	}
	if len(errs.Fields) == 0 {
		err := h.Store.SaveTravelPerson(ctx, t)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/travel/%d", t.ID), "已保存："+t.Name)
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if stored != nil && !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderTravelForm(w, r, http.StatusConflict, t, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderTravelForm(w, r, http.StatusUnprocessableEntity, t, errs, "")
}

func (h *Handler) renderTravelForm(w http.ResponseWriter, r *http.Request, status int, t *zhenggai.TravelPerson, errs *zhenggai.ValidationError, message string) {
	d := &travelFormPage{Action: "/travel", T: t, Message: message}
	if errs != nil {
		for _, f := range errs.Fields {
			if strings.Contains(f.Field, ".") {
				d.RowErrors = append(d.RowErrors, f.Message)
			}
		}
	}
	if t.ID != 0 {
		d.Action = fmt.Sprintf("/travel/%d", t.ID)
	}
	for _, k := range zhenggai.TravelDocKinds {
		row := travelDocRow{Kind: k, Label: k.Label()}
		if doc := t.Document(k); doc != nil {
			row.D = *doc
		}
		d.Docs = append(d.Docs, row)
		d.Kinds = append(d.Kinds, kindOption{string(k), k.Label()})
	}
	// Trips numbered by their rows, the moves naming them so; two blank
	// rows to add a trip or a move.
	renum := map[int]int{}
	for i, tr := range t.Trips {
		renum[tr.Seq] = i + 1
		tr.Seq = i + 1
		d.Trips = append(d.Trips, tr)
	}
	for _, m := range t.Moves {
		if n, ok := renum[m.Trip]; ok {
			m.Trip = n
		}
		d.Moves = append(d.Moves, m)
	}
	d.Trips = append(d.Trips, zhenggai.TravelTrip{}, zhenggai.TravelTrip{})
	d.Moves = append(d.Moves, zhenggai.TravelMove{}, zhenggai.TravelMove{})
	title := "登记因私出国(境)管理人员"
	if t.ID != 0 {
		title = "修改因私出国(境)登记备案：" + t.Name
	}
	h.render(w, r, status, "travel_form", &page{Title: title, Nav: "travel", Data: d, Errors: errorsByField(errs)})
}
