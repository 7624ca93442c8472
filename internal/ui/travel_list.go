package ui

import (
	"bytes"
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/xlsx"
)

// travelListPage is the data of travel_list.html: the unit's ledger of
// private travel documents (《因私出国(境)登记备案人员管理台账》).
type travelListPage struct {
	Unit    *zhenggai.Unit
	Base    string // /travel, or /units/{id}/travel for the office
	Foreign bool
	List    []*zhenggai.TravelPerson
	// Documents held and out (领取未交回) in all.
	Documents, Held, Out int
	ImportErrors         []string
}

// ListTravel shows the unit's ledger.
func (h *Handler) ListTravel(w http.ResponseWriter, r *http.Request) {
	h.renderTravelList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderTravelList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "travel")
	if !ok {
		return
	}
	list, err := h.Store.TravelPersons(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &travelListPage{Unit: u, Base: base, Foreign: base != "/travel", List: list, ImportErrors: importErrors}
	for _, t := range list {
		for _, doc := range t.Documents {
			d.Documents++
			if !doc.HandedIn.IsZero() {
				d.Held++
			}
		}
		for _, m := range t.Moves {
			if m.Back.IsZero() {
				d.Out++
			}
		}
	}
	h.render(w, r, status, "travel_list", &page{Title: "因私出国(境)登记备案人员管理台账", Nav: "travel", Data: d})
}

// ExportTravel writes the ledger as the workbook the import reads.
func (h *Handler) ExportTravel(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "travel")
	if !ok {
		return
	}
	list, err := h.Store.TravelPersons(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteTravel(&buf, u.Name+"因私出国(境)登记备案人员管理台账", list); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "因私出国(境)登记备案人员管理台账"), xlsx.MediaType, buf.Bytes())
}

// ImportTravelFile imports a ledger workbook: all or nothing.
func (h *Handler) ImportTravelFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/travel", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	im, err := xlsx.ParseTravel(ctx, f)
	if err == nil {
		err = h.Store.ImportTravel(ctx, unitID, im.Persons, im.Where, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderTravelList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/travel", fmt.Sprintf("已导入登记备案人员%d名", len(im.Persons)))
}
