package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
)

// form keeps what the user typed, so that a refused form comes back
// filled in, with each reason next to its field.
type form struct {
	values map[string]string
	errs   *zhenggai.ValidationError
}

func newForm(r *http.Request, fields ...string) *form {
	f := &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}
	for _, k := range fields {
		f.values[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	return f
}

func (f *form) get(k string) string { return f.values[k] }

// int reads a whole number; label names the field in the message.
func (f *form) int(k, label string) int {
	v := f.values[k]
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.errs.Add(k, label+"须为整数")
	}
	return n
}

func (f *form) int64(k, label string) int64 {
	v := f.values[k]
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		f.errs.Add(k, label+"不正确")
	}
	return n
}

// yuan reads an amount typed in 元 (or 万元) as fen; empty is none.
func (f *form) yuan(k, label string) zhenggai.Fen {
	v := f.values[k]
	if v == "" {
		return 0
	}
	fen, err := zhenggai.ParseYuan(v)
	if err != nil {
		f.errs.Add(k, label+err.Error())
	}
	return fen
}

// count reads a number of persons; empty is none.
func (f *form) count(k, label string) int {
	v := f.values[k]
	if v == "" {
		return 0
	}
	n, err := zhenggai.ParseCount(v)
	if err != nil {
		f.errs.Add(k, label+err.Error())
	}
	return n
}

// date reads an ISO date as sent by <input type=date>.
func (f *form) date(k, label string) zhenggai.Date {
	d, err := zhenggai.ParseDate(f.values[k])
	if err == nil && !d.Valid() {
		err = errors.New("")
	}
	if err != nil {
		f.errs.Add(k, label+"不是有效日期（例如 2020-10-28）")
		return zhenggai.Date{}
	}
	return d
}

// merge adds the reasons of a domain validation error; other errors are
// returned for the caller to show as a page error.
func (f *form) merge(err error) error {
	var v *zhenggai.ValidationError
	if errors.As(err, &v) {
		for _, fe := range v.Fields {
			if f.errs.For(fe.Field) == "" {
				f.errs.Add(fe.Field, fe.Message)
			}
		}
		return nil
	}
	return err
}

// mergeMessage adds the message of a domain error (EINVALID) to field;
// any other error is returned.
func (f *form) mergeMessage(field string, err error) error {
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		return err
	}
	if f.errs.For(field) == "" {
		f.errs.Add(field, zhenggai.ErrorMessage(err))
	}
	return nil
}

func (f *form) valid() bool { return len(f.errs.Fields) == 0 }

// errMap is the reasons by field, for templates.
func (f *form) errMap() map[string]string {
	m := map[string]string{}
	for _, fe := range f.errs.Fields {
		if _, ok := m[fe.Field]; !ok {
			m[fe.Field] = fe.Message
		}
	}
	return m
}
