package auth

import (
	"sync"
	"time"
)

// throttle counts failed sign-ins and makes further tries wait, without
// ever letting strangers lock a user out from everywhere:
//
//   - one name from one address: a few failures pause that pair for the
//     window (a password guessed at one desk); a colleague at another
//     desk, or the user at his own browser, is not affected;
//   - one name from anywhere, and one address trying many names: past a
//     free allowance, each further try must wait a delay that doubles with
//     every failure, up to maxDelay, counted from the last failure (a
//     distributed guess, or one machine trying the whole staff list, is
//     slowed to a try a minute; the user waits at most that);
//   - a browser that has signed in as the user before (a device cookie the
//     store knows for him) skips all three and has a strict count of its
//     own: whatever strangers do, he keeps signing in from it.
//
// It lives in memory: a restart forgets, which is harmless for a limit
// meant against guessing.
type throttle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

const (
	throttleWindow    = 15 * time.Minute
	maxPairFailures   = 5  // one name from one address, then paused for the window
	maxDeviceFailures = 5  // one name from a browser it signed in from before
	freeNameFailures  = 10 // one name from anywhere before tries are delayed
	freeAddrFailures  = 20 // one address, any names, before tries are delayed
	firstDelay        = time.Second
	maxDelay          = time.Minute
	maxKeys           = 100000
)

func (t *throttle) key(kind, v string) string { return kind + "\x00" + v }

// keys are the counters a try touches: a known device's own, or the three
// of a stranger's browser.
func (t *throttle) keys(name, addr, device string) []string {
	if device != "" {
		return []string{t.key("d", device+"\x00"+name)}
	}
	return []string{t.key("p", name+"\x00"+addr), t.key("n", name), t.key("a", addr)}
}

// wait is how long a try for name from addr must wait at now; 0 lets it
// through. device is the digest of a browser the user signed in from
// before, "" for any other.
func (t *throttle) wait(name, addr, device string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if device != "" {
		return t.paused(t.key("d", device+"\x00"+name), maxDeviceFailures, now)
	}
	return max(t.paused(t.key("p", name+"\x00"+addr), maxPairFailures, now),
		t.delayed(t.key("n", name), freeNameFailures, now),
		t.delayed(t.key("a", addr), freeAddrFailures, now))
}

// paused: after limit failures within the window, until the oldest of
// the last limit leaves it.
func (t *throttle) paused(k string, limit int, now time.Time) time.Duration {
	fs := t.recent(k, now)
	if len(fs) < limit {
		return 0
	}
	return fs[len(fs)-limit].Add(throttleWindow).Sub(now)
}

// delayed: past free failures within the window, firstDelay doubled for
// each further one, at most maxDelay, after the last.
func (t *throttle) delayed(k string, free int, now time.Time) time.Duration {
	fs := t.recent(k, now)
	if len(fs) < free {
		return 0
	}
	d := firstDelay
	for i := free; i < len(fs) && d < maxDelay; i++ {
		d *= 2
	}
	return max(0, fs[len(fs)-1].Add(min(d, maxDelay)).Sub(now))
}

// fail records a failed try.
func (t *throttle) fail(name, addr, device string, now time.Time) {
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
	for _, k := range t.keys(name, addr, device) {
		t.failures[k] = append(t.failures[k], now)
	}
}

// succeed forgets the failures of a name at the address or browser it
// signed in from.
func (t *throttle) succeed(name, addr, device string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, t.key("p", name+"\x00"+addr))
	if device != "" {
		delete(t.failures, t.key("d", device+"\x00"+name))
	}
}

// recent returns the failures within the window, dropping older ones.
func (t *throttle) recent(k string, now time.Time) []time.Time {
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
	return fs
}
