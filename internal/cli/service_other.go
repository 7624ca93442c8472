//go:build !windows

package cli

import (
	"context"
	"errors"
)

// serviceSupported: the service subcommands are Windows's; elsewhere
// systemd runs serve (deploy/zhenggai.service).
const serviceSupported = false

var errNotWindows = errors.New("只用于 Windows")

func isWindowsService() bool { return false }

func runAsService(ctx context.Context, e *env, args []string) error { return serveMain(ctx, e, args) }

func serviceHost() (exe, programData, profile string, err error) { return "", "", "", errNotWindows }

func serviceInstall(*env, *serviceSpec) error { return errNotWindows }
func serviceUninstall(*env, string) error     { return errNotWindows }
func serviceStart(*env, string) error         { return errNotWindows }
func serviceStop(*env, string) error          { return errNotWindows }
func serviceStatus(*env, string) error        { return errNotWindows }
