package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
)

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "check", "[--data DIR | --db URL] [--unit 单位] [--from 2016-01-01 --to 2020-12-31] [--json]\n\n"+
		"自查：用全部自查规则检查登记簿（会议记录、财务凭证、党费），按规则列出发现的问题。不给 --unit 时检查每个单位。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	unitName := fs.String("unit", "", "单位（简称、全称或别名）；不给时检查每个单位")
	from := fs.String("from", "", "自查期间的起始日期，如 2016-01-01（不给时不限）")
	to := fs.String("to", "", "自查期间的截止日期，如 2020-12-31（不给时不限）")
	asJSON := fs.Bool("json", false, `以 JSON 输出：{"findings":[...]}`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{2}
	}
	var p zhenggai.Period
	var err error
	if p.Start, err = zhenggai.ParseDate(*from); err != nil {
		return zhenggai.Errorf(zhenggai.EINVALID, "--from：%v", err)
	}
	if p.End, err = zhenggai.ParseDate(*to); err != nil {
		return zhenggai.Errorf(zhenggai.EINVALID, "--to：%v", err)
	}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		return zhenggai.Errorf(zhenggai.EINVALID, "--to 不能早于 --from")
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	var units []zhenggai.Unit
	if *unitName != "" {
		u, err := st.UnitNamed(ctx, *unitName)
		if err != nil {
			return err
		}
		units = []zhenggai.Unit{*u}
	} else if units, err = st.Units(ctx); err != nil {
		return err
	}
	findings, err := checkUnits(ctx, st, units, p, newProgress(e.stderr))
	if err != nil {
		return err
	}
	if *asJSON {
		if findings == nil {
			findings = []selfcheck.Finding{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Findings []selfcheck.Finding `json:"findings"`
		}{findings})
	}
	writeFindings(e, units, p, findings)
	return nil
}

// checkUnits runs every rule over each unit, several units at once, one
// progress step a unit.
func checkUnits(ctx context.Context, st *store.Store, units []zhenggai.Unit, p zhenggai.Period, pr *progress) ([]selfcheck.Finding, error) {
	pr.start("自查", len(units))
	defer pr.finish()
	per, err := st.SelfCheckUnits(ctx, units, p, pr.step)
	if err != nil {
		return nil, err
	}
	var all []selfcheck.Finding
	for _, fs := range per {
		all = append(all, fs...)
	}
	return all, nil
}

var severityName = map[selfcheck.Severity]string{selfcheck.Serious: "严重", selfcheck.Common: "一般", selfcheck.Notice: "提示"}

// writeFindings prints findings by unit, then by rule, in the rules' order.
func writeFindings(e *env, units []zhenggai.Unit, p zhenggai.Period, findings []selfcheck.Finding) {
	per := p.Chinese()
	if per == "" {
		per = "全部期间"
	}
	byUnit := map[int64][]selfcheck.Finding{}
	for _, f := range findings {
		byUnit[f.UnitID] = append(byUnit[f.UnitID], f)
	}
	for _, u := range units {
		fs := byUnit[u.ID]
		if len(units) > 1 && len(fs) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "%s（%s）：发现问题%d个\n", u.Name, per, len(fs))
		for _, r := range selfcheck.Rules {
			n := 0
			for _, f := range fs {
				if f.Rule != r.ID {
					continue
				}
				if n == 0 {
					fmt.Fprintf(e.stdout, "\n【%s】（%s，巡察反馈问题%d）\n", r.Title, r.Area, r.SeedProblem)
				}
				n++
				fmt.Fprintf(e.stdout, "  %d. [%s] %s\n", n, severityName[f.Severity], f.Text)
				if len(f.Records) > 0 {
					var ls []string
					for _, rec := range f.Records[:min(len(f.Records), 5)] {
						ls = append(ls, rec.Label)
					}
					fmt.Fprintf(e.stdout, "     涉及：%s%s\n", strings.Join(ls, "、"), moreRecords(len(f.Records)))
				}
			}
		}
		fmt.Fprintln(e.stdout)
	}
	if len(findings) == 0 && len(units) > 1 {
		fmt.Fprintf(e.stdout, "%d个单位（%s）：未发现问题\n", len(units), per)
	}
}

// moreRecords ends a finding's list of five records: 等12条, or, when the
// rule named only the first selfcheck.MaxRecords, no count (the finding's
// sentence gives the whole: 255张 is not 等200条).
func moreRecords(n int) string {
	switch {
	case n <= 5:
		return ""
	case n >= selfcheck.MaxRecords:
		return fmt.Sprintf("等（列出前%d条）", n)
	}
	return fmt.Sprintf("等%d条", n)
}
