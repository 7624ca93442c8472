package ui

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"zhenggai"
)

// FuzzProposalStepForm: any body of a step's form is read without a
// panic, into at most 50 handling units and 50 answers, and checked.
func FuzzProposalStepForm(f *testing.F) {
	f.Add("action=assign&handler_unit=3&handler_unit=x&handler_names=%E5%8E%BF%E8%B4%A2%E6%94%BF%E5%B1%80%0A%0A")
	f.Add("action=feedback&result=satisfied&q.0=%E6%98%AF%E5%90%A6&a.0=%E6%98%AF&q.1=&a.1=x")
	f.Add("action=extend&extend_to=2020-02-30&note=x&on=99999-01-01")
	f.Add("action=reply&class=A&summary=%00&letter_sha256=zz&merge_into=99999999999999999999")
	f.Add("action=%zz&&&==")
	f.Fuzz(func(t *testing.T, body string) {
		r, err := http.NewRequest("POST", "/proposals/1/steps", strings.NewReader(body))
		if err != nil {
			return
		}
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		in, fm := readProposalStep(r)
		if len(in.Handlers) > 50 || len(in.Answers) > 50 {
			t.Fatalf("%d handlers, %d answers", len(in.Handlers), len(in.Answers))
		}
		for q := range in.Answers {
			if utf8.RuneCountInString(q) > 101 { // 100 and the cut mark
				t.Fatalf("question of %d characters kept", utf8.RuneCountInString(q))
			}
		}
		_ = fm.valid()
		_ = in.Check(zhenggai.DefaultRejectGrounds)
		_ = zhenggai.ProposalWords(in.Summary)
	})
}
