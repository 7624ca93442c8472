package textimport

import "testing"

// TestSectionKind reads the words of 一、 and 第一部分 headings: which name a
// part of the report, and which are categories or problems.
func TestSectionKind(t *testing.T) {
	cases := map[string]secKind{
		"组织整改落实情况":               secOrg,
		"整改工作开展情况":               secOrg,
		"市委履行巡视整改主体责任情况":         secOrg,
		"关于整改工作的组织开展":            secOrg,
		"巡察整改工作的主要做法":            secOrg,
		"整改任务落实的总体情况":            secOrg,
		"巡察反馈问题整改进展情况":           secFeedback,
		"巡视“回头看”反馈问题整改落实情况":      secFeedback,
		"关于巡察反馈问题的整改落实情况":        secFeedback,
		"整改任务完成情况":               secFeedback,
		"下一步工作打算":                secFollow,
		"存在的不足及下一步打算":            secFollow,
		"关于学习贯彻不深入的问题":           secUnknown,
		"关于“学习贯彻不深入”问题":          secUnknown,
		"关于巡察整改的党的建设方面":          secUnknown,
		"党的政治建设方面":               secUnknown,
		"落实党中央决策部署和市委工作要求不够有力方面": secUnknown,
	}
	for title, want := range cases {
		if got := sectionKind(halfWidth(title)); got != want {
			t.Errorf("%s: %d, want %d", title, got, want)
		}
	}
	for _, s := range []string{"第一部分　整改工作总体情况", "第二部分：反馈问题整改落实情况", "第十部分 其他"} {
		if st, _, _ := heading(halfWidth(s)); st != stPart {
			t.Errorf("%s: style %d, want a part", s, st)
		}
	}
	for _, s := range []string{"第一部分", "第三次会议研究整改", "第一批整改任务"} {
		if st, _, _ := heading(halfWidth(s)); st == stPart {
			t.Errorf("%s read as a part", s)
		}
	}
}

// TestShiHeading reads problems listed as items, each with its progress on
// its line; an item without a label is a measure.
func TestShiHeading(t *testing.T) {
	cases := []struct {
		in   string
		num  int
		body string
		ok   bool
	}{
		{"一是耕地保护责任落实不到位的问题。整改情况：开展专项整治。", 1, "耕地保护责任落实不到位的问题。整改情况：开展专项整治。", true},
		{"十二是违规发放津补贴的问题。整改措施：已全额收回。", 12, "违规发放津补贴的问题。整改措施：已全额收回。", true},
		{"一是制定学习计划，每月集中学习一次。", 0, "", false},
		{"一是着力解决群众反映强烈的问题。", 0, "", false},
		{"统一是关键：整改情况：", 0, "", false},
	}
	for _, c := range cases {
		s := halfWidth(c.in)
		n, body, ok := shiHeading(s)
		if ok != c.ok || ok && (n != c.num || s[body:] != halfWidth(c.body)) {
			t.Errorf("shiHeading(%q) = %d, %d, %v", c.in, n, body, ok)
		}
	}
}
