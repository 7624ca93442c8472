// Package zhenggai holds the domain of inspection rectification (巡察整改):
// rounds, categories, problems, measures and progress, their statuses and
// the rules that derive one from another. It knows nothing of HTTP or SQL;
// adapters under internal/ translate to and from it.
package zhenggai
