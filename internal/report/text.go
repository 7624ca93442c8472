package report

import (
	"bufio"
	"io"
)

// Text writes the report as plain text, one paragraph a line, in the
// layout of the seed document; `zhenggai import` reads it back.
func (r *Report) Text(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(s + "\n") }
	line(r.Title)
	line("")
	r.walk(func(b block) {
		switch b.kind {
		case bProblem:
			line(b.text)
		case bRect:
			line("整改情况：" + b.text)
		case bSignature:
			line("")
			line(b.text)
		default:
			line(b.text)
		}
	})
	return bw.Flush()
}

// blockKind is the role of a block of the report: the renderers differ
// only in how they write each.
type blockKind int

const (
	bPreamble blockKind = iota
	bHeading1           // 一、
	bPara               // a body paragraph
	bTotals             // the totals sentence
	bWithheld           // 另有N个具体问题按规定不予公开。
	bCategory           // （一）反馈问题：
	bProblem            // 1.
	bRect               // 整改情况：
	bContact
	bSignature
	bDate
)

type block struct {
	kind blockKind
	text string
	id   int64 // category or problem
}

// walk hands the report's blocks in order to fn.
func (r *Report) walk(fn func(block)) {
	fn(block{kind: bPreamble, text: r.Preamble})
	fn(block{kind: bHeading1, text: HeadingOrganisation})
	fn(block{kind: bTotals, text: r.TotalsSentence + r.OutcomesSentence})
	for _, p := range r.LeadingGroup {
		fn(block{kind: bPara, text: p})
	}
	for _, p := range r.Work {
		fn(block{kind: bPara, text: p})
	}
	fn(block{kind: bHeading1, text: r.HeadingProgress()})
	if r.WithheldNote != "" {
		fn(block{kind: bWithheld, text: r.WithheldNote})
	}
	for _, c := range r.Categories {
		fn(block{kind: bCategory, text: c.Heading, id: c.ID})
		for _, p := range c.Problems {
			fn(block{kind: bProblem, text: p.Heading, id: p.ID})
			if p.Rectification != "" {
				fn(block{kind: bRect, text: p.Rectification, id: p.ID})
			}
		}
	}
	if len(r.FollowUp) > 0 {
		fn(block{kind: bHeading1, text: HeadingFollowUp})
		for _, p := range r.FollowUp {
			fn(block{kind: bPara, text: p})
		}
	}
	fn(block{kind: bContact, text: r.Contact})
	fn(block{kind: bSignature, text: r.Signature})
	fn(block{kind: bDate, text: r.Date})
}
