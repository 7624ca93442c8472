package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDuesCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		out  string
	}{
		{[]string{"--kind", "in_service", "--base", "5100"}, "76.50\n"},
		{[]string{"--kind", "in_service", "--base", "3000"}, "15.00\n"},
		{[]string{"--kind", "in_service", "--base", "3000.01"}, "30.00\n"},
		{[]string{"--kind", "in_service", "--base", "10000.01"}, "200.00\n"},
		{[]string{"--kind", "retired", "--base", "5000"}, "25.00\n"},
		{[]string{"--kind", "retired", "--base", "5000.01"}, "50.00\n"},
		{[]string{"--kind", "in_service", "--base", "4567.50"}, "45.68\n"},
		{[]string{"--kind", "in_service", "--base", "4567.50", "--rounding", "down"}, "45.67\n"},
		{[]string{"--kind", "student"}, "0.20\n"},
		{[]string{"--kind", "dibao", "--base", "0"}, "0.20\n"},
		{[]string{"--kind", "farmer", "--fixed", "0.5"}, "0.50\n"},
		{[]string{"--kind", "在职", "--base", "1,234.56"}, "6.17\n"},
	} {
		code, out, errs := run(t, "", append([]string{"dues"}, c.args...)...)
		if code != 0 || out != c.out {
			t.Errorf("dues %v: exit %d, %q, %s; want %q", c.args, code, out, errs, c.out)
		}
	}
}

func TestDuesCommandJSON(t *testing.T) {
	code, out, errs := run(t, "", "dues", "--kind", "in_service", "--base", "5100", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Kind, Base, Rate, Tier, Due string
		DueFen                      int64 `json:"due_fen"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	if got.Kind != "in_service" || got.Base != "5100.00" || got.Rate != "1.5%" || got.Due != "76.50" || got.DueFen != 7650 ||
		got.Tier != "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%" {
		t.Errorf("got %+v", got)
	}
}

func TestDuesCommandBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "--kind"},
		{[]string{"--kind", "cadre", "--base", "1"}, "党员类别"},
		{[]string{"--kind", "in_service"}, "--base"},
		{[]string{"--kind", "in_service", "--base", "-5"}, "缴费基数不能为负数"},
		{[]string{"--kind", "in_service", "--base", "五千"}, "缴费基数须为金额"},
		{[]string{"--kind", "in_service", "--base", "1.234"}, "最多精确到分"},
		{[]string{"--kind", "farmer", "--fixed", "2"}, "0.20元至1.00元"},
		{[]string{"--kind", "student", "--fixed", "0.5"}, "农民党员"},
		{[]string{"--kind", "retired", "--base", "1", "--rounding", "up"}, "取整方式"},
		{[]string{"--kind", "retired", "--base", "1", "extra"}, "多余的参数"},
		{[]string{"--nosuch"}, "用法"},
	} {
		code, out, errs := run(t, "", append([]string{"dues"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errs, c.msg) {
			t.Errorf("dues %v: exit %d, out %q, stderr %s; want exit 2 and %q", c.args, code, out, errs, c.msg)
		}
	}
	if code, _, errs := run(t, "", "dues", "--help"); code != 0 || !strings.Contains(errs, "中组发〔2008〕3号") {
		t.Errorf("--help: exit %d, %s", code, errs)
	}
}
