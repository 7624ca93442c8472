package ui

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// proposalStatsPage is the data of proposal_stats.html: a session's or a
// year's counts, every rate with its numerator and denominator, and the
// sentences a progress report uses.
type proposalStatsPage struct {
	Unit      *zhenggai.Unit
	Scope     store.ProposalScope
	Sessions  []string
	Years     []int
	Stats     zhenggai.ProposalStats
	Counts    []proposalCount
	Rates     []zhenggai.Rate
	Sentences string
	Query     string // ?session= or ?year= of the exports
	// Base is /proposals/stats, or /units/{id}/proposals/stats where the
	// inspection office reads a unit (no import offered there).
	Base         string
	ListBase     string // /proposals or /units/{id}/proposals
	Foreign      bool
	ImportErrors []string
}

// proposalCount is one line of the counts' table.
type proposalCount struct {
	Label string
	N     int
	Note  string
}

// proposalCounts are the counts as the page and the workbook list them.
func proposalCounts(s zhenggai.ProposalStats) []proposalCount {
	return []proposalCount{
		{"收到提案", s.Received, "已提交的提案（不含草稿、已作废）"},
		{"待审查", s.Pending, ""},
		{"不予立案", s.Rejected, ""},
		{"转意见建议或社情民意", s.Converted, "经提案者同意"},
		{"并案（并入他案）", s.Merged, "随主案办理，各自答复"},
		{"实际立案", s.Registered, "并案后"},
		{"已书面答复", s.Replied, "答复经提案委审核"},
		{"按期答复", s.OnTime, "交办后3个月内，或延期后的期限内"},
		{"A类答复", s.ClassA, ""},
		{"B类答复", s.ClassB, "跟踪落实至办结"},
		{"C类答复", s.ClassC, ""},
		{"已办结", s.Done, ""},
		{"收回征询意见表", s.Forms, "按提案计，联名提案以最不满意的一份为准"},
		{"满意", s.Satisfied, ""},
		{"基本满意", s.Basic, ""},
		{"不满意", s.Unsatisfied, "不满意的重新办理，以最后一轮为准"},
	}
}

// proposalScope reads ?session= or ?year=; without either, the latest
// session (else the latest year, else this year).
func (h *Handler) proposalScope(r *http.Request, sessions []string, years []int) (store.ProposalScope, string) {
	q := r.URL.Query()
	sc := store.ProposalScope{Session: zhenggai.Clip(strings.TrimSpace(q.Get("session")), 40)}
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2100 {
			return sc, "年度须为1949至2100之间的年份"
		}
		sc.Year = n
	}
	if sc.Session == "" && sc.Year == 0 {
		switch {
		case len(sessions) > 0:
			sc.Session = sessions[0]
		case len(years) > 0:
			sc.Year = years[0]
		default:
			sc.Year = h.today().Year()
		}
	}
	return sc, ""
}

// ShowProposalStats shows a session's or a year's proposal statistics.
func (h *Handler) ShowProposalStats(w http.ResponseWriter, r *http.Request) {
	h.renderProposalStats(w, r, http.StatusOK, nil)
}

func (h *Handler) proposalStatsData(w http.ResponseWriter, r *http.Request) (*proposalStatsPage, bool) {
	ctx := r.Context()
	u, base, ok := h.registerUnit(w, r, "proposals")
	if !ok {
		return nil, false
	}
	sessions, years, err := h.Store.ProposalSessions(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	sc, bad := h.proposalScope(r, sessions, years)
	if bad != "" {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "%s", bad))
		return nil, false
	}
	st, err := h.Store.ProposalCounts(ctx, u.ID, sc)
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	d := &proposalStatsPage{Unit: u, Scope: sc, Sessions: sessions, Years: years, Stats: st, Counts: proposalCounts(st),
		Rates: st.Rates(), Sentences: strings.Join(st.Sentences(), ""), Base: base + "/stats", ListBase: base, Foreign: base != "/proposals"}
	if sc.Year != 0 && !containsInt(d.Years, sc.Year) {
		d.Years = append([]int{sc.Year}, d.Years...)
	}
	if sc.Session != "" {
		d.Query = buildQuery("session", sc.Session)
	} else {
		d.Query = buildQuery("year", strconv.Itoa(sc.Year))
	}
	return d, true
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

func (h *Handler) renderProposalStats(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	d, ok := h.proposalStatsData(w, r)
	if !ok {
		return
	}
	d.ImportErrors = importErrors
	h.render(w, r, status, "proposal_stats", &page{Title: "提案统计", Nav: "proposals", Data: d})
}

// ExportProposalStats writes the statistics shown as a workbook: the
// counts, the rates with their counts, the sentences.
func (h *Handler) ExportProposalStats(w http.ResponseWriter, r *http.Request) {
	d, ok := h.proposalStatsData(w, r)
	if !ok {
		return
	}
	l := &xlsx.List{Sheet: "提案统计", Title: d.Unit.Name + d.Stats.Scope + "提案统计",
		Columns: []sheet.OutColumn{xlsx.Col("项目", 28), xlsx.Col("数量（件）", 10), xlsx.Col("比率", 10), xlsx.Col("分子", 8), xlsx.Col("分母", 8), xlsx.Col("口径", 40)}}
	for _, c := range d.Counts {
		l.Rows = append(l.Rows, []sheet.Cell{xlsx.Text(c.Label), xlsx.Num(c.N), xlsx.Text(""), xlsx.Text(""), xlsx.Text(""), xlsx.Text(c.Note)})
	}
	for _, rt := range d.Rates {
		l.Rows = append(l.Rows, []sheet.Cell{xlsx.Text(rt.Label), xlsx.Text(""), sheet.Ratio(rt.Num, rt.Den), xlsx.Num(rt.Num), xlsx.Num(rt.Den),
			xlsx.Text("按" + rt.DenName() + "计")})
	}
	for _, s := range d.Stats.Sentences() {
		l.Rows = append(l.Rows, []sheet.Cell{xlsx.Text("报告表述"), xlsx.Text(""), xlsx.Text(""), xlsx.Text(""), xlsx.Text(""), xlsx.Text(s)})
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", d.Unit.Name, d.Stats.Scope+"提案统计"), xlsx.MediaType, buf.Bytes())
}

// ExportProposalList writes the scope's proposals as the list the import
// reads (all proposals with ?all=1).
func (h *Handler) ExportProposalList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, _, ok := h.registerUnit(w, r, "proposals")
	if !ok {
		return
	}
	var sc store.ProposalScope
	if r.URL.Query().Get("all") == "" {
		sessions, years, err := h.Store.ProposalSessions(ctx, u.ID)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		var bad string
		if sc, bad = h.proposalScope(r, sessions, years); bad != "" {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "%s", bad))
			return
		}
	}
	rows, err := h.Store.ProposalsForSheet(ctx, u.ID, sc)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteProposals(&buf, u.Name+sc.Label()+"提案目录", rows); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, sc.Label()+"提案目录"), xlsx.MediaType, buf.Bytes())
}

// ImportProposalList imports an office's list of proposals into the
// unit's register: all or nothing; the statistics page shows why not.
func (h *Handler) ImportProposalList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, fh, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/proposals/stats", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的提案名单（Excel或CSV，不超过16MB）"))
		return
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(f); err != nil {
		h.fail(w, r, err)
		return
	}
	u, _, ok := h.registerUnit(w, r, "proposals")
	if !ok {
		return
	}
	im, err := xlsx.ParseProposals(ctx, bytes.NewReader(buf.Bytes()), fh.Filename)
	var res *store.ProposalImportResult
	if err == nil {
		res, err = h.Store.ImportProposals(ctx, &store.ProposalImport{UnitID: u.ID, FileName: fh.Filename,
			SHA256: fmt.Sprintf("%x", sha256.Sum256(buf.Bytes())), Rows: im.Rows})
	}
	if err != nil {
		if c := zhenggai.ErrorCode(err); c == zhenggai.EINVALID || c == zhenggai.ECONFLICT {
			lines := strings.Split(zhenggai.ErrorMessage(err), "\n")
			if len(lines) > 201 {
				lines = append(lines[:200], fmt.Sprintf("……共%d处", len(lines)))
			}
			h.renderProposalStats(w, r, http.StatusUnprocessableEntity, lines)
			return
		}
		h.fail(w, r, err)
		return
	}
	q := "/proposals/stats"
	if len(res.Sessions) == 1 && !strings.HasSuffix(res.Sessions[0], "平时提案") {
		q += buildQuery("session", res.Sessions[0])
	}
	redirect(w, r, q, res.String())
}
