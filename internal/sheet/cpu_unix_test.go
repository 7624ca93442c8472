//go:build unix

package sheet_test

import (
	"syscall"
	"time"
)

// cpu is the CPU time the process has spent, user and system.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
