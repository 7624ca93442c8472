package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
)

// TestStudyAPI: a sitting of checks is entered (a name not on the roster
// refused, nothing written), listed by result, replaced at its version
// (stale: 409), voided; the study register counts the year's sessions.
func TestStudyAPI(t *testing.T) {
	e := newEnv(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	unit := e.login.User.UnitID
	for _, n := range []string{"钟书记", "王红", "李强"} {
		if err := e.st.SavePerson(ctx, &zhenggai.Person{UnitID: unit, Name: n, Kind: zhenggai.PersonStaff, Party: "中共党员"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.st.SaveMeeting(ctx, &zhenggai.Meeting{UnitID: unit, Type: zhenggai.MeetingStudyGroup, Date: zhenggai.NewDate(2020, 9, 4),
		Attendance: []zhenggai.Attendance{{Name: "王红", Presence: zhenggai.AbsentNoLeave}}}); err != nil {
		t.Fatal(err)
	}
	sitting := obj{"checker_name": "钟书记", "on": "2020-09-28", "period": "2020-Q3",
		"checks": []obj{{"name": "王红", "result": "pass"}, {"name": "查无此人", "result": "none"}}}
	status, out := e.call("POST", "/api/v1/study/notes", sitting)
	if status != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "checks[1]") {
		t.Errorf("a name off the roster: %d %v", status, out)
	}
	sitting["checks"] = []obj{{"name": "王红", "result": "pass"}, {"name": "李强", "result": "none", "remark": "未见笔记"}}
	got := e.must(http.StatusCreated, "POST", "/api/v1/study/notes", sitting)
	cs := arr(got["checks"])
	if len(cs) != 2 || m(cs[1])["period"] != "2020-Q3" || num(m(cs[1])["person_id"]) == 0 {
		t.Fatalf("created %v", got)
	}
	id := num(m(cs[1])["id"])
	if l := arr(e.must(http.StatusOK, "GET", "/api/v1/study/notes?year=2020&result=none", nil)["checks"]); len(l) != 1 {
		t.Errorf("result=none: %v", l)
	}
	put := obj{"version": 1, "name": "李强", "checker_name": "钟书记", "on": "2020-10-20", "period": "2020年10月", "result": "pass"}
	got = e.must(http.StatusOK, "PUT", path("/api/v1/study/notes/%d", id), put)
	if got["period"] != "2020-10" || num(got["version"]) != 2 {
		t.Fatalf("updated %v", got)
	}
	if status, out := e.call("PUT", path("/api/v1/study/notes/%d", id), put); status != http.StatusConflict {
		t.Errorf("stale: %d %v", status, out)
	}
	e.must(http.StatusOK, "POST", path("/api/v1/study/notes/%d/void", id), obj{"reason": "录入错误"})
	study := e.must(http.StatusOK, "GET", "/api/v1/study?year=2020", nil)
	types := arr(study["types"])
	if len(types) == 0 || m(types[0])["type"] != "中心组学习" || num(m(types[0])["sessions"]) != 1 || num(m(types[0])["absent"]) != 1 ||
		num(study["notes_checks"]) != 1 {
		t.Errorf("study %v", study)
	}
}
