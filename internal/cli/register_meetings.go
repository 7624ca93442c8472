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

// meetingsImported is what `register import meetings` says it did.
type meetingsImported struct {
	DryRun     bool     `json:"dry_run"`
	Meetings   int      `json:"meetings"`
	Items      int      `json:"items"`
	Statements int      `json:"statements"`
	Warnings   []string `json:"warnings,omitempty"`
}

func (m meetingsImported) String() string {
	s := fmt.Sprintf("会议%d次，议题%d项，表态发言%d条", m.Meetings, m.Items, m.Statements)
	if m.DryRun {
		s = "检查通过（未写入）：" + s
	} else {
		s = "已导入会议记录：" + s
	}
	if len(m.Warnings) > 0 {
		s += "\n注意：" + strings.Join(m.Warnings, "\n注意：")
	}
	return s
}

func importMeetings(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseMeetings(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := meetingsImported{DryRun: dryRun, Meetings: len(im.Meetings), Warnings: im.Warnings}
	for _, m := range im.Meetings {
		sum.Items += len(m.Items)
		for _, it := range m.Items {
			sum.Statements += len(it.Statements)
		}
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportMeetings(zhenggai.WithActor(ctx, a), unit.ID, im.Meetings, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportMeetings(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ms, err := st.MeetingsWhole(ctx, unit.ID, "", 0)
	if err != nil {
		return err
	}
	return xlsx.WriteMeetings(w, unit.Name+"会议记录", ms)
}
