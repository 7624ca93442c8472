package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"zhenggai"
	"zhenggai/internal/notify"
	"zhenggai/internal/store"
)

// mailFlags are the SMTP settings of serve, demo and notify. The password
// comes from the environment (notify.PasswordEnv), never from a flag.
type mailFlags struct {
	addr, from, user, base *string
}

func addMailFlags(fs *flag.FlagSet) *mailFlags {
	return &mailFlags{
		addr: fs.String("smtp", "", "发送预警邮件的 SMTP 服务器 主机:端口（不给时只发站内消息）；密码放在环境变量 "+notify.PasswordEnv+" 中"),
		from: fs.String("smtp-from", "", "预警邮件的发件地址"),
		user: fs.String("smtp-user", "", "SMTP 登录用户名（服务器要求登录时）"),
		base: fs.String("base-url", "", "同事访问本程序的地址，用于邮件中的链接，如 http://10.1.2.3:8080"),
	}
}

func (m *mailFlags) mailer() (*notify.Mailer, error) {
	if *m.addr == "" && *m.from != "" {
		return nil, fmt.Errorf("给了 --smtp-from 却没有 --smtp：请指定邮件服务器 主机:端口")
	}
	return notify.NewMailer(*m.addr, *m.from, *m.user, *m.base)
}

func runNotify(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "notify", "[--data DIR] [--db URL] [--digest] [--smtp HOST:PORT --smtp-from ADDR]")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	digest := fs.Bool("digest", false, "同时给填了电子邮箱的每个人发送今天的汇总（每人每天一次）")
	mf := addMailFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	mail, err := mf.mailer()
	if err != nil {
		return err
	}
	if *digest && mail == nil {
		return fmt.Errorf("每日汇总通过电子邮件发送：请用 --smtp 和 --smtp-from 指定邮件服务器")
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:notify", Via: "cli"})
	res, err := notify.Dispatch(ctx, st, mail, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "预警变化%d项，站内消息%d条，电子邮件%d封", res.Changed, res.Messages, res.Emails)
	if res.Failed > 0 {
		fmt.Fprintf(e.stdout, "（%d封未能发出，下次重试）", res.Failed)
	}
	fmt.Fprintln(e.stdout)
	if *digest {
		n, err := notify.Digest(ctx, st, mail, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "每日汇总：已发送%d封\n", n)
	}
	return nil
}

// notifyLoop runs with serve: warnings are dispatched at once and then
// every interval (each colour change told once, whatever the number of
// page loads), and the digest goes out once a day at digestHour (Beijing
// time) when mail is set up. It ends with ctx.
func notifyLoop(ctx context.Context, st *store.Store, mail *notify.Mailer, every time.Duration, digestHour int, log *slog.Logger) {
	ctx = zhenggai.WithActor(ctx, zhenggai.Actor{Name: "system:notify", Via: "serve"})
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		now := time.Now()
		if res, err := notify.Dispatch(ctx, st, mail, now); err != nil {
			if ctx.Err() != nil {
				return
			}
			log.Error("notify dispatch", "err", err)
		} else if res.Changed > 0 || res.Emails > 0 || res.Failed > 0 {
			log.Info("notify dispatch", "changed", res.Changed, "messages", res.Messages, "emails", res.Emails, "failed", res.Failed)
		}
		// Digest.Due per person and day makes a second run the same day a no-op.
		if mail != nil && now.In(zhenggai.Shanghai).Hour() >= digestHour {
			if n, err := notify.Digest(ctx, st, mail, now); err != nil {
				log.Error("notify digest", "err", err)
			} else if n > 0 {
				log.Info("notify digest", "sent", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
