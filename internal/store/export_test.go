package store

// SetAuditForTest switches the audit trail of st on or off (benchmarks of
// what it costs). Never off outside tests.
func SetAuditForTest(st *Store, on bool) { st.noAudit = !on }
