package store_test

import (
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestUnitNames: a unit keeps its full name and aliases; a round or an
// import naming it by any of them, or by a usual form of them, lands in
// it; a unit administrator's confirmed name becomes his unit's alias in
// the same transaction; an unknown unit is registered under the parent
// chosen; no name may belong to two units.
func TestUnitNames(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		office := &zhenggai.Unit{Name: "张家界市委巡察办"}
		if err := st.SaveUnit(ctx, office); err != nil {
			t.Fatal(err)
		}
		u := &zhenggai.Unit{Name: "桑植县政协党组", ParentID: office.ID, FullName: "中共政协桑植县委员会党组",
			Aliases: []string{"县政协党组"}}
		if err := st.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		got, err := st.Unit(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.FullName != u.FullName || !slices.Equal(got.Aliases, u.Aliases) {
			t.Errorf("stored %+v, want %+v", got, u)
		}
		for _, name := range []string{"桑植县政协党组", "中共政协桑植县委员会党组", "县政协党组",
			"中国人民政治协商会议桑植县委员会党组", " 政协桑植县委员会党组 "} {
			found, err := st.UnitNamed(ctx, name)
			if err != nil || found.ID != u.ID {
				t.Errorf("UnitNamed(%q) = %+v, %v; want unit %d", name, found, err, u.ID)
			}
			id, err := st.EnsureUnit(ctx, name)
			if err != nil || id != u.ID {
				t.Errorf("EnsureUnit(%q) = %d, %v; want %d", name, id, err, u.ID)
			}
		}
		if _, err := st.UnitNamed(ctx, "桑植县政协机关党委"); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			t.Errorf("党委 found as 党组: %v", err)
		}

		imported := func(name string) *zhenggai.Imported {
			return &zhenggai.Imported{Round: zhenggai.ImportedRound{Inspector: "市委第七巡察组", Unit: name, Kind: zhenggai.KindInspection},
				Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
					{Seq: 1, Title: "问题", Measures: []zhenggai.ImportedMeasure{{Content: "措施"}}}}}}}
		}
		// Without a place (the command line): the full name finds the unit.
		r, err := st.ImportRound(ctx, imported("中共政协桑植县委员会党组"), "")
		if err != nil || r.UnitID != u.ID {
			t.Fatalf("import by full name: %+v, %v", r, err)
		}

		// A confirmed other name becomes an alias with the round.
		r, err = st.ImportRoundAt(ctx, imported("桑植政协党组"), "", &zhenggai.UnitPlace{UnitID: u.ID, Alias: "桑植政协党组"})
		if err != nil || r.UnitID != u.ID {
			t.Fatalf("import by a confirmed name: %+v, %v", r, err)
		}
		if got, _ := st.Unit(ctx, u.ID); !slices.Contains(got.Aliases, "桑植政协党组") {
			t.Errorf("aliases after confirming: %q", got.Aliases)
		}

		// An unknown unit under the office chosen.
		r, err = st.ImportRoundAt(ctx, imported("桑植县卫生健康局党组"), "", &zhenggai.UnitPlace{ParentID: office.ID})
		if err != nil {
			t.Fatal(err)
		}
		health, err := st.Unit(ctx, r.UnitID)
		if err != nil || health.ParentID != office.ID || health.Name != "桑植县卫生健康局党组" {
			t.Fatalf("new unit %+v, %v; want under %d", health, err, office.ID)
		}
		under, err := st.UnitsUnder(ctx, office.ID)
		if err != nil || !under[health.ID] {
			t.Errorf("the office does not see the new unit: %v, %v", under, err)
		}

		// A name of another unit is refused, as an alias and when saved.
		if err := st.AddUnitAlias(ctx, health.ID, "政协桑植县委员会党组"); !strings.Contains(zhenggai.ErrorMessage(err), "已是另一单位（桑植县政协党组）的名称") {
			t.Errorf("alias of another unit: %v", err)
		}
		health.FullName = "中国共产党政协桑植县委员会党组"
		if err := st.SaveUnit(ctx, health); !strings.Contains(zhenggai.ErrorMessage(err), "已是另一单位") {
			t.Errorf("full name of another unit: %v", err)
		}
		if got, _ := st.Unit(ctx, health.ID); got.FullName != "" {
			t.Errorf("refused full name written: %q", got.FullName)
		}
		// Adding a name the unit already answers to changes nothing.
		if err := st.AddUnitAlias(ctx, u.ID, "政协桑植县委员会党组"); err != nil {
			t.Error(err)
		}
		if got, _ := st.Unit(ctx, u.ID); len(got.Aliases) != 2 {
			t.Errorf("aliases %q, want the two given", got.Aliases)
		}
		tree, err := st.UnitTree(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range tree {
			if n.ID == u.ID && (n.FullName != u.FullName || len(n.Aliases) != 2) {
				t.Errorf("tree node %+v lacks the names", n)
			}
		}
	})
}
