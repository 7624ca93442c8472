package report

import (
	"context"
	"io"
	"strings"
)

// NoBrowserHere makes Chromium find nothing until restore is called.
func NoBrowserHere() (restore func()) {
	paths, names := browserPaths, browserNames
	browserPaths, browserNames = []string{"/nonexistent/chromium"}, []string{"zhenggai-no-such-browser"}
	return func() { browserPaths, browserNames = paths, names }
}

// ParseFamilies is parseFamilies, for the fuzz target.
var ParseFamilies = parseFamilies

// InStyle says whether the face used is of the wanted style: a 仿宋 for
// 仿宋_GB2312.
func (f Face) InStyle() bool {
	for _, n := range f.Families[:f.Style] {
		if strings.EqualFold(n, f.Used) {
			return true
		}
	}
	return false
}

// PrintPDF prints an HTML page (with no outside resources) to PDF.
func PrintPDF(ctx context.Context, html string, w io.Writer) error {
	_, err := printPDF(ctx, html, w, false)
	return err
}
