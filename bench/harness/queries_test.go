//go:build linux

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pinned are the declarations of internal/store whose SQL queries.go
// copies, each with a digest of its string literals (and, for ledgerIn,
// of the store methods it calls), in order. When a test below fails, the
// store's SQL changed: copy the new text into queries.go, then put the
// digest the failure prints here.
var pinned = map[string]string{
	"summary.go scopeUnitSQL":      "de93bb19f00a91d9",
	"summary.go addColours":        "3d102f01dae495d2",
	"round_page.go roundFrom":      "6970644b827fcde0",
	"round_page.go roundPageIn":    "17abc05b37019585",
	"round_page.go dueTotals":      "e4a5fc18d5c40665",
	"round_page.go pendingByRound": "98581d64a3994a8c",
	"round_counts.go openDueSQL":   "6d8e85cf518eae9c",
	"summary.go allSettings":       "ae5b0e3e89127b2a",
	"rounds.go roundCols":          "c8dbaf107c1426aa",
	"rounds.go roundListCols":      "e322280c598f3b92",
	"rounds.go roundIn":            "778a737c5628ac8b",
	"settings.go settingsIn":       "e9352ac57f6c4d0e",
	"categories.go categoryCols":   "bf58ec207298a551",
	"categories.go categoriesIn":   "04f9a6a5c343e8ca",
	"problems.go problemCols":      "8e77092c14b8141f",
	"problems.go problemsIn":       "8878ce7f5f374205",
	"measures.go measureCols":      "619b93b56e648e3b",
	"measures.go measuresIn":       "70d0f52d54e4acfc",
	"measures.go measures":         "f73414d0f1016b38",
	"ledger.go ledgerIn":           "6f721509cfd8d14a",
	"dialect.go pgDialect.rebind":  "63f543cb6aa25c62",
}

// declFingerprint is what the digest covers: the declaration's string
// literals and the s.Method calls it makes, in source order.
func declFingerprint(t *testing.T, file, name string) (string, bool) {
	digest, _, ok := declParts(t, file, name)
	return digest, ok
}

// declParts returns the digest and the string literals of a declaration.
func declParts(t *testing.T, file, name string) (string, []string, bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "..", "internal", "store", file), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	recv, fn, _ := strings.Cut(name, ".")
	if fn == "" {
		recv, fn = "", name
	}
	var node ast.Node
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name != fn {
				continue
			}
			r := ""
			if d.Recv != nil && len(d.Recv.List) == 1 {
				switch x := d.Recv.List[0].Type.(type) {
				case *ast.Ident:
					r = x.Name
				case *ast.StarExpr:
					r = x.X.(*ast.Ident).Name
				}
			}
			if recv == "" || r == recv {
				node = d
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if vs, ok := s.(*ast.ValueSpec); ok {
					for i, n := range vs.Names {
						if n.Name == fn && recv == "" && i < len(vs.Values) {
							node = vs.Values[i]
						}
					}
				}
			}
		}
	}
	if node == nil {
		return "", nil, false
	}
	var parts, lits []string
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				s, err := strconv.Unquote(n.Value)
				if err != nil {
					t.Fatal(err)
				}
				parts = append(parts, "lit:"+s)
				lits = append(lits, s)
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "s" {
					parts = append(parts, "call:"+sel.Sel.Name)
				}
			}
		}
		return true
	})
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:8]), lits, true
}

// TestStoreSQLUnchanged fails when the SQL that queries.go copies changes
// in internal/store, so that the bare timings never drift silently from
// what the program runs.
func TestStoreSQLUnchanged(t *testing.T) {
	for key, want := range pinned {
		file, name, _ := strings.Cut(key, " ")
		got, ok := declFingerprint(t, file, name)
		if !ok {
			t.Errorf("internal/store/%s: %s is gone; bench/harness/queries.go copies its SQL", file, name)
			continue
		}
		if got != want {
			t.Errorf("internal/store/%s: the SQL of %s changed (digest %s, pinned %s): update bench/harness/queries.go, then the digest in queries_test.go", file, name, got, want)
		}
	}
}

// TestCopyHasStoreSQL checks the other way: every piece of SQL in the
// pinned declarations (a literal with a space in it) stands in queries.go,
// so that a digest cannot be updated without the copy.
func TestCopyHasStoreSQL(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "queries.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var copied []string
	ast.Inspect(f, func(n ast.Node) bool {
		if l, ok := n.(*ast.BasicLit); ok && l.Kind == token.STRING {
			s, err := strconv.Unquote(l.Value)
			if err != nil {
				t.Fatal(err)
			}
			copied = append(copied, s)
		}
		return true
	})
	for key := range pinned {
		file, name, _ := strings.Cut(key, " ")
		if name == "pgDialect.rebind" {
			continue // code, not SQL: pgRebind does the same
		}
		_, lits, _ := declParts(t, file, name)
		for _, l := range lits {
			if !strings.Contains(l, " ") {
				continue
			}
			found := false
			for _, c := range copied {
				if strings.Contains(c, l) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("internal/store/%s %s: %q is not in bench/harness/queries.go", file, name, l)
			}
		}
	}
}
