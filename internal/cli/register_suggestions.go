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

// suggestionsImported is what `register import suggestions` says it did.
type suggestionsImported struct {
	DryRun      bool     `json:"dry_run"`
	Suggestions int      `json:"suggestions"`
	Micro       int      `json:"micro"`
	SQMY        int      `json:"sqmy"`
	Adopted     int      `json:"adopted"`
	Warnings    []string `json:"warnings,omitempty"`
}

func (s suggestionsImported) String() string {
	out := fmt.Sprintf("微建议%d条，社情民意信息%d条，其中被采用%d条", s.Micro, s.SQMY, s.Adopted)
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

func importSuggestions(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseSuggestions(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := suggestionsImported{DryRun: dryRun, Suggestions: len(im.Suggestions), Warnings: im.Warnings}
	for _, s := range im.Suggestions {
		var c zhenggai.SuggestionCount
		c.Add(s)
		sum.Micro += c.Micro
		sum.SQMY += c.SQMY
		sum.Adopted += c.All
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportSuggestions(zhenggai.WithActor(ctx, a), unit.ID, im.Suggestions, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportSuggestions(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ss, err := st.Suggestions(ctx, store.SuggestionQuery{UnitID: unit.ID})
	if err != nil {
		return err
	}
	return xlsx.WriteSuggestions(w, unit.Name+"微建议和社情民意信息", ss)
}
