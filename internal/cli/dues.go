package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"

	"zhenggai"
)

// runDues prints a member's monthly due by 中组发〔2008〕3号: the amount
// alone (76.50) for scripts, or with its rate and tier as JSON.
func runDues(_ context.Context, e *env, args []string) error {
	fs := flags(e, "dues", "--kind 类别 --base 元 [--fixed 元] [--rounding half_up|down] [--json]\n\n"+
		"按中组发〔2008〕3号计算每月应交党费，只输出金额（如 76.50），便于脚本使用。")
	kind := fs.String("kind", "", "党员类别：in_service 在职、retired 离退休、student 学生、unemployed 下岗失业、dibao 低保、farmer 农民（也可写中文）")
	base := fs.String("base", "", "每月缴费基数（元，税后工资或离退休费），在职和离退休必填")
	fixed := fs.String("fixed", "", "农民党员每月固定交纳额（元，0.20至1.00，默认0.20）")
	rounding := fs.String("rounding", string(zhenggai.RoundHalfUp), "取整方式：half_up 四舍五入到分，down 舍去分以下")
	asJSON := fs.Bool("json", false, "以 JSON 输出类别、基数、比例、档次和金额")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return exitError{2}
	}
	usageErr := func(msg string) error {
		fmt.Fprintln(e.stderr, "错误："+msg)
		fs.Usage()
		return exitError{2}
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Sprintf("多余的参数 %q", fs.Arg(0)))
	}
	k, ok := zhenggai.ParseDuesKind(*kind)
	if !ok {
		if *kind == "" {
			return usageErr("请用 --kind 给出党员类别")
		}
		return usageErr(fmt.Sprintf("党员类别 %q 不对：须为 in_service、retired、student、unemployed、dibao 或 farmer", *kind))
	}
	mode := zhenggai.Rounding(*rounding)
	if !mode.Valid() {
		return usageErr(fmt.Sprintf("取整方式 %q 不对：须为 half_up 或 down", *rounding))
	}
	var b, f zhenggai.Fen
	if *base != "" {
		v, err := zhenggai.ParseYuan(*base)
		if err != nil {
			return usageErr("缴费基数" + err.Error())
		}
		b = v
	} else if !k.Fixed() {
		return usageErr("请用 --base 给出每月缴费基数（元）")
	}
	if *fixed != "" {
		if k != zhenggai.DuesFarmer {
			return usageErr("只有农民党员（--kind farmer）才给 --fixed")
		}
		v, err := zhenggai.ParseYuan(*fixed)
		if err != nil {
			return usageErr("固定交纳额" + err.Error())
		}
		if v < zhenggai.FarmerMin || v > zhenggai.FarmerMax {
			return usageErr("农民党员每月交纳额须在0.20元至1.00元之间")
		}
		f = v
	}
	c := zhenggai.CalculateDues(k, b, f, mode)
	if !*asJSON {
		fmt.Fprintln(e.stdout, c.Due)
		return nil
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}
