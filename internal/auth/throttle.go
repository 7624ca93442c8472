package auth

import (
	"sync"
	"time"
)

// throttle counts failed sign-ins per login name and per address, and
// refuses further tries for a while once either has failed too often.
type throttle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

const (
	throttleWindow  = 15 * time.Minute
	maxNameFailures = 5  // per login name: guessing one person's password
	maxAddrFailures = 20 // per address: trying many names
)

func (t *throttle) key(kind, v string) string { return kind + "\x00" + v }

// blocked reports whether a try for name from addr must be refused now.
func (t *throttle) blocked(name, addr string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.recent(t.key("n", name), now) >= maxNameFailures || t.recent(t.key("a", addr), now) >= maxAddrFailures
}

// fail records a failed try.
func (t *throttle) fail(name, addr string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.failures == nil {
		t.failures = map[string][]time.Time{}
	}
	if len(t.failures) > 100000 { // an attack with many names: forget the oldest state
		t.failures = map[string][]time.Time{}
	}
	for _, k := range []string{t.key("n", name), t.key("a", addr)} {
		t.failures[k] = append(t.failures[k], now)
	}
}

// succeed forgets the failures of a name that signed in.
func (t *throttle) succeed(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, t.key("n", name))
}

// recent counts failures within the window and drops older ones.
func (t *throttle) recent(k string, now time.Time) int {
	fs := t.failures[k]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) > throttleWindow {
		i++
	}
	if i > 0 {
		fs = fs[i:]
		if len(fs) == 0 {
			delete(t.failures, k)
		} else {
			t.failures[k] = fs
		}
	}
	return len(fs)
}
