package zhenggai_test

import (
	"strings"
	"testing"

	"zhenggai"
)

func goodSuggestion() *zhenggai.Suggestion {
	return &zhenggai.Suggestion{UnitID: 1, Name: "王明", Kind: zhenggai.SuggestSQMY, Via: zhenggai.ViaPlatform,
		Title: "关于改善农村饮水安全的建议", On: zhenggai.NewDate(2019, 3, 4)}
}

func TestSuggestionValidate(t *testing.T) {
	today := zhenggai.NewDate(2020, 1, 1)
	d := zhenggai.NewDate
	tests := []struct {
		name, field, msg string
		change           func(s *zhenggai.Suggestion)
	}{
		{"good", "", "", func(s *zhenggai.Suggestion) {}},
		{"no kind", "kind", "类别须为微建议或社情民意", func(s *zhenggai.Suggestion) { s.Kind = "" }},
		{"bad via", "via", "报送方式", func(s *zhenggai.Suggestion) { s.Via = "fax" }},
		{"no title", "title", "标题不能为空", func(s *zhenggai.Suggestion) { s.Title = " " }},
		{"no name", "name", "提出人不能为空", func(s *zhenggai.Suggestion) { s.Name = "" }},
		{"no date", "on", "提出日期不能为空", func(s *zhenggai.Suggestion) { s.On = zhenggai.Date{} }},
		{"future", "on", "晚于今天", func(s *zhenggai.Suggestion) { s.On = d(2020, 1, 2) }},
		{"today", "", "", func(s *zhenggai.Suggestion) { s.On = today }},
		{"adopted with date", "", "", func(s *zhenggai.Suggestion) {
			s.Adopted, s.AdoptedOn, s.AdoptedBy = zhenggai.AdoptCity, d(2019, 5, 1), "《社情民意》第3期"
		}},
		{"adopted without date", "adopted_on", "采用日期不能为空", func(s *zhenggai.Suggestion) { s.Adopted = zhenggai.AdoptNational }},
		{"adopted before", "adopted_on", "早于提出日期", func(s *zhenggai.Suggestion) {
			s.Adopted, s.AdoptedOn = zhenggai.AdoptCounty, d(2019, 3, 1)
		}},
		{"date without level", "adopted", "请选择采用级别", func(s *zhenggai.Suggestion) { s.AdoptedOn = d(2019, 5, 1) }},
		{"bad level", "adopted", "采用级别", func(s *zhenggai.Suggestion) { s.Adopted = "town" }},
		{"instruction whole", "", "", func(s *zhenggai.Suggestion) {
			s.Instruction, s.InstructedBy, s.InstructedOn = "请水利局研究办理", "李县长", d(2019, 4, 2)
		}},
		{"instruction without who", "instructed_by", "批示领导不能为空", func(s *zhenggai.Suggestion) {
			s.Instruction, s.InstructedOn = "请研究", d(2019, 4, 2)
		}},
		{"instruction without when", "instructed_on", "批示日期不能为空", func(s *zhenggai.Suggestion) {
			s.Instruction, s.InstructedBy = "请研究", "李县长"
		}},
		{"who without instruction", "instruction", "请填写批示内容", func(s *zhenggai.Suggestion) { s.InstructedBy = "李县长" }},
		{"instructed in future", "instructed_on", "晚于今天", func(s *zhenggai.Suggestion) {
			s.Instruction, s.InstructedBy, s.InstructedOn = "请研究", "李县长", d(2021, 1, 1)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := goodSuggestion()
			tc.change(s)
			s.Normalize()
			err := s.Validate(today)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			v, ok := err.(*zhenggai.ValidationError)
			if !ok {
				t.Fatalf("got %v, want a refusal of %s", err, tc.field)
			}
			if msg := v.For(tc.field); !strings.Contains(msg, tc.msg) {
				t.Fatalf("%s: got %q (all: %v), want %q", tc.field, msg, err, tc.msg)
			}
		})
	}
}

func TestParseSuggestionWords(t *testing.T) {
	levels := map[string]zhenggai.AdoptionLevel{
		"": zhenggai.AdoptNone, "未采用": zhenggai.AdoptNone, "县级采用": zhenggai.AdoptCounty, "市级": zhenggai.AdoptCity,
		"被市政协采用": zhenggai.AdoptCity, "省级采用": zhenggai.AdoptProvince, "被全国政协采用": zhenggai.AdoptNational,
		"市政协采用并报省政协": zhenggai.AdoptProvince, "national": zhenggai.AdoptNational,
	}
	for s, want := range levels {
		if got, ok := zhenggai.ParseAdoptionLevel(s); !ok || got != want {
			t.Errorf("ParseAdoptionLevel(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if _, ok := zhenggai.ParseAdoptionLevel("差"); ok {
		t.Error("差 read as a level")
	}
	for s, want := range map[string]zhenggai.SuggestionVia{"": zhenggai.ViaPaper, "书面": zhenggai.ViaPaper, "政协云平台": zhenggai.ViaPlatform, "平台": zhenggai.ViaPlatform} {
		if got, ok := zhenggai.ParseSuggestionVia(s); !ok || got != want {
			t.Errorf("ParseSuggestionVia(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for s, want := range map[string]zhenggai.SuggestionKind{"微建议": zhenggai.SuggestMicro, "社情民意信息": zhenggai.SuggestSQMY} {
		if got, ok := zhenggai.ParseSuggestionKind(s); !ok || got != want {
			t.Errorf("ParseSuggestionKind(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if !zhenggai.AdoptProvince.AtLeast(zhenggai.AdoptCity) || zhenggai.AdoptCounty.AtLeast(zhenggai.AdoptCity) || zhenggai.AdoptNone.AtLeast(zhenggai.AdoptCounty) {
		t.Error("AtLeast")
	}
}
