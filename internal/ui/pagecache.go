package ui

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
)

// pageCache keeps the HTML of read-only pages until the next write to the
// store. html/template spends most of a page's time in reflection, and
// people read the same dashboard and tree many times between two reports.
// A page is keyed by its address, the day (colours change at midnight) and
// the user; any write through the store empties the cache. It runs behind
// the route guard, so a page is only ever served to whom it was made for.
type pageCache struct {
	mu      sync.Mutex
	gen     uint64 // the store's generation the entries belong to
	entries map[pageKey]*cachedPage
	bytes   int
	public  publicGen
}

// publicRecheck is how long the public pages trust the store's generation
// without reading it again, while this process commits nothing: a write
// here shows at once, one by another process (an import from the command
// line) within this time. It spares the many anonymous readers of a
// published report one query each.
const publicRecheck = 100 * time.Millisecond

type publicGen struct {
	mu      sync.Mutex
	gen     uint64
	commits uint64
	at      time.Time
}

func (h *Handler) publicGeneration(r *http.Request) (uint64, error) {
	g := &h.cache.public
	commits := h.Store.LocalCommits()
	now := time.Now()
	g.mu.Lock()
	if !g.at.IsZero() && g.commits == commits && now.Sub(g.at) < publicRecheck {
		gen := g.gen
		g.mu.Unlock()
		return gen, nil
	}
	g.mu.Unlock()
	gen, err := h.Store.Generation(r.Context())
	if err != nil {
		return 0, err
	}
	g.mu.Lock()
	g.gen, g.commits, g.at = gen, commits, now
	g.mu.Unlock()
	return gen, nil
}

type pageKey struct {
	uri   string
	today zhenggai.Date
	user  int64 // pages show who is signed in and what he may see
}

type cachedPage struct {
	header http.Header
	body   []byte
}

// maxCacheBytes bounds the memory the cache may hold.
const maxCacheBytes = 64 << 20

// Cached wraps a page handler. Only GETs that answer 200 are kept, and no
// page carrying a one-time message is served from or kept in the cache.
func (h *Handler) Cached(next http.HandlerFunc) http.HandlerFunc { return h.cached(next, false) }

// PublicCached is Cached for the public site, whose pages are the same
// for everyone, signed in or not: one entry serves every reader.
func (h *Handler) PublicCached(next http.HandlerFunc) http.HandlerFunc { return h.cached(next, true) }

func (h *Handler) cached(next http.HandlerFunc, public bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h.NoPageCache || r.Method != http.MethodGet || flashFrom(r) != "" {
			next(w, r)
			return
		}
		var uid int64
		if u := auth.UserFrom(r.Context()); u != nil && !public {
			uid = u.ID
		}
		key := pageKey{r.URL.RequestURI(), h.today(), uid}
		var gen uint64
		var err error
		if public {
			gen, err = h.publicGeneration(r)
		} else {
			gen, err = h.Store.Generation(r.Context())
		}
		if err != nil {
			next(w, r) // no cache rather than a wrong page
			return
		}
		h.cache.mu.Lock()
		if h.cache.gen != gen {
			h.cache.gen, h.cache.entries, h.cache.bytes = gen, nil, 0
		}
		p := h.cache.entries[key]
		h.cache.mu.Unlock()
		if p != nil {
			for k, v := range p.header {
				w.Header()[k] = v
			}
			// Known length: one write, no chunked encoding.
			w.Header().Set("Content-Length", strconv.Itoa(len(p.body)))
			w.WriteHeader(http.StatusOK)
			w.Write(p.body)
			return
		}
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		next(rec, r)
		if rec.status != http.StatusOK {
			return
		}
		if now, err := h.Store.Generation(r.Context()); err != nil || now != gen {
			if public {
				h.cache.public.mu.Lock()
				h.cache.public.at = time.Time{}
				h.cache.public.mu.Unlock()
			}
			return
		}
		h.cache.mu.Lock()
		defer h.cache.mu.Unlock()
		if h.cache.gen != gen {
			return
		}
		if h.cache.entries == nil || h.cache.bytes+rec.buf.Len() > maxCacheBytes {
			h.cache.entries, h.cache.bytes = map[pageKey]*cachedPage{}, 0
		}
		h.cache.entries[key] = &cachedPage{header: w.Header().Clone(), body: rec.buf.Bytes()}
		h.cache.bytes += rec.buf.Len()
	}
}

// recorder passes a response through while keeping a copy of its body.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == http.StatusOK {
		r.buf.Write(b)
	}
	return r.ResponseWriter.Write(b)
}
