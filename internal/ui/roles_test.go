package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestPagesOfferOnlyWhatTheUserMay: an owner sees the report button on
// his own measure only, and no editing actions; the unit admin sees them.
func TestPagesOfferOnlyWhatTheUserMay(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	st.CreateRound(ctx, r)
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"}
	st.CreateProblem(ctx, p)
	var ids []int64
	for i, owner := range []string{"覃丽", "陈伟"} {
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: i + 1, Content: "措施" + owner, Owner: owner, Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	srv := env.Serve(t, nil)
	page := func(l *testkit.Login, path string) string {
		c := &http.Client{Jar: testkit.Jar(t, srv.URL, l)}
		resp, err := c.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	prob := fmt.Sprintf("/problems/%d", p.ID)
	owner := page(testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽"), prob)
	if !strings.Contains(owner, fmt.Sprintf("/measures/%d/progress/new", ids[0])) {
		t.Error("the owner is not offered to report on his own measure")
	}
	if strings.Contains(owner, fmt.Sprintf("/measures/%d/progress/new", ids[1])) {
		t.Error("the owner is offered to report on another's measure")
	}
	for _, edit := range []string{prob + "/edit", prob + "/measures/new", fmt.Sprintf("/measures/%d/edit", ids[0])} {
		if strings.Contains(owner, edit) {
			t.Errorf("the owner is offered %s", edit)
		}
	}
	admin := page(testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室"), prob)
	for _, want := range []string{prob + "/edit", fmt.Sprintf("/measures/%d/progress/new", ids[1]), fmt.Sprintf("/measures/%d/edit", ids[1])} {
		if !strings.Contains(admin, want) {
			t.Errorf("the unit admin is not offered %s", want)
		}
	}
	home := page(testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "乙单位", "乙办公室"), "/")
	if strings.Contains(home, "市委第一巡察组") {
		t.Error("another unit's admin sees the round in his list")
	}
}
