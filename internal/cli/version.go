package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is stamped by the release build (go run ./tools/release):
// -ldflags "-X zhenggai/internal/cli.version=v1.2.0". A plain go build
// leaves it empty and Version falls back to the commit go build recorded.
var version string

// Version is this binary's version: the stamped one, or for a development
// build "dev" with the commit it was built from ("+" when the tree had
// uncommitted changes).
func Version() string {
	if version != "" {
		return version
	}
	v := "dev"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += "-" + rev
		if dirty {
			v += "+"
		}
	}
	return v
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs := flags(e, "version", "\n\n显示程序的版本号、编译所用的 Go 版本和目标平台。")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{2}
	}
	fmt.Fprintf(e.stdout, "zhenggai %s（%s，%s/%s）\n", Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
