package store_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestTables: every table of the schema, as the database's catalog lists
// it, has its entry in the registry, and every entry is a table; an
// audited table has an id (the log's entity_id), a kind names a record
// whose unit query runs, and a history needs a kind (the guard's target).
func TestTables(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		ctx := t.Context()
		have, err := store.SchemaTablesForTest(ctx, env.Store)
		if err != nil {
			t.Fatal(err)
		}
		inSchema := map[string]bool{}
		for _, name := range have {
			inSchema[name] = true
			if store.TableNamed(name) == nil {
				t.Errorf("table %s of the schema is not in the registry (internal/store/tables.go)", name)
			}
		}
		raw := env.Raw(t)
		defer raw.Close()
		for _, tb := range store.Tables {
			if !inSchema[tb.Name] {
				t.Errorf("registry names %s, which the schema does not have", tb.Name)
				continue
			}
			if tb.Label == "" {
				t.Errorf("%s has no label", tb.Name)
			}
			if tb.Audited || tb.Voidable {
				var n int64
				if err := raw.QueryRow(`SELECT COUNT(id) FROM ` + tb.Name).Scan(&n); err != nil {
					t.Errorf("%s: %v", tb.Name, err)
				}
			}
			var hasVersion bool
			if err := raw.QueryRow(`SELECT COUNT(version) FROM ` + tb.Name).Scan(new(int64)); err == nil {
				hasVersion = true
			}
			if hasVersion != tb.Versioned && tb.Name != "schema_migrations" {
				t.Errorf("%s: Versioned is %v, the table has a version column: %v", tb.Name, tb.Versioned, hasVersion)
			}
			if tb.Voidable {
				var n int64
				if err := raw.QueryRow(`SELECT COUNT(*) FROM ` + tb.Name + ` WHERE voided_at IS NULL AND voided_by = '' AND void_reason = ''`).Scan(&n); err != nil {
					t.Errorf("%s is voidable but: %v", tb.Name, err)
				}
			}
			if tb.History != zhenggai.PermUndeclared && (tb.Kind == "" || !tb.Audited) {
				t.Errorf("%s has a history but no kind or no audit", tb.Name)
			}
			if tb.Kind != "" {
				_, err := env.Store.Target(ctx, tb.Kind, 1)
				if zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
					t.Errorf("Target(%s, 1) on an empty database: %v, want not found", tb.Kind, err)
				}
			}
		}
	})
}

// TestUniqueKeys: every UNIQUE constraint of the schema (schema.sql, which
// a test keeps equal to the migrations) is mapped once to what the user
// is told, and a broken one is told so on both backends.
func TestUniqueKeys(t *testing.T) {
	schema, err := os.ReadFile("schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	mapped := map[string]int{}
	for _, k := range store.UniqueKeysForTest() {
		mapped[k]++
	}
	re := regexp.MustCompile(`CONSTRAINT (\w+) UNIQUE|CREATE UNIQUE INDEX (\w+)`)
	for _, m := range re.FindAllStringSubmatch(string(schema), -1) {
		name := m[1] + m[2]
		if mapped[name] != 1 {
			t.Errorf("unique constraint %s is mapped %d times in uniqueKeys (rows.go), want once", name, mapped[name])
		}
	}
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := t.Context()
		r, c, p, _ := seedRound(t, st)
		tests := []struct {
			name, code, field, msg string
			err                    error
		}{
			{"category seq", zhenggai.EINVALID, "seq", "序号1与本轮已有的问题类别重复",
				st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: c.Seq, Title: "又一类"})},
			{"problem seq", zhenggai.EINVALID, "seq", "序号1与本轮已有的具体问题重复",
				st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: p.Seq, Title: "又一个"})},
			{"measure seq", zhenggai.EINVALID, "seq", "本问题已有第2项措施",
				st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 2, Content: "又一项", Kind: zhenggai.MeasureImmediate,
					Status: zhenggai.NotStarted})},
			{"unit name", zhenggai.EINVALID, "name", "已有同名单位“桑植县政协党组”",
				st.SaveUnit(ctx, &zhenggai.Unit{Name: "桑植县政协党组"})},
		}
		for _, tt := range tests {
			if zhenggai.ErrorCode(tt.err) != tt.code {
				t.Errorf("%s: %v (%s), want %s", tt.name, tt.err, zhenggai.ErrorCode(tt.err), tt.code)
				continue
			}
			got := zhenggai.ErrorMessage(tt.err)
			if tt.field != "" {
				got = fieldMsg(tt.err, tt.field)
			}
			if got != tt.msg {
				t.Errorf("%s: %q, want %q", tt.name, got, tt.msg)
			}
		}
	})
}

// TestInternalErrorsNameTheMethod: an error that is not the user's (here
// the database closed under the store) says which store method met it.
func TestInternalErrorsNameTheMethod(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	r, c, _, _ := seedRound(t, st)
	st.Close()
	err := st.CreateCategory(t.Context(), &zhenggai.Category{RoundID: r.ID, Seq: c.Seq + 1, Title: "类别"})
	if err == nil || !strings.HasPrefix(err.Error(), "Store.CreateCategory: ") || zhenggai.ErrorCode(err) != zhenggai.EINTERNAL {
		t.Errorf("error of a closed database: %v (%s)", err, zhenggai.ErrorCode(err))
	}
}
