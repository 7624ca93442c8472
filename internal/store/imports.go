package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"zhenggai"
)

// ImportRound writes what an importer understood as a new round, in one
// transaction: either the whole report is saved or nothing is.
func (s *Store) ImportRound(ctx context.Context, im *zhenggai.Imported, note string) (*zhenggai.Round, error) {
	return s.ImportRoundAt(ctx, im, note, nil)
}

// ImportRoundAt is ImportRound into the unit place chose
// (zhenggai.PlaceRound); nil, the unit the report names.
func (s *Store) ImportRoundAt(ctx context.Context, im *zhenggai.Imported, note string, place *zhenggai.UnitPlace) (*zhenggai.Round, error) {
	r := im.NewRound()
	r.Note, r.Place = note, place
	if err := r.Validate(); err != nil {
		return nil, err
	}
	// A report cut after its preamble is a round without problems yet: the
	// clerk adds them, or imports the ledger into it.
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.createRound(ctx, tx, r); err != nil {
			return err
		}
		for _, ic := range im.Categories {
			c := &zhenggai.Category{RoundID: r.ID, Seq: ic.Seq, Title: ic.Title}
			if err := c.Validate(); err != nil {
				return fmt.Errorf("问题类别(%d)：%w", ic.Seq, err)
			}
			if err := s.createCategory(ctx, tx, c); err != nil {
				return err
			}
			for _, ip := range ic.Problems {
				p := &zhenggai.Problem{CategoryID: c.ID, Seq: ip.Seq, Title: ip.Title, Rectification: ip.Rectification}
				if p.RecordedStatus = ip.Recorded(); p.RecordedStatus != "" {
					p.RecordedSource = "原台账记载（" + zhenggai.DateOf(s.now()).Chinese() + "导入）"
				}
				if err := p.Validate(); err != nil {
					return fmt.Errorf("问题%d：%w", ip.Seq, err)
				}
				if err := s.createProblem(ctx, tx, p); err != nil {
					return err
				}
				for i, imm := range ip.Measures {
					m := &zhenggai.Measure{ProblemID: p.ID, Seq: i + 1, Content: imm.Content, Leader: imm.Leader,
						Office: imm.Office, Owner: imm.Owner, Deadline: imm.Deadline, Kind: imm.Kind, Status: imm.Status,
						RuleNames: imm.RuleNames, RefundedFen: imm.RefundedFen, RecoveredFen: imm.RecoveredFen,
						SavedFen: imm.SavedFen, Talks: imm.Talks, Organisational: imm.Organisational,
						Disciplinary: imm.Disciplinary}
					if m.Kind == "" {
						m.Kind = zhenggai.MeasureImmediate
					}
					if m.Status == "" {
						m.Status = zhenggai.NotStarted
					}
					if err := m.Validate(); err != nil {
						return fmt.Errorf("问题%d第%d项措施：%w", ip.Seq, i+1, err)
					}
					if err := s.createMeasure(ctx, tx, m); err != nil {
						var v *zhenggai.ValidationError
						if errors.As(err, &v) { // a name two persons of the roster bear
							return fmt.Errorf("问题%d第%d项措施：%w", ip.Seq, i+1, err)
						}
						return err
					}
					if e := importedProgress(imm.Progress, zhenggai.DateOf(s.now())); e != nil {
						e.MeasureID = m.ID
						if err := e.Validate(zhenggai.DateOf(s.now())); err != nil {
							return fmt.Errorf("问题%d第%d项措施的整改进展：%w", ip.Seq, i+1, err)
						}
						if err := s.addProgress(ctx, tx, e, 0); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// progressDay is the "2020年10月28日：" a ledger's 整改进展 cell starts with
// when it was exported from here (or written the same way).
var progressDay = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日\s*[：:]\s*`)

// importedProgress makes the 整改进展 text of an imported measure (a
// ledger column) a progress entry: of the day it starts with when that is
// a real day not after today, else of today. Without text, none.
func importedProgress(text string, today zhenggai.Date) *zhenggai.Progress {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	// The audit log names who imported; the entry says where it came from.
	e := &zhenggai.Progress{Date: today, Content: text, Author: "台账导入"}
	if m := progressDay.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		day := zhenggai.NewDate(y, mo, d)
		if rest := strings.TrimSpace(text[len(m[0]):]); rest != "" && day.Valid() && day.Year() >= 1949 && !today.Before(day) {
			e.Date, e.Content = day, rest
		}
	}
	return e
}
