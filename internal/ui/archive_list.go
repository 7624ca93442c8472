package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// archiveRow is one line of the archive list: a file with its
// completeness, or a year a yearly kind has no file for (File nil).
type archiveRow struct {
	Year    int
	Holder  string
	File    *zhenggai.ArchiveFile
	Label   string
	Held    int // documents filed (whole or not)
	Missing []string
	Defects []string
}

// archiveKindBlock is a kind with its rows.
type archiveKindBlock struct {
	Kind    zhenggai.ArchiveKind
	Rows    []archiveRow
	Whole   int // files complete
	Lacking int // years without a file
}

// archiveListPage is the data of archive_list.html.
type archiveListPage struct {
	Unit         *zhenggai.Unit
	Base         string
	Foreign      bool
	Year         int // the year shown, 0: all
	Years        []int
	From, To     int
	Kinds        []archiveKindBlock
	ImportErrors []string
}

// ListArchives shows the archive by kind and year: each file with a mark
// of completeness (齐全, 缺N项), and for a yearly kind each year (each
// branch's) without a file, from the archive's first year to this one.
func (h *Handler) ListArchives(w http.ResponseWriter, r *http.Request) {
	h.renderArchiveList(w, r, http.StatusOK, nil)
}

func (h *Handler) renderArchiveList(w http.ResponseWriter, r *http.Request, status int, importErrors []string) {
	u, base, ok := h.registerUnit(w, r, "archives")
	if !ok {
		return
	}
	ctx := r.Context()
	kinds, err := h.Store.ArchiveKinds(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	files, err := h.Store.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: u.ID})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &archiveListPage{Unit: u, Base: base, Foreign: base != "/archives", ImportErrors: importErrors, To: h.today().Year()}
	for _, f := range files {
		if d.From == 0 || f.Year < d.From {
			d.From = f.Year
		}
		d.To = max(d.To, f.Year)
	}
	if d.From == 0 {
		d.From = d.To
	}
	for y := d.To; y >= d.From; y-- {
		d.Years = append(d.Years, y)
	}
	if y, err := parseYear(r.URL.Query().Get("year")); err == nil && slices.Contains(d.Years, y) {
		d.Year = y
	}
	for _, k := range kinds {
		d.Kinds = append(d.Kinds, archiveBlock(k, files, d.From, d.To, d.Year))
	}
	h.render(w, r, status, "archive_list", &page{Title: "档案管理", Nav: "archives", Data: d})
}

func parseYear(s string) (int, error) {
	var y int
	_, err := fmt.Sscanf(s, "%d", &y)
	return y, err
}

// archiveBlock lays out kind k's files of years from..to (only year when
// not 0): for a yearly kind a row per year and holder, a missing file
// its own row.
func archiveBlock(k zhenggai.ArchiveKind, files []*zhenggai.ArchiveFile, from, to, year int) archiveKindBlock {
	b := archiveKindBlock{Kind: k}
	row := func(f *zhenggai.ArchiveFile) archiveRow {
		m, def := f.Gaps(k)
		held := 0
		for _, s := range k.Documents {
			if st, _ := f.Slot(s); st != zhenggai.SlotMissing {
				held++
			}
		}
		if len(m)+len(def) == 0 {
			b.Whole++
		}
		return archiveRow{Year: f.Year, Holder: f.Holder, File: f, Label: f.Label(k), Held: held, Missing: m, Defects: def}
	}
	var mine []*zhenggai.ArchiveFile
	holders := slices.Clone(k.Holders)
	for _, f := range files {
		if f.Kind == k.Code {
			mine = append(mine, f)
			if k.PerHolder && !slices.Contains(holders, f.Holder) {
				holders = append(holders, f.Holder)
			}
		}
	}
	if !k.Yearly {
		for _, f := range mine {
			if year == 0 || f.Year == year {
				b.Rows = append(b.Rows, row(f))
			}
		}
		return b
	}
	if len(holders) == 0 {
		holders = []string{""}
	}
	for y := to; y >= max(from, k.Since); y-- {
		if year != 0 && y != year {
			continue
		}
		for _, h := range holders {
			found := false
			for _, f := range mine {
				if f.Year == y && (!k.PerHolder || f.Holder == h) {
					b.Rows = append(b.Rows, row(f))
					found = true
				}
			}
			if !found {
				b.Lacking++
				b.Rows = append(b.Rows, archiveRow{Year: y, Holder: h, Label: fmt.Sprintf("%d年%s%s", y, k.Name, holderLabel(h))})
			}
		}
	}
	return b
}

func holderLabel(h string) string {
	if h == "" {
		return ""
	}
	return "（" + h + "）"
}

// ExportArchives writes the catalogue (档案目录) the import reads.
func (h *Handler) ExportArchives(w http.ResponseWriter, r *http.Request) {
	u, _, ok := h.registerUnit(w, r, "archives")
	if !ok {
		return
	}
	kinds, err := h.Store.ArchiveKinds(r.Context(), u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	files, err := h.Store.ArchiveFiles(r.Context(), store.ArchiveFileQuery{UnitID: u.ID})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.WriteArchives(&buf, u.Name+"档案目录", kinds, files); err != nil {
		h.fail(w, r, err)
		return
	}
	sendFile(w, xlsx.FileName(h.today(), ".xlsx", u.Name, "档案目录"), xlsx.MediaType, buf.Bytes())
}

// ImportArchivesFile imports a catalogue: all or nothing.
func (h *Handler) ImportArchivesFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	r.Body = http.MaxBytesReader(w, r.Body, 16<<20)
	f, _, err := r.FormFile("file")
	if err != nil {
		redirectRefused(w, r, "/archives", "未能导入", zhenggai.Errorf(zhenggai.EINVALID, "请选择要导入的Excel文件（不超过16MB）"))
		return
	}
	defer f.Close()
	kinds, err := h.Store.ArchiveKinds(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rows, err := xlsx.ParseArchives(ctx, f, kinds)
	added, updated := 0, 0
	if err == nil {
		in := make([]store.ArchiveCatalogueRow, len(rows))
		for i, row := range rows {
			in[i] = store.ArchiveCatalogueRow(row)
		}
		added, updated, err = h.Store.ImportArchiveCatalogue(ctx, unitID, in, false)
	}
	if lines := importRefusalLines(err); lines != nil {
		h.renderArchiveList(w, r, http.StatusUnprocessableEntity, lines)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/archives", fmt.Sprintf("已导入档案目录：新增案卷%d卷，更新%d卷", added, updated))
}
