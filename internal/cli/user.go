package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// adminUnit is where an administrator lives when no unit is named.
const adminUnit = "系统管理"

var cliActor = zhenggai.Actor{Name: "cli", Via: "cli"}

func runUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "用法：zhenggai user add NAME --role ROLE [--unit 单位] [--display 姓名] [--data DIR | --db URL]\n      zhenggai user passwd NAME [--data DIR | --db URL]\n      zhenggai user list [--data DIR | --db URL]")
		return exitError{2}
	}
	ctx = zhenggai.WithActor(ctx, cliActor)
	switch args[0] {
	case "add":
		return userAdd(ctx, e, args[1:])
	case "passwd":
		return userPasswd(ctx, e, args[1:])
	case "list":
		return userList(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "未知的 user 子命令 %q（可用：add、passwd、list）\n", args[0])
	return exitError{2}
}

// nameFirst lets NAME come before the flags, as the README writes it.
func nameFirst(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

func userAdd(ctx context.Context, e *env, args []string) error {
	name, rest := nameFirst(args)
	fs := flags(e, "user add", "NAME --role ROLE [--unit 单位] [--display 姓名] [--data DIR | --db URL]\n\n角色：admin 系统管理员、supervisor 巡察办、unit_admin 单位管理员、leader 责任领导、responsible 责任人、member 委员。\n责任领导和责任人的姓名（--display）须与台账中的写法一致，才能对应到他的整改措施。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	role := fs.String("role", "", "角色：admin 系统管理员、supervisor 巡察办、unit_admin 单位管理员、leader 责任领导、responsible 责任人、member 委员")
	unit := fs.String("unit", "", "所属单位，按简称、全称或别名查找（尚未登记时新建）；系统管理员不给时为“系统管理”")
	display := fs.String("display", "", "姓名，与台账中的写法一致（不给时同登录名）")
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if name == "" && fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	if name == "" {
		fs.Usage()
		return exitError{2}
	}
	r := zhenggai.Role(*role)
	if !r.Valid() {
		return zhenggai.Errorf(zhenggai.EINVALID, "角色 %q 不正确，可用：admin、supervisor、unit_admin、leader、responsible、member", *role)
	}
	if *unit == "" {
		if r != zhenggai.RoleAdmin {
			return zhenggai.Errorf(zhenggai.EINVALID, "请用 --unit 指定用户所属单位")
		}
		*unit = adminUnit
	}
	if *display == "" {
		*display = name
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	u, password, err := addUser(ctx, st, name, *display, r, *unit)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已创建用户 %s（%s，%s，%s）\n初始密码：%s\n密码只显示这一次，请妥善转交本人；本人首次登录时须改为自己的密码。\n", u.Name, u.DisplayName, u.Role.Label(), u.Unit, password)
	return nil
}

// addUser creates an account with a generated password, which its owner
// must change at his first sign-in.
func addUser(ctx context.Context, st *store.Store, name, display string, role zhenggai.Role, unit string) (*zhenggai.User, string, error) {
	unitID, err := st.EnsureUnit(ctx, unit)
	if err != nil {
		return nil, "", err
	}
	password := auth.GeneratePassword()
	hash, err := auth.HashPassword(password)
	if err != nil {
		return nil, "", err
	}
	u := &zhenggai.User{UnitID: unitID, Unit: unit, Name: name, DisplayName: display, Role: role, MustChangePassword: true}
	if err := st.CreateUser(ctx, u, hash); err != nil {
		return nil, "", err
	}
	return u, password, nil
}

func userPasswd(ctx context.Context, e *env, args []string) error {
	name, rest := nameFirst(args)
	fs := flags(e, "user passwd", "NAME [--data DIR | --db URL]\n\n为用户生成新密码，并使其已登录的会话和 API 令牌失效；本人登录时须改为自己的密码。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if name == "" {
		fs.Usage()
		return exitError{2}
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	u, _, err := st.UserByName(ctx, name)
	if err != nil {
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "没有用户 %s", name)
	}
	password := auth.GeneratePassword()
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	if err := st.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "用户 %s 的新密码（本人登录时须改为自己的密码）：%s\n", u.Name, password)
	return nil
}

func userList(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user list", "[--data DIR | --db URL]")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "登录名\t姓名\t角色\t单位\t状态")
	for _, u := range users {
		state := "正常"
		if u.Disabled {
			state = "已停用"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.DisplayName, u.Role.Label(), u.Unit, state)
	}
	return tw.Flush()
}
