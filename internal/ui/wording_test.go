package ui_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvidenceIsOneWord: evidence is 佐证材料 on every page and in every
// message of the pages, the API and the command line; none of the other
// words offices also use (证明材料, 佐证资料, 附件) appears in their text.
func TestEvidenceIsOneWord(t *testing.T) {
	for _, dir := range []string{".", "../api", "../attach", "../cli", "../store"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != dir && (d.Name() == "testdata" || d.Name() == "migrations") {
				return filepath.SkipDir
			}
			if d.IsDir() || strings.HasSuffix(path, "_test.go") || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".html")) {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				for _, w := range []string{"证明材料", "佐证资料", "附件"} {
					if strings.Contains(line, w) {
						t.Errorf("%s:%d says %s, not 佐证材料: %s", path, i+1, w, strings.TrimSpace(line))
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
