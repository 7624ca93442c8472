package api_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sample"
	"zhenggai/internal/testkit"
)

// TestImportUnitNames: a unit's administrator imports a report that names
// his unit by its full name, and it is his; a report naming it otherwise
// is refused with the question until he answers unit_mine=1, and the name
// is then his unit's alias; a report of another registered unit is
// refused. An administrator's report of an unknown unit is refused until
// he chooses its office, under which it is then registered; nothing is
// written before.
func TestImportUnitNames(t *testing.T) {
	backends(t, func(t *testing.T, e *env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		office := &zhenggai.Unit{Name: "张家界市委巡察办"}
		if err := e.st.SaveUnit(ctx, office); err != nil {
			t.Fatal(err)
		}
		unit := &zhenggai.Unit{Name: "桑植县政协党组", ParentID: office.ID, FullName: "中共政协桑植县委员会党组"}
		if err := e.st.SaveUnit(ctx, unit); err != nil {
			t.Fatal(err)
		}
		other := &zhenggai.Unit{Name: "桑植县卫生健康局党组", ParentID: office.ID}
		if err := e.st.SaveUnit(ctx, other); err != nil {
			t.Fatal(err)
		}
		admin := e.login
		e.login = testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室")
		// The seed report naming its unit so, and signed so.
		named := func(name string) *strings.Reader {
			return strings.NewReader(strings.NewReplacer("中共政协桑植县委员会党组", name, "桑植县政协党组", name).Replace(sample.Sangzhi))
		}

		code, out := e.raw("POST", "/api/v1/imports", "text/plain", named("中共政协桑植县委员会党组"))
		if code != 201 || num(m(out["round"])["unit_id"]) != unit.ID {
			t.Fatalf("import by full name: %d %v", code, out)
		}

		before := e.snapshot()
		code, out = e.raw("POST", "/api/v1/imports", "text/plain", named("县政协党组"))
		if code != 422 || field(out) != zhenggai.FieldUnitMine || !strings.Contains(message(out), "如确是本单位，请确认") {
			t.Fatalf("another name of his unit: %d %v", code, out)
		}
		code, out = e.raw("POST", "/api/v1/imports", "text/plain", named("桑植县卫生健康局党组"))
		if code != 422 || !strings.Contains(message(out), "只能为本单位（桑植县政协党组）新建巡察轮次") {
			t.Fatalf("another unit: %d %v", code, out)
		}
		if e.snapshot() != before {
			t.Error("a refused import wrote something")
		}
		// Named otherwise but signed with the unit's full name: his, no question.
		signed := strings.ReplaceAll(sample.Sangzhi, "桑植县政协党组", "桑植政协党组")
		code, out = e.raw("POST", "/api/v1/imports", "text/plain", strings.NewReader(signed))
		if code != 201 || num(m(out["round"])["unit_id"]) != unit.ID {
			t.Fatalf("signed with the full name: %d %v", code, out)
		}
		code, out = e.raw("POST", "/api/v1/imports?unit_mine=1", "text/plain", named("县政协党组"))
		if code != 201 || num(m(out["round"])["unit_id"]) != unit.ID {
			t.Fatalf("confirmed as his: %d %v", code, out)
		}
		if u, _ := e.st.Unit(ctx, unit.ID); !slices.Equal(u.Aliases, []string{"桑植政协党组", "县政协党组"}) {
			t.Errorf("aliases %q, want the confirmed name", u.Aliases)
		}
		// The alias now finds the unit without asking, in the round form too.
		e.must(201, "POST", "/api/v1/rounds", obj{"unit": "县政协党组", "inspector": "县委第一巡察组"})

		e.login = admin
		before = e.snapshot()
		code, out = e.raw("POST", "/api/v1/imports", "text/plain", named("桑植县文旅广体局党组"))
		if code != 422 || field(out) != zhenggai.FieldUnitParent || !strings.Contains(message(out), "尚未登记，请选择它的上级单位") {
			t.Fatalf("unknown unit: %d %v", code, out)
		}
		if code, out := e.raw("POST", "/api/v1/imports?unit_parent=999999", "text/plain", named("桑植县文旅广体局党组")); code != 422 || field(out) != zhenggai.FieldUnitParent {
			t.Fatalf("a parent that does not exist: %d %v", code, out)
		}
		if e.snapshot() != before {
			t.Error("a refused import wrote something")
		}
		code, out = e.raw("POST", "/api/v1/imports?unit_parent="+itoa(office.ID), "text/plain", named("桑植县文旅广体局党组"))
		if code != 201 {
			t.Fatalf("unknown unit under its office: %d %v", code, out)
		}
		nu, err := e.st.Unit(ctx, num(m(out["round"])["unit_id"]))
		if err != nil || nu.ParentID != office.ID || nu.Name != "桑植县文旅广体局党组" {
			t.Errorf("new unit %+v, %v; want under %d", nu, err, office.ID)
		}
		if code, _ := e.raw("POST", "/api/v1/imports?unit_parent=x", "text/plain", named("某单位")); code != 400 {
			t.Errorf("unit_parent=x: %d, want 400", code)
		}
	})
}

// field is the first field an error answer names.
func field(out obj) string {
	fs := arr(m(out["error"])["fields"])
	if len(fs) == 0 {
		return ""
	}
	s, _ := m(fs[0])["field"].(string)
	return s
}

// message is an error answer's message.
func message(out obj) string { s, _ := m(out["error"])["message"].(string); return s }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
