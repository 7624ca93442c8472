package ui

import (
	"bytes"
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// retiredListPage is the data of retired_list.html: the unit's retired
// cadres' posts and re-employment, with what the rules look at.
type retiredListPage struct {
	Unit    *zhenggai.Unit
	Base    string
	Foreign bool
	List    []retiredRow
	// Held now, unfiled, paid in all.
	Held, Unfiled, Paid int
	ImportErrors        []string
}

type retiredRow struct {
	*zhenggai.RetiredPost
	Age  int  // on the last day held, or today
	Held bool // held today
}

// ListRetired shows the unit's retired cadres' posts.
func (h *Handler) ListRetired(w http.ResponseWriter, r *http.Request) {
	h.renderRetiredList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderRetiredList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "retired")
	if !ok {
		return
	}
	list, err := h.Store.RetiredPosts(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	d := &retiredListPage{Unit: u, Base: base, Foreign: base != "/retired", ImportErrors: importErrors}
	for _, p := range list {
		on := today
		if !p.To.IsZero() && p.To.Before(today) {
			on = p.To
		}
		row := retiredRow{RetiredPost: p, Age: p.AgeOn(on), Held: p.Holds(today)}
		if row.Held {
			d.Held++
		}
		if !p.Filed() || p.From.Before(p.FiledOn) {
			d.Unfiled++
		}
		if p.Pay > 0 {
			d.Paid++
		}
		d.List = append(d.List, row)
	}
	h.render(w, r, status, "retired_list", &page{Title: "退休干部兼职(返聘)情况", Nav: "retired", Data: d})
}

// ExportRetired writes the posts as the workbook the import reads.
func (h *Handler) ExportRetired(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "retired")
	if !ok {
		return
	}
	list, err := h.Store.RetiredPosts(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteRetiredPosts(&buf, u.Name+"退休干部兼职(返聘)情况", list); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "退休干部兼职(返聘)情况"), xlsx.MediaType, buf.Bytes())
}

// ImportRetiredFile imports a workbook of posts: all or nothing.
func (h *Handler) ImportRetiredFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/retired", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseRetiredPosts(ctx, f)
	if err == nil {
		err = h.Store.ImportRetiredPosts(ctx, unitID, im.Posts, im.Where, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderRetiredList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/retired", fmt.Sprintf("已导入兼职(返聘)记录%d条", len(im.Posts)))
}
