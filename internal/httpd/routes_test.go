package httpd_test

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
	"zhenggai/internal/auth"

	"zhenggai"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// expected is what each route must ask, written here independently of the
// route table: a route missing from this list, or asking less than it
// says here, fails the test.
var expected = map[string]string{
	"GET /healthz": "public", "GET /static/": "public", "GET /login": "public", "POST /login": "public", "POST /logout": "public",
	"GET /account/password": "signed-in", "POST /account/password": "signed-in", "PUT /api/v1/account/password": "signed-in",
	"GET /{$}": "signed-in", "GET /rounds": "signed-in", "GET /rounds.xlsx": "signed-in", "GET /ranking.xlsx": "signed-in",
	"GET /tasks": "signed-in", "GET /tasks.xlsx": "signed-in", "GET /api/v1/tasks": "signed-in",
	"GET /search": "signed-in", "GET /api/v1/search": "signed-in",
	"GET /selfcheck": "signed-in", "GET /selfcheck.xlsx": "signed-in", "GET /selfcheck/units": "signed-in",
	"POST /selfcheck/round": "edit-self", "POST /selfcheck/settings": "edit-self",
	"GET /api/v1/selfcheck": "signed-in", "POST /api/v1/selfcheck/round": "edit-self",
	"GET /rounds/{id}/problems.xlsx": "read", "GET /rounds/{id}/warnings.xlsx": "read", "GET /acceptance.xlsx": "signed-in",
	"GET /opinions.xlsx": "opinions-self", "GET /admin/units.xlsx": "admin", "GET /admin/users.xlsx": "admin",
	"GET /import": "edit-self", "POST /import": "edit-self", "GET /rounds/new": "edit-self", "POST /rounds": "edit-self",
	"GET /rounds/{id}": "read", "GET /rounds/{id}/edit": "edit", "POST /rounds/{id}": "edit",
	"GET /rounds/{id}/tree": "read", "GET /rounds/{id}/ledger": "read", "GET /rounds/{id}/ledger.xlsx": "read", "GET /rounds/{id}/report": "read",
	"GET /rounds/{id}/categories/new": "edit", "POST /rounds/{id}/categories": "edit",
	"GET /categories/{id}/edit": "edit", "POST /categories/{id}": "edit",
	"GET /rounds/{id}/problems/new": "edit", "POST /rounds/{id}/problems": "edit",
	"GET /problems/{id}": "read", "GET /problems/{id}/edit": "edit", "POST /problems/{id}": "edit",
	"GET /problems/{id}/measures/new": "edit", "POST /problems/{id}/measures": "edit", "GET /problems/{id}/measures/proof-rules": "edit",
	"GET /measures/{id}/edit": "edit", "POST /measures/{id}": "edit",
	"POST /measures/{id}/status": "report", "GET /measures/{id}/progress/new": "report", "POST /measures/{id}/progress": "report",
	"GET /admin/units": "admin", "POST /admin/units": "admin",
	"GET /admin/units/{id}/edit": "admin", "POST /admin/units/{id}": "admin",
	"GET /admin/users": "admin", "POST /admin/users": "admin",
	"GET /admin/users/{id}/edit": "admin", "POST /admin/users/{id}": "admin", "POST /admin/users/{id}/password": "admin",
	"GET /admin/settings": "admin", "POST /admin/settings": "admin",
	"GET /files/{id}":            "read",
	"GET /history/{entity}/{id}": "read",
	"GET /api/v1/rounds":         "signed-in", "POST /api/v1/rounds": "edit-self",
	"GET /api/v1/rounds/{id}": "read", "PUT /api/v1/rounds/{id}": "edit", "GET /api/v1/rounds/{id}/ledger": "read",
	"GET /api/v1/rounds/{id}/ledger.xlsx": "read",
	"GET /api/v1/rounds/{id}/categories":  "read", "POST /api/v1/rounds/{id}/categories": "edit",
	"GET /api/v1/categories/{id}": "read", "PUT /api/v1/categories/{id}": "edit",
	"GET /api/v1/rounds/{id}/problems": "read", "POST /api/v1/rounds/{id}/problems": "edit",
	"GET /api/v1/problems/{id}": "read", "PUT /api/v1/problems/{id}": "edit",
	"GET /api/v1/problems/{id}/measures": "read", "POST /api/v1/problems/{id}/measures": "edit",
	"GET /api/v1/measures/{id}": "read", "PUT /api/v1/measures/{id}": "edit", "PUT /api/v1/measures/{id}/status": "report",
	"GET /api/v1/problems/{id}/progress": "read", "POST /api/v1/measures/{id}/progress": "report",
	"POST /api/v1/imports":              "edit-self",
	"GET /api/v1/history/{entity}/{id}": "read",
	"/api/":                             "public",
	"/":                                 "public",
	"GET /units/{id}/report-settings":   "edit", "POST /units/{id}/report-settings": "edit",
	// The roster: the unit's office keeps it.
	"GET /units/{id}/persons": "edit", "GET /units/{id}/persons.xlsx": "edit", "POST /units/{id}/persons": "edit",
	"GET /persons/{id}/edit": "edit", "POST /persons/{id}": "edit",
	// Finance vouchers: read by whoever reads the unit; imported and
	// linked by its office.
	"GET /vouchers": "read-self", "GET /vouchers.xlsx": "read-self", "GET /vouchers/import": "edit-self", "POST /vouchers/import": "edit-self",
	"GET /units/{id}/vouchers": "read", "GET /units/{id}/vouchers.xlsx": "read", "GET /units/{id}/vouchers/import": "edit",
	"POST /units/{id}/vouchers/import": "edit", "GET /vouchers/{id}": "read", "POST /vouchers/{id}/link": "edit",
	"POST /vouchers/settings": "edit-self", "POST /units/{id}/vouchers/settings": "edit",
	"GET /api/v1/vouchers": "read-self", "GET /api/v1/vouchers/{id}": "read", "PUT /api/v1/vouchers/{id}/link": "edit",
	"POST /api/v1/vouchers/import": "edit-self",
	"GET /units/{id}/proposals":    "read", "GET /proposals": "read-self", "POST /proposals/settings": "edit-self",
	"GET /proposals/new": "propose-self", "POST /proposals": "propose-self", "GET /proposals/similar": "propose-self",
	"GET /proposals/assigned": "handle-self", "GET /proposals/{id}": "signed-in", "POST /proposals/{id}/steps": "signed-in",
	"POST /proposals/{id}/cosign": "signed-in", "POST /proposals/{id}/public": "edit", "POST /proposals/{id}/documents": "signed-in",
	"POST /proposals/{id}/documents/void": "edit", "GET /proposals/{id}/file": "signed-in",
	"POST /proposals/{id}/void": "edit", "POST /proposals/{id}/restore": "restore",
	"GET /api/v1/proposals": "read-self", "POST /api/v1/proposals": "propose-self", "GET /api/v1/proposals/{id}": "signed-in",
	"POST /api/v1/proposals/{id}/steps": "signed-in", "GET /api/v1/proposals/{id}/documents": "signed-in",
	"POST /api/v1/proposals/{id}/documents": "signed-in",
	"GET /meetings":                         "read-self", "GET /meetings.xlsx": "read-self", "POST /meetings/types": "edit-self", "POST /meetings/import": "edit-self",
	"GET /meetings/new": "edit-self", "POST /meetings": "edit-self", "GET /meetings/{id}": "read", "GET /meetings/{id}/edit": "edit",
	"POST /meetings/{id}": "edit", "POST /meetings/{id}/void": "edit", "POST /meetings/{id}/restore": "restore",
	"POST /meetings/{id}/minutes": "edit", "GET /meetings/{id}/minutes": "read",
	"GET /proposals/stats": "read-self", "GET /proposals/stats.xlsx": "read-self", "GET /proposals/list.xlsx": "read-self",
	"POST /proposals/import": "edit-self", "GET /units/{id}/proposals/stats": "read", "GET /units/{id}/proposals/stats.xlsx": "read",
	"GET /units/{id}/proposals/list.xlsx": "read", "GET /api/v1/proposals/stats": "read-self", "POST /api/v1/proposals/import": "edit-self",
	"GET /suggestions": "read-self", "GET /suggestions.xlsx": "read-self", "POST /suggestions/import": "edit-self",
	"GET /suggestions/new": "edit-self", "POST /suggestions": "edit-self", "GET /suggestions/{id}": "read", "GET /suggestions/{id}/edit": "edit",
	"POST /suggestions/{id}": "edit", "POST /suggestions/{id}/void": "edit", "POST /suggestions/{id}/restore": "restore",
	// Study (issue 16).
	"GET /study": "read-self", "GET /study/notes": "read-self", "GET /study/notes.xlsx": "read-self", "POST /study/notes/import": "edit-self",
	"GET /study/notes/new": "edit-self", "POST /study/notes": "edit-self", "GET /study/notes/{id}": "read", "POST /study/notes/{id}": "edit",
	"POST /study/notes/{id}/void": "edit", "POST /study/notes/{id}/restore": "restore",
	"GET /units/{id}/study": "read", "GET /units/{id}/study/notes": "read", "GET /units/{id}/study/notes.xlsx": "read",
	"GET /api/v1/study": "read-self", "GET /api/v1/study/notes": "read-self", "POST /api/v1/study/notes": "edit-self",
	"GET /api/v1/study/notes/{id}": "read", "PUT /api/v1/study/notes/{id}": "edit", "POST /api/v1/study/notes/{id}/void": "edit",
	"POST /api/v1/study/notes/{id}/restore": "restore",
	// Attendance and leave (issue 16).
	"GET /attendance": "read-self", "GET /attendance.xlsx": "read-self", "POST /attendance/import": "edit-self", "POST /attendance/sign-ins": "edit-self",
	"GET /attendance/calendar": "read-self", "POST /attendance/calendar": "edit-self",
	"GET /units/{id}/attendance": "read", "GET /units/{id}/attendance.xlsx": "read",
	// A person of the roster asks for his own leave and withdraws it; the
	// office approves, records the return, restores.
	"GET /leaves": "read-self", "GET /leaves.xlsx": "read-self", "GET /leaves/new": "leave-self", "POST /leaves": "leave-self",
	"GET /leaves/mine": "leave-self", "POST /leaves/{id}/void": "leave", "POST /leaves/{id}/restore": "restore",
	"POST /leaves/{id}/approve": "edit", "POST /leaves/{id}/return": "edit", "GET /units/{id}/leaves": "read", "GET /units/{id}/leaves.xlsx": "read",
	"GET /api/v1/sign-ins": "read-self", "POST /api/v1/sign-ins/import": "edit-self", "GET /api/v1/leaves": "read-self",
	"POST /api/v1/leaves": "leave-self", "GET /api/v1/leaves/{id}": "read", "PUT /api/v1/leaves/{id}": "edit",
	"POST /api/v1/leaves/{id}/approve": "edit", "POST /api/v1/leaves/{id}/return": "edit", "POST /api/v1/leaves/{id}/void": "leave",
	"POST /api/v1/leaves/{id}/restore": "restore",
	"GET /townships":                   "read-self", "GET /townships.xlsx": "read-self", "POST /townships/import": "edit-self",
	"GET /townships/new": "edit-self", "POST /townships": "edit-self", "GET /townships/{id}": "read", "GET /townships/{id}/edit": "edit",
	"POST /townships/{id}": "edit", "POST /townships/{id}/posts": "edit", "POST /townships/{id}/invitations": "edit",
	"POST /townships/{id}/void": "edit", "POST /townships/{id}/restore": "restore",
	"GET /units/{id}/suggestions": "read", "GET /units/{id}/suggestions.xlsx": "read",
	"GET /units/{id}/townships": "read", "GET /units/{id}/townships.xlsx": "read",
	// Registers (III), issue 16: private travel documents, retired cadres' posts.
	"GET /travel": "read-self", "GET /travel.xlsx": "read-self", "POST /travel/import": "edit-self",
	"GET /travel/new": "edit-self", "POST /travel": "edit-self", "GET /travel/{id}": "read", "GET /travel/{id}/edit": "edit",
	"POST /travel/{id}": "edit", "POST /travel/{id}/void": "edit", "POST /travel/{id}/restore": "restore",
	"GET /retired": "read-self", "GET /retired.xlsx": "read-self", "POST /retired/import": "edit-self",
	"GET /retired/new": "edit-self", "POST /retired": "edit-self", "GET /retired/{id}": "read", "GET /retired/{id}/edit": "edit",
	"POST /retired/{id}": "edit", "POST /retired/{id}/void": "edit", "POST /retired/{id}/restore": "restore",
	"GET /units/{id}/travel": "read", "GET /units/{id}/travel.xlsx": "read",
	"GET /units/{id}/retired": "read", "GET /units/{id}/retired.xlsx": "read",
	"GET /api/v1/travel": "read-self", "POST /api/v1/travel": "edit-self", "GET /api/v1/travel/{id}": "read",
	"PUT /api/v1/travel/{id}": "edit", "POST /api/v1/travel/{id}/void": "edit", "POST /api/v1/travel/{id}/restore": "restore",
	"GET /api/v1/retired": "read-self", "POST /api/v1/retired": "edit-self", "GET /api/v1/retired/{id}": "read",
	"PUT /api/v1/retired/{id}": "edit", "POST /api/v1/retired/{id}/void": "edit", "POST /api/v1/retired/{id}/restore": "restore",
	"GET /archives": "read-self", "GET /archives.xlsx": "read-self", "POST /archives/import": "edit-self",
	"GET /archives/kinds": "edit-self", "POST /archives/kinds": "edit-self", "POST /archives/kinds/withdraw": "edit-self",
	"GET /archives/new": "edit-self", "POST /archives": "edit-self", "GET /archives/{id}": "read", "GET /archives/{id}/edit": "edit",
	"POST /archives/{id}": "edit", "POST /archives/{id}/documents": "edit", "POST /archives/{id}/documents/void": "edit",
	"GET /archives/{id}/file": "read", "POST /archives/{id}/void": "edit", "POST /archives/{id}/restore": "restore",
	"GET /units/{id}/archives": "read", "GET /units/{id}/archives.xlsx": "read",
	"GET /api/v1/archives": "read-self", "POST /api/v1/archives": "edit-self", "PUT /api/v1/archives/kinds": "edit-self",
	"GET /api/v1/archives/{id}": "read", "PUT /api/v1/archives/{id}": "edit", "POST /api/v1/archives/{id}/documents": "edit",
	"POST /api/v1/archives/{id}/void": "edit", "POST /api/v1/archives/{id}/restore": "restore",
	"GET /api/v1/suggestions": "read-self", "POST /api/v1/suggestions": "edit-self", "POST /api/v1/suggestions/import": "edit-self", "GET /api/v1/suggestions/{id}": "read",
	"PUT /api/v1/suggestions/{id}": "edit", "POST /api/v1/suggestions/{id}/void": "edit", "POST /api/v1/suggestions/{id}/restore": "restore",
	"GET /api/v1/townships": "read-self", "POST /api/v1/townships": "edit-self", "POST /api/v1/townships/import": "edit-self", "GET /api/v1/townships/{id}": "read",
	"PUT /api/v1/townships/{id}": "edit", "POST /api/v1/townships/{id}/void": "edit", "POST /api/v1/townships/{id}/restore": "restore",
	"GET /rounds/{id}/publish": "edit", "POST /rounds/{id}/publications": "edit", "POST /publications/{id}/withdraw": "edit",
	"POST /publications/{id}/republish": "edit", "POST /api/v1/publications/{id}/republish": "edit",
	// Review before publishing: the office drafts and submits, the
	// principal leader (by default) approves or returns.
	"GET /publications/{id}": "read", "POST /publications/{id}/submit": "edit",
	"POST /publications/{id}/approve": "review", "POST /publications/{id}/return": "review",
	"POST /api/v1/rounds/{id}/publications": "edit", "POST /api/v1/publications/{id}/submit": "edit",
	"POST /api/v1/publications/{id}/approve": "review", "POST /api/v1/publications/{id}/return": "review",
	"GET /opinions": "opinions-self", "GET /opinions/{id}": "opinion-read",
	"POST /opinions/{id}/assign": "edit", "POST /opinions/{id}/answer": "edit", "POST /opinions/{id}/close": "edit",
	"POST /opinions/{id}/draft": "opinion-draft", "POST /opinions/{id}/approve": "edit", "POST /opinions/{id}/return": "edit",
	"GET /api/v1/opinions": "opinions-self", "GET /api/v1/opinions/{id}": "opinion-read",
	"POST /api/v1/opinions/{id}/assign": "edit", "POST /api/v1/opinions/{id}/draft": "opinion-draft",
	"POST /api/v1/opinions/{id}/approve": "edit", "POST /api/v1/opinions/{id}/return": "edit",
	"POST /api/v1/opinions/{id}/answer": "edit", "POST /api/v1/opinions/{id}/close": "edit",
	"GET /public/{$}": "public", "GET /public/report.css": "public", "GET /public/reports/{id}": "public", "GET /public/reports/{id}/opinion": "public",
	"POST /public/reports/{id}/opinions": "public", "GET /public/thanks/{ref}": "public",
	// Closing (销号) and the inbox.
	"POST /measures/{id}/close/request": "request-close", "POST /measures/{id}/close/approve": "approve",
	"POST /measures/{id}/close/return": "approve", "POST /problems/{id}/close/accept": "accept",
	"POST /problems/{id}/close/reject": "accept", "POST /problems/{id}/close/reopen": "reopen",
	"GET /acceptance": "signed-in", "GET /inbox": "signed-in", "POST /inbox/read": "signed-in",
	// 原台账记载: the office above accepts in bulk.
	"POST /rounds/{id}/recorded/accept": "accept", "POST /api/v1/rounds/{id}/recorded/accept": "accept",
	"POST /api/v1/measures/{id}/close/request": "request-close", "POST /api/v1/measures/{id}/close/approve": "approve",
	"POST /api/v1/measures/{id}/close/return": "approve", "GET /api/v1/problems/{id}/closing": "read",
	"POST /api/v1/problems/{id}/close/accept": "accept", "POST /api/v1/problems/{id}/close/reject": "accept",
	"POST /api/v1/problems/{id}/close/reopen": "reopen", "GET /api/v1/inbox": "signed-in", "GET /api/v1/openapi.json": "public",
	// Void (作废) and restore.
	"GET /rounds/{id}/voided": "read",
	"POST /rounds/{id}/void":  "edit", "POST /rounds/{id}/restore": "restore",
	"POST /categories/{id}/void": "edit", "POST /categories/{id}/restore": "restore",
	"POST /problems/{id}/void": "edit", "POST /problems/{id}/restore": "restore",
	"POST /measures/{id}/void": "edit", "POST /measures/{id}/restore": "restore",
	"POST /progress/{id}/void": "edit", "POST /progress/{id}/restore": "restore",
	"POST /files/{id}/void": "edit", "POST /files/{id}/restore": "restore",
	"POST /api/v1/rounds/{id}/void": "edit", "POST /api/v1/rounds/{id}/restore": "restore",
	"POST /api/v1/categories/{id}/void": "edit", "POST /api/v1/categories/{id}/restore": "restore",
	"POST /api/v1/problems/{id}/void": "edit", "POST /api/v1/problems/{id}/restore": "restore",
	"POST /api/v1/measures/{id}/void": "edit", "POST /api/v1/measures/{id}/restore": "restore",
	"POST /api/v1/progress/{id}/void": "edit", "POST /api/v1/progress/{id}/restore": "restore",
	"POST /api/v1/files/{id}/void": "edit", "POST /api/v1/files/{id}/restore": "restore",
	"POST /api/v1/persons/{id}/void": "edit", "POST /api/v1/persons/{id}/restore": "restore",
	// Party dues: the own unit's register is read by its people and kept
	// by its office; the calculator reads nothing.
	"GET /dues": "read-self", "GET /dues.xlsx": "read-self", "GET /units/{id}/dues": "read", "GET /units/{id}/dues.xlsx": "read",
	"GET /units/{id}/meetings": "read", "GET /units/{id}/meetings.xlsx": "read", "GET /api/v1/dues": "read-self",
	"POST /dues/rounding": "edit-self", "GET /dues/import": "edit-self", "POST /dues/import": "edit-self",
	"POST /api/v1/dues/import": "edit-self", "GET /dues/members/new": "edit-self", "POST /dues/members": "edit-self",
	"GET /dues/members/{id}/edit": "edit", "POST /dues/members/{id}": "edit", "POST /dues/members/{id}/bases": "edit",
	"POST /dues/members/{id}/payments": "edit", "POST /dues/members/{id}/void": "edit",
	"GET /dues/calculator": "signed-in", "GET /api/v1/dues/calculate": "signed-in",
	"GET /api/v1/meetings": "read-self", "POST /api/v1/meetings": "edit-self", "GET /api/v1/meetings/{id}": "read",
	"PUT /api/v1/meetings/{id}": "edit", "POST /api/v1/meetings/{id}/void": "edit", "POST /api/v1/meetings/{id}/restore": "restore",
	// CPPCC members: read by whoever reads the unit, kept by its office; a
	// member reads only his own file, found by his account.
	"GET /members": "read-self", "GET /members.xlsx": "read-self", "GET /members/activities.xlsx": "read-self",
	"GET /units/{id}/members": "read", "GET /units/{id}/members.xlsx": "read", "GET /units/{id}/members/activities.xlsx": "read",
	"POST /members/import": "edit-self", "GET /members/settings": "edit-self", "POST /members/settings": "edit-self",
	"GET /members/new": "edit-self", "POST /members": "edit-self", "GET /members/{id}": "read", "GET /members/{id}/edit": "edit",
	"POST /members/{id}": "edit", "POST /members/{id}/void": "edit", "POST /members/{id}/restore": "restore",
	"POST /members/{id}/activities": "edit", "POST /member-activities/{id}/void": "edit", "GET /my/record": "signed-in",
	"GET /api/v1/members": "read-self", "POST /api/v1/members": "edit-self", "GET /api/v1/members/{id}": "read",
	"POST /api/v1/members/{id}/activities": "edit", "POST /api/v1/members/import": "edit-self",
	"POST /api/v1/members/{id}/void": "edit", "POST /api/v1/members/{id}/restore": "restore",
}

// who may pass each kind of permission, for records of unit A (whose
// measure is led by 向建国 and owned by 覃丽).
var allowed = map[string][]string{
	"public":    {"anonymous", "admin", "supervisor", "supervisor-elsewhere", "unit-admin", "unit-admin-B", "leader", "other-leader", "principal", "owner", "other-owner", "member"},
	"signed-in": {"admin", "supervisor", "supervisor-elsewhere", "unit-admin", "unit-admin-B", "leader", "other-leader", "principal", "owner", "other-owner", "member"},
	"read":      {"admin", "supervisor", "unit-admin", "leader", "other-leader", "principal", "owner", "other-owner"},
	"edit":      {"admin", "unit-admin"},
	"edit-self": {"admin", "unit-admin", "unit-admin-B"},
	// One's own unit's registers (会议记录): whoever reads his unit.
	"read-self": {"admin", "supervisor", "supervisor-elsewhere", "unit-admin", "unit-admin-B", "leader", "other-leader", "principal", "owner", "other-owner"},
	"report":    {"admin", "unit-admin", "leader", "owner"},
	"admin":     {"admin"},
	// The public's opinions, with their contacts: the unit's office and
	// the inspection office above it.
	"opinions":      {"admin", "supervisor", "unit-admin"},
	"opinions-self": {"admin", "supervisor", "supervisor-elsewhere", "unit-admin", "unit-admin-B"},
	// The fixture's opinion is given to the owner: he reads it (without
	// the contact) and drafts its answer; the office reviews it.
	"opinion-read":  {"admin", "supervisor", "unit-admin", "owner"},
	"opinion-draft": {"admin", "owner"},
	// Closing: the owner asks (or the unit's office for him), the leader
	// approves, the office above accepts, the unit's office reopens.
	"request-close": {"admin", "unit-admin", "owner"},
	"approve":       {"admin", "leader"},
	"accept":        {"admin", "supervisor"},
	"reopen":        {"admin", "unit-admin"},
	// Restoring a voided record: the unit's office.
	"restore": {"admin", "unit-admin"},
	// The unit's principal leader; never the drafter (see TestReview).
	"review": {"admin", "principal"},
	// Proposals: a member of the unit or its office submits; a unit's
	// keeper or owners handle what it was given.
	"propose-self": {"admin", "unit-admin", "unit-admin-B", "member"},
	"handle-self":  {"admin", "unit-admin", "unit-admin-B", "owner", "other-owner"},
	// Leave: whoever is a person of his unit's roster (other-owner is
	// 陈伟, whose the fixture's leave is), or the unit's office.
	"leave-self": {"admin", "unit-admin", "unit-admin-B", "other-owner"},
	"leave":      {"admin", "unit-admin", "other-owner"},
}

type fixture struct {
	store   *store.Store
	srv     *httptest.Server
	logins  map[string]*testkit.Login
	ids     map[string]int64 // by record kind
	history string           // entity of the history routes
	ref     string           // an opinion's reference number
}

func newFixture(t *testing.T, env *testkit.Env) *fixture {
	st, files := env.Store, env.Files
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	// 市委巡察办 above unit A; unit B and 县委巡察办 elsewhere.
	office := &zhenggai.Unit{Name: "市委巡察办"}
	if err := st.SaveUnit(ctx, office); err != nil {
		t.Fatal(err)
	}
	a := &zhenggai.Unit{Name: "甲单位", ParentID: office.ID}
	if err := st.SaveUnit(ctx, a); err != nil {
		t.Fatal(err)
	}
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	if err := st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"}
	st.CreateProblem(ctx, p)
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "措施", Leader: "向建国", Owner: "覃丽",
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := st.CreateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	sum, size, _ := files.Put(strings.NewReader("证明材料"))
	pr := &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "进展",
		Files: []zhenggai.Attachment{{Name: "证明.txt", SHA256: sum, Size: size, ContentType: "text/plain"}}}
	if err := st.AddProgress(ctx, pr, 0); err != nil {
		t.Fatal(err)
	}
	logins := map[string]*testkit.Login{
		"admin":                testkit.SignIn(t, st, zhenggai.RoleAdmin, "系统管理", "管理员"),
		"supervisor":           testkit.SignIn(t, st, zhenggai.RoleSupervisor, "市委巡察办", "巡察办甲"),
		"supervisor-elsewhere": testkit.SignIn(t, st, zhenggai.RoleSupervisor, "县委巡察办", "巡察办乙"),
		"unit-admin":           testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室甲"),
		"unit-admin-B":         testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "乙单位", "办公室乙"),
		"leader":               testkit.SignIn(t, st, zhenggai.RoleLeader, "甲单位", "向建国"),
		"other-leader":         testkit.SignIn(t, st, zhenggai.RoleLeader, "甲单位", "王志华"),
		"principal":            testkit.Principal(t, st, "甲单位", "李主任"),
		"owner":                testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽"),
		"other-owner":          testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "陈伟"),
		"member":               testkit.SignIn(t, st, zhenggai.RoleMember, "甲单位", "委员"),
	}
	pub := testkit.Publish(t, st, r.ID, zhenggai.NewDate(2020, 10, 1))
	op := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Contact: "13800000000", Content: "请公开学习记录"}
	if err := st.CreateOpinion(ctx, op); err != nil {
		t.Fatal(err)
	}
	if err := st.AssignOpinion(ctx, op.ID, logins["owner"].User.ID, "办公室甲", op.Version); err != nil {
		t.Fatal(err)
	}
	// The account the administration routes name: nobody's session in
	// this test, since resetting its password ends its sessions.
	bystander := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "李明")
	person := &zhenggai.Person{UnitID: a.ID, Name: "李明", Kind: zhenggai.PersonStaff}
	if err := st.SavePerson(ctx, person); err != nil {
		t.Fatal(err)
	}
	dm := &zhenggai.DuesMember{UnitID: a.ID, Name: "李明", Kind: zhenggai.DuesInService}
	if err := st.SaveDuesMember(ctx, dm); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportVouchers(ctx, &store.VoucherImport{UnitID: a.ID, FileName: "序时账.csv", SHA256: "ab", Periods: []string{"2020-09"},
		Vouchers: []*zhenggai.Voucher{{Period: "2020-09", Date: zhenggai.NewDate(2020, 9, 1), Word: "记", Number: 1, Summary: "付款",
			Lines: []zhenggai.VoucherLine{{AccountCode: "5001", Debit: 100}, {AccountCode: "1002", Credit: 100}}}}}); err != nil {
		t.Fatal(err)
	}
	var voucher int64
	if p, err := st.Vouchers(ctx, store.VoucherQuery{UnitID: a.ID}); err != nil || len(p.Vouchers) != 1 {
		t.Fatalf("voucher: %v", err)
	} else {
		voucher = p.Vouchers[0].ID
	}
	meeting := &zhenggai.Meeting{UnitID: a.ID, Type: "党组会议", Date: zhenggai.NewDate(2020, 9, 1),
		Attendance: []zhenggai.Attendance{{Name: "李明", Presence: zhenggai.Present}},
		Items: []zhenggai.AgendaItem{{Title: "购置电脑", Kind: zhenggai.ItemLargeFund, Amount: 1200000,
			Statements: []zhenggai.Statement{{Name: "李明", Position: zhenggai.PosAgree}}}}}
	if err := st.SaveMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	prop := &zhenggai.Proposal{UnitID: a.ID, Title: "关于农村公路的建议", Submitter: "民盟", Source: zhenggai.SourceParty}
	if err := st.CreateProposal(ctx, prop, true); err != nil {
		t.Fatal(err)
	}
	doc := &zhenggai.ProposalDocument{Kind: zhenggai.DocOriginal, SHA256: sum, Name: "原件.txt"}
	if err := st.AddProposalDocument(ctx, prop.ID, doc, "提案委"); err != nil {
		t.Fatal(err)
	}
	cm := &zhenggai.CPPCCMember{UnitID: a.ID, Name: "向东", Term: "第九届"}
	if err := st.SaveCPPCCMember(ctx, cm, true, ""); err != nil {
		t.Fatal(err)
	}
	act := &zhenggai.MemberActivity{UnitID: a.ID, MemberID: cm.ID, Kind: zhenggai.ActivityResearch, Title: "调研", On: zhenggai.NewDate(2020, 9, 1)}
	if err := st.SaveMemberActivity(ctx, act); err != nil {
		t.Fatal(err)
	}
	sug := &zhenggai.Suggestion{UnitID: a.ID, Name: "李明", Kind: zhenggai.SuggestSQMY, Title: "关于饮水安全的建议", On: zhenggai.NewDate(2020, 9, 1)}
	if err := st.SaveSuggestion(ctx, sug); err != nil {
		t.Fatal(err)
	}
	tw := &zhenggai.Township{UnitID: a.ID, Name: "澧源镇"}
	if err := st.SaveTownship(ctx, tw); err != nil {
		t.Fatal(err)
	}
	travel := &zhenggai.TravelPerson{UnitID: a.ID, Name: "李明", ScopeFrom: zhenggai.NewDate(2016, 1, 1)}
	if err := st.SaveTravelPerson(ctx, travel); err != nil {
		t.Fatal(err)
	}
	retired := &zhenggai.RetiredPost{UnitID: a.ID, Name: "李明", Born: zhenggai.NewDate(1955, 3, 1), Org: "县老年大学", Post: "副校长",
		Kind: zhenggai.RetiredPartTime, From: zhenggai.NewDate(2019, 1, 1)}
	if err := st.SaveRetiredPost(ctx, retired); err != nil {
		t.Fatal(err)
	}
	if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: a.ID, Name: "覃书记", Kind: zhenggai.PersonLeader, Party: "中共党员"}); err != nil {
		t.Fatal(err)
	}
	nc := &zhenggai.NotesCheck{UnitID: a.ID, Name: "覃书记", CheckerName: person.Name, On: zhenggai.NewDate(2020, 9, 28), Period: "2020-Q3",
		Result: zhenggai.NotesPass}
	if err := st.SaveNotesCheck(ctx, nc); err != nil {
		t.Fatal(err)
	}
	af := &zhenggai.ArchiveFile{UnitID: a.ID, Kind: zhenggai.KindElection, Title: "换届选举", EventOn: zhenggai.NewDate(2017, 10, 27)}
	if err := st.SaveArchiveFile(ctx, af); err != nil {
		t.Fatal(err)
	}
	// 陈伟 (other-owner) is a person of the roster: the leave is his.
	chen := &zhenggai.Person{UnitID: a.ID, Name: "陈伟", Kind: zhenggai.PersonStaff}
	if err := st.SavePerson(ctx, chen); err != nil {
		t.Fatal(err)
	}
	logins["other-owner"].User.PersonID = chen.ID
	if err := st.UpdateUser(ctx, logins["other-owner"].User); err != nil {
		t.Fatal(err)
	}
	lv := &zhenggai.Leave{UnitID: a.ID, Name: "陈伟", Kind: zhenggai.LeaveSick, From: zhenggai.NewDate(2020, 9, 1), To: zhenggai.NewDate(2020, 9, 2)}
	if err := st.SaveLeave(ctx, lv); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2020, 10, 1, 2, 0, 0, 0, time.UTC) }
	srv := env.Serve(t, now)
	return &fixture{store: st, srv: srv, logins: logins, history: "measures", ref: op.Ref, ids: map[string]int64{
		"publication": pub.ID, "opinion": op.ID,
		"round": r.ID, "category": c.ID, "problem": p.ID, "measure": m.ID, "attachment": pr.Files[0].ID, "progress": pr.ID, "history": m.ID,
		"unit": a.ID, "user": bystander.User.ID, "person": person.ID, "dues_member": dm.ID, "voucher": voucher, "meeting": meeting.ID,
		"proposal":     prop.ID,
		"cppcc_member": cm.ID, "member_activity": act.ID,
		"suggestion": sug.ID, "township": tw.ID, "travel_person": travel.ID, "retired_post": retired.ID,
		"notes_check": nc.ID, "archive_file": af.ID, "leave": lv.ID,
	}}
}

// request builds the request a role makes to a route, with its {id}
// naming a record of unit A and an empty body.
func (f *fixture) request(t *testing.T, pattern, on, role string) *http.Request {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = "GET", pattern
	}
	path = strings.TrimSuffix(path, "{$}")
	path = strings.ReplaceAll(path, "{entity}", f.history)
	path = strings.ReplaceAll(path, "{ref}", f.ref)
	if strings.Contains(path, "{id}") {
		id, ok := f.ids[on]
		if !ok {
			t.Fatalf("%s: no fixture record for %q", pattern, on)
		}
		path = strings.ReplaceAll(path, "{id}", fmt.Sprint(id))
	}
	if strings.HasSuffix(path, "/static/") {
		path += "app.css"
	}
	if path == "/api/" {
		path = "/api/v1/nothing"
	}
	if pattern == "/" {
		path = "/nothing"
	}
	body := ""
	ctype := "application/x-www-form-urlencoded"
	if strings.HasPrefix(path, "/api/") && method != "GET" {
		body, ctype = "{}", "application/json"
	}
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	if l := f.logins[role]; l != nil {
		if strings.HasPrefix(path, "/api/") {
			l.Bearer(req)
		} else {
			req.AddCookie(l.Cookie)
		}
	}
	return req
}

// TestEveryRouteWithEveryRole walks the whole route table with every role,
// on each backend: on PostgreSQL it is the whole program on it, every
// page and API call answering without a server error.
func TestEveryRouteWithEveryRole(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testEveryRouteWithEveryRole(t, newFixture(t, env)) })
}

func testEveryRouteWithEveryRole(t *testing.T, f *fixture) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	roles := allowed["public"]
	seen := map[string]bool{}
	table := httpd.Routes()
	// Signing out ends the sessions the other routes need: walk it last.
	slices.SortStableFunc(table, func(a, b auth.Route) int {
		return cmp.Compare(boolInt(a.Pattern == "POST /logout"), boolInt(b.Pattern == "POST /logout"))
	})
	for _, rt := range table {
		seen[rt.Pattern] = true
		want, ok := expected[rt.Pattern]
		if !ok {
			t.Errorf("route %s is not in this test's table: declare what it asks", rt.Pattern)
			continue
		}
		declared := rt.Perm.String()
		if rt.On == "self" {
			declared += "-self"
		}
		if declared != want {
			t.Errorf("route %s asks %q, want %q", rt.Pattern, declared, want)
			continue
		}
		ok2 := map[string]bool{}
		for _, r := range allowed[want] {
			ok2[r] = true
		}
		for _, role := range roles {
			resp, err := client.Do(f.request(t, rt.Pattern, rt.On, role))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			denied := resp.StatusCode == 401 || resp.StatusCode == 403 ||
				resp.StatusCode == 303 && strings.HasPrefix(resp.Header.Get("Location"), "/login")
			if want == "public" {
				// Signing in with a wrong password is 401 and signing out
				// sends to /login: neither is a refusal of the route.
				denied = resp.StatusCode == 403
			}
			switch {
			case resp.StatusCode >= 500:
				t.Errorf("%s as %s: %d %s", rt.Pattern, role, resp.StatusCode, body)
			case ok2[role] && denied:
				t.Errorf("%s as %s: refused (%d), want allowed", rt.Pattern, role, resp.StatusCode)
			case !ok2[role] && !denied:
				t.Errorf("%s as %s: allowed (%d), want refused", rt.Pattern, role, resp.StatusCode)
			}
		}
	}
	for p := range expected {
		if !seen[p] {
			t.Errorf("the test expects route %s, which the table no longer has", p)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestCrossSiteFormRefused: a form posted from another site is refused
// even with the administrator's session.
func TestCrossSiteFormRefused(t *testing.T) {
	f := newFixture(t, testkit.Open(t))
	req := f.request(t, "POST /rounds/{id}/categories", "round", "admin")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "http://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", resp.StatusCode)
	}
}

// TestSettingsHistory: the history of a unit's settings, which the README
// documents, is the administrator's, as the settings page is; every other
// role is refused, on the API and on the page.
func TestSettingsHistory(t *testing.T) {
	testkit.EachBackend(t, testSettingsHistory)
}

func testSettingsHistory(t *testing.T, env *testkit.Env) {
	f := newFixture(t, env)
	st := f.store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	set := zhenggai.DefaultSettings()
	set.GreenDays, set.ReportPhone = 30, "0744-1234567"
	if err := st.SaveSettings(ctx, f.ids["unit"], set); err != nil {
		t.Fatal(err)
	}
	set.GreenDays = 25
	if err := st.SaveSettings(ctx, f.ids["unit"], set); err != nil {
		t.Fatal(err)
	}
	var id int64
	err := st.AuditEntries(ctx, store.AuditQuery{Entity: "settings"}, func(e *store.AuditEntry) error {
		if _, after := e.Rows(); after["name"] == "green_days" {
			id = e.EntityID
		}
		return nil
	})
	if err != nil || id == 0 {
		t.Fatalf("no settings entry: %v", err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, role := range allowed["public"] {
		for _, path := range []string{fmt.Sprintf("/api/v1/history/settings/%d", id), fmt.Sprintf("/history/settings/%d", id)} {
			req := f.request(t, "GET "+path, "", role)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if role == "admin" {
				// Created at 30 days, changed to 25: both shown.
				want := []string{`"value": "30"`, `"value": "25"`}
				if !strings.HasPrefix(path, "/api/") {
					want = []string{"绿色预警天数", "30", "25"}
				}
				for _, w := range want {
					if resp.StatusCode != 200 || !strings.Contains(string(body), w) {
						t.Errorf("%s as admin: %d, want 200 with %s: %s", path, resp.StatusCode, w, body)
					}
				}
				continue
			}
			denied := resp.StatusCode == 401 || resp.StatusCode == 403 ||
				resp.StatusCode == 303 && strings.HasPrefix(resp.Header.Get("Location"), "/login")
			if !denied {
				t.Errorf("%s as %s: %d, want refused", path, role, resp.StatusCode)
			}
		}
	}
}
