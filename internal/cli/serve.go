package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"time"

	"zhenggai/internal/attach"
	"zhenggai/internal/httpd"
	"zhenggai/internal/notify"
	"zhenggai/internal/store"
)

const (
	defaultData = "./zhenggai-data"
	defaultAddr = "127.0.0.1:8080"
)

// serveFlagSet are the flags of serve, which service install also takes
// and writes into the service's command line.
type serveFlagSet struct {
	data, dsn  *string
	addr       *string
	mail       *mailFlags
	every      *time.Duration
	digestHour *int
	proxies    *string
	tls        tlsFlags
	maxConns   *int
}

// serveFlags adds serve's flags to fs; data is the default data folder.
func serveFlags(fs *flag.FlagSet, data string) *serveFlagSet {
	return &serveFlagSet{
		data:       fs.String("data", data, "数据目录（数据库和佐证材料；用 --db 时只放佐证材料）"),
		dsn:        dbFlag(fs),
		addr:       fs.String("addr", defaultAddr, "监听地址 主机:端口；内网中同事访问用 0.0.0.0:8080"),
		mail:       addMailFlags(fs),
		every:      fs.Duration("notify-every", 5*time.Minute, "多久检查一次预警并发送通知（如 5m、1h）"),
		digestHour: fs.Int("digest-hour", 8, "每日汇总邮件在北京时间几点以后发出（0至23）"),
		proxies:    fs.String("trusted-proxy", "", "可信的反向代理（地址或网段，逗号分隔，如 127.0.0.1）：只认它们转发的 X-Forwarded-For，及其 X-Forwarded-Proto: https（Cookie 加 Secure）"),
		tls:        addTLSFlags(fs),
		maxConns:   fs.Int("max-conns-per-addr", httpd.DefaultConnsPerAddr, "每个客户端地址同时可开的连接数（可信代理不受限；0 为不限）"),
	}
}

// check checks what the flags can say without opening anything.
func (o *serveFlagSet) check() ([]netip.Prefix, *notify.Mailer, error) {
	trusted, err := httpd.ParseTrustedProxies(*o.proxies)
	if err != nil {
		return nil, nil, fmt.Errorf("--trusted-proxy 的地址不正确（应为 127.0.0.1 或 10.0.0.0/8 这样的地址或网段，用逗号分隔）：%v", err)
	}
	mail, err := o.mail.mailer()
	if err != nil {
		return nil, nil, err
	}
	if *o.every < time.Minute || *o.digestHour < 0 || *o.digestHour > 23 {
		return nil, nil, fmt.Errorf("--notify-every 不能少于1分钟，--digest-hour 须在0至23之间")
	}
	if _, err := checkAddr(*o.addr); err != nil {
		return nil, nil, err
	}
	if *o.maxConns < 0 {
		return nil, nil, fmt.Errorf("--max-conns-per-addr 不能为负数")
	}
	return trusted, mail, nil
}

func runServe(ctx context.Context, e *env, args []string) error {
	if isWindowsService() {
		return runAsService(ctx, e, args)
	}
	return serveMain(ctx, e, args)
}

func serveMain(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "serve", "[--data DIR] [--db URL] [--addr HOST:PORT] [--tls-cert FILE --tls-key FILE] [--trusted-proxy ADDR]")
	o := serveFlags(fs, defaultData)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{2}
	}
	trusted, mail, err := o.check()
	if err != nil {
		return err
	}
	cert, err := o.tls.load()
	if err != nil {
		return err
	}
	data, dsn := o.data, o.dsn
	if ok, err := store.Exists(ctx, *data, *dsn); err != nil {
		return err
	} else if !ok {
		if *dsn != "" {
			return fmt.Errorf("%s 中还没有 zhenggai 的数据；首次使用请先运行 zhenggai user add … --db、zhenggai import --db 或 zhenggai migrate-data --to", whereData(*data, *dsn))
		}
		return fmt.Errorf("数据目录 %s 中没有数据库；首次使用请先运行 zhenggai user add admin --role admin --data %s（或 zhenggai demo、zhenggai import）", *data, *data)
	}
	st, files, err := openData(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkAtStart(ctx, e, st); err != nil {
		return err
	}
	if *dsn != "" {
		abs, _ := filepath.Abs(*data)
		fmt.Fprintf(e.stdout, "数据库：%s\n佐证材料目录：%s\n", store.RedactDSN(*dsn), filepath.Join(abs, "files"))
	}
	if mail != nil {
		st.MailQueued = true // the notices of opinions are e-mailed too, by the notifier below
		fmt.Fprintf(e.stdout, "预警邮件：经 %s 发送，每日汇总于北京时间%d点后发出\n", mail.Addr, *o.digestHour)
	}
	defer startNotifier(ctx, e, st, mail, *o.every, *o.digestHour)()
	return serve(ctx, e, st, files, serveOptions{addr: *o.addr, trusted: trusted, cert: cert, maxConns: *o.maxConns})
}

// tlsFlags are --tls-cert and --tls-key: the program serves HTTPS itself.
type tlsFlags struct{ cert, key *string }

func addTLSFlags(fs *flag.FlagSet) tlsFlags {
	return tlsFlags{
		cert: fs.String("tls-cert", "", "以 HTTPS 提供服务所用的证书（PEM 格式，证书链接在其后）；与 --tls-key 一起给出"),
		key:  fs.String("tls-key", "", "--tls-cert 证书的私钥（PEM 格式）"),
	}
}

// load reads the certificate and key, so that a wrong file is said at
// start rather than at the first visitor; nil when TLS is not asked for.
func (f tlsFlags) load() (*tls.Certificate, error) {
	if *f.cert == "" && *f.key == "" {
		return nil, nil
	}
	if *f.cert == "" || *f.key == "" {
		return nil, fmt.Errorf("--tls-cert 和 --tls-key 须同时给出")
	}
	c, err := tls.LoadX509KeyPair(*f.cert, *f.key)
	if err != nil {
		return nil, fmt.Errorf("无法读取证书 %s 或私钥 %s（应为 PEM 格式，私钥与证书须配对）：%v", *f.cert, *f.key, err)
	}
	return &c, nil
}

// serveOptions is how serve listens.
type serveOptions struct {
	addr     string
	now      func() time.Time // the clock; nil for the real one
	trusted  []netip.Prefix   // reverse proxies (see httpd.Config)
	cert     *tls.Certificate // serve HTTPS with it; nil for plain HTTP
	maxConns int              // per client address; 0 for no limit
}

// startNotifier runs notifyLoop beside the server; the function it
// returns stops it and waits, so that the store outlives it.
func startNotifier(ctx context.Context, e *env, st *store.Store, mail *notify.Mailer, every time.Duration, digestHour int) func() {
	nctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		notifyLoop(nctx, st, mail, every, digestHour, slog.New(slog.NewTextHandler(e.stderr, nil)))
	}()
	return func() { stop(); <-done }
}

// checkAddr checks the listening address. Beyond loopback, anyone on the
// network reaches the sign-in page: that is what accounts are for, but the
// operator is reminded that without TLS passwords cross the wire in clear.
func checkAddr(addr string) (loopback bool, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("监听地址 %q 格式应为 主机:端口，例如 127.0.0.1:8080", addr)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// serve listens on o.addr and serves until ctx ends, then drains requests.
func serve(ctx context.Context, e *env, st *store.Store, files *attach.Dir, o serveOptions) error {
	loopback, err := checkAddr(o.addr)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", o.addr, err)
	}
	ln = httpd.LimitListener(ln, o.maxConns, o.trusted)
	srv := &http.Server{
		Handler:           httpd.New(httpd.Config{Store: st, Files: files, Log: log, Now: o.now, TrustedProxies: o.trusted}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads of evidence over a slow intranet (anonymous bodies: 30 s)
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	scheme := "http"
	if o.cert != nil {
		scheme = "https"
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{*o.cert}, MinVersion: tls.VersionTLS12}
	}
	fmt.Fprintf(e.stdout, "zhenggai 已启动：%s://%s/\n按 Ctrl+C 停止。\n", scheme, ln.Addr())
	if !loopback && o.cert == nil && len(o.trusted) == 0 {
		fmt.Fprintln(e.stdout, "提示：正在非本机地址上监听。请只在单位内网使用，并用 --tls-cert/--tls-key 启用 HTTPS 或通过 HTTPS 反向代理（--trusted-proxy）访问，以免密码以明文传输。")
	}
	if users, err := st.Users(ctx); err == nil && len(users) == 0 {
		fmt.Fprintln(e.stdout, "提示：还没有任何账号，请先运行 zhenggai user add admin --role admin 创建系统管理员。")
	}
	errc := make(chan error, 1)
	go func() {
		if o.cert != nil {
			errc <- srv.ServeTLS(ln, "", "")
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "已停止。")
	return nil
}
