package browsertest_test

import (
	"fmt"
	"strings"
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
		// A staff member tied to her person of the roster asks for her own
		// leave on the phone.
		{"qinli", []page{
			{"/leaves/new", "staff-leave-form", false},
			{"/leaves/mine", "staff-my-leaves", false},
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

// TestStaffAsksLeaveOnPhone: on a 390 px phone, 覃丽 (an owner whose
// account is her person of the roster) finds her name fixed on the form,
// asks for sick leave, sees it 待审批 in 我的请假 and withdraws it
// (已撤回); the office finds it under 显示已作废 and restores it.
func TestStaffAsksLeaveOnPhone(t *testing.T) {
	env, _, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(390, 844)
	b.SignIn("qinli", pw["qinli"])
	b.Visit("/leaves/new", "staff-leave-new")
	if got := b.Eval(`document.querySelector("#name").readOnly + "/" + document.querySelector("#name").value`); got != "true/覃丽" {
		t.Errorf("her name on the form: %s", got)
	}
	if b.Has("#approved_by") || b.Has("#expected_return") {
		t.Error("the staff's form offers the office's fields")
	}
	fits(t, b, "/leaves/new at 390 px (qinli)")
	b.Fill("#kind", "sick")
	b.Fill("#reason", "发烧就医")
	b.Click("#leave-form button[type=submit]", "#my-leaves", "staff-leave-asked")
	if got := b.Text("#my-leaves"); !strings.Contains(got, "病假") || !strings.Contains(got, "发烧就医") || !strings.Contains(got, "待审批") {
		t.Errorf("我的请假: %s", got)
	}
	fits(t, b, "/leaves/mine at 390 px (qinli)")
	b.Click("#my-leaves button[type=submit]", "#my-leaves", "staff-leave-withdrawn")
	if got := b.Text("#my-leaves"); !strings.Contains(got, "已撤回") {
		t.Errorf("withdrawn: %s", got)
	}
	b.Forget()
	b.Desktop()
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit("/leaves", "office-leaves")
	b.Check("#voided", true)
	b.Click("#leave-filters button[type=submit]", "#leaves", "office-leaves-voided")
	if got := b.Text("#leaves tr.voided"); !strings.Contains(got, "覃丽") || !strings.Contains(got, "本人撤回") {
		t.Fatalf("the voided leave: %s", got)
	}
	b.Click("#leaves tr.voided button[type=submit]", "#leaves", "office-leave-restored")
	if b.Has("#leaves tr.voided") {
		t.Errorf("still voided after 恢复: %s", b.Text("#leaves tr.voided"))
	}
}
