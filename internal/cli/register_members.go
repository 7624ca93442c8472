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

// membersImported is what `register import members|activities` says it did.
type membersImported struct {
	DryRun   bool     `json:"dry_run"`
	What     string   `json:"what"`
	Term     string   `json:"term"`
	Rows     int      `json:"rows"`
	Warnings []string `json:"warnings,omitempty"`
}

func (m membersImported) String() string {
	s := fmt.Sprintf("%s%s%d条", m.Term, m.What, m.Rows)
	if m.DryRun {
		s = "检查通过（未写入）：" + s
	} else {
		s = "已导入：" + s
	}
	if len(m.Warnings) > 0 {
		s += "\n注意：" + strings.Join(m.Warnings, "\n注意：")
	}
	return s
}

func registerActor(ctx context.Context) context.Context {
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	return zhenggai.WithActor(ctx, a)
}

// latestTerm is the unit's latest term, "" when it has no members.
func latestTerm(ctx context.Context, st *store.Store, unitID int64) (string, error) {
	terms, err := st.MemberTerms(ctx, unitID)
	if err != nil || len(terms) == 0 {
		return "", err
	}
	return terms[0], nil
}

// importMembers reads a members list; rows without 届次 take the unit's
// latest term; members the roster lacks are entered in it.
func importMembers(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	term, err := latestTerm(ctx, st, unit.ID)
	if err != nil {
		return nil, err
	}
	im, err := xlsx.ParseMembers(ctx, r, name, term)
	if err != nil {
		return nil, err
	}
	if err := st.ImportCPPCCMembers(registerActor(ctx), unit.ID, im.Members, im.Phones, im.Where, true, dryRun); err != nil {
		return nil, err
	}
	return membersImported{DryRun: dryRun, What: "委员", Term: im.Members[0].Term, Rows: len(im.Members), Warnings: im.Warnings}, nil
}

func exportMembers(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	term, err := latestTerm(ctx, st, unit.ID)
	if err != nil {
		return err
	}
	year := zhenggai.Today().Year()
	recs, _, err := st.MemberRecords(ctx, unit.ID, term, 0, year)
	if err != nil {
		return err
	}
	return xlsx.WriteMembers(w, fmt.Sprintf("%s%s委员名单（%d年履职情况）", unit.Name, term, year), recs)
}

// importActivities reads an activities list of the unit's latest term's members.
func importActivities(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	term, err := latestTerm(ctx, st, unit.ID)
	if err != nil {
		return nil, err
	}
	if term == "" {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "%s还没有委员：请先导入委员名单（register import members）", unit.Name)
	}
	rows, err := xlsx.ParseActivities(ctx, r, name)
	if err != nil {
		return nil, err
	}
	if err := st.ImportMemberActivities(registerActor(ctx), unit.ID, term, rows, dryRun); err != nil {
		return nil, err
	}
	return membersImported{DryRun: dryRun, What: "履职活动", Term: term, Rows: len(rows)}, nil
}

func exportActivities(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	term, err := latestTerm(ctx, st, unit.ID)
	if err != nil {
		return err
	}
	ms, err := st.CPPCCMembers(ctx, unit.ID, term, false)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range ms {
		names[m.ID] = m.Name
	}
	acts, err := st.MemberActivities(ctx, unit.ID, 0, 0)
	if err != nil {
		return err
	}
	var keep []*zhenggai.MemberActivity
	for _, a := range acts {
		if _, ok := names[a.MemberID]; ok {
			keep = append(keep, a)
		}
	}
	return xlsx.WriteActivities(w, unit.Name+term+"委员履职活动", keep, names)
}
