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

// studyImported is what `register import study` says it did.
type studyImported struct {
	DryRun     bool     `json:"dry_run"`
	Checks     int      `json:"checks"`
	Pass       int      `json:"pass"`
	Incomplete int      `json:"incomplete"`
	None       int      `json:"none"`
	Warnings   []string `json:"warnings,omitempty"`
}

func (s studyImported) String() string {
	out := fmt.Sprintf("学习笔记检查%d人次，其中合格%d、记录不全%d、无笔记%d", s.Checks, s.Pass, s.Incomplete, s.None)
	if s.DryRun {
		out = "检查通过（未写入）：" + out
	} else {
		out = "已导入：" + out
	}
	if len(s.Warnings) > 0 {
		out += "\n注意：" + strings.Join(s.Warnings, "\n注意：")
	}
	return out
}

func importStudy(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseNotesChecks(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := studyImported{DryRun: dryRun, Checks: len(im.Checks), Warnings: im.Warnings}
	for _, c := range im.Checks {
		switch c.Result {
		case zhenggai.NotesPass:
			sum.Pass++
		case zhenggai.NotesIncomplete:
			sum.Incomplete++
		case zhenggai.NotesNone:
			sum.None++
		}
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportNotesChecks(zhenggai.WithActor(ctx, a), unit.ID, im.Checks, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportStudy(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	cs, err := st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unit.ID})
	if err != nil {
		return err
	}
	return xlsx.WriteNotesChecks(w, unit.Name+"学习笔记检查登记表", cs)
}
