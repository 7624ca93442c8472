package api_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
)

// TestMeasurePersonsAPI: a measure sent with a name two persons of the
// roster bear is refused on the field; sent with the chosen person's id
// it is saved, and answers with the ids its names resolved to.
func TestMeasurePersonsAPI(t *testing.T) {
	e := newEnv(t)
	f := e.fixture("桑植县政协党组")
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	prob, err := e.st.Problem(ctx, f.problem)
	if err != nil {
		t.Fatal(err)
	}
	unit := prob.UnitID
	var ids []int64
	for _, rank := range []string{"主任", "科员"} {
		x := &zhenggai.Person{UnitID: unit, Name: "李华", Kind: zhenggai.PersonStaff, Rank: rank}
		if err := e.st.SavePerson(ctx, x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	code, body := e.call("POST", path("/api/v1/problems/%d/measures", f.problem), obj{"content": "制定学习计划", "owner": "李华"})
	if code != 422 {
		t.Fatalf("two 李华: %d %v", code, body)
	}
	fs := arr(m(body["error"])["fields"])
	if len(fs) != 1 || m(fs[0])["field"] != "owner" || !strings.Contains(m(fs[0])["message"].(string), "本单位有两名“李华”") {
		t.Errorf("two 李华: fields %v", fs)
	}
	got := e.measure(f.problem, obj{"owner": "李华", "owner_id": ids[1]})
	if num(got["owner_id"]) != ids[1] || got["leader_id"] != nil {
		t.Errorf("answer: owner_id %v leader_id %v, want %d and none", got["owner_id"], got["leader_id"], ids[1])
	}
}

// TestVoidPersonAPI: a person voided leaves the roster, with the reason
// required; restored, he is back.
func TestVoidPersonAPI(t *testing.T) {
	e := newEnv(t)
	f := e.fixture("桑植县政协党组")
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	prob, err := e.st.Problem(ctx, f.problem)
	if err != nil {
		t.Fatal(err)
	}
	x := &zhenggai.Person{UnitID: prob.UnitID, Name: "赵强", Kind: zhenggai.PersonRetired}
	if err := e.st.SavePerson(ctx, x); err != nil {
		t.Fatal(err)
	}
	e.must(422, "POST", path("/api/v1/persons/%d/void", x.ID), obj{"reason": ""})
	e.must(200, "POST", path("/api/v1/persons/%d/void", x.ID), obj{"reason": "重复录入"})
	if list, _ := e.st.Persons(ctx, prob.UnitID); len(list) != 0 {
		t.Errorf("a voided person stays on the roster: %v", list)
	}
	e.must(409, "POST", path("/api/v1/persons/%d/void", x.ID), obj{"reason": "重复录入"})
	e.must(200, "POST", path("/api/v1/persons/%d/restore", x.ID), nil)
	if list, _ := e.st.Persons(ctx, prob.UnitID); len(list) != 1 {
		t.Errorf("a restored person is not on the roster: %v", list)
	}
}
