package zhenggai

// Token is an API token's record; the secret itself is never kept.
type Token struct {
	ID        int64
	User      string
	Name      string
	CreatedAt string
	Revoked   bool
}
