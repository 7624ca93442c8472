package store_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zhenggai/internal/testkit"
)

var updateSchema = flag.Bool("update", false, "rewrite schema.sql and schema.postgres.sql from the migrations")

// schemaFiles are the checked-in schemas, by backend.
var schemaFiles = map[string]string{"sqlite": "schema.sql", "postgres": "schema.postgres.sql"}

// TestSchemaFile: schema.sql and schema.postgres.sql are the schema the
// migrations make on each engine, so that a reader sees each table whole
// rather than a CREATE and the ALTERs of later migrations. After a new
// migration:
//
//	go test ./internal/store -run Schema -update
func TestSchemaFile(t *testing.T) {
	t.Parallel()
	order := tableOrder(t)
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		var got string
		if env.Backend == "postgres" {
			got = postgresSchema(t, env.Raw(t), order)
		} else {
			got = sqliteSchema(t, env.Raw(t), order)
		}
		name := schemaFiles[env.Backend]
		if *updateSchema {
			if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v: write it with go test ./internal/store -run Schema -update", err)
		}
		if string(want) != got {
			w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
			i := 0
			for i < min(len(w), len(g)) && w[i] == g[i] {
				i++
			}
			line := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return "(end of file)"
			}
			t.Errorf("%s is not what the migrations make; from line %d:\n  file:       %s\n  migrations: %s\n"+
				"Rewrite it with go test ./internal/store -run Schema -update", name, i+1, line(w), line(g))
		}
	})
}

const schemaHeader = `-- The schema the migrations in migrations/ make on %s, as the database
-- holds it once all have run. Written by TestSchemaFile; do not edit:
-- after a new migration, go test ./internal/store -run Schema -update.
-- Tables in the order the migrations first create them, each with its
-- columns and constraints, then its indexes and triggers.
`

var createTable = regexp.MustCompile(`(?i)\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["\x60]?(\w+)`)

// tableOrder are the tables in the order they are first created:
// schema_migrations (made before any migration), then the migrations'.
func tableOrder(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	slices.Sort(files)
	order := []string{"schema_migrations"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range createTable.FindAllStringSubmatch(string(b), -1) {
			if name := strings.ToLower(m[1]); !slices.Contains(order, name) {
				order = append(order, name)
			}
		}
	}
	return order
}

// inTableOrder sorts names as in order, those it lacks (a table made under
// another name and renamed) after them, alphabetically.
func inTableOrder(names, order []string) []string {
	rank := func(n string) int {
		if i := slices.Index(order, n); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortFunc(names, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return names
}

// catalogRow is a named definition of the catalog.
type catalogRow struct{ table, name, def string }

func catalogRows(t *testing.T, raw *testkit.Raw, q string) []catalogRow {
	t.Helper()
	rows, err := raw.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	var out []catalogRow
	for rows.Next() {
		var o catalogRow
		if err := rows.Scan(&o.table, &o.name, &o.def); err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rowsByTable groups objects by table, each group sorted by name.
func rowsByTable(objs []catalogRow) map[string][]catalogRow {
	m := map[string][]catalogRow{}
	for _, o := range objs {
		m[o.table] = append(m[o.table], o)
	}
	for _, g := range m {
		slices.SortFunc(g, func(a, b catalogRow) int { return strings.Compare(a.name, b.name) })
	}
	return m
}

// sqliteSchema writes the schema from sqlite_master: each table's text
// one column or constraint a line (ALTER TABLE ADD COLUMN leaves added
// columns run together on its last line), indexes on one line each,
// triggers and views as written.
func sqliteSchema(t *testing.T, raw *testkit.Raw, order []string) string {
	t.Helper()
	objs := catalogRows(t, raw, `SELECT tbl_name, name, type || ' ' || sql FROM sqlite_master
		WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	var b strings.Builder
	fmt.Fprintf(&b, schemaHeader, "SQLite")
	tables := map[string]string{}
	var names, views []string
	indexes, triggers := map[string][]string{}, map[string][]string{}
	for _, g := range rowsByTable(objs) {
		for _, o := range g {
			typ, def, _ := strings.Cut(o.def, " ")
			switch typ {
			case "table":
				tables[o.name] = def
				names = append(names, o.name)
			case "view":
				views = append(views, strings.TrimSpace(def))
			case "index":
				indexes[o.table] = append(indexes[o.table], sqlOneLine(def))
			default:
				triggers[o.table] = append(triggers[o.table], strings.TrimSpace(def))
			}
		}
	}
	for _, name := range inTableOrder(names, order) {
		b.WriteString("\n" + sqliteTable(name, tables[name]) + ";\n")
		for _, d := range append(indexes[name], triggers[name]...) {
			b.WriteString(d + ";\n")
		}
	}
	slices.Sort(views)
	for _, v := range views {
		b.WriteString("\n" + v + ";\n")
	}
	return b.String()
}

// sqliteTable writes a CREATE TABLE one item a line, whitespace outside
// quotes made single spaces, comments dropped.
func sqliteTable(name, def string) string {
	def = sqlStripComments(def)
	open, close := strings.Index(def, "("), strings.LastIndex(def, ")")
	if open < 0 || close < open {
		return sqlOneLine(def)
	}
	items := sqlItems(def[open+1 : close])
	var b strings.Builder
	b.WriteString("CREATE TABLE " + name + " (\n")
	for i, it := range items {
		b.WriteString("    " + sqlOneLine(it))
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteByte(')')
	if rest := sqlOneLine(def[close+1:]); rest != "" {
		b.WriteString(" " + rest)
	}
	return b.String()
}

// sqlScan calls f for each byte of s with whether it lies inside a quoted
// string or name, and the depth of parentheses around it.
func sqlScan(s string, f func(i int, quoted bool, depth int)) {
	var quote byte
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			f(i, true, depth)
			continue
		case c == '\'' || c == '"' || c == '`':
			quote = c
			f(i, true, depth)
			continue
		case c == '[':
			quote = ']'
			f(i, true, depth)
			continue
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
		f(i, false, depth)
	}
}

// sqlItems cuts a table's body at the commas between its items.
func sqlItems(body string) []string {
	var out []string
	start := 0
	sqlScan(body, func(i int, quoted bool, depth int) {
		if !quoted && depth == 0 && body[i] == ',' {
			out = append(out, body[start:i])
			start = i + 1
		}
	})
	return append(out, body[start:])
}

// sqlOneLine makes every run of whitespace outside quotes one space.
func sqlOneLine(s string) string {
	var b strings.Builder
	space := false
	sqlScan(s, func(i int, quoted bool, _ int) {
		if c := s[i]; !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true
			return
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(s[i])
	})
	return b.String()
}

// sqlStripComments drops -- comments to the end of their line and /* */ ones.
func sqlStripComments(s string) string {
	var b strings.Builder
	skipTo := -1
	sqlScan(s, func(i int, quoted bool, _ int) {
		if i < skipTo {
			return
		}
		if !quoted && strings.HasPrefix(s[i:], "--") {
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				skipTo = len(s)
				return
			}
			skipTo = i + end
			return
		}
		if !quoted && strings.HasPrefix(s[i:], "/*") {
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				skipTo = len(s)
				return
			}
			skipTo = i + 2 + end + 2
			b.WriteByte(' ')
			return
		}
		b.WriteByte(s[i])
	})
	return b.String()
}

// postgresSchema writes the schema from PostgreSQL's catalog: each table
// with its columns in their order and its constraints (primary key,
// unique, foreign keys, checks), then its other indexes and its triggers;
// views and functions after the tables.
func postgresSchema(t *testing.T, raw *testkit.Raw, order []string) string {
	t.Helper()
	const inSchema = `n.nspname = current_schema()`
	columns := catalogRows(t, raw, `SELECT c.relname, lpad(a.attnum::text, 4, '0'), quote_ident(a.attname) || ' ' ||
		format_type(a.atttypid, a.atttypmod)
		|| CASE a.attidentity WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' ELSE '' END
		|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		WHERE `+inSchema+` AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`)
	// Primary key, unique, foreign keys, checks, exclusions: in that
	// order, each by name. NOT NULL (a constraint of its own from
	// PostgreSQL 18) is on its column.
	constraints := catalogRows(t, raw, `SELECT t.relname, strpos('pufcx', co.contype::text) || co.conname,
		'CONSTRAINT ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
		FROM pg_constraint co JOIN pg_class t ON t.oid = co.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE `+inSchema+` AND co.contype IN ('p', 'u', 'f', 'c', 'x')`)
	indexes := catalogRows(t, raw, `SELECT t.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE `+inSchema+` AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = x.indexrelid)`)
	triggers := catalogRows(t, raw, `SELECT t.relname, tg.tgname, pg_get_triggerdef(tg.oid) FROM pg_trigger tg
		JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE `+inSchema+` AND NOT tg.tgisinternal`)
	views := catalogRows(t, raw, `SELECT '', c.relname, 'CREATE VIEW ' || quote_ident(c.relname) || ' AS' || chr(10) || pg_get_viewdef(c.oid)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE `+inSchema+` AND c.relkind IN ('v', 'm')`)
	functions := catalogRows(t, raw, `SELECT '', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE `+inSchema)

	var b strings.Builder
	fmt.Fprintf(&b, schemaHeader, "PostgreSQL")
	cols, cons, idx, trg := rowsByTable(columns), rowsByTable(constraints), rowsByTable(indexes), rowsByTable(triggers)
	var names []string
	for name := range cols {
		names = append(names, name)
	}
	var schema string
	if err := raw.QueryRow(`SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	unqualify := func(def string) string { return strings.ReplaceAll(def, schema+".", "") }
	for _, name := range inTableOrder(names, order) {
		b.WriteString("\nCREATE TABLE " + name + " (\n")
		var items []string
		for _, c := range cols[name] {
			items = append(items, c.def)
		}
		for _, c := range cons[name] {
			items = append(items, unqualify(c.def))
		}
		b.WriteString("    " + strings.Join(items, ",\n    ") + "\n);\n")
		for _, o := range append(idx[name], trg[name]...) {
			b.WriteString(unqualify(o.def) + ";\n")
		}
	}
	for _, o := range append(rowsByTable(views)[""], rowsByTable(functions)[""]...) {
		b.WriteString("\n" + unqualify(strings.TrimSpace(o.def)) + ";\n")
	}
	return b.String()
}
