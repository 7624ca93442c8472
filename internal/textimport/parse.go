// Package textimport reads a rectification progress report (巡察整改进展情况)
// written as plain text, such as the seed, into a zhenggai.Imported.
//
// The report is read as a document: lines, then headings at their levels
// (一、 / (一) （一） / 1. 1、 1． / (1) 1) / ①, and problems written without
// a number: 问题:…, 关于“…”问题), after folding full-width forms to
// half-width; what is returned keeps the characters as written. Then:
//
//   - 一、 headings are sections when some of them say so (组织整改落实情况,
//     巡察反馈问题整改进展情况, 下一步工作打算…); else they are categories
//     (一、…方面) or problems like any other heading;
//   - the categories and problems are in the section of feedback, or, with
//     no sections, after the preamble; which headings are problems and which
//     their categories is decided from their words and nesting (roles);
//   - the preamble gives the round (巡察组, unit, on-site period, feedback
//     date), the text outside the problems the declared totals and outcomes;
//   - the title line, the paragraphs of section 一 and of section 三 and the
//     signature (落款) are kept for the generated report.
//
// Web-page furniture copied with a report (site path, 索引号/发布机构
// table, 发布时间/来源 line, a repeated title, 打印本页) is noise: it is
// not read for the round or the totals, and it ends the problems. A text
// that breaks off anywhere is kept as read, with a warning naming the line
// and the part where it stopped.
//
// What cannot be placed becomes a warning, never an error: an error means
// that nothing of a report is in the text, or that it compiles several
// units or sums up a round of many.
package textimport

import (
	"context"
	"errors"
	"fmt"
	"time"

	"zhenggai"
)

// budget bounds the time one parse may take, whatever the caller's
// context allows: the parse is linear and takes milliseconds, so a parse
// still running after this is a hostile or broken input.
var budget = 5 * time.Second

// maxText bounds the text a parse accepts; the callers cap uploads lower.
const maxText = 16 << 20

// Parse reads a progress report written as plain text, within the time
// budget.
func Parse(text string) (*zhenggai.Imported, error) {
	return ParseContext(context.Background(), text)
}

// ParseContext is Parse that stops when ctx is done (the request went
// away) or the time budget is spent.
//
// Decisions worth knowing:
//   - Problem titles are kept exactly as written (trailing 。 kept); category
//     titles lose a trailing 。.
//   - A rectification spanning several lines keeps them joined by "\n".
//   - Lines between a problem and its 整改情况: label continue the title
//     (joined without a separator, as wrapped Chinese text is); when no
//     label follows they are the rectification itself.
//   - Problem numbers may run on across categories (seed) or restart in
//     each; numbers that repeat are renumbered 1 to N, with a warning.
//   - Problems with no category above them go in one category made for
//     them; a problem before the first category, when there are
//     categories, is left out with a warning.
//   - Measure kinds are a keyword heuristic (see measureKind); statuses are
//     left empty, the seed states none per problem.
func ParseContext(ctx context.Context, text string) (im *zhenggai.Imported, err error) {
	defer func() {
		// The parser is fuzzed not to panic; this is the last line of
		// defence so that one odd upload cannot take a server down.
		if r := recover(); r != nil {
			im, err = nil, zhenggai.Errorf(zhenggai.EINTERNAL, "解析文本时发生内部错误，请联系系统管理员")
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	return parse(ctx, text)
}

type parser struct {
	ctx   context.Context
	err   error
	t     ntext
	lines []line
	im    *zhenggai.Imported
	warns []string

	first      int      // first heading or label, -1 when none
	end        int      // first line of the closing part
	regions    [][2]int // lines that hold the categories and problems
	introEnd   []int    // the first heading of each region, once asked
	sections   []section
	orgSecs    []section
	followSecs []section

	totals    totals // as declared, for checkDeclared
	totalsAt  int    // line of the totals sentence, -1 when none
	totalsSen string // the totals sentence, as folded
	// totalsUsed are the sentences, by line, the totals were read from.
	totalsUsed map[int][]string

	lastCat, lastProb int
	seenCat, seenProb map[int]bool
	restarted         bool
	catRestarted      bool
	groupStart        bool // the next category is the first under a group heading
	synthetic         int  // the category made for problems without one, -1
	placed            []placed

	published zhenggai.Date // from a 发布时间/成文日期 line, when there is one
	factLines map[int]bool  // lines the round was read from
	titleAt   [2]int        // lines of the title, -1 when none
	refused   error         // the text is a report, but not one round's
	unlisted  int           // warnings beyond maxWarnings
	unitNamed bool          // the text names the unit inspected (not only its issuer)
	tables    []*table      // the tables whose rows are problems
}

// maxWarnings bounds the warnings listed: a text that warrants more is not
// read line by line by anyone, and a hostile one would grow them without end.
const maxWarnings = 300

func (p *parser) warnf(format string, args ...any) {
	if len(p.warns) >= maxWarnings {
		p.unlisted++
		return
	}
	p.warns = append(p.warns, fmt.Sprintf(format, args...))
}

// stopped reports, and remembers, that the caller went away or the budget
// is spent; the loops over lines ask it every thousand lines.
func (p *parser) stopped() bool {
	if p.err == nil && p.ctx.Err() != nil {
		p.err = p.ctx.Err()
	}
	return p.err != nil
}

// text is the folded text of line i.
func (p *parser) text(i int) string { return p.t.norm[p.lines[i].a:p.lines[i].b] }

// src is the original text of line i from its marker on, trimmed.
func (p *parser) src(i, from int) string {
	l := p.lines[i]
	a := skipSpaces(p.t.norm, l.a+from)
	return p.t.slice(a, l.b)
}

const notReport = "未能识别为巡察整改进展情况报告："

func parse(ctx context.Context, text string) (*zhenggai.Imported, error) {
	if len(text) > maxText {
		return nil, invalid(fmt.Sprintf("文本过大（%dMB），最多%dMB", len(text)>>20, maxText>>20))
	}
	text, warns, err := checkInput(text)
	if err != nil {
		return nil, err
	}
	text, invis := stripInvisible(text)
	p := &parser{
		ctx:       ctx,
		t:         unwrap(normalize(text)),
		im:        &zhenggai.Imported{Categories: []zhenggai.ImportedCategory{}},
		warns:     append(warns, invis...),
		seenCat:   map[int]bool{},
		seenProb:  map[int]bool{},
		synthetic: -1,
		totalsAt:  -1,
		factLines: map[int]bool{},
		titleAt:   [2]int{-1, -1},
	}
	p.run()
	switch {
	case p.err != nil:
		return nil, stoppedError(p.err)
	case p.refused != nil:
		return nil, p.refused
	}
	if !p.somethingRead() {
		return nil, invalid(notReport + "未找到巡察组、被巡察单位、整改总体情况或具体问题")
	}
	p.im.Warnings = p.warns
	if p.unlisted > 0 {
		p.im.Warnings = append(p.im.Warnings, fmt.Sprintf("另有%d处提示未列出：文本中未能识别的内容过多，请检查是否粘贴了整改报告", p.unlisted))
	}
	if p.im.Warnings == nil {
		p.im.Warnings = []string{}
	}
	return p.im, nil
}

// stoppedError says why a parse did not finish.
func stoppedError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return invalid(fmt.Sprintf("文本解析超过%s仍未完成，未导入任何内容：文本可能过长或不是整改报告", budget))
	}
	return fmt.Errorf("解析已取消：%w", err)
}

// somethingRead reports whether anything of a report was found: a fact of
// the round, declared figures, or a category.
func (p *parser) somethingRead() bool {
	r := p.im.Round
	d := p.im.Declared
	d.AsOf = zhenggai.Date{}
	return r.Inspector != "" || r.Unit != "" || d != (zhenggai.Declared{}) || len(p.im.Categories) > 0
}

func (p *parser) run() {
	p.splitLines()
	if p.err != nil {
		return
	}
	p.markTables()
	p.markRepeatedTitle()
	p.layout()
	p.tableRegions()
	p.findTitle()
	p.readSignature()

	// The preamble is what precedes the first section or region; section 一
	// is searched too when the preamble lacks something.
	pre, start := p.first, p.first
	if pre < 0 {
		pre, start = p.end, p.end
	}
	if len(p.sections) > 0 {
		pre = p.sections[0].li
	}
	if len(p.regions) > 0 {
		start = p.regions[0][0]
	}
	if start < pre {
		pre = start
	}
	p.im.Round = p.readRound(pre, start)
	p.im.Declared = p.readTotals()
	p.im.Declared.Outcomes = p.readOutcomes()
	if p.stopped() {
		return
	}
	if p.refused = p.compiled(); p.refused != nil {
		return
	}
	for _, r := range p.regions {
		p.build(r[0], r[1])
		if p.err != nil {
			return
		}
	}
	for i := range p.lines {
		if l := p.lines[i]; l.kind == kHeading && l.fb && !p.inRegion(i) && len(p.regions) > 0 {
			p.warnf("第%d行“%s”不在问题整改进展情况部分，未作为问题类别导入", l.no, excerpt(p.src(i, 0)))
		}
	}
	if p.refused = p.unitCategories(); p.refused != nil {
		return
	}
	if p.refused = p.summary(); p.refused != nil {
		return
	}
	p.closeCategories()
	p.readTexts()
	p.checkStopped()
	p.checkDeclared()
	p.renumber()
}
