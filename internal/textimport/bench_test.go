package textimport

import (
	"testing"

	"zhenggai/internal/sample"
)

func BenchmarkParseSeed(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(sample.Sangzhi)))
	for b.Loop() {
		if _, err := Parse(sample.Sangzhi); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSeedFullWidth(b *testing.B) {
	text := fullWidth(sample.Sangzhi)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}
