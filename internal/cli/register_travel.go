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

// travelImported is what `register import travel` says it did.
type travelImported struct {
	DryRun    bool     `json:"dry_run"`
	Persons   int      `json:"persons"`
	Documents int      `json:"documents"`
	Trips     int      `json:"trips"`
	Moves     int      `json:"moves"`
	Warnings  []string `json:"warnings,omitempty"`
}

func (s travelImported) String() string {
	out := fmt.Sprintf("登记备案人员%d名，证件%d本，出行%d次，领取登记%d条", s.Persons, s.Documents, s.Trips, s.Moves)
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

func importTravel(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseTravel(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := travelImported{DryRun: dryRun, Persons: len(im.Persons), Warnings: im.Warnings}
	for _, p := range im.Persons {
		sum.Documents += len(p.Documents)
		sum.Trips += len(p.Trips)
		sum.Moves += len(p.Moves)
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportTravel(zhenggai.WithActor(ctx, a), unit.ID, im.Persons, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportTravel(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ps, err := st.TravelPersons(ctx, unit.ID)
	if err != nil {
		return err
	}
	return xlsx.WriteTravel(w, unit.Name+"因私出国(境)登记备案人员管理台账", ps)
}

// retiredImported is what `register import retired` says it did.
type retiredImported struct {
	DryRun   bool     `json:"dry_run"`
	Posts    int      `json:"posts"`
	Rehired  int      `json:"rehired"`
	Unfiled  int      `json:"unfiled"`
	Warnings []string `json:"warnings,omitempty"`
}

func (s retiredImported) String() string {
	out := fmt.Sprintf("兼职(返聘)%d条，其中返聘%d条，未备案%d条", s.Posts, s.Rehired, s.Unfiled)
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

func importRetired(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseRetiredPosts(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := retiredImported{DryRun: dryRun, Posts: len(im.Posts), Warnings: im.Warnings}
	for _, p := range im.Posts {
		if p.Kind == zhenggai.RetiredRehired {
			sum.Rehired++
		}
		if !p.Filed() {
			sum.Unfiled++
		}
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportRetiredPosts(zhenggai.WithActor(ctx, a), unit.ID, im.Posts, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportRetired(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ps, err := st.RetiredPosts(ctx, unit.ID)
	if err != nil {
		return err
	}
	return xlsx.WriteRetiredPosts(w, unit.Name+"退休干部兼职(返聘)情况", ps)
}
