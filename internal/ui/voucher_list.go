package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// voucherPageSize is how many vouchers a list page shows.
const voucherPageSize = 50

// voucherList is the data of voucher_list.html.
type voucherList struct {
	Unit    *zhenggai.Unit
	Base    string // /vouchers, or /units/{id}/vouchers
	Periods []store.PeriodCount
	Page    *store.VoucherPage
	Query   string // the filters, for the export and the pages
	From    int    // the first row's 序号
	Prev    string
	Next    string
	// The account prefixes a voucher's expense is read from.
	Expense, Budget string
}

// voucherUnit is the unit a vouchers page is about: the route's {id}
// (/units/{id}/vouchers) or the user's own (/vouchers).
func (h *Handler) voucherUnit(w http.ResponseWriter, r *http.Request) (*zhenggai.Unit, string, bool) {
	return h.registerUnit(w, r, "vouchers")
}

// registerUnit is the unit whose register (vouchers, meetings, dues) a
// page shows, with the page's path: the one in the path
// (/units/{id}/meetings, the route's guard checked it) or the user's
// (/meetings).
func (h *Handler) registerUnit(w http.ResponseWriter, r *http.Request, register string) (*zhenggai.Unit, string, bool) {
	id := int64(0)
	base := "/" + register
	if r.PathValue("id") != "" {
		var ok bool
		if id, ok = h.pathID(w, r); !ok {
			return nil, "", false
		}
		base = fmt.Sprintf("/units/%d/%s", id, register)
	} else if u := auth.UserFrom(r.Context()); u != nil {
		id = u.UnitID
	}
	u, err := h.Store.Unit(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, "", false
	}
	return u, base, true
}

// voucherQuery reads the list's filters: 期间, 凭证字号, 摘要 keyword,
// amount at least, 无审核人, 无附单据, page. A filter that cannot be read
// is named.
func voucherQuery(v url.Values, unitID int64) (store.VoucherQuery, map[string]string) {
	q := store.VoucherQuery{UnitID: unitID, Period: strings.TrimSpace(v.Get("period")), Keyword: zhenggai.Clip(strings.TrimSpace(v.Get("q")), 100),
		NoApprover: v.Get("noapprover") != "", NoAttachments: v.Get("noattach") != "", Limit: voucherPageSize}
	errs := map[string]string{}
	if ref := strings.TrimSpace(v.Get("ref")); ref != "" {
		word, n, ok := xlsx.ParseVoucherRef(ref)
		if ok {
			q.Word, q.Number = word, n
		} else {
			errs["ref"] = "凭证字号应写作 记-15 或 记字第15号"
		}
	}
	if s := strings.TrimSpace(v.Get("min")); s != "" {
		f, err := zhenggai.ParseYuan(s)
		if err != nil {
			errs["min"] = "金额应为元，如 50000 或 1,260.50"
		} else {
			q.MinAmount = f
		}
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil && p > 1 && p < 1_000_000 {
		q.Offset = (p - 1) * voucherPageSize
	}
	return q, errs
}

// voucherFilters is the filters as a query string, without the page.
func voucherFilters(v url.Values) string {
	out := url.Values{}
	for _, k := range []string{"period", "ref", "q", "min", "noapprover", "noattach"} {
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			out.Set(k, s)
		}
	}
	return out.Encode()
}

// ListVouchers shows a unit's vouchers by period, filtered, with totals.
func (h *Handler) ListVouchers(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.voucherUnit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	vals := r.URL.Query()
	q, errs := voucherQuery(vals, u.ID)
	d := &voucherList{Unit: u, Base: base, Query: voucherFilters(vals), Page: &store.VoucherPage{}}
	var err error
	if d.Periods, err = h.Store.VoucherPeriods(ctx, u.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	exp, bud, err := h.Store.VoucherPrefixes(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Expense, d.Budget = strings.Join(exp, ","), strings.Join(bud, ",")
	if len(errs) == 0 {
		if d.Page, err = h.Store.Vouchers(ctx, q); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	d.From = q.Offset + 1
	link := func(page int) string {
		s := d.Query
		if s != "" {
			s += "&"
		}
		return base + "?" + s + "page=" + strconv.Itoa(page)
	}
	pageNo := q.Offset/voucherPageSize + 1
	if pageNo > 1 {
		d.Prev = link(pageNo - 1)
	}
	if q.Offset+len(d.Page.Vouchers) < d.Page.Total {
		d.Next = link(pageNo + 1)
	}
	form := map[string]string{}
	for _, k := range []string{"period", "ref", "q", "min", "noapprover", "noattach"} {
		form[k] = vals.Get(k)
	}
	h.render(w, r, http.StatusOK, "voucher_list", &page{Title: "财务凭证", Nav: "vouchers", Data: d, Form: form, Errors: errs})
}

// maxVoucherExport bounds the rows of a list's export: a sheet holds a
// million, a filtered list is far less.
const maxVoucherExport = 200_000

// ExportVouchers is the filtered list as a workbook, with 序号.
func (h *Handler) ExportVouchers(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.voucherUnit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q, errs := voucherQuery(r.URL.Query(), u.ID)
	if len(errs) > 0 {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "筛选条件有误：%s", strings.Join(mapValues(errs), "；")))
		return
	}
	out := &xlsx.List{Sheet: "财务凭证", Title: u.Name + "财务凭证",
		Columns: []sheet.OutColumn{xlsx.Col("会计期间", 10), xlsx.Col("日期", 14), xlsx.Col("凭证字号", 10), xlsx.Col("摘要", 30),
			xlsx.Col("借方合计（元）", 14), xlsx.Col("附单据数", 8), xlsx.Col("制单人", 8), xlsx.Col("审核人", 8), xlsx.Col("记账人", 8),
			xlsx.Col("关联决策", 10)}}
	q.Offset, q.Limit = 0, 1000
	for {
		p, err := h.Store.Vouchers(ctx, q)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, v := range p.Vouchers {
			linked := ""
			if v.DecisionItemID != 0 {
				linked = "已关联"
			}
			out.Rows = append(out.Rows, []sheet.Cell{xlsx.Label(v.Period), sheet.Day(v.Date), xlsx.Label(v.Ref()), xlsx.Text(v.Summary),
				sheet.Yuan(int64(v.Debit)), xlsx.Num(v.Attachments), xlsx.Label(v.Maker), xlsx.Label(v.Approver),
				xlsx.Label(v.Poster), xlsx.Label(linked)})
		}
		q.Offset += len(p.Vouchers)
		if len(p.Vouchers) < q.Limit || q.Offset >= p.Total {
			break
		}
		if q.Offset >= maxVoucherExport {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "所选凭证超过%d张，请按会计期间分别导出", maxVoucherExport))
			return
		}
	}
	h.sendList(w, r, out, u.Name, "财务凭证")
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// maxPrefixForm bounds the prefixes form's body.
const maxPrefixForm = 4 << 10

// SaveVoucherPrefixes sets which accounts a voucher's expense is read
// from (费用类, else 预算支出类 account code prefixes).
func (h *Handler) SaveVoucherPrefixes(w http.ResponseWriter, r *http.Request) {
	u, base, ok := h.voucherUnit(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxPrefixForm)
	err := h.Store.SaveVoucherPrefixes(r.Context(), u.ID, r.PostFormValue("expense_prefixes"), r.PostFormValue("budget_prefixes"))
	if err != nil {
		if zhenggai.ErrorCode(err) == zhenggai.EINVALID {
			redirectRefused(w, r, base, "保存支出科目", err)
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, base, "已保存支出金额的科目设置")
}
