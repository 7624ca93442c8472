package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// archivesImported is what `register import archives` says it did.
type archivesImported struct {
	DryRun  bool `json:"dry_run"`
	Files   int  `json:"files"`
	Added   int  `json:"added"`
	Updated int  `json:"updated"`
	Paper   int  `json:"paper"` // documents recorded as paper originals (those already filed are kept)
}

func (a archivesImported) String() string {
	s := fmt.Sprintf("案卷%d卷（新增%d卷，更新%d卷），登记纸质存档材料%d项", a.Files, a.Added, a.Updated, a.Paper)
	if a.DryRun {
		return "检查通过（未写入）：" + s
	}
	return "已导入档案目录：" + s
}

// archiveCatalogueRows are a catalogue's rows as the store takes them.
func archiveCatalogueRows(rows []xlsx.ArchiveRow) []store.ArchiveCatalogueRow {
	out := make([]store.ArchiveCatalogueRow, len(rows))
	for i, r := range rows {
		out[i] = store.ArchiveCatalogueRow(r)
	}
	return out
}

func importArchives(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	kinds, err := st.ArchiveKinds(ctx, unit.ID)
	if err != nil {
		return nil, err
	}
	rows, err := xlsx.ParseArchives(ctx, r, kinds)
	if err != nil {
		return nil, err
	}
	sum := archivesImported{DryRun: dryRun, Files: len(rows)}
	for _, r := range rows {
		sum.Paper += len(r.Paper)
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	sum.Added, sum.Updated, err = st.ImportArchiveCatalogue(zhenggai.WithActor(ctx, a), unit.ID, archiveCatalogueRows(rows), dryRun)
	if err != nil {
		return nil, err
	}
	return sum, nil
}

func exportArchives(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	kinds, err := st.ArchiveKinds(ctx, unit.ID)
	if err != nil {
		return err
	}
	files, err := st.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: unit.ID})
	if err != nil {
		return err
	}
	return xlsx.WriteArchives(w, unit.Name+"档案目录", kinds, files)
}
