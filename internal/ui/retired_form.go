package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// A retired cadre's post: who (出生年月, former post), where and what, how
// (兼职/返聘), its approval and filing with the organisation department,
// term and pay.

const maxRetiredForm = 128 << 10

type retiredFormPage struct {
	Action  string
	P       *zhenggai.RetiredPost
	Kinds   []kindOption
	Pay     string // 元, as typed
	Message string
}

// NewRetired shows the form for a new post.
func (h *Handler) NewRetired(w http.ResponseWriter, r *http.Request) {
	p := &zhenggai.RetiredPost{UnitID: auth.UserFrom(r.Context()).UnitID, Kind: zhenggai.RetiredPartTime, Term: 1, From: h.today()}
	h.renderRetiredForm(w, r, http.StatusOK, p, "", nil, "")
}

// CreateRetired saves a new post.
func (h *Handler) CreateRetired(w http.ResponseWriter, r *http.Request) { h.postRetired(w, r, nil) }

// EditRetired shows a post's form.
func (h *Handler) EditRetired(w http.ResponseWriter, r *http.Request) {
	p, ok := h.retiredOf(w, r, false)
	if !ok {
		return
	}
	h.renderRetiredForm(w, r, http.StatusOK, p, "", nil, "")
}

// UpdateRetired saves a post if nobody saved it since.
func (h *Handler) UpdateRetired(w http.ResponseWriter, r *http.Request) {
	p, ok := h.retiredOf(w, r, false)
	if !ok {
		return
	}
	h.postRetired(w, r, p)
}

func (h *Handler) postRetired(w http.ResponseWriter, r *http.Request, stored *zhenggai.RetiredPost) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxRetiredForm)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "表单过大或不完整"))
		return
	}
	p := &zhenggai.RetiredPost{UnitID: auth.UserFrom(ctx).UnitID}
	if stored != nil {
		p.ID, p.UnitID, p.PersonID, p.Sample = stored.ID, stored.UnitID, stored.PersonID, stored.Sample
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
	p.Version, _ = strconv.ParseInt(get("version"), 10, 64)
	p.Name, p.FormerRank, p.Org, p.Post, p.Kind = get("name"), get("former_rank"), get("org"), get("post"), zhenggai.RetiredPostKind(get("kind"))
	p.ApprovedBy, p.FilingNo, p.Note = get("approved_by"), get("filing_no"), get("note")
	if b := get("born"); b != "" {
		// 出生年月: a month (1955-03) or a day.
		if d, err := zhenggai.ParseDate(b + "-01"); err == nil && len(b) == 7 {
			p.Born = d
		} else {
			p.Born = date("born", "出生年月")
		}
	}
	p.RetiredOn, p.ApprovedOn, p.FiledOn = date("retired_on", "退休时间"), date("approved_on", "审批日期"), date("filed_on", "备案日期")
	p.From, p.To = date("from", "任职起始日期"), date("to", "任职截止日期")
	if n, err := strconv.Atoi(get("term")); err == nil {
		p.Term = n
	} else if get("term") != "" {
		errs.Add("term", "届次须为整数")
	}
	pay := get("pay")
	if pay != "" {
		f, err := zhenggai.ParseYuan(pay)
		if err != nil {
			errs.Add("pay", "年报酬须为金额（元），不取酬填0")
		}
		p.Pay = f
	}
	if len(errs.Fields) == 0 {
		err := h.Store.SaveRetiredPost(ctx, p)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/retired/%d", p.ID), "已保存："+p.Name+" "+p.Org+p.Post)
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			msg := zhenggai.ErrorMessage(err)
			if stored != nil && !strings.Contains(msg, "作废") {
				msg = staleMessage
			}
			h.renderRetiredForm(w, r, http.StatusConflict, p, pay, errs, msg)
			return
		}
		v, ok := err.(*zhenggai.ValidationError)
		if !ok {
			h.fail(w, r, err)
			return
		}
		errs.Fields = append(errs.Fields, v.Fields...)
	}
	h.renderRetiredForm(w, r, http.StatusUnprocessableEntity, p, pay, errs, "")
}

func (h *Handler) renderRetiredForm(w http.ResponseWriter, r *http.Request, status int, p *zhenggai.RetiredPost, pay string, errs *zhenggai.ValidationError, message string) {
	d := &retiredFormPage{Action: "/retired", P: p, Pay: pay, Message: message}
	if p.ID != 0 {
		d.Action = fmt.Sprintf("/retired/%d", p.ID)
	}
	if pay == "" {
		d.Pay = p.Pay.Yuan()
	}
	for _, k := range zhenggai.RetiredPostKinds {
		d.Kinds = append(d.Kinds, kindOption{string(k), k.Label()})
	}
	title := "登记退休干部兼职(返聘)"
	if p.ID != 0 {
		title = "修改退休干部兼职(返聘)：" + p.Name
	}
	h.render(w, r, status, "retired_form", &page{Title: title, Nav: "retired", Data: d, Errors: errorsByField(errs)})
}

// retiredOf is the post {id}; a voided one only when allowed.
func (h *Handler) retiredOf(w http.ResponseWriter, r *http.Request, voided bool) (*zhenggai.RetiredPost, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	p, err := h.Store.RetiredPost(r.Context(), id)
	if err == nil && p.Voided && !voided {
		err = zhenggai.Errorf(zhenggai.ECONFLICT, "该记录已作废，不能修改；确需修改的，请单位管理员先恢复")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return p, true
}
