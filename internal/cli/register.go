package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// registerKind is one register the command line imports and exports, with
// the same checks and messages as its pages. Each register adds one line
// to registerKinds; its two functions live in its own file.
type registerKind struct {
	name, label string
	// importFile reads a file into the unit's register, writing nothing
	// when dryRun or when any row is bad; the summary says what it did.
	importFile func(ctx context.Context, st *store.Store, unit *zhenggai.Unit, name string, r io.Reader, dryRun bool) (summary any, err error)
	// export writes the unit's register as a workbook.
	export func(ctx context.Context, st *store.Store, unit *zhenggai.Unit, w io.Writer) error
}

var registerKinds = []registerKind{
	{"dues", "党费", importDues, exportDues},
	{name: "vouchers", label: "财务凭证", importFile: importVouchers, export: exportVouchers},
	{name: "meetings", label: "会议记录", importFile: importMeetings, export: exportMeetings},
	{name: "proposals", label: "提案", importFile: importProposals, export: exportProposals},
	{name: "members", label: "政协委员名单", importFile: importMembers, export: exportMembers},
	{name: "activities", label: "委员履职活动", importFile: importActivities, export: exportActivities},
	{name: "suggestions", label: "微建议和社情民意", importFile: importSuggestions, export: exportSuggestions},
	{name: "townships", label: "乡镇政协联络组", importFile: importTownships, export: exportTownships},
	// Registers (III), issue 16.
	{name: "travel", label: "因私出国(境)证照", importFile: importTravel, export: exportTravel},
	{name: "retired", label: "退休干部兼职与返聘", importFile: importRetired, export: exportRetired},
	{name: "study", label: "学习笔记检查", importFile: importStudy, export: exportStudy},
	{name: "archives", label: "档案目录", importFile: importArchives, export: exportArchives},
	{name: "attendance", label: "考勤记录", importFile: importAttendance, export: exportAttendance},
	{name: "leave", label: "请销假登记", importFile: importLeaves, export: exportLeaves},
}

func findRegister(name string) *registerKind {
	for i := range registerKinds {
		if registerKinds[i].name == name {
			return &registerKinds[i]
		}
	}
	return nil
}

func registerNames() string {
	var s []string
	for _, k := range registerKinds {
		s = append(s, k.name+"（"+k.label+"）")
	}
	return strings.Join(s, "、")
}

func runRegister(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		fmt.Fprintln(e.stderr, "用法：zhenggai register import KIND FILE [--unit 单位] [--dry-run] [--json] [--data DIR | --db URL]\n"+
			"      zhenggai register export KIND [--unit 单位] [-o FILE] [--data DIR | --db URL]\n\nKIND："+registerNames())
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return exitError{2}
	}
	verb := args[0]
	fs := flags(e, "register "+verb, "KIND ... （KIND："+registerNames()+"）")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	unitName := fs.String("unit", "", "单位（简称、全称或别名；只有一个单位时可不给）")
	dry := fs.Bool("dry-run", false, "只检查，不写入")
	asJSON := fs.Bool("json", false, "以 JSON 输出结果")
	out := fs.String("o", "", "输出文件，- 表示标准输出")
	// Flags may follow the kind and the file, as people type them.
	var pos []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	want := 2
	if verb == "export" {
		want = 1
	}
	if len(pos) != want {
		fs.Usage()
		return exitError{2}
	}
	kind := findRegister(pos[0])
	if kind == nil {
		return zhenggai.Errorf(zhenggai.EINVALID, "未知的登记簿 %q：可用 %s", pos[0], registerNames())
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	unit, err := pickUnit(ctx, st, *unitName)
	if err != nil {
		return err
	}
	if verb == "import" {
		f, err := os.Open(pos[1])
		if err != nil {
			return fmt.Errorf("无法读取 %s：%w", pos[1], err)
		}
		defer f.Close()
		sum, err := kind.importFile(ctx, st, unit, filepath.Base(pos[1]), f, *dry)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(sum)
		}
		fmt.Fprintln(e.stdout, sum)
		return nil
	}
	name := *out
	if name == "" {
		name = kind.label + "-" + unit.Name + ".xlsx"
	}
	if name == "-" {
		return kind.export(ctx, st, unit, e.stdout)
	}
	if err := writeFile(name, func(w io.Writer) error { return kind.export(ctx, st, unit, w) }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "已导出 "+name)
	return nil
}

// pickUnit finds the unit a register command works on: the one named, or
// the only unit that is not an office above others.
func pickUnit(ctx context.Context, st *store.Store, name string) (*zhenggai.Unit, error) {
	if name != "" {
		return st.UnitNamed(ctx, name)
	}
	units, err := st.Units(ctx)
	if err != nil {
		return nil, err
	}
	parents := map[int64]bool{}
	for _, u := range units {
		if u.ParentID != 0 {
			parents[u.ParentID] = true
		}
	}
	var leaves []zhenggai.Unit
	for _, u := range units {
		if !parents[u.ID] {
			leaves = append(leaves, u)
		}
	}
	if len(leaves) != 1 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "有 %d 个单位，请用 --unit 指明哪一个", len(leaves))
	}
	return &leaves[0], nil
}
