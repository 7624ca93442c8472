package browsertest_test

import (
	"fmt"
	"testing"

	"zhenggai/internal/browsertest"
	"zhenggai/internal/store"
)

// TestRegistersIIIPagesFit: the pages of attendance and leave, the
// private travel documents, the retired cadres' posts, the archives and
// study, on the demo's records, fit a phone, a laptop and a tablet, with
// nothing covered; the inspection office's view of the unit too.
func TestRegistersIIIPagesFit(t *testing.T) {
	env, r, pw := demoEnv(t)
	travel, err := env.Store.TravelPersons(ctx, r.UnitID)
	if err != nil || len(travel) == 0 {
		t.Fatalf("the demo's travel ledger: %d %v", len(travel), err)
	}
	retired, err := env.Store.RetiredPosts(ctx, r.UnitID)
	if err != nil || len(retired) == 0 {
		t.Fatalf("the demo's retired posts: %d %v", len(retired), err)
	}
	files, err := env.Store.ArchiveFiles(ctx, store.ArchiveFileQuery{UnitID: r.UnitID})
	if err != nil || len(files) == 0 {
		t.Fatalf("the demo's archives: %d %v", len(files), err)
	}
	roles := []rolePages{
		{"bangongshi", []page{
			{"/attendance?month=2020-07", "office-attendance", false},
			{"/attendance/calendar?year=2020", "office-calendar", false},
			{"/leaves", "office-leaves", false},
			{"/leaves/new", "office-leave-form", false},
			{"/travel", "office-travel", false},
			{fmt.Sprintf("/travel/%d", travel[0].ID), "office-travel-person", false},
			{fmt.Sprintf("/travel/%d/edit", travel[0].ID), "office-travel-edit", false},
			{"/retired", "office-retired", false},
			{fmt.Sprintf("/retired/%d", retired[0].ID), "office-retired-post", false},
			{"/archives", "office-archives", false},
			{fmt.Sprintf("/archives/%d", files[0].ID), "office-archive-file", false},
			{"/archives/kinds", "office-archive-kinds", false},
			{"/study?year=2020", "office-study", false},
			{"/study/notes?year=2020", "office-notes", false},
			{"/study/notes/new", "office-notes-sitting", false},
		}},
		{"xunchaban", []page{
			{fmt.Sprintf("/units/%d/attendance?month=2020-07", r.UnitID), "supervisor-unit-attendance", false},
			{fmt.Sprintf("/units/%d/travel", r.UnitID), "supervisor-unit-travel", false},
			{fmt.Sprintf("/units/%d/archives", r.UnitID), "supervisor-unit-archives", false},
		}},
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	checkPages(t, b, srv.URL, pw, roles)
}
