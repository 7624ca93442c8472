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

func TestThrottle(t *testing.T) {
	var th throttle
	now := time.Date(2020, 10, 28, 9, 0, 0, 0, time.UTC)
	for i := range maxPairFailures {
		if th.blocked("qinli", "10.0.0.1", now) {
			t.Fatalf("blocked after %d failures", i)
		}
		th.fail("qinli", "10.0.0.1", now)
	}
	if !th.blocked("qinli", "10.0.0.1", now) {
		t.Error("a name guessed 5 times from one address is not paused there")
	}
	if th.blocked("qinli", "10.0.0.2", now) {
		t.Error("a stranger's guesses lock the user out from her own desk")
	}
	if th.blocked("qinli", "10.0.0.1", now.Add(throttleWindow+time.Second)) {
		t.Error("the pause does not end")
	}
	// Many names from one address.
	for i := range maxAddrFailures {
		th.fail(strings.Repeat("x", i+1), "10.9.9.9", now)
	}
	if !th.blocked("fresh", "10.9.9.9", now) {
		t.Error("an address trying many names is not paused")
	}
	// One name from many addresses.
	for i := range maxNameFailures {
		th.fail("admin", fmt.Sprintf("10.1.%d.%d", i/250, i%250), now)
	}
	if !th.blocked("admin", "10.2.0.1", now) {
		t.Error("a name guessed from many addresses is not paused")
	}
	th.succeed("qinli", "10.0.0.1")
	if th.blocked("qinli", "10.0.0.1", now) {
		t.Error("a successful sign-in does not clear the name at that address")
	}
}
