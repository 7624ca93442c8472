package store_test

import (
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
