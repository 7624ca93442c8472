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
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
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
	_, err := r.PDFFaces(ctx, w)
	return err
}

// PDFFaces prints the report as PDF does and says which face set each of
// the document's (see FaceNote).
func (r *Report) PDFFaces(ctx context.Context, w io.Writer) ([]Face, error) {
	var page bytes.Buffer
	if err := r.HTML(&page); err != nil {
		return nil, err
	}
	return printPDF(ctx, page.String(), w, true)
}

// printTimeout bounds one printing, browser start included.
const printTimeout = 2 * time.Minute

// printing admits two browsers at a time: each takes a core while it
// starts, and the machines this runs on have few.
var printing = make(chan struct{}, 2)

// printPDF prints html; with probe, it also asks the browser which face
// it set each of docFaces in.
func printPDF(ctx context.Context, html string, w io.Writer, probe bool) ([]Face, error) {
	path, err := Chromium()
	if err != nil {
		return nil, err
	}
	select {
	case printing <- struct{}{}:
		defer func() { <-printing }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	dir, err := os.MkdirTemp("", "zhenggai-chromium-")
	if err != nil {
		return nil, err
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
	var faces []Face
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
		if probe {
			if faces, err = usedFaces(ctx, t); err != nil {
				return nil, err
			}
		}
		return chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4),
			func(p *page.PrintToPDFParams) { p.PreferCSSPageSize = &yes }))
	})
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("Chromium 生成 PDF 超时（%s）", printTimeout)
		}
		return nil, fmt.Errorf("Chromium（%s）生成 PDF 失败：%w", path, err)
	}
	_, err = w.Write(out)
	return faces, err
}

// usedFaces asks the browser which platform font drew most of the
// characters of an element set in each of docFaces (the page number is
// no element: it keeps Used "" unless fontconfig says).
func usedFaces(ctx context.Context, t *chromedp.Target) ([]Face, error) {
	if _, err := cdp.Call(ctx, t, dom.Enable, dom.EnableParams{}); err != nil {
		return nil, err
	}
	if _, err := cdp.Call(ctx, t, css.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	doc, err := cdp.Call(ctx, t, dom.GetDocument, dom.GetDocumentParams{})
	if err != nil {
		return nil, err
	}
	faces := make([]Face, 0, len(docFaces))
	for _, f := range docFaces {
		if f.selector == "" {
			continue
		}
		q, err := cdp.Call(ctx, t, dom.QuerySelector, dom.QuerySelectorParams{NodeID: doc.Root.NodeID, Selector: f.selector})
		if err != nil {
			return nil, err
		}
		if q.NodeID == 0 {
			continue // the report has no such element
		}
		used, err := cdp.Call(ctx, t, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: q.NodeID})
		if err != nil {
			return nil, err
		}
		most := 0.0
		for _, u := range used.Fonts {
			if u.GlyphCount > most {
				most, f.Used, f.PostScript = u.GlyphCount, u.FamilyName, u.PostScriptName
			}
		}
		f.Used = f.canonical(f.Used)
		faces = append(faces, f)
	}
	return faces, nil
}
