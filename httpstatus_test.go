package zhenggai

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// statusOfCode is what a page and the API answer each error code with.
var statusOfCode = map[string]int{
	EINVALID:   422,
	ENOTFOUND:  404,
	ECONFLICT:  409,
	ELOCKED:    409, // a closed or waiting record: not a stale version, but not now either
	EFORBID:    403,
	ETHROTTLED: 429,
	EINTERNAL:  500,
}

func TestHTTPStatus(t *testing.T) {
	for code, want := range statusOfCode {
		if got := HTTPStatus(code); got != want {
			t.Errorf("HTTPStatus(%q) = %d, want %d", code, got, want)
		}
	}
	if got := HTTPStatus("no_such_code"); got != 500 {
		t.Errorf("an unknown code answers %d, want 500", got)
	}
	if got := HTTPStatus(ErrorCode(nil)); got != 200 {
		t.Errorf("no error answers %d, want 200", got)
	}
	// Through ErrorCode, as the handlers call it.
	for _, c := range []struct {
		err  error
		want int
	}{
		{Errorf(ELOCKED, "该问题已销号"), 409},
		{&ValidationError{Fields: []FieldError{{"title", "标题不能为空"}}}, 422},
		{errString("disk full"), 500},
	} {
		if got := HTTPStatus(ErrorCode(c.err)); got != c.want {
			t.Errorf("HTTPStatus(ErrorCode(%v)) = %d, want %d", c.err, got, c.want)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestEveryErrorCodeHasAStatus reads the codes declared in error.go, so
// that a code added there without a row above (and a case in HTTPStatus)
// fails here rather than answering 500.
func TestEveryErrorCodeHasAStatus(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "error.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING || name.Name[0] != 'E' {
					continue
				}
				code, _ := strconv.Unquote(lit.Value)
				n++
				want, ok := statusOfCode[code]
				if !ok {
					t.Errorf("error code %s (%q) has no expected status in statusOfCode", name.Name, code)
					continue
				}
				if code != EINTERNAL && want == 500 {
					t.Errorf("error code %s answers 500, which is for our faults", name.Name)
				}
			}
		}
	}
	if n != len(statusOfCode) {
		t.Errorf("error.go declares %d codes, statusOfCode has %d", n, len(statusOfCode))
	}
}
