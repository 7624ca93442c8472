// Package zhenggai holds the domain of inspection rectification (巡察整改):
// rounds, categories, problems, measures and progress, their statuses and
// the rules that derive one from another. It knows nothing of HTTP or SQL;
// adapters under internal/ translate to and from it.
//
// Each type lives with its rules in the file named after it: Round and
// its checks in round.go, Measure in measure.go, Fen in money.go, Period
// in period.go, and so on. Checks that depend on the day take it
// (Progress.Validate(today)); nothing here reads the clock but Today.
// Texts are checked by checkText (text.go), Chinese numerals written and
// read by numerals.go, and quotes in messages shortened by Clip.
package zhenggai
