package sheet

// SetSpoolAbove sets the size from which a file is read from disk, and
// returns the one before: a test reads a small file the way a large one
// is read.
func SetSpoolAbove(n int64) int64 {
	old := spoolAbove
	spoolAbove = n
	return old
}
