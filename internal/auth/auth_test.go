package auth

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("正确的密码 correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q", h)
	}
	if !CheckPassword("正确的密码 correct horse", h) {
		t.Error("right password refused")
	}
	for _, bad := range []string{"", "正确的密码 correct hors", "正确的密码 correct horse "} {
		if CheckPassword(bad, h) {
			t.Errorf("%q accepted", bad)
		}
	}
	h2, _ := HashPassword("正确的密码 correct horse")
	if h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, broken := range []string{"", "plain", "$argon2id$v=19$m=19456,t=2,p=1$$", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA",
		"$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA", strings.Replace(h, "t=2", "t=0", 1)} {
		if CheckPassword("x", broken) {
			t.Errorf("broken hash %q accepted", broken)
		}
	}
}

func TestGeneratePassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		p := GeneratePassword()
		if len(p) != 14 || strings.ContainsAny(p, "0O1lI") || seen[p] {
			t.Fatalf("password %q", p)
		}
		seen[p] = true
	}
	if a, b := NewSecret("zt_"), NewSecret("zt_"); a == b || !strings.HasPrefix(a, "zt_") || len(a) < 40 {
		t.Errorf("secrets %q %q", a, b)
	}
	if Digest("a") == Digest("b") || len(Digest("a")) != 64 {
		t.Error("digest")
	}
}

// TestThrottle: the cases of an attack test, each as a table row. What a
// stranger's failures must never do is lock a user out from everywhere: a
// browser he signed in from before keeps signing in, and any other waits
// a minute at most.
func TestThrottle(t *testing.T) {
	t0 := time.Date(2020, 10, 28, 9, 0, 0, 0, time.UTC)
	type try struct {
		name, addr, device string
		after              time.Duration // after the last failure
		min, max           time.Duration // the wait it gets
	}
	tests := []struct {
		name  string
		fails func(th *throttle, at func(int) time.Time) int // returns how many
		tries []try
	}{
		{"50 failures from 10 addresses against one name", func(th *throttle, at func(int) time.Time) int {
			for i := range 50 {
				th.fail("qinli", fmt.Sprintf("198.51.100.%d", i%10), "", at(i))
			}
			return 50
		}, []try{
			{"qinli", "10.0.0.5", "dev-qinli", 0, 0, 0},                                 // her own browser: at once
			{"qinli", "198.51.100.3", "dev-qinli", 0, 0, 0},                             // even from an attacker's address
			{"qinli", "10.0.0.6", "", 0, time.Second, maxDelay},                         // a new browser: a delay, not a lock
			{"qinli", "10.0.0.6", "", maxDelay, 0, 0},                                   // …which passes
			{"qinli", "198.51.100.3", "", maxDelay, 13 * time.Minute, 15 * time.Minute}, // the attacker's pair: paused
			{"chenwei", "198.51.100.3", "", 0, 0, 0},                                    // other names from there: not held up
			{"qinli", "10.0.0.6", "", throttleWindow + time.Second, 0, 0},               // all forgotten after the window
		}},
		{"20 failures from one address against many names", func(th *throttle, at func(int) time.Time) int {
			for i := range 20 {
				th.fail(fmt.Sprintf("user%d", i), "10.0.0.9", "", at(i))
			}
			return 20
		}, []try{
			{"fresh", "10.0.0.9", "dev-fresh", 0, 0, 0},             // a colleague behind the same NAT, known browser
			{"fresh", "10.0.0.9", "", 0, time.Second / 2, maxDelay}, // a new browser there: a delay
			{"fresh", "10.0.0.9", "", maxDelay, 0, 0},
			{"fresh", "10.0.0.10", "", 0, 0, 0}, // elsewhere: nothing
			{"user3", "10.0.0.10", "", 0, 0, 0}, // one failure of a name is no pause
		}},
		{"many more from one address: the delay stops growing", func(th *throttle, at func(int) time.Time) int {
			for i := range 200 {
				th.fail(fmt.Sprintf("user%d", i), "10.0.0.9", "", at(i))
			}
			return 200
		}, []try{
			{"fresh", "10.0.0.9", "", 0, maxDelay - time.Second, maxDelay},
			{"fresh", "10.0.0.9", "", maxDelay, 0, 0},
		}},
		{"five wrong passwords at one desk", func(th *throttle, at func(int) time.Time) int {
			for i := range maxPairFailures {
				th.fail("qinli", "10.0.0.1", "", at(i))
			}
			return maxPairFailures
		}, []try{
			{"qinli", "10.0.0.1", "", 0, 14 * time.Minute, 15 * time.Minute},
			{"qinli", "10.0.0.2", "", 0, 0, 0},          // a stranger's guesses do not lock her out elsewhere
			{"qinli", "10.0.0.1", "dev-qinli", 0, 0, 0}, // nor from her own browser at that desk
			{"qinli", "10.0.0.1", "", throttleWindow + time.Second, 0, 0},
		}},
		{"five wrong passwords from a known browser", func(th *throttle, at func(int) time.Time) int {
			for i := range maxDeviceFailures {
				th.fail("qinli", "10.0.0.1", "dev-qinli", at(i))
			}
			return maxDeviceFailures
		}, []try{
			{"qinli", "10.0.0.1", "dev-qinli", 0, 14 * time.Minute, 15 * time.Minute}, // a stolen cookie is no skeleton key
			{"qinli", "10.0.0.1", "dev-other", 0, 0, 0},
			{"qinli", "10.0.0.1", "", 0, 0, 0},
		}},
		{"nine failures of a name from anywhere: no delay yet", func(th *throttle, at func(int) time.Time) int {
			for i := range freeNameFailures - 1 {
				th.fail("qinli", fmt.Sprintf("198.51.100.%d", i), "", at(i))
			}
			return freeNameFailures - 1
		}, []try{{"qinli", "10.0.0.6", "", 0, 0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var th throttle
			at := func(i int) time.Time { return t0.Add(time.Duration(i) * 100 * time.Millisecond) }
			last := at(tt.fails(&th, at) - 1)
			for _, c := range tt.tries {
				got := th.wait(c.name, c.addr, c.device, last.Add(c.after))
				if got < c.min || got > c.max {
					t.Errorf("%s from %s (browser %q) %v later: wait %v, want %v to %v", c.name, c.addr, c.device, c.after, got, c.min, c.max)
				}
			}
		})
	}
	var th throttle
	for i := range 4 {
		th.fail("qinli", "10.0.0.1", "", t0.Add(time.Duration(i)))
	}
	th.succeed("qinli", "10.0.0.1", "")
	th.fail("qinli", "10.0.0.1", "", t0)
	if th.wait("qinli", "10.0.0.1", "", t0) != 0 {
		t.Error("a successful sign-in does not clear the name at that address")
	}
}
