package cli

import (
	"context"
	"fmt"

	"zhenggai"
	"zhenggai/internal/auth"
)

func runToken(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(e.stderr, "用法：zhenggai token create [--data DIR | --db URL] [--user NAME] [--label 用途]")
		return exitError{2}
	}
	fs := flags(e, "token create", "[--data DIR | --db URL] [--user NAME] [--label 用途]\n\n为用户创建 API 令牌（不指定 --user 时为最早的系统管理员）。令牌是输出的最后一个词，只显示这一次。")
	data := fs.String("data", defaultData, "data folder")
	dsn := dbFlag(fs)
	name := fs.String("user", "", "the user the token acts for (default: the first administrator)")
	label := fs.String("label", "api", "what the token is for")
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
