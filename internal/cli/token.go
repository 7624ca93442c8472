package cli

import (
	"context"
	"fmt"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
)

func runToken(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && (args[0] == "list" || args[0] == "revoke") {
		return tokenManage(ctx, e, args[0], args[1:])
	}
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(e.stderr, "用法：zhenggai token create [--data DIR | --db URL] [--user NAME] [--label 用途]\n"+
			"      zhenggai token list [--data DIR | --db URL] [--user NAME]\n"+
			"      zhenggai token revoke [--data DIR | --db URL] ID")
		return exitError{2}
	}
	fs := flags(e, "token create", "[--data DIR | --db URL] [--user NAME] [--label 用途]\n\n为用户创建 API 令牌（不指定 --user 时为最早的系统管理员）。令牌是输出的最后一个词，只显示这一次。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	name := fs.String("user", "", "令牌代表的用户登录名（不给时为最早的系统管理员）")
	label := fs.String("label", "api", "令牌的用途说明")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	ctx = zhenggai.WithActor(ctx, cliActor)
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	var u *zhenggai.User
	if *name == "" {
		u, err = st.FirstAdmin(ctx)
	} else {
		u, _, err = st.UserByName(ctx, *name)
		if zhenggai.ErrorCode(err) == zhenggai.ENOTFOUND {
			err = zhenggai.Errorf(zhenggai.ENOTFOUND, "没有用户 %s", *name)
		}
	}
	if err != nil {
		return err
	}
	tok := auth.NewSecret("zt_")
	if _, err := st.CreateToken(ctx, u.ID, *label, auth.Digest(tok)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已为 %s（%s）创建 API 令牌，只显示这一次，请求时放在 Authorization: Bearer 之后：\n%s\n", u.Name, u.Role.Label(), tok)
	return nil
}

// tokenManage lists tokens or revokes one (a leaked token, a script
// retired); resetting a user's password revokes all of his.
func tokenManage(ctx context.Context, e *env, verb string, args []string) error {
	fs := flags(e, "token "+verb, "[--data DIR] [--user NAME] | ID")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	user := fs.String("user", "", "只列该用户的令牌（list）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx = zhenggai.WithActor(ctx, cliActor)
	st, _, err := openData(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if verb == "revoke" {
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if fs.NArg() != 1 || err != nil {
			fs.Usage()
			return exitError{2}
		}
		if err := st.RevokeToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已撤销令牌 #%d。\n", id)
		return nil
	}
	tokens, err := st.Tokens(ctx, *user)
	if err != nil {
		return err
	}
	for _, t := range tokens {
		state := "有效"
		if t.Revoked {
			state = "已撤销"
		}
		fmt.Fprintf(e.stdout, "#%d\t%s\t%s\t%s\t%s\n", t.ID, t.User, t.Name, t.CreatedAt, state)
	}
	return nil
}
