package api_test

import (
	"context"
	"fmt"
	"testing"

	"zhenggai"
)

func TestHistory(t *testing.T) { backends(t, testHistory) }

func testHistory(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test", Via: "cli"})
	r := &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection}
	if err := e.st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	if err := e.st.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	// A change through the API is attributed to the token's user.
	e.must(200, "PUT", fmt.Sprintf("/api/v1/categories/%d", c.ID), obj{"seq": 1, "title": "新标题", "version": 1})
	out := e.must(200, "GET", fmt.Sprintf("/api/v1/history/categories/%d", c.ID), nil)
	entries, _ := out["entries"].([]any)
	if out["entity"] != "categories" || len(entries) != 2 {
		t.Fatalf("history %v", out)
	}
	first, second := entries[0].(obj), entries[1].(obj)
	if first["action"] != "create" || first["before"] != nil || first["after"].(obj)["title"] != "类别" ||
		first["actor"].(obj)["name"] != "test" {
		t.Errorf("first entry %v", first)
	}
	if second["action"] != "update" || second["before"].(obj)["title"] != "类别" || second["after"].(obj)["title"] != "新标题" ||
		second["actor"].(obj)["name"] != e.login.User.Name || second["actor"].(obj)["via"] != "api" || second["prev_hash"] != first["hash"] {
		t.Errorf("second entry %v", second)
	}
	for _, path := range []string{"/api/v1/history/sessions/1", "/api/v1/history/categories/999", "/api/v1/history/categories/0"} {
		if code, body := e.call("GET", path, nil); code != 404 {
			t.Errorf("%s: %d %v", path, code, body)
		}
	}
}
