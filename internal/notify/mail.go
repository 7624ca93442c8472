package notify

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"os"
	"strings"
	"time"

	"zhenggai"
)

// Mailer sends plain-text mail through an SMTP server. The password is
// never a flag (it would show in the process list): it comes from the
// environment variable ZHENGGAI_SMTP_PASSWORD.
type Mailer struct {
	Addr     string // host:port of the SMTP server
	From     string // the sender address
	User     string // for AUTH PLAIN; "" for none
	Password string
	BaseURL  string // where the program is reached, for links; "" for none
	// Now stamps the Date header; replaceable in tests.
	Now func() time.Time
}

// PasswordEnv is the environment variable the SMTP password is read from.
const PasswordEnv = "ZHENGGAI_SMTP_PASSWORD"

// NewMailer returns a mailer for addr, or nil when addr is "" (mail not
// set up). It checks the addresses it is given.
func NewMailer(addr, from, user, baseURL string) (*Mailer, error) {
	if addr == "" {
		return nil, nil
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("邮件服务器地址 %q 应为 主机:端口", addr)
	}
	if !validAddress(from) {
		return nil, fmt.Errorf("发件人地址 %q 不正确", from)
	}
	return &Mailer{Addr: addr, From: from, User: user, Password: os.Getenv(PasswordEnv),
		BaseURL: strings.TrimRight(baseURL, "/"), Now: time.Now}, nil
}

func validAddress(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n<>,;\"")
}

// link is the line that points to a page, when the program's address is known.
func (m *Mailer) link(path string) string {
	if m.BaseURL == "" || path == "" {
		return zhenggai.MailLink("")
	}
	return zhenggai.MailLink(m.BaseURL + path)
}

// sendTimeout bounds one message's whole conversation with the server.
const sendTimeout = 2 * time.Minute

// Send sends one message. STARTTLS is used when the server offers it;
// AUTH only over TLS or to a server on this machine (net/smtp's rule).
func (m *Mailer) Send(to, subject, body string) error {
	if !validAddress(to) {
		return fmt.Errorf("收件人地址 %q 不正确", to)
	}
	host, _, _ := net.SplitHostPort(m.Addr)
	// A server that stalls must not hold a message past its claim
	// (store.ClaimEmail), after which another sender sends it again.
	conn, err := net.DialTimeout("tcp", m.Addr, 30*time.Second)
	if err != nil {
		return err
	}
	conn.SetDeadline(time.Now().Add(sendTimeout))
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(tlsConfig(host)); err != nil {
			return err
		}
	}
	if m.User != "" {
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(m.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(m.compose(to, subject, body)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// compose writes the message: UTF-8 text, base64 body, encoded subject.
func (m *Mailer) compose(to, subject, body string) []byte {
	now := time.Now
	if m.Now != nil {
		now = m.Now
	}
	var b bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	hdr("From", m.From)
	hdr("To", to)
	hdr("Subject", mime.BEncoding.Encode("UTF-8", strings.NewReplacer("\r", " ", "\n", " ").Replace(subject)))
	hdr("Date", now().Format(time.RFC1123Z))
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "text/plain; charset=UTF-8")
	hdr("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(strings.ReplaceAll(body, "\n", "\r\n")))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}

// ErrNoMail is returned where mail is needed but not set up.
var ErrNoMail = errors.New("未配置邮件服务器（SMTP）")
