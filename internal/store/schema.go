package store

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"zhenggai"
)

// The schema check. Whoever can write the database file (or connect to
// PostgreSQL as its owner) can add a trigger that rewrites a field on
// every save, which the log then records as the saver's; a view, an index
// or a function of his own; or drop a constraint. None of that is a row,
// so the hash chain does not see it. CheckSchema compares the schema as
// it is with the one the migrations make, built afresh by the same engine
// where it touches nothing (dialect.reference), and names every
// difference: built by the same engine and version, the two read the
// same where nobody changed anything, whatever the engine's way of
// writing definitions.

// schemaObject is one thing in a database's schema, as its catalog
// shows it.
type schemaObject struct {
	Kind  string // table, column, index, constraint, trigger, view, function, rule, policy, rls, sequence, identity, event trigger
	Table string // the table it belongs to, "" for none
	Name  string
	Def   string // its definition, normalised (normDef)
}

func (o schemaObject) key() string { return o.Kind + "\x00" + o.Table + "\x00" + o.Name }

// SchemaDiff is one difference between the schema and the migrations'.
type SchemaDiff struct {
	Kind  string // as schemaObject.Kind
	Table string
	Name  string
	Live  string // its definition in the database, "" if it lacks it
	Want  string // its definition in the migrations, "" if foreign
}

// ChangesData reports whether the difference can change what is written
// or read behind the program's back (a trigger, a rule, a policy): such a
// database must not be written to until it is removed.
func (d SchemaDiff) ChangesData() bool {
	switch d.Kind {
	case "trigger", "rule", "policy", "rls", "event trigger":
		return d.Live != ""
	}
	return false
}

var kindNames = map[string]string{
	"table": "表", "column": "列", "index": "索引", "constraint": "约束", "trigger": "触发器", "view": "视图",
	"function": "函数", "rule": "规则", "policy": "行级安全策略", "rls": "行级安全", "sequence": "序列",
	"identity": "自增列", "event trigger": "事件触发器",
}

// Message says what differs, in Chinese, for people.
func (d SchemaDiff) Message() string {
	what := kindNames[d.Kind] + " " + d.Name
	if d.Table != "" {
		what += "（表 " + d.Table + "）"
	}
	switch {
	case d.Kind == "column" && d.Want == "":
		return fmt.Sprintf("表 %s 中有不是本程序建立的列 %s：%s", d.Table, d.Name, clipDef(d.Live))
	case d.Kind == "column" && d.Live == "":
		return fmt.Sprintf("表 %s 缺少本程序建立的列 %s（应为：%s），被绕过程序删除", d.Table, d.Name, clipDef(d.Want))
	case d.Kind == "column":
		return fmt.Sprintf("表 %s 的列 %s 的定义被绕过程序改动：现为 %s，应为 %s", d.Table, d.Name, clipDef(d.Live), clipDef(d.Want))
	case d.Want == "" && d.ChangesData():
		return fmt.Sprintf("数据库中有不是本程序建立的%s：%s。它会在读写数据时改动或隐藏记录，而审计日志会把改动记在操作人名下；"+
			"请查明由谁、何时建立，删除后再使用", what, clipDef(d.Live))
	case d.Want == "":
		return fmt.Sprintf("数据库中有不是本程序建立的%s：%s", what, clipDef(d.Live))
	case d.Live == "":
		return fmt.Sprintf("数据库缺少本程序建立的%s（应为：%s），被绕过程序删除", what, clipDef(d.Want))
	}
	return fmt.Sprintf("%s的定义被绕过程序改动：现为 %s，应为 %s", what, clipDef(d.Live), clipDef(d.Want))
}

func clipDef(s string) string {
	if s == "" {
		return "（无定义）"
	}
	return zhenggai.Clip(s, 300)
}

// SchemaSummary counts what the check compared.
type SchemaSummary struct {
	Tables, Indexes int
}

// CheckSchema compares the database's schema with the one its migrations
// make and returns every difference, ordered by kind and name.
func (s *Store) CheckSchema(ctx context.Context) ([]SchemaDiff, SchemaSummary, error) {
	live, ran, err := s.d.catalog(ctx, s.rdb, nil)
	if err != nil {
		return nil, SchemaSummary{}, fmt.Errorf("read the schema: %w", err)
	}
	want, err := s.d.reference(ctx, s, ran)
	if err != nil {
		return nil, SchemaSummary{}, err
	}
	var sum SchemaSummary
	for _, o := range live {
		switch o.Kind {
		case "table":
			sum.Tables++
		case "index":
			sum.Indexes++
		}
	}
	return diffSchemas(live, want), sum, nil
}

// diffSchemas lists what differs between live and want. A table whose
// columns or constraints differ is not named again for its definition,
// which holds them.
func diffSchemas(live, want []schemaObject) []SchemaDiff {
	index := func(objs []schemaObject) map[string]schemaObject {
		m := make(map[string]schemaObject, len(objs))
		for _, o := range objs {
			m[o.key()] = o
		}
		return m
	}
	l, w := index(live), index(want)
	var out []SchemaDiff
	for k, o := range l {
		if x, ok := w[k]; !ok {
			out = append(out, SchemaDiff{Kind: o.Kind, Table: o.Table, Name: o.Name, Live: o.Def})
		} else if x.Def != o.Def {
			out = append(out, SchemaDiff{Kind: o.Kind, Table: o.Table, Name: o.Name, Live: o.Def, Want: x.Def})
		}
	}
	for k, o := range w {
		if _, ok := l[k]; !ok {
			out = append(out, SchemaDiff{Kind: o.Kind, Table: o.Table, Name: o.Name, Want: o.Def})
		}
	}
	parts := map[string]bool{} // tables with a column or constraint named already
	for _, d := range out {
		if d.Kind == "column" || d.Kind == "constraint" {
			parts[d.Table] = true
		}
	}
	kept := out[:0]
	for _, d := range out {
		if d.Kind == "table" && d.Live != "" && d.Want != "" && parts[d.Name] {
			continue
		}
		kept = append(kept, d)
	}
	out = kept
	// What changes data first, then by kind, table and name.
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ChangesData() != b.ChangesData() {
			return a.ChangesData()
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		return a.Name < b.Name
	})
	return out
}

var spaces = regexp.MustCompile(`\s+`)

// normDef writes a definition the same way whatever its spacing and
// quoting, and without its schema's name (schema, when given, as the
// catalog qualifies names with it), so that a database and the reference
// built in a schema of its own compare equal when nothing was changed.
func normDef(def, schema string) string {
	if schema != "" {
		def = strings.ReplaceAll(def, `"`+schema+`".`, "")
		def = strings.ReplaceAll(def, schema+".", "")
	}
	def = strings.ReplaceAll(def, `"`, "")
	def = spaces.ReplaceAllString(strings.TrimSpace(def), " ")
	for _, p := range []string{"(", ")", ","} {
		def = strings.ReplaceAll(def, " "+p, p)
		def = strings.ReplaceAll(def, p+" ", p)
	}
	return def
}
