package zhenggai

import "context"

// Actor is who makes a change: a signed-in user, a token, or the program
// itself (the demo, an import from the command line). Every audited change
// names its actor.
type Actor struct {
	UserID int64  `json:"user_id,omitempty"`
	Name   string `json:"name"`           // login name, or e.g. "system:demo"
	Via    string `json:"via,omitempty"`  // web, api, cli
	Addr   string `json:"addr,omitempty"` // remote address, for web and api
}

type actorKey struct{}

// WithActor returns a context that carries the actor of its changes.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx; a change without one is recorded as
// made by "unknown", which audit readers will notice.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Name: "unknown"}
}
