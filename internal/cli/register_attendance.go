package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// attendanceImported is what `register import attendance` says it did.
type attendanceImported struct {
	DryRun bool `json:"dry_run"`
	store.SignInImportResult
	Punches  bool     `json:"punch_list"`
	Warnings []string `json:"warnings,omitempty"`
}

func (a attendanceImported) String() string {
	out := a.SignInImportResult.String()
	if a.DryRun {
		out = "检查通过（未写入）：" + out
	} else {
		out = "已导入：" + out
	}
	if len(a.Warnings) > 0 {
		out += "\n注意：" + strings.Join(a.Warnings, "\n注意：")
	}
	return out
}

// hashReader passes what it reads to a hash.
type hashReader struct {
	r io.Reader
	h interface{ Write([]byte) (int, error) }
}

func (h hashReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.h.Write(p[:n])
	return n, err
}

func importAttendance(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	h := sha256.New()
	im, err := xlsx.ParseSignIns(ctx, hashReader{r, h})
	if err != nil {
		return nil, err
	}
	source := "考勤机"
	if im.Punches {
		source = "打卡记录"
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	res, err := st.ImportSignIns(zhenggai.WithActor(ctx, a), &store.SignInImport{UnitID: unit.ID, FileName: name,
		SHA256: hex.EncodeToString(h.Sum(nil)), Source: source, Rows: im.Rows}, dryRun)
	if err != nil {
		return nil, err
	}
	return attendanceImported{DryRun: dryRun, SignInImportResult: *res, Punches: im.Punches, Warnings: im.Warnings}, nil
}

func exportAttendance(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ss, err := st.SignIns(ctx, store.SignInQuery{UnitID: unit.ID, Limit: store.MaxSignInRows})
	if err != nil {
		return err
	}
	return xlsx.WriteSignIns(w, unit.Name+"考勤记录", ss)
}

// leavesImported is what `register import leave` says it did.
type leavesImported struct {
	DryRun   bool `json:"dry_run"`
	Leaves   int  `json:"leaves"`
	Approved int  `json:"approved"`
	Returned int  `json:"returned"`
}

func (l leavesImported) String() string {
	out := fmt.Sprintf("请假%d次，其中已批准%d次、已销假%d次", l.Leaves, l.Approved, l.Returned)
	if l.DryRun {
		return "检查通过（未写入）：" + out
	}
	return "已导入：" + out
}

func importLeaves(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (any, error) {
	im, err := xlsx.ParseLeaves(ctx, r)
	if err != nil {
		return nil, err
	}
	sum := leavesImported{DryRun: dryRun, Leaves: len(im.Leaves)}
	for _, l := range im.Leaves {
		if l.Approved() {
			sum.Approved++
		}
		if !l.ReturnedOn.IsZero() {
			sum.Returned++
		}
	}
	a := importActor()
	a.Name = strings.Replace(a.Name, "cli:import", "cli:register", 1)
	if err := st.ImportLeaves(zhenggai.WithActor(ctx, a), unit.ID, im.Leaves, im.Where, dryRun); err != nil {
		return nil, err
	}
	return sum, nil
}

func exportLeaves(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error {
	ls, err := st.Leaves(ctx, store.LeaveQuery{UnitID: unit.ID})
	if err != nil {
		return err
	}
	return xlsx.WriteLeaves(w, unit.Name+"请销假登记", ls)
}
