package store_test

import (
	"maps"
	"slices"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestUnitsUnder: an office sees itself and every unit below it at any
// depth, nothing beside or above it; a parent loop written behind the
// program's back (SaveUnit refuses one) ends the walk.
func TestUnitsUnder(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		unit := func(name string, parent int64) int64 {
			u := &zhenggai.Unit{Name: name, ParentID: parent}
			if err := st.SaveUnit(ctx, u); err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		city := unit("市委巡察办", 0)
		county := unit("县委巡察办", city)
		town := unit("某乡党委", county)
		village := unit("某村党支部", town)
		school := unit("县第一中学", county)
		other := unit("邻市巡察办", 0)
		unit("邻县政协", other)

		for _, c := range []struct {
			office int64
			want   []int64
		}{
			{city, []int64{city, county, town, village, school}},
			{county, []int64{county, town, village, school}},
			{village, []int64{village}},
			{999999, nil},
		} {
			got, err := st.UnitsUnder(ctx, c.office)
			if err != nil {
				t.Fatal(err)
			}
			if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, c.want) {
				t.Errorf("under %d: %v, want %v", c.office, ids, c.want)
			}
		}

		raw := env.Raw(t)
		if _, err := raw.Exec(`UPDATE units SET parent_id = ? WHERE id = ?`, village, county); err != nil {
			t.Fatal(err)
		}
		got, err := st.UnitsUnder(ctx, town)
		if err != nil {
			t.Fatal(err)
		}
		if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, []int64{county, town, village, school}) {
			t.Errorf("in a loop, under the town: %v", ids)
		}
	})
}
