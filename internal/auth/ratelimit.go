package auth

import (
	"sync"
	"time"
)

// RateLimit allows at most Max events per key (a client's address) within
// Window: the public's opinion form, which anyone may post to without
// signing in. It lives in memory: a restart forgets, which is harmless
// for a limit meant against floods, not for counting.
type RateLimit struct {
	Max    int
	Window time.Duration

	mu   sync.Mutex
	hits map[string][]time.Time
}

// Allow records an event for key at now and reports whether it is within
// the limit; a refused event is not recorded.
func (l *RateLimit) Allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hits == nil {
		l.hits = map[string][]time.Time{}
	}
	if len(l.hits) > maxKeys {
		// Many addresses: drop what is past the window, keeping live counts.
		for k := range l.hits {
			l.recent(k, now)
		}
	}
	if l.recent(key, now) >= l.Max {
		return false
	}
	l.hits[key] = append(l.hits[key], now)
	return true
}

// recent counts the events of key within the window and drops older ones.
func (l *RateLimit) recent(key string, now time.Time) int {
	hs := l.hits[key]
	i := 0
	for i < len(hs) && now.Sub(hs[i]) >= l.Window {
		i++
	}
	if i > 0 {
		hs = hs[i:]
		if len(hs) == 0 {
			delete(l.hits, key)
		} else {
			l.hits[key] = hs
		}
	}
	return len(hs)
}
