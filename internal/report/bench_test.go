package report_test

import (
	"io"
	"testing"

	"zhenggai/internal/report"
	"zhenggai/internal/testkit"
)

// Generating the seed round's report (the demo: 14 categories, 38
// problems, 101 measures with their progress) in each format. Build reads
// the store; the renderers read only the Report.

func BenchmarkReportBuild(b *testing.B) {
	env := testkit.Open(b)
	r := demoRound(b, env)
	b.ReportAllocs()
	for b.Loop() {
		build(b, env.Store, r.ID, seedDate)
	}
}

func benchFormat(b *testing.B, write func(rep *report.Report, w io.Writer) error) {
	env := testkit.Open(b)
	r := demoRound(b, env)
	rep := build(b, env.Store, r.ID, seedDate)
	b.ReportAllocs()
	for b.Loop() {
		if err := write(rep, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportText(b *testing.B) {
	benchFormat(b, func(rep *report.Report, w io.Writer) error { return rep.Text(w) })
}

func BenchmarkReportMarkdown(b *testing.B) {
	benchFormat(b, func(rep *report.Report, w io.Writer) error { return rep.Markdown(w) })
}

func BenchmarkReportHTML(b *testing.B) {
	benchFormat(b, func(rep *report.Report, w io.Writer) error { return rep.HTML(w) })
}

func BenchmarkReportDOCX(b *testing.B) {
	benchFormat(b, func(rep *report.Report, w io.Writer) error { return rep.DOCX(w) })
}

// A PDF starts a browser each time: this is the whole cost a user waits for.
func BenchmarkReportPDF(b *testing.B) {
	benchFormat(b, func(rep *report.Report, w io.Writer) error { return rep.PDF(ctx, w) })
}

// BenchmarkBlankPDF is the reference for BenchmarkReportPDF, measured in the
// same run: the same browser started the same way to print a page with one
// word on it, so that what is left is the report's own cost.
func BenchmarkBlankPDF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := report.PrintPDF(ctx, "<!doctype html><html><body><p>空</p></body></html>", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
