package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestSearch: one or two Chinese characters find the problems, measures
// and opinions that hold them; % and _ are plain characters; letters
// match whatever their case; another unit's records stay out of a unit's
// scope and in its office's; opinions only when asked for.
func TestSearch(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, p, ms := seedRound(t, st) // 学习停留在表面: 组织集中学习, 加强监督检查 (覃丽)
		ms[1].Mechanism = "《PPT汇报制度》"
		ms[1].Kind = zhenggai.MeasureMechanism
		if err := st.UpdateMeasure(ctx, ms[1]); err != nil {
			t.Fatal(err)
		}
		other := &zhenggai.Round{Unit: "慈利县政协党组", Inspector: "市委第八巡察组", Kind: zhenggai.KindInspection}
		if err := st.CreateRound(ctx, other); err != nil {
			t.Fatal(err)
		}
		oc := &zhenggai.Category{RoundID: other.ID, Seq: 1, Title: "财务管理不规范"}
		if err := st.CreateCategory(ctx, oc); err != nil {
			t.Fatal(err)
		}
		op := &zhenggai.Problem{CategoryID: oc.ID, Seq: 1, Title: "公务接待超标准100%_以上", Rectification: "已清退学习经费"}
		if err := st.CreateProblem(ctx, op); err != nil {
			t.Fatal(err)
		}
		office := testkit.SignIn(t, st, zhenggai.RoleSupervisor, "市委巡察办", "巡察办")
		for _, u := range []int64{r.UnitID, other.UnitID} {
			name := map[int64]string{r.UnitID: r.Unit, other.UnitID: other.Unit}[u]
			if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: u, Name: name, ParentID: office.User.UnitID}); err != nil {
				t.Fatal(err)
			}
		}
		o := publishAndOpine(t, st, r, p) // 学习记录应当公开，群众看得见

		unit := zhenggai.Scope{Unit: r.UnitID}
		all := zhenggai.Scope{Office: office.User.UnitID}
		hits := func(sc zhenggai.Scope, q string, opinions bool) string {
			t.Helper()
			hs, err := st.Search(context.Background(), sc, q, opinions)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range hs {
				out = append(out, fmt.Sprintf("%s:%s/%s", h.Kind, h.Title, h.Text))
			}
			return strings.Join(out, " ")
		}
		for _, c := range []struct {
			sc       zhenggai.Scope
			q        string
			opinions bool
			want     string
		}{
			{unit, "学习", false, "problem:学习停留在表面/ measure:学习停留在表面/组织集中学习"},
			{unit, "学习", true, "problem:学习停留在表面/ measure:学习停留在表面/组织集中学习 opinion:" + o.Ref + "/学习记录应当公开，群众看得见"},
			{all, "学习", false, "problem:学习停留在表面/ problem:公务接待超标准100%_以上/已清退学习经费 measure:学习停留在表面/组织集中学习"},
			{unit, "表", false, "problem:学习停留在表面/"},
			{unit, "覃丽", false, "measure:学习停留在表面/组织集中学习 measure:学习停留在表面/加强监督检查"},
			{unit, "ppt", false, "measure:学习停留在表面/加强监督检查"},
			{all, "%", false, "problem:公务接待超标准100%_以上/"},
			{all, "_", false, "problem:公务接待超标准100%_以上/"},
			{all, "0%_", false, "problem:公务接待超标准100%_以上/"},
			{unit, "%", false, ""},
			{unit, "财务", false, ""},
			{all, "  ", true, ""},
		} {
			if got := hits(c.sc, c.q, c.opinions); got != c.want {
				t.Errorf("%+v %q: %q, want %q", c.sc, c.q, got, c.want)
			}
		}
		if _, err := st.Search(ctx, all, strings.Repeat("学", 51), false); code(err) != zhenggai.EINVALID {
			t.Errorf("a 51-character keyword: %v", err)
		}
	})
}
