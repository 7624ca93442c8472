package cli_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestEveryFlagHelpIsChinese: every flag of every command (and of the
// commands' own subcommands) is explained in Chinese in its --help.
// (service runs only on Windows; its flags are serve's and two more,
// both Chinese, which service_test.go parses.)
func TestEveryFlagHelpIsChinese(t *testing.T) {
	flagLine := regexp.MustCompile(`(?m)^  --(\S+).*\n    \t(.*)$`)
	// Two English words in a row: a sentence, not a name (PEM, SMTP, xlsx).
	english := regexp.MustCompile(`[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}`)
	for _, argv := range [][]string{
		{"demo"}, {"serve"}, {"import"}, {"export"}, {"report"}, {"user", "add"}, {"user", "passwd"}, {"user", "list"},
		{"token", "create"}, {"token", "list"}, {"token", "revoke"}, {"backup"}, {"restore"}, {"audit", "verify"},
		{"audit", "log"}, {"notify"}, {"gen"}, {"migrate-data"}, {"version"}, {"dues"},
	} {
		_, out, errs := run(t, "", append(argv, "--help")...)
		help := out + errs
		found := flagLine.FindAllStringSubmatch(help, -1)
		if len(found) == 0 && argv[0] != "version" {
			t.Errorf("%s --help lists no flags:\n%s", strings.Join(argv, " "), help)
		}
		for _, m := range found {
			help, _, _ := strings.Cut(m[2], "（默认 ") // printDefaults' own words
			if !strings.ContainsFunc(help, func(r rune) bool { return unicode.Is(unicode.Han, r) }) || english.MatchString(help) {
				t.Errorf("%s --%s: help %q is not Chinese", strings.Join(argv, " "), m[1], help)
			}
		}
	}
}
