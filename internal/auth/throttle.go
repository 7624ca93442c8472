package auth

import (
	"sync"
	"time"
)

// throttle counts failed sign-ins and refuses further tries for a while:
// for one name from one address after a few failures (a colleague mistyping
// is not locked out by a stranger elsewhere), for an address trying many
// names, and for a name guessed from many addresses at once.
type throttle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

const (
	throttleWindow  = 15 * time.Minute
	maxPairFailures = 5  // one name from one address: guessing a password
	maxAddrFailures = 20 // one address: trying many names
	maxNameFailures = 50 // one name from anywhere: a distributed guess
	maxKeys         = 100000
)

func (t *throttle) key(kind, v string) string { return kind + "\x00" + v }

// blocked reports whether a try for name from addr must be refused now.
func (t *throttle) blocked(name, addr string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.recent(t.key("p", name+"\x00"+addr), now) >= maxPairFailures ||
		t.recent(t.key("a", addr), now) >= maxAddrFailures ||
		t.recent(t.key("n", name), now) >= maxNameFailures
}

// fail records a failed try.
func (t *throttle) fail(name, addr string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.failures == nil {
		t.failures = map[string][]time.Time{}
	}
	if len(t.failures) > maxKeys {
		// Many names or addresses: drop what is past the window, keeping
		// every live count (clearing all would reset an attacker's too).
		for k := range t.failures {
			t.recent(k, now)
		}
	}
	for _, k := range []string{t.key("p", name+"\x00"+addr), t.key("a", addr), t.key("n", name)} {
		t.failures[k] = append(t.failures[k], now)
	}
}

// succeed forgets the failures of a name at the address it signed in from.
func (t *throttle) succeed(name, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, t.key("p", name+"\x00"+addr))
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
