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

// townshipsImported is what `register import townships` says it did.
type townshipsImported struct {
	DryRun      bool     `json:"dry_run"`
	Townships   int      `json:"townships"`
	Vacant      int      `json:"vacant"` // without a leader today
	Posts       int      `json:"posts"`
	Invitations int      `json:"invitations"`
	Warnings    []string `json:"warnings,omitempty"`
}

func (t townshipsImported) String() string {
	s := fmt.Sprintf("乡镇%d个（联络组长空缺%d个），任职记录%d条，受邀活动%d次", t.Townships, t.Vacant, t.Posts, t.Invitations)
	if t.DryRun {
		s = "检查通过（未写入）：" + s
	} else {
		s = "已导入乡镇政协联络组：" + s
	}
	if len(t.Warnings) > 0 {
		s += "\n注意：" + strings.Join(t.Warnings, "\n注意：")
	}
	return s
}

func importTownships(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseTownships(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := townshipsImported{DryRun: dryRun, Townships: len(im.Townships), Warnings: im.Warnings}
	today := zhenggai.Today()
	for _, t := range im.Townships {
		sum.Posts += len(t.Posts)
		sum.Invitations += len(t.Invitations)
		if _, vacant := t.VacantSince(today); vacant {
			sum.Vacant++
		}
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportTownships(zhenggai.WithActor(ctx, a), unit.ID, im.Townships, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportTownships(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ts, err := st.Townships(ctx, unit.ID)
	if err != nil {
		return err
	}
	return xlsx.WriteTownships(w, unit.Name+"乡镇政协联络组", ts)
}
