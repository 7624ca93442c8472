package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"zhenggai"
)

// ErrNoBrowser says that no Chromium was found to print PDF with.
var ErrNoBrowser = zhenggai.Errorf(zhenggai.EINTERNAL,
	"未找到 Chromium 浏览器，无法生成 PDF。请由系统管理员安装：sudo apt-get install -y chromium fonts-noto-cjk"+
		"（或设置环境变量 ZHENGGAI_CHROMIUM 为浏览器程序的路径）")

// Where Chromium is looked for (variables for the tests).
var (
	browserPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"}
	browserNames = []string{"chromium", "chromium-browser"}
)

// Chromium finds the browser that prints PDF: $ZHENGGAI_CHROMIUM, then
// Debian's chromium, then chromium-browser.
func Chromium() (string, error) {
	if p := os.Getenv("ZHENGGAI_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", zhenggai.Errorf(zhenggai.EINTERNAL, "环境变量 ZHENGGAI_CHROMIUM 指向的浏览器 %s 不存在", p)
		}
		return p, nil
	}
	for _, p := range browserPaths {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	for _, n := range browserNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// PDF prints the report's HTML page through headless Chromium: A4 with the
// margins, fonts and page numbers of the page's print CSS.
func (r *Report) PDF(ctx context.Context, w io.Writer) error {
	var page bytes.Buffer
	if err := r.HTML(&page); err != nil {
		return err
	}
	return PrintPDF(ctx, page.String(), w)
}

// printTimeout bounds one printing, browser start included.
const printTimeout = 2 * time.Minute

// printing admits two browsers at a time: each takes a core while it
// starts, and the machines this runs on have few.
var printing = make(chan struct{}, 2)

// PrintPDF prints an HTML page (with no outside resources) to PDF.
func PrintPDF(ctx context.Context, html string, w io.Writer) error {
	path, err := Chromium()
	if err != nil {
		return err
	}
	select {
	case printing <- struct{}{}:
		defer func() { <-printing }()
	case <-ctx.Done():
		return ctx.Err()
	}
	dir, err := os.MkdirTemp("", "zhenggai-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(dir),
	)
	ctx, cancel := context.WithTimeout(ctx, printTimeout)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	yes := true
	out, err := chromedp.Run(bctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
			return nil, err
		}
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		if _, err := cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: html}); err != nil {
			return nil, err
		}
		// The fonts are local but load asynchronously: print once they are in.
		if _, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: "document.fonts.ready.then(() => true)", AwaitPromise: &yes}); err != nil {
			return nil, err
		}
		return chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4),
			func(p *page.PrintToPDFParams) { p.PreferCSSPageSize = &yes }))
	})
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("Chromium 生成 PDF 超时（%s）", printTimeout)
		}
		return fmt.Errorf("Chromium（%s）生成 PDF 失败：%w", path, err)
	}
	_, err = w.Write(out)
	return err
}
