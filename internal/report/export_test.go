package report

// NoBrowserHere makes Chromium find nothing until restore is called.
func NoBrowserHere() (restore func()) {
	paths, names := browserPaths, browserNames
	browserPaths, browserNames = []string{"/nonexistent/chromium"}, []string{"zhenggai-no-such-browser"}
	return func() { browserPaths, browserNames = paths, names }
}

// ParseFamilies is parseFamilies, for the fuzz target.
var ParseFamilies = parseFamilies
