package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress shows how far a long step is: a bar redrawn in place on a
// terminal, a plain line every tenth when the output is a file or pipe.
// Once a step has run for a few seconds, both say how long it has left,
// assuming the items left take as long as those done.
type progress struct {
	w        io.Writer
	tty      bool
	what     string
	total    int
	began    time.Time
	last     time.Time
	lastTick int
	// now is the clock, replaceable in tests.
	now func() time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, now: time.Now}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) line(s string) { fmt.Fprintln(p.w, s) }

// quietBelow is the number of items under which a piped output gets no
// progress lines: they would only repeat the summary.
const quietBelow = 200

func (p *progress) start(what string, total int) {
	p.what, p.total, p.lastTick, p.last, p.began = what, total, 0, time.Time{}, p.now()
	if !p.tty && total < quietBelow {
		p.total = 0
	}
	if p.total > 0 && !p.tty {
		fmt.Fprintf(p.w, "%s：共 %d 个\n", what, total)
	}
}

func (p *progress) step(n int) {
	if p.total == 0 {
		return
	}
	now := p.now()
	if p.tty {
		if now.Sub(p.last) < 100*time.Millisecond && n != p.total {
			return
		}
		p.last = now
		const width = 30
		filled := width * n / p.total
		// The trailing spaces wipe a longer remainder of the line before.
		fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d%s    ", p.what, strings.Repeat("#", filled), strings.Repeat("-", width-filled),
			n, p.total, p.eta(n, now))
		return
	}
	if tick := 10 * n / p.total; tick > p.lastTick {
		p.lastTick = tick
		fmt.Fprintf(p.w, "%s：%d/%d%s\n", p.what, n, p.total, p.eta(n, now))
	}
}

// etaAfter is how long a step runs before its estimate is shown: the
// first items say little about the rest.
const etaAfter = 2 * time.Second

// eta is " 剩余约 3分12秒" when there is an estimate worth showing.
func (p *progress) eta(n int, now time.Time) string {
	spent := now.Sub(p.began)
	if n <= 0 || n >= p.total || spent < etaAfter {
		return ""
	}
	left := time.Duration(float64(spent) * float64(p.total-n) / float64(n))
	return " 剩余约 " + durationText(left)
}

func (p *progress) finish() {
	if p.tty && p.total > 0 {
		fmt.Fprintln(p.w)
	}
}

// durationText is a duration as people say it: 1小时5分、3分12秒、8秒.
func durationText(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s >= 3600:
		return fmt.Sprintf("%d小时%d分", s/3600, s%3600/60)
	case s >= 60:
		return fmt.Sprintf("%d分%d秒", s/60, s%60)
	case d > 0 && d < 10*time.Second:
		return fmt.Sprintf("%.1f秒", d.Seconds())
	}
	return fmt.Sprintf("%d秒", s)
}
