package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/demo"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
)

// TestOpenAPI: the document served at /api/v1/openapi.json (without a
// token) has every API route of the route table and nothing else, a
// Chinese line for each, references that resolve; and the answers the
// program really gives, for every GET on the demo round and for an error,
// fit the schemas it declares.
func TestOpenAPI(t *testing.T) {
	e := newEnv(t)
	res, err := http.Get(e.srv.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var doc obj
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil || res.StatusCode != 200 {
		t.Fatalf("openapi.json: %d %v", res.StatusCode, err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi %v", doc["openapi"])
	}
	paths := m(doc["paths"])
	var inDoc, inTable []string
	for p, ops := range paths {
		for method, op := range m(ops) {
			inDoc = append(inDoc, strings.ToUpper(method)+" "+p)
			if s, _ := m(op)["summary"].(string); !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s %s: no Chinese summary: %q", method, p, s)
			}
		}
	}
	for _, rt := range httpd.Routes() {
		if rt.API && rt.Pattern != "/api/" {
			inTable = append(inTable, rt.Pattern)
		}
	}
	slices.Sort(inDoc)
	slices.Sort(inTable)
	if !slices.Equal(inDoc, inTable) {
		t.Errorf("the document's operations differ from the route table's:\n doc   %v\n table %v", inDoc, inTable)
	}
	schemas := m(m(doc["components"])["schemas"])
	var refs func(v any)
	refs = func(v any) {
		switch v := v.(type) {
		case obj:
			if r, ok := v["$ref"].(string); ok {
				if _, ok := schemas[strings.TrimPrefix(r, "#/components/schemas/")]; !ok {
					t.Errorf("unresolved %s", r)
				}
			}
			for _, x := range v {
				refs(x)
			}
		case []any:
			for _, x := range v {
				refs(x)
			}
		}
	}
	refs(doc)

	// Real answers against their schemas, on the demo round.
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	files, err := attach.Open(e.dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := demo.Load(ctx, e.st, files, zhenggai.DateOf(fixedNow))
	if err != nil {
		t.Fatal(err)
	}
	cats, _ := e.st.Categories(ctx, r.ID)
	probs, _ := e.st.Problems(ctx, r.ID)
	ms, _ := e.st.Measures(ctx, r.ID)
	// A measure without a deadline (its days_left is null), on a problem
	// still open; it is the measure whose answer is checked.
	for i, m := range ms {
		m.Deadline = zhenggai.Date{}
		if err := e.st.UpdateMeasure(ctx, m); err == nil {
			ms[0], probs[0] = ms[i], nil
			for _, p := range probsOf(e, ctx, r.ID) {
				if p.ID == m.ProblemID {
					probs[0] = p
				}
			}
			break
		}
	}
	// An opinion on the published report, for the opinions' answers.
	pub, err := demo.Publish(ctx, e.st, r)
	if err != nil {
		t.Fatal(err)
	}
	op := &zhenggai.Opinion{PublicationID: pub.ID, Name: "张三", Contact: "13800000000", Content: "请公开学习记录"}
	if err := e.st.CreateOpinion(ctx, op); err != nil {
		t.Fatal(err)
	}
	// A voucher of the round's unit, for the vouchers' answers.
	if _, err := e.st.ImportVouchers(ctx, &store.VoucherImport{UnitID: r.UnitID, FileName: "序时账.csv", SHA256: "ab", Periods: []string{"2020-11"},
		Vouchers: []*zhenggai.Voucher{{Period: "2020-11", Date: zhenggai.NewDate(2020, 11, 1), Word: "记", Number: 1, Summary: "付款",
			Lines: []zhenggai.VoucherLine{{AccountCode: "5001", Debit: 100}, {AccountCode: "1002", Credit: 100}}}}}); err != nil {
		t.Fatal(err)
	}
	vs, err := e.st.Vouchers(ctx, store.VoucherQuery{UnitID: r.UnitID, Period: "2020-11"})
	if err != nil || len(vs.Vouchers) != 1 {
		t.Fatalf("vouchers: %v", err)
	}
	meeting := &zhenggai.Meeting{UnitID: r.UnitID, Type: "党组会议", Date: zhenggai.NewDate(2020, 9, 1),
		Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}, {Name: "李华", Presence: zhenggai.OnLeave, Note: "出差"}},
		Items: []zhenggai.AgendaItem{{Title: "购置电脑", Kind: zhenggai.ItemLargeFund, Amount: 1200000,
			Statements: []zhenggai.Statement{{Name: "王明", Position: zhenggai.PosAgree, Summary: "同意"}}}, {Title: "其他"}}}
	if err := e.st.SaveMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	prop := &zhenggai.Proposal{UnitID: r.UnitID, Title: "关于农村公路的建议", Source: zhenggai.SourceParty, Submitter: "民盟"}
	if err := e.st.CreateProposal(ctx, prop, true); err != nil {
		t.Fatal(err)
	}
	cm := &zhenggai.CPPCCMember{UnitID: r.UnitID, Name: "向东", Term: "第九届", JoinedOn: zhenggai.NewDate(2019, 1, 5)}
	if err := e.st.SaveCPPCCMember(ctx, cm, true, ""); err != nil {
		t.Fatal(err)
	}
	sug := &zhenggai.Suggestion{UnitID: r.UnitID, Name: "王明", Kind: zhenggai.SuggestSQMY, Title: "关于饮水安全的建议", On: zhenggai.NewDate(2020, 9, 1),
		Adopted: zhenggai.AdoptCity, AdoptedOn: zhenggai.NewDate(2020, 10, 1)}
	if err := e.st.SaveSuggestion(ctx, sug); err != nil {
		t.Fatal(err)
	}
	tw := &zhenggai.Township{UnitID: r.UnitID, Name: "测试镇", Posts: []zhenggai.LiaisonPost{{Name: "王明", Role: zhenggai.LiaisonLeader, From: zhenggai.NewDate(2016, 5, 1)}},
		Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteResearch, Title: "茶叶调研", On: zhenggai.NewDate(2020, 6, 1)}}}
	if err := e.st.SaveTownship(ctx, tw); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{
		"/proposals/{id}":   fmt.Sprint(prop.ID),
		"/members/{id}":     fmt.Sprint(cm.ID),
		"/suggestions/{id}": fmt.Sprint(sug.ID), "/townships/{id}": fmt.Sprint(tw.ID),
		"/vouchers/{id}": fmt.Sprint(vs.Vouchers[0].ID),
		"/meetings/{id}": fmt.Sprint(meeting.ID),
		"/opinions/{id}": fmt.Sprint(op.ID),
		"/rounds/{id}":   fmt.Sprint(r.ID), "/categories/{id}": fmt.Sprint(cats[0].ID),
		"/problems/{id}": fmt.Sprint(probs[0].ID), "/measures/{id}": fmt.Sprint(ms[0].ID),
	}
	checked := 0
	for _, pat := range inTable {
		method, p, _ := strings.Cut(pat, " ")
		if method != "GET" || strings.HasSuffix(p, ".xlsx") || strings.HasSuffix(p, "openapi.json") {
			continue
		}
		url := strings.Replace(p, "{entity}", "rounds", 1)
		for k, id := range ids {
			if strings.Contains(url, k) {
				url = strings.Replace(url, k, strings.Replace(k, "{id}", id, 1), 1)
			}
		}
		url = strings.Replace(url, "{id}", fmt.Sprint(r.ID), 1) // history of the round
		if p == "/api/v1/dues/calculate" {
			url += "?kind=in_service&base=5100" // its parameters are required
		}
		status, body := e.call("GET", url, nil)
		if status != 200 {
			t.Errorf("GET %s: %d %v", url, status, body)
			continue
		}
		schema := m(m(m(m(m(m(paths[p])["get"])["responses"])["200"])["content"])["application/json"])["schema"]
		for _, problem := range fits(schemas, schema, any(body), "") {
			t.Errorf("GET %s: %s", url, problem)
		}
		checked++
	}
	if checked < 12 {
		t.Errorf("only %d answers checked", checked)
	}
	status, body := e.call("GET", "/api/v1/rounds/999999", nil)
	errSchema := m(m(m(m(m(m(paths["/api/v1/rounds/{id}"])["get"])["responses"])["404"])["content"])["application/json"])["schema"]
	if problems := fits(schemas, errSchema, any(body), ""); status != 404 || len(problems) > 0 {
		t.Errorf("404: %d %v", status, problems)
	}
}

// fits lists where v breaks schema: a missing required property, a
// property the schema does not declare, or a value of another type.
func fits(schemas obj, schema any, v any, at string) []string {
	s := m(schema)
	if r, ok := s["$ref"].(string); ok {
		return fits(schemas, schemas[strings.TrimPrefix(r, "#/components/schemas/")], v, at)
	}
	where := at
	if where == "" {
		where = "the answer"
	}
	if alts := arr(s["anyOf"]); len(alts) > 0 {
		var out []string
		for _, a := range alts {
			problems := fits(schemas, a, v, at)
			if len(problems) == 0 {
				return nil
			}
			out = append(out, problems...)
		}
		return out
	}
	typ, _ := s["type"].(string)
	bad := func() []string { return []string{fmt.Sprintf("%s is %T %v, want %s", where, v, v, typ)} }
	switch typ {
	case "":
		return nil
	case "null":
		if v != nil {
			return bad()
		}
	case "string":
		if _, ok := v.(string); !ok {
			return bad()
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			return bad()
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return bad()
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return bad()
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return bad()
		}
		var out []string
		for i, x := range a {
			out = append(out, fits(schemas, s["items"], x, fmt.Sprintf("%s[%d]", at, i))...)
		}
		return out
	case "object":
		o, ok := v.(obj)
		if !ok {
			return bad()
		}
		var out []string
		props := m(s["properties"])
		for _, r := range arr(s["required"]) {
			if _, ok := o[r.(string)]; !ok {
				out = append(out, fmt.Sprintf("%s has no %s", where, r))
			}
		}
		for k, x := range o {
			ps, declared := props[k]
			if !declared {
				if ap, ok := s["additionalProperties"]; ok {
					out = append(out, fits(schemas, ap, x, at+"."+k)...)
					continue
				}
				out = append(out, fmt.Sprintf("%s has %s, which the schema does not declare", where, k))
				continue
			}
			out = append(out, fits(schemas, ps, x, at+"."+k)...)
		}
		return out
	}
	return nil
}

func probsOf(e *env, ctx context.Context, round int64) []*zhenggai.Problem {
	ps, err := e.st.Problems(ctx, round)
	if err != nil {
		e.t.Fatal(err)
	}
	return ps
}
