//go:build windows

package report

import (
	"os"
	"path/filepath"

	"zhenggai"
)

// Windows has no Chromium package: Edge, a Chromium, comes with Windows 10
// and 11, and Chrome is common; both print as Chromium does.
func init() {
	var paths []string
	for _, env := range []string{"ProgramFiles(x86)", "ProgramFiles", "LocalAppData"} {
		if base := os.Getenv(env); base != "" {
			paths = append(paths,
				filepath.Join(base, "Microsoft", "Edge", "Application", "msedge.exe"),
				filepath.Join(base, "Google", "Chrome", "Application", "chrome.exe"))
		}
	}
	browserPaths = paths
	browserNames = []string{"msedge", "chrome", "chromium"}
	ErrNoBrowser = zhenggai.Errorf(zhenggai.EINTERNAL,
		"未找到 Edge 或 Chrome 浏览器，无法生成 PDF。请安装 Microsoft Edge 或 Google Chrome，"+
			"或设置环境变量 ZHENGGAI_CHROMIUM 为浏览器程序的路径（Windows 服务用 service install --env ZHENGGAI_CHROMIUM=…）")
}
