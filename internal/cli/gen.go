package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"zhenggai"
	"zhenggai/internal/gen"
	"zhenggai/internal/regsample"
	"zhenggai/internal/store"
)

// genActor is who generated data are recorded as made by.
var genActor = zhenggai.Actor{Name: "system:gen", Via: "cli"}

func runGen(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "gen", "[--data DIR | --db URL] [--seed N] [--size county|province] [--units N] [--rounds N] [--problems N]\n"+
		"            [--measures N] [--progress N] [--today YYYY-MM-DD]\n"+
		"            [--registers [--register-units N] [--register-meetings N] [--register-lines N] [--register-members N]\n"+
		"             [--register-proposals N] [--register-cppcc N] [--register-signin-years N]]\n"+
		"       zhenggai gen --journal FILE [--lines N] [--seed N]\n\n"+
		"生成合成数据（单位、巡察轮次、问题、措施和整改进展，均为虚构），用于压力测试和试用。\n"+
		"同一组参数、种子（--seed）和日期（--today）总是生成相同的内容（记录时间和审计日志的时间除外）；\n"+
		"不给 --today 时以今天为准，状态和预警颜色相对于这一天。数据库中不能已有巡察轮次。\n\n"+
		"规模预设：\n"+
		"  county    1个县委巡察办，30个单位 × 2轮 × 30个问题 × 3项措施 × 4条进展\n"+
		"  province  1个省委巡视办，下设14个市委巡察办，共1000个单位 × 3轮 × 40个问题 × 3项措施 × 10条进展\n"+
		"其他参数覆盖预设中的对应数字。\n\n"+
		"--registers 同时生成登记簿（会议记录、财务凭证、党费、提案、政协委员、乡镇联络组，均为示例数据），为今年之前的五个完整年度：\n"+
		"  county    前5个单位，每个单位4000次会议、约20万行凭证分录、100名党员×60个月党费、1000件提案、60名政协委员\n"+
		"            （合计100万行分录、5000件提案、300名委员）\n"+
		"  province  1000个单位，每个单位200次会议、约1万行凭证分录、30名党员×60个月党费、100件提案、30名政协委员\n"+
		"--journal FILE 只写一个合成的序时账 CSV 文件（UTF-8，每行一条分录，共 --lines 行），用于导入测试，不写数据库。\n\n"+
		"不生成示例账号；数据目录中还没有用户时，新建一个系统管理员 admin 并显示其密码（只显示这一次）。")
	data := fs.String("data", defaultData, "数据目录（不存在时新建；其中不能已有巡察轮次）")
	dsn := dbFlag(fs)
	seed := fs.Uint64("seed", 1, "随机种子：种子和规模相同，生成的数据就相同")
	size := fs.String("size", gen.SizeCounty, "规模预设：county 县级或 province 省级")
	units := fs.Int("units", 0, "被巡察单位总数（不给时按规模预设）")
	rounds := fs.Int("rounds", 0, "每个单位的巡察轮次数（不给时按规模预设）")
	problems := fs.Int("problems", 0, "每轮的具体问题数（不给时按规模预设）")
	measures := fs.Int("measures", 0, "每个具体问题的整改措施数（不给时按规模预设）")
	entries := fs.Int("progress", 0, "每项措施的整改进展条数（不给时按规模预设）")
	registers := fs.Bool("registers", false, "同时生成会议记录、财务凭证和党费登记簿（规模按预设）")
	regUnits := fs.Int("register-units", 0, "有登记簿的单位数（不给时按规模预设）")
	regMeetings := fs.Int("register-meetings", 0, "每个单位五年的会议数（不给时按规模预设）")
	regLines := fs.Int("register-lines", 0, "每个单位五年的凭证分录行数（不给时按规模预设）")
	regMembers := fs.Int("register-members", 0, "每个单位的党员数（不给时按规模预设）")
	regProposals := fs.Int("register-proposals", 0, "每个单位五年的提案数（不给时按规模预设）")
	regCPPCC := fs.Int("register-cppcc", 0, "每个单位的政协委员数（不给时按规模预设）")
	regSignIns := fs.Int("register-signin-years", 0, "生成最后几年的签到考勤和请销假（0至5，不给时按规模预设：county 1年，province 不生成）")
	journal := fs.String("journal", "", "只写合成的序时账 CSV 到此文件（不写数据库）")
	lines := fs.Int("lines", 1000000, "序时账的分录行数（与 --journal 一起用）")
	today := fs.String("today", "", "数据所描述的日期，写作 2026-11-27（不给时为今天）；完成情况和预警都以这一天为准")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{2}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *journal != "" {
		return writeJournal(ctx, e, *journal, *seed, *lines)
	}
	cfg, err := gen.Preset(*size)
	if err != nil {
		return err
	}
	cfg.Seed = *seed
	rc := gen.RegisterPreset(*size)
	for _, o := range []struct {
		name string
		v    int
		dst  *int
	}{
		{"register-units", *regUnits, &rc.Units}, {"register-meetings", *regMeetings, &rc.Meetings},
		{"register-lines", *regLines, &rc.Lines}, {"register-members", *regMembers, &rc.Members},
		{"register-proposals", *regProposals, &rc.Proposals}, {"register-cppcc", *regCPPCC, &rc.CPPCC},
		{"register-signin-years", *regSignIns, &rc.SignInYears},
	} {
		if set[o.name] {
			*o.dst = o.v
		}
	}
	for _, o := range []struct {
		name string
		v    int
		dst  *int
	}{
		{"units", *units, &cfg.Units}, {"rounds", *rounds, &cfg.Rounds}, {"problems", *problems, &cfg.Problems},
		{"measures", *measures, &cfg.Measures}, {"progress", *entries, &cfg.Progress},
	} {
		if set[o.name] {
			*o.dst = o.v
		}
	}
	// A province keeps its cities' offices, but never more than units.
	cfg.Offices = min(cfg.Offices, max(cfg.Units, 0))
	if *today != "" {
		d, err := zhenggai.ParseDate(*today)
		if err != nil || !d.Valid() {
			return zhenggai.Errorf(zhenggai.EINVALID, "日期（--today）格式应为 2024-06-30")
		}
		cfg.Today = d
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if *registers {
		rc.Units = min(rc.Units, cfg.Units)
		if err := rc.Validate(cfg); err != nil {
			return err
		}
	}

	st, _, err := openData(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	existing, err := st.Rounds(ctx)
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return zhenggai.Errorf(zhenggai.EINVALID, "%s 中已有 %d 个巡察轮次；合成数据只写入没有巡察轮次的数据库，请换一个数据目录（或 PostgreSQL 数据库）", whereData(*data, *dsn), len(existing))
	}
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}

	want := cfg.Expected()
	fmt.Fprintf(e.stderr, "正在生成合成数据（种子 %d，今天为 %s）：巡察办 %d 个，单位 %d 个，巡察轮次 %d 个，具体问题 %d 个，整改措施 %d 项，整改进展 %d 条，共 %d 条记录。\n",
		cfg.Seed, cfg.Today, want.Offices, want.Units, want.Rounds, want.Problems, want.Measures, want.Progress, want.Rows())
	ctx = zhenggai.WithActor(ctx, genActor)
	p := newProgress(e.stderr)
	p.start("巡察轮次", int(want.Rounds))
	res, err := gen.Generate(ctx, st, cfg, func(done, total int) { p.step(done) })
	p.finish()
	if err != nil {
		if res != nil && res.Counts.Rounds > 0 {
			fmt.Fprintf(e.stderr, "已写入的 %d 个巡察轮次保留在%s中；要重新生成，请换一个空的数据目录或数据库。\n", res.Counts.Rounds, whereData(*data, *dsn))
		}
		return err
	}
	var rn store.RegisterCounts
	var regTime time.Duration
	t1 := time.Now()
	if *registers && rc.Units > 0 {
		p.start("登记簿", rc.Units*3)
		rn, err = gen.GenerateRegisters(ctx, st, cfg, rc, res.UnitIDs, func(done, total int) { p.step(done) })
		p.finish()
		if err != nil {
			fmt.Fprintf(e.stderr, "已写入的巡察轮次和登记簿保留在%s中。\n", whereData(*data, *dsn))
			return err
		}
		regTime = time.Since(t1)
	}
	n := res.Counts
	secs := max(res.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(e.stdout, "已生成合成数据（%s）：\n巡察办 %d 个，单位 %d 个，巡察轮次 %d 个，问题类别 %d 个，具体问题 %d 个，整改措施 %d 项，整改进展 %d 条。\n"+
		"共 %d 条记录（审计日志同样 %d 条），用时 %s，每秒 %.0f 条。\n",
		whereData(*data, *dsn), n.Offices, n.Units, n.Rounds, n.Categories, n.Problems, n.Measures, n.Progress,
		n.Rows(), n.Rows(), durationText(res.Elapsed.Round(100*time.Millisecond)), float64(n.Rows())/secs)
	if rn.Rows() > 0 {
		fmt.Fprintf(e.stdout, "另有登记簿（%d个单位）：会议 %d 次（议题 %d 个、表态发言 %d 条），财务凭证 %d 张（分录 %d 行），党员 %d 名（党费缴纳记录 %d 条），"+
			"提案 %d 件，政协委员 %d 名，乡镇联络组 %d 个，档案 %d 卷，签到 %d 人次，请假 %d 次，新增人员 %d 名，共 %d 条记录，用时 %s。\n",
			rc.Units, rn.Meetings, rn.Items, rn.Statements, rn.Vouchers, rn.Lines, rn.Members, rn.Payments, rn.Proposals, rn.CPPCCMembers,
			rn.Townships, rn.Archives, rn.SignIns, rn.Leaves, rn.Persons, rn.Rows(), durationText(regTime.Round(100*time.Millisecond)))
	}
	if len(users) == 0 {
		u, password, err := addUser(ctx, st, "admin", "系统管理员", zhenggai.RoleAdmin, res.Top)
		if err != nil {
			return fmt.Errorf("新建系统管理员：%w", err)
		}
		fmt.Fprintf(e.stdout, "\n已新建系统管理员 %s（%s）\n初始密码：%s\n密码只显示这一次，首次登录时须改为自己的密码。未生成其他账号；需要时用 zhenggai user add 新建。\n", u.Name, u.Unit, password)
	}
	if *dsn != "" {
		fmt.Fprintf(e.stdout, "\n查看：zhenggai serve --db %s --data %s\n", store.RedactDSN(*dsn), *data)
	} else {
		fmt.Fprintf(e.stdout, "\n查看：zhenggai serve --data %s\n", *data)
	}
	return nil
}

// writeJournal writes a synthetic journal export (gen --journal).
func writeJournal(ctx context.Context, e *env, path string, seed uint64, lines int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := regsample.WriteJournal(ctx, f, seed, lines); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已写入合成序时账 %s：%d 行分录（种子 %d），用时 %s。\n", path, lines, seed,
		durationText(time.Since(t0).Round(100*time.Millisecond)))
	return nil
}
