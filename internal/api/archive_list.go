package api

import (
	"context"
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// archiveFileJSON is a file with what it lacks against its kind.
type archiveFileJSON struct {
	*zhenggai.ArchiveFile
	Label    string   `json:"label"`
	Complete bool     `json:"complete"`
	Missing  []string `json:"missing"` // required documents not filed
	Defects  []string `json:"defects"` // documents filed incomplete
}

// archiveListJSON answers GET /api/v1/archives.
type archiveListJSON struct {
	UnitID int64                  `json:"unit_id"`
	Kinds  []zhenggai.ArchiveKind `json:"kinds"`
	Files  []archiveFileJSON      `json:"files"`
}

func archiveOut(f *zhenggai.ArchiveFile, kinds []zhenggai.ArchiveKind) archiveFileJSON {
	k, _ := zhenggai.ArchiveKindOf(kinds, f.Kind)
	m, d := f.Gaps(k)
	if m == nil {
		m = []string{}
	}
	if d == nil {
		d = []string{}
	}
	if f.Documents == nil {
		f.Documents = []zhenggai.ArchiveDocument{}
	}
	return archiveFileJSON{ArchiveFile: f, Label: f.Label(k), Complete: len(m)+len(d) == 0, Missing: m, Defects: d}
}

// ListArchives is GET /api/v1/archives[?kind=&year=]: the caller's unit's
// kinds of file and its files with what each lacks.
func (h *Handler) ListArchives(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	q := store.ArchiveFileQuery{UnitID: unitID, Kind: r.URL.Query().Get("kind")}
	if s := r.URL.Query().Get("year"); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1949 || y > 2200 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.EINVALID, "year 应为四位年份，如 2019"))
			return
		}
		q.Year = y
	}
	kinds, err := h.Store.ArchiveKinds(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	files, err := h.Store.ArchiveFiles(ctx, q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := archiveListJSON{UnitID: unitID, Kinds: kinds, Files: []archiveFileJSON{}}
	for _, f := range files {
		out.Files = append(out.Files, archiveOut(f, kinds))
	}
	writeJSON(w, http.StatusOK, out)
}

// archiveRequest is a file's own fields as a client sends them; its
// documents are filed one by one (POST …/documents).
type archiveRequest struct {
	Kind    string        `json:"kind"`
	Year    int           `json:"year"`
	Holder  string        `json:"holder"`
	Title   string        `json:"title"`
	EventOn zhenggai.Date `json:"event_on"`
	Note    string        `json:"note"`
}

type archiveUpdateRequest struct {
	archiveRequest
	Version int64 `json:"version"`
}

func (req *archiveRequest) apply(f *zhenggai.ArchiveFile) {
	f.Kind, f.Year, f.Holder, f.Title, f.EventOn, f.Note = req.Kind, req.Year, req.Holder, req.Title, req.EventOn, req.Note
}

// CreateArchive is POST /api/v1/archives.
func (h *Handler) CreateArchive(w http.ResponseWriter, r *http.Request) {
	var req archiveRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	f := &zhenggai.ArchiveFile{UnitID: auth.UserFrom(ctx).UnitID}
	req.apply(f)
	if err := h.Store.SaveArchiveFile(ctx, f); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeArchive(w, r, http.StatusCreated, f.ID)
}

// GetArchive is GET /api/v1/archives/{id}.
func (h *Handler) GetArchive(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	h.writeArchive(w, r, http.StatusOK, id)
}

// UpdateArchive is PUT /api/v1/archives/{id}: the file's own fields at
// its current version.
func (h *Handler) UpdateArchive(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	var req archiveUpdateRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.ArchiveFile(ctx, id)
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
	f := &zhenggai.ArchiveFile{ID: id, UnitID: stored.UnitID, Sample: stored.Sample, Version: req.Version}
	req.apply(f)
	if err := h.Store.SaveArchiveFile(ctx, f); err != nil {
		h.failSave(w, r, err, req.Version, func(ctx context.Context) (any, int64, error) {
			cur, err := h.Store.ArchiveFile(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			return cur, cur.Version, nil
		})
		return
	}
	h.writeArchive(w, r, http.StatusOK, id)
}

func (h *Handler) writeArchive(w http.ResponseWriter, r *http.Request, status int, id int64) {
	f, err := h.Store.ArchiveFile(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	kinds, err := h.Store.ArchiveKinds(r.Context(), f.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, status, archiveOut(f, kinds))
}

// archiveKindRequest is one kind as a client sends it: the kind of its
// code is changed (a default saved for the first time), a new code is a
// new kind.
type archiveKindRequest struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Documents []string `json:"documents"`
	Yearly    bool     `json:"yearly"`
	PerHolder bool     `json:"per_holder"`
	Holders   []string `json:"holders"`
	Since     int      `json:"since"`
	Seq       int      `json:"seq"`
	Version   int64    `json:"version"`
}

// SaveArchiveKind is PUT /api/v1/archives/kinds.
func (h *Handler) SaveArchiveKind(w http.ResponseWriter, r *http.Request) {
	var req archiveKindRequest
	if !h.decode(w, r, &req) {
		return
	}
	ctx := r.Context()
	unitID := auth.UserFrom(ctx).UnitID
	kinds, err := h.Store.ArchiveKinds(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	k := zhenggai.ArchiveKind{UnitID: unitID, Code: req.Code, Name: req.Name, Documents: req.Documents, Yearly: req.Yearly,
		PerHolder: req.PerHolder, Holders: req.Holders, Since: req.Since, Seq: req.Seq, Version: req.Version}
	if old, ok := zhenggai.ArchiveKindOf(kinds, req.Code); ok && old.ID != 0 {
		k.ID = old.ID
	}
	if err := h.Store.SaveArchiveKind(ctx, &k); err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, k)
}

func init() {
	apiOps["GET /api/v1/archives"] = apiOp{summary: "本单位的档案类别（每类应有的材料、是否每年建立）和案卷（可按 kind、year 筛选），每卷列出缺失的材料和不完整的材料",
		response: (*archiveListJSON)(nil)}
	apiOps["POST /api/v1/archives"] = apiOp{summary: "登记一卷档案（类别、年度、所属支部、题名、事项日期）；按事项立卷的须有事项日期，按年建立的每年（每个支部）一卷",
		request: (*archiveRequest)(nil), response: (*archiveFileJSON)(nil), created: true}
	apiOps["GET /api/v1/archives/{id}"] = apiOp{summary: "一卷档案及其已登记的材料和缺失情况", response: (*archiveFileJSON)(nil)}
	apiOps["PUT /api/v1/archives/{id}"] = apiOp{summary: "修改案卷本身（须带当前 version）；材料另行登记", request: (*archiveUpdateRequest)(nil),
		response: (*archiveFileJSON)(nil)}
	apiOps["POST /api/v1/archives/{id}/void"] = apiOp{summary: "作废案卷（须写明理由 reason）；已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/archives/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的案卷；未作废为409", response: (*voidJSON)(nil)}
	apiOps["PUT /api/v1/archives/kinds"] = apiOp{summary: "保存一个档案类别（按 code：已有的为修改，默认类别首次保存，新代码为新增）",
		request: (*archiveKindRequest)(nil), response: (*zhenggai.ArchiveKind)(nil)}
}
