package ui

import (
	"bytes"
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// townshipRow is a township as the list shows it today.
type townshipRow struct {
	T       *zhenggai.Township
	Leader  *zhenggai.LiaisonPost // nil: vacant
	Vacancy string                // 空缺（自2018年3月起）
	Members []zhenggai.LiaisonPost
	// Invited counts this year's invitations by kind (InvitationKinds'
	// order), Total all of them.
	Invited []int
	Total   int
}

// townshipListPage is the data of township_list.html.
type townshipListPage struct {
	Unit         *zhenggai.Unit
	Base         string
	Foreign      bool
	Year         int
	Kinds        []kindOption
	Rows         []townshipRow
	Vacant       int
	ImportErrors []string
}

// ListTownships shows every township with its leader or the vacancy,
// its members and this year's invitations by kind.
func (h *Handler) ListTownships(w http.ResponseWriter, r *http.Request) {
	h.renderTownshipList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderTownshipList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "townships")
	if !ok {
		return
	}
	ts, err := h.Store.Townships(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	today := h.today()
	d := &townshipListPage{Unit: u, Base: base, Foreign: base != "/townships", Year: today.Year(), ImportErrors: importErrors}
	for _, k := range zhenggai.InvitationKinds {
		d.Kinds = append(d.Kinds, kindOption{string(k), k.Label()})
	}
	for _, t := range ts {
		row := townshipRow{T: t, Leader: t.LeaderOn(today), Members: t.MembersOn(today), Invited: make([]int, len(zhenggai.InvitationKinds))}
		if since, vacant := t.VacantSince(today); vacant {
			row.Vacancy = zhenggai.VacancyLabel(since)
			d.Vacant++
		}
		for _, in := range t.Invitations {
			if in.On.Year() != today.Year() {
				continue
			}
			for i, k := range zhenggai.InvitationKinds {
				if in.Kind == k {
					row.Invited[i]++
				}
			}
			row.Total++
		}
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, status, "township_list", &page{Title: "乡镇政协联络组", Nav: "townships", Data: d})
}

// ExportTownships writes the townships as the workbook the import reads.
func (h *Handler) ExportTownships(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "townships")
	if !ok {
		return
	}
	ts, err := h.Store.Townships(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteTownships(&buf, u.Name+"乡镇政协联络组", ts); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "乡镇政协联络组"), xlsx.MediaType, buf.Bytes())
}

// ImportTownshipsFile imports a townships' workbook: all or nothing.
func (h *Handler) ImportTownshipsFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/townships", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseTownships(ctx, f)
	if err == nil {
		err = h.Store.ImportTownships(ctx, unitID, im.Townships, im.Where, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderTownshipList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/townships", fmt.Sprintf("已导入乡镇政协联络组%d个", len(im.Townships)))
}
