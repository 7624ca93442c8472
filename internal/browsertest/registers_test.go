package browsertest_test

import (
	"fmt"
	"net/url"
	"testing"

	"zhenggai/internal/browsertest"
	"zhenggai/internal/store"
)

// TestRegisterPagesFitTheScreen: the registers' pages (meetings,
// vouchers, dues, 自查), opened by the unit's office on the demo's five
// years of sample registers, fit a phone, a laptop and a tablet as the
// other main pages do (see TestPagesFitTheScreen).
func TestRegisterPagesFitTheScreen(t *testing.T) {
	env, r, pw := demoEnv(t)
	ms, err := env.Store.Meetings(ctx, r.UnitID, "", 2019)
	if err != nil || len(ms) == 0 {
		t.Fatalf("the demo's meetings of 2019: %v %v", ms, err)
	}
	m := ms[0]
	for _, x := range ms {
		if x.TripleOne > 0 {
			m = x
			break
		}
	}
	vp, err := env.Store.Vouchers(ctx, store.VoucherQuery{UnitID: r.UnitID, Period: "2019-03"})
	if err != nil || len(vp.Vouchers) == 0 {
		t.Fatalf("the demo's vouchers of 2019-03: %v %v", vp, err)
	}
	v := vp.Vouchers[0]
	for _, x := range vp.Vouchers {
		if x.Debit > v.Debit {
			v = x
		}
	}
	period := fmt.Sprintf("?unit=%d&from=2016-01-01&to=2020-12-31", r.UnitID)
	roles := []rolePages{
		{"bangongshi", []page{
			{"/meetings", "office-meetings", true},
			{"/meetings/new", "office-meeting-type", false},
			{"/meetings/new?type=" + url.QueryEscape("党组会议"), "office-meeting-form", true},
			{fmt.Sprintf("/meetings/%d", m.ID), "office-meeting", false},
			{fmt.Sprintf("/meetings/%d/edit", m.ID), "office-meeting-edit", false},
			{"/vouchers", "office-vouchers", true},
			{fmt.Sprintf("/vouchers/%d", v.ID), "office-voucher", false},
			{"/vouchers/import", "office-voucher-import", false},
			{"/dues", "office-dues", false},
			{"/dues/calculator", "office-dues-calculator-empty", false},
			{"/dues/calculator?kind=in_service&base=5100.00&rounding=half_up", "office-dues-calculator", true},
			{"/dues/import", "office-dues-import", false},
			{"/selfcheck" + period, "office-selfcheck", true},
		}},
		{"xunchaban", []page{
			{"/selfcheck/units?from=2016-01-01&to=2020-12-31", "supervisor-selfcheck-units", false},
		}},
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	checkPages(t, b, srv.URL, pw, roles)
}
