package zhenggai

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes, in the spirit of wtf: the pages and the API answer them
// with the statuses of HTTPStatus, the CLI with exit codes; the message is
// Chinese and shown to the user as is.
const (
	ECONFLICT = "conflict"  // a stale version, or a duplicate
	EINTERNAL = "internal"  // our fault
	EINVALID  = "invalid"   // the user's input is wrong
	ENOTFOUND = "not_found" // no such record (in this unit)
	EFORBID   = "forbidden" // not allowed
	// ELOCKED: the record is closed (accepted, locked) or waits on a
	// closing decision (submitted to the office, requested of the leader):
	// not a stale version, and the message says which.
	ELOCKED = "locked"
	// ETHROTTLED: a sign-in or password change refused while tries for
	// the name or from the address are paused or delayed.
	ETHROTTLED = "throttled"
)

// Error is a domain error with a code and a message for users.
type Error struct {
	Code    string
	Message string
}

// Error is the message alone, so that a wrapped error reads as one
// Chinese sentence ("问题5：整改措施不能为空").
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for unknown errors and ""
// for nil. Validation errors are EINVALID.
func ErrorCode(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v):
		return EINVALID
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; internal errors get
// a generic one so that no detail of the machine leaks.
func ErrorMessage(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v), errors.As(err, &e):
		return err.Error()
	}
	return "内部错误，请联系系统管理员"
}

// FieldError names one bad field and why.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError collects every problem with one input, so that a form
// can show each reason next to its field.
type ValidationError struct {
	Fields []FieldError
}

// Add records a bad field.
func (v *ValidationError) Add(field, msg string) {
	v.Fields = append(v.Fields, FieldError{field, msg})
}

// Err returns v when something was added, or nil.
func (v *ValidationError) Err() error {
	if len(v.Fields) == 0 {
		return nil
	}
	return v
}

// For returns the message for a field, or "".
func (v *ValidationError) For(field string) string {
	for _, f := range v.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

func (v *ValidationError) Error() string {
	var parts []string
	for _, f := range v.Fields {
		parts = append(parts, f.Message)
	}
	return "输入有误：" + strings.Join(parts, "；")
}
