package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "demo", "[--data DIR] [--db URL] [--addr HOST:PORT] [--tls-cert FILE --tls-key FILE]\n\n在新的数据目录（或空的 PostgreSQL 数据库）中载入示例数据（默认使用临时目录），然后启动网页服务。")
	data := fs.String("data", "", "示例数据的目录，其中不能已有数据库（不给时新建一个临时目录）")
	dsn := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "监听地址 主机:端口；内网中同事访问用 0.0.0.0:8080")
	tf := addTLSFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cert, err := tf.load()
	if err != nil {
		return err
	}
	if _, err := checkAddr(*addr); err != nil {
		return err
	}
	dir := *data
	if dir == "" {
		d, err := os.MkdirTemp("", "zhenggai-demo-")
		if err != nil {
			return err
		}
		dir = d
	} else if _, err := os.Stat(filepath.Join(dir, store.DBFile)); err == nil && *dsn == "" {
		return fmt.Errorf("数据目录 %s 中已有数据库；示例只载入新目录，已有数据请用 zhenggai serve --data %s", dir, dir)
	}
	st, files, err := openData(ctx, dir, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if *dsn != "" {
		// A PostgreSQL database may have been made for the demo or hold an
		// installation: only an empty one is written into.
		if empty, err := st.Empty(ctx); err != nil {
			return err
		} else if !empty {
			return fmt.Errorf("%s 中已有数据；示例只载入空的数据库，已有数据请用 zhenggai serve --db", whereData(dir, *dsn))
		}
	}
	ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:demo", Via: "cli"})
	r, err := demo.Load(ctx, st, files, zhenggai.Today())
	if err != nil {
		return fmt.Errorf("载入示例数据：%w", err)
	}
	// The report closes the sample history (2020年10月28日); the accounts
	// are made now, after it.
	pub, err := demo.Publish(ctx, st, r)
	if err != nil {
		return fmt.Errorf("公布示例报告：%w", err)
	}
	accounts, err := demo.Accounts(ctx, st, r)
	if err != nil {
		return fmt.Errorf("创建示例账号：%w", err)
	}
	fmt.Fprintf(e.stdout, "示例数据已载入：%s对%s的巡察整改（%s）\n数据目录：%s\n", r.Inspector, r.Unit, demo.Note, dir)
	if *dsn != "" {
		fmt.Fprintf(e.stdout, "数据库：%s\n", store.RedactDSN(*dsn))
	}
	fmt.Fprint(e.stdout, "\n示例账号（密码只显示这一次）：\n")
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	// Latin columns first: tabwriter counts a Chinese character as one column.
	fmt.Fprintln(tw, "  登录名\t密码\t角色 · 姓名 · 单位")
	for _, a := range accounts {
		fmt.Fprintf(tw, "  %s\t%s\t%s · %s · %s\n", a.Login, a.Password, a.Role.Label(), a.Display, a.Unit)
	}
	tw.Flush()
	// The address is printed by serve once it listens: here only the path.
	fmt.Fprintf(e.stdout, "\n公开页面（无需登录）：/public/reports/%d\n\n", pub.ID)
	// Warnings reach the demo's people in their inboxes (no e-mail).
	defer startNotifier(ctx, e, st, nil, 5*time.Minute, 8)()
	return serve(ctx, e, st, files, serveOptions{addr: *addr, cert: cert, maxConns: httpd.DefaultConnsPerAddr})
}
