package zhenggai

import (
	"strings"
	"testing"
)

// invisibles are the characters that hide or turn text: each is refused in
// a problem's title and in the public's opinion, with the field named.
var invisibles = []rune{
	'\u202E', '\u202D', '\u2066', // direction override and isolate
	'\u200B', '\u200C', '\u200D', '\u2060', // zero width space, non-joiner, joiner, word joiner
	'\u200E', '\u200F', '\u061C', // direction marks
	'\uFEFF', '\u00AD', '\uFFF9', // byte order mark, soft hyphen, interlinear annotation
	'\U000E0001', '\U000E0041', // language tags
	'\u2028', '\u2029', // line and paragraph separators
	'\uE000', '\uF8FF', '\U000F0000', '\U0010FFFD', // private use
	'\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\U0001FFFE', '\U0010FFFF', // noncharacters
}

func TestInvisibleRefused(t *testing.T) {
	for _, r := range invisibles {
		if !Invisible(r) {
			t.Errorf("%s is not Invisible", CodePoint(r))
		}
		title := "学习停留在" + string(r) + "表面"
		p := &Problem{CategoryID: 1, Seq: 1, Title: title}
		if msg := fieldMessage(p.Validate(), "title"); !strings.Contains(msg, "具体问题") || !strings.Contains(msg, CodePoint(r)) || !strings.Contains(msg, "第6个字") {
			t.Errorf("title with %s: %q", CodePoint(r), msg)
		}
		o := &Opinion{PublicationID: 1, Content: "请公开学习记录" + string(r)}
		if msg := fieldMessage(o.Validate(), "content"); !strings.Contains(msg, "意见建议") || !strings.Contains(msg, CodePoint(r)) {
			t.Errorf("opinion with %s: %q", CodePoint(r), msg)
		}
		o = &Opinion{PublicationID: 1, Content: "请公开学习记录", Name: "王" + string(r)}
		if msg := fieldMessage(o.Validate(), "name"); !strings.Contains(msg, "姓名") {
			t.Errorf("opinion's name with %s: %q", CodePoint(r), msg)
		}
		u := &User{Name: "qinli", DisplayName: "覃丽", Role: RoleResponsible, UnitID: 1, Email: "qin" + string(r) + "li@example.cn"}
		if msg := fieldMessage(u.Validate(), "email"); msg == "" {
			t.Errorf("e-mail with %s accepted", CodePoint(r))
		}
		if s, n := StripInvisible(title); s != "学习停留在表面" || n != 1 {
			t.Errorf("StripInvisible(%s) = %q, %d", CodePoint(r), s, n)
		}
	}
	// What offices do type stays: tabs and line breaks, the ideographic
	// and the no-break space, emoji, rare characters of names.
	for _, s := range []string{"一是\t集中学习；\n二是建立制度。", "覃　丽", "第\u00a01条", "点赞👍", "𠀀𪚥", "☎ 0744-1234567"} {
		if err := (&Problem{CategoryID: 1, Seq: 1, Title: s}).Validate(); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
		if _, n := StripInvisible(s); n != 0 {
			t.Errorf("StripInvisible took %d from %q", n, s)
		}
	}
	if CodePoint('\u200B') != "U+200B" || CodePoint('\U000E0001') != "U+E0001" || CodePoint('\u00AD') != "U+00AD" {
		t.Error("CodePoint")
	}
}

func fieldMessage(err error, field string) string {
	v, ok := err.(*ValidationError)
	if !ok {
		return ""
	}
	for _, f := range v.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

func TestClip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"短句", "短句"},
		{"一二三四五", "一二三四五"},
		{"一二三四五六", "一二三四五…"},
		{"  前后空格  ", "前后空格"},
		{"第一行\n第二行", "第一行 第…"},
		{"制\x00度", "制 度"},
		{"坏\xff字节", "坏\uFFFD字节"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Clip(tt.in, 5); got != tt.want {
			t.Errorf("Clip(%q, 5) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
