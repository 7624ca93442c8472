package zhenggai

import "net/http"

// HTTPStatus is the status the pages and the API answer an error code
// with. It is the one table of them, so that a page and the API never
// disagree, and a new code gets its status here; a code it does not know
// is our fault (500). "" is no error.
func HTTPStatus(code string) int {
	switch code {
	case "":
		return http.StatusOK
	case EINVALID:
		return http.StatusUnprocessableEntity
	case ENOTFOUND:
		return http.StatusNotFound
	case ECONFLICT, ELOCKED:
		// Both say: not now, because of the record's state.
		return http.StatusConflict
	case EFORBID:
		return http.StatusForbidden
	case ETHROTTLED:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
