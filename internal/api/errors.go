package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"zhenggai"
)

// The field names of every 422 answer are the JSON keys of the request.
// The domain's Validate methods already name fields by those keys (unit,
// inspector, kind, onsite_start, …, seq, title, category_id, content,
// deadline, status, date, …); what only the API knows (version,
// measure_version, declared.as_of, files) is named here.

// merge adds the fields of err, a domain validation error, to v, skipping
// fields v already names (a date that could not be read is also "empty" to
// the domain, and one reason per field is enough). Any other error is
// returned as it is.
func merge(v *zhenggai.ValidationError, err error) error {
	if err == nil {
		return v.Err()
	}
	var ve *zhenggai.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for _, f := range ve.Fields {
		if v.For(f.Field) == "" {
			v.Add(f.Field, f.Message)
		}
	}
	return v.Err()
}

// parseDate reads an ISO date sent as a JSON string. Decision: dates are
// decoded as strings and read here rather than by zhenggai.Date's
// UnmarshalText inside the JSON decoder, so that a date that is well
// formed JSON but not a day ("2020-02-30", "明天") is a 422 naming its
// field, like every other wrong value; a date of the wrong JSON type
// (a number) is still a 400 from decode.
func parseDate(v *zhenggai.ValidationError, field, label, raw string) zhenggai.Date {
	var d zhenggai.Date
	if err := d.UnmarshalText([]byte(raw)); err != nil {
		if isoShaped(strings.TrimSpace(raw)) {
			v.Add(field, label+"不是存在的日期："+raw)
		} else {
			v.Add(field, label+"格式不正确，应为2020-10-28这样的格式")
		}
		return zhenggai.Date{}
	}
	return d
}

// isoShaped reports whether s looks like YYYY-MM-DD.
func isoShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// requireVersion checks that an update names the version it was based on.
func requireVersion(v *zhenggai.ValidationError, field string, version int64) {
	if version <= 0 {
		v.Add(field, "请提供所修改记录的版本号")
	}
}

// conflictBody is a 409 with the record as it is stored now, so that the
// client can show the difference and retry on the current version.
type conflictBody struct {
	errorBody
	Current any `json:"current"`
}

// failSave answers the error of an update that was sent at version sent.
// A conflict with a newer stored version is a stale version (409 with the
// current record); any other is told as it is (a number taken is the
// store's 422 on seq). current loads the record as GET shows it.
func (h *Handler) failSave(w http.ResponseWriter, r *http.Request, err error, sent int64,
	current func(context.Context) (any, int64, error)) {
	if zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
		h.fail(w, r, err)
		return
	}
	cur, version, cerr := current(r.Context())
	if cerr != nil {
		h.fail(w, r, cerr)
		return
	}
	if version == sent {
		h.fail(w, r, err)
		return
	}
	h.conflict(w, err, cur)
}

// conflict answers 409 with the error and the current record.
func (h *Handler) conflict(w http.ResponseWriter, err error, current any) {
	var body conflictBody
	body.Error.Code = zhenggai.ECONFLICT
	body.Error.Message = zhenggai.ErrorMessage(err)
	body.Current = current
	writeJSON(w, http.StatusConflict, body)
}

// tooLarge answers 413 with a Chinese message.
func (h *Handler) tooLarge(w http.ResponseWriter, field, msg string) {
	var body errorBody
	body.Error.Code = "too_large"
	body.Error.Message = msg
	if field != "" {
		body.Error.Fields = []zhenggai.FieldError{{Field: field, Message: msg}}
	}
	writeJSON(w, http.StatusRequestEntityTooLarge, body)
}
