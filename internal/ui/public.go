package ui

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/report"
)

// The public site under /public/: published progress reports and the
// opinion form, for anyone, without signing in. Its pages have their own
// layout (no staff header, no script at all), read well on a phone and
// print well (static/public.css), and are cached until the next write.

//go:embed templates/public/*.html
var publicFiles embed.FS

var (
	publicOnce  sync.Once
	publicPages map[string]*template.Template
	publicErr   error
)

func loadPublicPages() (map[string]*template.Template, error) {
	publicOnce.Do(func() {
		base, err := template.New("layout.html").Funcs(funcs).ParseFS(publicFiles, "templates/public/layout.html")
		if err != nil {
			publicErr = err
			return
		}
		names, _ := fs.Glob(publicFiles, "templates/public/*.html")
		publicPages = map[string]*template.Template{}
		for _, n := range names {
			name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/public/"), ".html")
			if name == "layout" {
				continue
			}
			t, err := template.Must(base.Clone()).ParseFS(publicFiles, n)
			if err != nil {
				publicErr = err
				return
			}
			publicPages[name] = t
		}
	})
	return publicPages, publicErr
}

// publicPage is what the public templates get.
type publicPage struct {
	Title  string
	Data   any
	Form   map[string]string
	Errors map[string]string
	Today  zhenggai.Date
}

func (h *Handler) renderPublic(w http.ResponseWriter, r *http.Request, status int, name string, p *publicPage) {
	ps, err := loadPublicPages()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	t := ps[name]
	if t == nil {
		h.serverError(w, r, errors.New("no public template "+name))
		return
	}
	p.Today = h.today()
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// failPublic shows an error on a public page.
func (h *Handler) failPublic(w http.ResponseWriter, r *http.Request, err error) {
	status := zhenggai.HTTPStatus(zhenggai.ErrorCode(err))
	if status == http.StatusInternalServerError {
		h.Log.Error("public page", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	h.renderPublic(w, r, status, "error", &publicPage{Title: "出错了", Data: zhenggai.ErrorMessage(err)})
}

// PublicList is /public/: the published reports, newest first.
func (h *Handler) PublicList(w http.ResponseWriter, r *http.Request) {
	pubs, err := h.Store.Publications(r.Context(), 0)
	if err != nil {
		h.failPublic(w, r, err)
		return
	}
	h.renderPublic(w, r, http.StatusOK, "list", &publicPage{Title: "巡察整改进展情况公布", Data: pubs})
}

// livePublication reads the {id} of a public route: a publication that
// is public (approved, not withdrawn); false means an answer was sent.
func (h *Handler) livePublication(w http.ResponseWriter, r *http.Request) (*zhenggai.Publication, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.failPublic(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "页面不存在"))
		return nil, false
	}
	p, err := h.Store.Publication(r.Context(), id)
	switch {
	case err != nil:
	case p.Withdrawn:
		err = zhenggai.Errorf(zhenggai.ENOTFOUND, "该报告已撤回")
	case !p.Public():
		// Not yet approved: for the public it does not exist.
		err = zhenggai.Errorf(zhenggai.ENOTFOUND, "页面不存在")
	}
	if err != nil {
		h.failPublic(w, r, err)
		return nil, false
	}
	return p, true
}

// PublicReport is /public/reports/{id}: the report as published, a link
// to the opinion form under every problem, and the opinions whose answers
// the unit published, each under its problem or at the end.
func (h *Handler) PublicReport(w http.ResponseWriter, r *http.Request) {
	p, ok := h.livePublication(w, r)
	if !ok {
		return
	}
	ops, err := h.Store.PublishedOpinions(r.Context(), p.ID)
	if err != nil {
		h.failPublic(w, r, err)
		return
	}
	byProblem := map[int64][]*zhenggai.Opinion{}
	var general []*zhenggai.Opinion
	for _, o := range ops {
		if _, ok := p.Problem(o.ProblemID); ok {
			byProblem[o.ProblemID] = append(byProblem[o.ProblemID], o)
		} else {
			general = append(general, o)
		}
	}
	ps, err := loadPublicPages()
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	body, err := withProblemLinks(p, func(id int64) (string, error) {
		var b bytes.Buffer
		err := ps["report"].ExecuteTemplate(&b, "problem-extra", struct {
			Pub      *zhenggai.Publication
			Problem  int64
			Opinions []*zhenggai.Opinion
		}{p, id, byProblem[id]})
		return b.String(), err
	})
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.renderPublic(w, r, http.StatusOK, "report", &publicPage{Title: p.Title, Data: map[string]any{
		"Pub": p, "Body": template.HTML(body), "General": general,
	}})
}

var startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bid="problem-(\d+)"[^>]*>`)

// withProblemLinks inserts, at the end of each problem's element in the
// publication's body, what extra returns for it. The body is the report
// renderer's own well-formed HTML; an element whose end cannot be found
// gets nothing rather than a broken page.
func withProblemLinks(p *zhenggai.Publication, extra func(problemID int64) (string, error)) (string, error) {
	body := p.Body
	var out strings.Builder
	for {
		m := startTag.FindStringSubmatchIndex(body)
		if m == nil {
			out.WriteString(body)
			return out.String(), nil
		}
		tag := body[m[2]:m[3]]
		id, _ := strconv.ParseInt(body[m[4]:m[5]], 10, 64)
		end := closingTag(body[m[1]:], tag)
		if _, ok := p.Problem(id); !ok || end < 0 {
			out.WriteString(body[:m[1]])
			body = body[m[1]:]
			continue
		}
		x, err := extra(id)
		if err != nil {
			return "", err
		}
		// Up to the end of the problem's content, then the extra, and go
		// on after it (problems may nest no further problems).
		cut := m[1] + end
		out.WriteString(body[:cut])
		out.WriteString(x)
		body = body[cut:]
	}
}

// closingTag returns the offset in s of the </tag> that closes an element
// opened just before s, or -1.
func closingTag(s, tag string) int {
	re := regexp.MustCompile(`(?i)<(/?)` + regexp.QuoteMeta(tag) + `\b[^>]*>`)
	depth := 1
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if m[3] > m[2] {
			depth--
			if depth == 0 {
				return m[0]
			}
		} else if !strings.HasSuffix(s[m[0]:m[1]], "/>") {
			depth++
		}
	}
	return -1
}

// Opinions per client address: a few in an hour is what a person writes;
// more is a flood, refused with a message.
const (
	opinionsPerWindow = 5
	opinionWindow     = time.Hour
)

// NewOpinion is the opinion form, on the report or on one of its problems
// (?problem=ID).
func (h *Handler) NewOpinion(w http.ResponseWriter, r *http.Request) {
	p, ok := h.livePublication(w, r)
	if !ok {
		return
	}
	form := map[string]string{"problem_id": r.URL.Query().Get("problem")}
	h.renderPublic(w, r, http.StatusOK, "opinion", &publicPage{Title: "意见建议", Data: p, Form: form})
}

// CreateOpinion receives the form: checked, throttled per address, then
// stored; the visitor is sent to the thank-you page with its number.
func (h *Handler) CreateOpinion(w http.ResponseWriter, r *http.Request) {
	p, ok := h.livePublication(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.failPublic(w, r, zhenggai.Errorf(zhenggai.EINVALID, "提交的内容过长或无法识别"))
		return
	}
	form := map[string]string{}
	for _, k := range []string{"problem_id", "name", "contact", "content"} {
		form[k] = r.PostFormValue(k)
	}
	o := &zhenggai.Opinion{PublicationID: p.ID, Name: form["name"], Contact: form["contact"], Content: form["content"]}
	var v zhenggai.ValidationError
	if s := strings.TrimSpace(form["problem_id"]); s != "" && s != "0" {
		id, err := strconv.ParseInt(s, 10, 64)
		if _, found := p.Problem(id); err != nil || !found {
			v.Add("problem_id", "所选具体问题不在该报告中")
		}
		o.ProblemID = id
	}
	err := v.Err()
	if err == nil {
		err = o.Validate()
	}
	if err != nil {
		h.opinionFormError(w, r, p, form, err)
		return
	}
	h.opinionOnce.Do(func() { h.opinionLimit = &auth.RateLimit{Max: opinionsPerWindow, Window: opinionWindow} })
	if !h.opinionLimit.Allow(auth.RemoteAddr(r), h.Now()) {
		h.renderPublic(w, r, http.StatusTooManyRequests, "opinion", &publicPage{Title: "意见建议", Data: p, Form: form,
			Errors: map[string]string{"_": fmt.Sprintf("同一地址一小时内最多提交%d条意见建议，请稍后再试。您填写的内容仍在下面。", opinionsPerWindow)}})
		return
	}
	ctx := zhenggai.WithActor(r.Context(), zhenggai.Actor{Name: "public", Via: "web", Addr: auth.RemoteAddr(r)})
	if u := auth.UserFrom(r.Context()); u != nil {
		ctx = r.Context() // a signed-in visitor is recorded as himself
	}
	receipt := auth.NewSecret("zr_")
	o.Receipt = auth.Digest(receipt)
	if err := h.Store.CreateOpinion(ctx, o); err != nil {
		h.opinionFormError(w, r, p, form, err)
		return
	}
	thanks := "/public/thanks/" + o.Ref
	// The thank-you page is the sender's: his browser alone holds the key.
	http.SetCookie(w, &http.Cookie{Name: receiptCookie, Value: receipt, Path: thanks, MaxAge: int(receiptKeep.Seconds()),
		HttpOnly: true, Secure: auth.HTTPS(r), SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, thanks, http.StatusSeeOther)
}

// The receipt of an opinion: a cookie for its thank-you page only, kept a
// month, so that the sender may look up its number again from the same
// browser; nobody else can open the page, or learn that the number exists.
const (
	receiptCookie = "zg_receipt"
	receiptKeep   = 30 * 24 * time.Hour
)

func (h *Handler) opinionFormError(w http.ResponseWriter, r *http.Request, p *zhenggai.Publication, form map[string]string, err error) {
	var ve *zhenggai.ValidationError
	if !errors.As(err, &ve) {
		h.failPublic(w, r, err)
		return
	}
	errs := map[string]string{}
	for _, f := range ve.Fields {
		errs[f.Field] = f.Message
	}
	h.renderPublic(w, r, http.StatusUnprocessableEntity, "opinion", &publicPage{Title: "意见建议", Data: p, Form: form, Errors: errs})
}

func init() {
	// The day a time falls on in Shanghai, the Chinese way.
	funcs["pubdate"] = func(t time.Time) string { return zhenggai.DateOf(t).Chinese() }
	funcs["clip"] = zhenggai.Clip
}

// OpinionThanks is the page after sending: the reference number, and
// nothing of what was sent; for the sender's browser only (the receipt
// cookie), anyone else finds no such page.
func (h *Handler) OpinionThanks(w http.ResponseWriter, r *http.Request) {
	var o *zhenggai.Opinion
	var err error = zhenggai.Errorf(zhenggai.ENOTFOUND, "页面不存在")
	for _, c := range r.Cookies() {
		if c.Name == receiptCookie && o == nil {
			if got, e := h.Store.OpinionReceipt(r.Context(), r.PathValue("ref"), auth.Digest(c.Value)); e == nil {
				o, err = got, nil
			} else if zhenggai.ErrorCode(e) != zhenggai.ENOTFOUND {
				err = e
			}
		}
	}
	if o == nil {
		h.failPublic(w, r, err)
		return
	}
	p, err := h.Store.Publication(r.Context(), o.PublicationID)
	if err != nil {
		h.failPublic(w, r, err)
		return
	}
	h.renderPublic(w, r, http.StatusOK, "thanks", &publicPage{Title: "感谢您的意见建议", Data: map[string]any{"Opinion": o, "Pub": p}})
}

// ReportCSS is the report's own style sheet, which the public report page
// links: the report package keeps it beside the HTML it styles.
func (h *Handler) ReportCSS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	io.WriteString(w, report.CSS)
}
