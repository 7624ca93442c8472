package gen

import (
	"reflect"
	"testing"
)

func TestRulesMade(t *testing.T) {
	for text, want := range map[string][]string{
		"修订完善了《档案管理制度》。": {"档案管理制度"},
		"从制度上严肃党内政治生活。修订完善了《县政协党组民主生活会制度》和《县政协机关党支部组织生活会制度》。": {"县政协党组民主生活会制度", "县政协机关党支部组织生活会制度"},
		"严格执行《财务管理制度》。":                    {},
		"编制下发了《党费收缴、使用和管理问答汇编》。":           {},
		"建立了《桑植县政协因私出国(境)登记备案人员管理台账》。":     {},
		"认真学习《中国共产党廉洁自律准则》《中国共产党纪律处分条例》等。": {},
		"制定了《会议管理办法》，严格执行《考勤制度》。":          {"会议管理办法"},
		"修订了《未闭合的制度":                       {},
	} {
		if got := rulesMade(text); !reflect.DeepEqual(got, want) {
			t.Errorf("rulesMade(%q) = %q, want %q", text, got, want)
		}
	}
}
