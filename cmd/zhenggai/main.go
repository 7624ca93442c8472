// Command zhenggai runs inspection rectification (巡察整改) for a unit and
// the inspection office above it. See README.md.
package main

import (
	"os"

	"zhenggai/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
