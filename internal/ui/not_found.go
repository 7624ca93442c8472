package ui

import (
	"net/http"

	"zhenggai"
)

// NotFound answers an address no route has: a page in Chinese with the
// menu of whoever is signed in, so that he goes on from there.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "没有这个页面（%s）：地址可能输错了，或者链接已经失效。请从上方菜单或首页继续。", r.URL.Path))
}
