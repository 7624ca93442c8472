package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// as is e with another user signed in by token.
func (e *env) as(l *testkit.Login) *env { c := *e; c.login = l; return &c }

// TestTasksAndSearchAPI: an owner's GET /api/v1/tasks lists his measures
// worst first with their colour and days left, fitting the published
// schema; his search finds his unit's measures by two characters and no
// opinions; an over-long keyword is refused in Chinese.
func TestTasksAndSearchAPI(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		fx := e.fixture("桑植县政协党组")
		// fixedNow is 2024-06-01: one overdue, one due in 5 days, one of another owner.
		late := e.measure(fx.problem, obj{"seq": 1, "content": "组织集中学习", "owner": "覃丽", "leader": "向建国", "deadline": "2024-05-20",
			"kind": "immediate", "status": "in_progress"})
		soon := e.measure(fx.problem, obj{"seq": 2, "content": "建立学习台账", "owner": "覃丽", "deadline": "2024-06-06",
			"kind": "immediate", "status": "not_started"})
		e.measure(fx.problem, obj{"seq": 3, "content": "开展专题研讨", "owner": "陈伟", "deadline": "2024-06-02",
			"kind": "immediate", "status": "not_started"})
		owner := e.as(testkit.SignIn(t, e.st, zhenggai.RoleResponsible, "桑植县政协党组", "覃丽"))

		got := owner.must(200, "GET", "/api/v1/tasks", nil)
		ms := arr(got["measures"])
		if len(ms) != 2 || num(m(ms[0])["id"]) != num(late["id"]) || num(m(ms[1])["id"]) != num(soon["id"]) {
			t.Fatalf("owner's measures: %v", got["measures"])
		}
		first := m(ms[0])
		if first["colour"] != "red" || num(first["days_left"]) != -12 || first["owns"] != true || first["leads"] != false ||
			first["problem"] != "学习停留在表面" || first["round"] != "市委第七巡察组巡察桑植县政协党组" || num(got["waiting"]) != 1 ||
			num(m(got["colours"])["yellow"]) != 1 || len(arr(got["approve"])) != 0 || got["opinions"] == nil {
			t.Errorf("owner's tasks: %v", got)
		}
		// The answer fits the published document.
		var doc obj
		res, err := http.Get(e.srv.URL + "/api/v1/openapi.json")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(res.Body).Decode(&doc)
		res.Body.Close()
		schemas := m(m(doc["components"])["schemas"])
		for p, answer := range map[string]obj{"/api/v1/tasks": got,
			"/api/v1/search": owner.must(200, "GET", "/api/v1/search?q="+url.QueryEscape("学习"), nil)} {
			schema := m(m(m(m(m(m(m(doc["paths"])[p])["get"])["responses"])["200"])["content"])["application/json"])["schema"]
			for _, problem := range fits(schemas, schema, any(answer), "") {
				t.Errorf("GET %s: %s", p, problem)
			}
		}

		found := owner.must(200, "GET", "/api/v1/search?q="+url.QueryEscape("学习"), nil)
		var kinds []string
		for _, h := range arr(found["hits"]) {
			kinds = append(kinds, m(h)["kind"].(string)+":"+m(h)["text"].(string))
		}
		if strings.Join(kinds, " ") != "problem: measure:组织集中学习 measure:建立学习台账" {
			t.Errorf("owner's search: %q", kinds)
		}
		other := e.as(testkit.SignIn(t, e.st, zhenggai.RoleResponsible, "慈利县政协党组", "覃丽"))
		if hits := arr(other.must(200, "GET", "/api/v1/search?q="+url.QueryEscape("学习"), nil)["hits"]); len(hits) != 0 {
			t.Errorf("another unit's owner finds: %v", hits)
		}
		if tasks := other.must(200, "GET", "/api/v1/tasks", nil); len(arr(tasks["measures"])) != 0 {
			t.Errorf("a namesake in another unit has tasks: %v", tasks)
		}
		status, body := owner.call("GET", "/api/v1/search?q="+url.QueryEscape(strings.Repeat("学", 51)), nil)
		if msg, _ := m(body["error"])["message"].(string); status != 422 || !hasHan(msg) {
			t.Errorf("an over-long keyword: %d %v", status, body)
		}
	})
}
