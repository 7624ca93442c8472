// Package auth signs people in (passwords, sessions, API tokens) and
// enforces, for every route, the permission the route table declares.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"zhenggai"
)

// Argon2id parameters: OWASP's recommendation (19 MiB, 2 passes, 1 lane).
// Tests may lower them; stored hashes carry their own parameters.
var (
	argonMemory  uint32 = 19 * 1024
	argonTime    uint32 = 2
	argonThreads uint8  = 1
)

// HashPassword returns an encoded argon2id hash with a random salt.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches the encoded hash.
func CheckPassword(pw, encoded string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var v int
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<20 || t == 0 || t > 16 || p == 0 {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked when a user does not exist, so that a wrong name
// takes as long as a wrong password.
var dummyHash, _ = HashPassword("no such user")

// passwordAlphabet leaves out characters that are confused when read
// aloud or copied by hand: 0/O, 1/l/I.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// GeneratePassword returns a random password of 14 characters (about 81
// bits), to be shown once and changed by its owner.
func GeneratePassword() string {
	const n = 14
	// Reject bytes past the last whole multiple of the alphabet's size, so
	// that every character is equally likely.
	limit := 256 - 256%len(passwordAlphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, 32)
	for len(out) < n {
		rand.Read(buf)
		for _, c := range buf {
			if int(c) < limit && len(out) < n {
				out = append(out, passwordAlphabet[int(c)%len(passwordAlphabet)])
			}
		}
	}
	return string(out)
}

// NewSecret returns a random token for a session or an API token, with a
// prefix that says what it is.
func NewSecret(prefix string) string {
	b := make([]byte, 32)
	rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// Digest is how secrets are stored: their SHA-256, never themselves.
func Digest(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// Password rules for one a user chooses, as security assessments (等保)
// ask: at least MinPassword characters of three kinds among capitals,
// small letters, digits and others, not the login name.
const (
	MinPassword = 8
	MaxPassword = 128
)

// CheckNewPassword says what is wrong with the password u chose, field by
// field ("password", "confirm").
func CheckNewPassword(u *zhenggai.User, password, confirm string) error {
	v := &zhenggai.ValidationError{}
	kinds := map[int]bool{}
	for _, r := range password {
		switch {
		case unicode.IsUpper(r):
			kinds[0] = true
		case unicode.IsLower(r):
			kinds[1] = true
		case unicode.IsDigit(r):
			kinds[2] = true
		default:
			kinds[3] = true
		}
	}
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPassword:
		v.Add("password", fmt.Sprintf("新密码至少%d位", MinPassword))
	case n > MaxPassword:
		v.Add("password", fmt.Sprintf("新密码最多%d位", MaxPassword))
	case !utf8.ValidString(password) || strings.ContainsFunc(password, func(r rune) bool { return unicode.IsControl(r) || zhenggai.Invisible(r) }):
		v.Add("password", "新密码含有不可见的字符")
	case len(kinds) < 3:
		v.Add("password", "新密码须含大写字母、小写字母、数字、符号中的至少三种")
	case u != nil && len(u.Name) >= 3 && strings.Contains(strings.ToLower(password), strings.ToLower(u.Name)):
		v.Add("password", "新密码不能包含登录名")
	}
	if confirm != password {
		v.Add("confirm", "两次输入的新密码不一致")
	}
	return v.Err()
}
