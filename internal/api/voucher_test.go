package api_test

import (
	"bytes"
	"mime/multipart"
	"strings"
	"testing"
)

const apiJournal = "日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,附单据数,制单人,审核人\n" +
	"2020-09-05,记-1,支付办公用品费,5001,业务活动费用,\"1,260.50\",,2,王芳,李明\n" +
	",,支付办公用品费,1011,零余额账户用款额度,,\"1,260.50\",,,\n" +
	"2020-10-20,记-1,购置电脑,5001,业务活动费用,50000,,,王芳,\n" +
	",,购置电脑,1011,零余额账户用款额度,,50000,,,\n"

// journalForm is a multipart body with the journal in field "file".
func journalForm(t *testing.T, name, data string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(data))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// TestVouchersAPI: a journal checked (dry_run), imported, listed with
// filters, read with its lines and expense, linked and unlinked; a bad
// journal answers every row and writes nothing; on both backends.
func TestVouchersAPI(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		fx := e.fixture("桑植县政协党组")
		r := e.must(200, "GET", path("/api/v1/rounds/%d", fx.round), nil)
		unit := num(r["unit_id"])
		imp := path("/api/v1/vouchers/import?unit=%d", unit)

		body, ct := journalForm(t, "序时账.csv", strings.Replace(apiJournal, "50000,,,王芳", "5000O,,,王芳", 1))
		code, out := e.raw("POST", imp, ct, body)
		if code != 422 || len(arr(out["rows"])) != 1 || num(m(arr(out["rows"])[0])["row"]) != 4 {
			t.Fatalf("bad journal: %d %v", code, out)
		}
		body, ct = journalForm(t, "序时账.csv", apiJournal)
		code, out = e.raw("POST", imp+"&dry_run=1", ct, body)
		if code != 200 || out["dry_run"] != true || num(out["vouchers"]) != 2 || num(out["lines"]) != 4 || len(arr(out["periods"])) != 2 {
			t.Fatalf("dry run: %d %v", code, out)
		}
		if l := e.must(200, "GET", path("/api/v1/vouchers?unit=%d", unit), nil); num(l["total"]) != 0 {
			t.Fatalf("the dry run wrote: %v", l)
		}
		body, ct = journalForm(t, "序时账.csv", apiJournal)
		code, out = e.raw("POST", imp, ct, body)
		if code != 201 || num(out["import_id"]) == 0 || num(out["replaced"]) != 0 {
			t.Fatalf("import: %d %v", code, out)
		}
		l := e.must(200, "GET", path("/api/v1/vouchers?unit=%d&period=2020-10", unit), nil)
		vs := arr(l["vouchers"])
		if num(l["total"]) != 1 || num(l["debit"]) != 5000000 || len(vs) != 1 || m(vs[0])["summary"] != "购置电脑" {
			t.Fatalf("list: %v", l)
		}
		if l := e.must(200, "GET", path("/api/v1/vouchers?unit=%d&no_approver=1&min=1000", unit), nil); num(l["total"]) != 1 {
			t.Errorf("filters: %v", l)
		}
		if code, out := e.call("GET", path("/api/v1/vouchers?unit=%d&ref=XX", unit), nil); code != 422 {
			t.Errorf("bad ref: %d %v", code, out)
		}
		id := num(m(vs[0])["id"])
		v := e.must(200, "GET", path("/api/v1/vouchers/%d", id), nil)
		if num(v["expense"]) != 5000000 || len(arr(v["lines"])) != 2 || num(v["version"]) != 1 {
			t.Fatalf("voucher: %v", v)
		}
		if code, out := e.call("PUT", path("/api/v1/vouchers/%d/link", id), obj{"decision_item_id": 999999, "version": 1}); code != 422 {
			t.Errorf("link to nothing: %d %v", code, out)
		}
		if code, out := e.call("PUT", path("/api/v1/vouchers/%d/link", id), obj{"decision_item_id": 0, "version": 1}); code != 200 || num(out["version"]) != 2 {
			t.Errorf("unlink: %d %v", code, out)
		}
		if code, out := e.call("PUT", path("/api/v1/vouchers/%d/link", id), obj{"decision_item_id": 0, "version": 1}); code != 409 {
			t.Errorf("stale link: %d %v", code, out)
		}
	})
}
