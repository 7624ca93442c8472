package httpd

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/api"
	"zhenggai/internal/auth"
	"zhenggai/internal/ui"
)

// Permissions, short for the table below.
const (
	public   = zhenggai.PermPublic
	signedIn = zhenggai.PermSignedIn
	read     = zhenggai.PermRead
	edit     = zhenggai.PermEdit
	report   = zhenggai.PermReport
	admin    = zhenggai.PermAdmin
	opinions = zhenggai.PermOpinions
	opRead   = zhenggai.PermOpinionRead
	opDraft  = zhenggai.PermOpinionDraft
	// Closing (销号): each step asks the right of its actor.
	askClose = zhenggai.PermRequestClose
	approve  = zhenggai.PermApprove
	accept   = zhenggai.PermAccept
	reopen   = zhenggai.PermReopen
	// Void (作废) is an edit; restoring is the unit's office's.
	restore = zhenggai.PermRestore
	review  = zhenggai.PermReview // approve or return a publication
)

// routes is the whole route table of the program: every page, API call
// and asset, with the permission it asks and the record its {id} names.
// Every handler lives in a file named after its action.
func routes(u *ui.Handler, a *api.Handler, health http.HandlerFunc) []auth.Route {
	page := func(pattern string, p zhenggai.Perm, on string, h http.HandlerFunc) auth.Route {
		return auth.Route{Pattern: pattern, Perm: p, On: on, Handler: h}
	}
	json := func(pattern string, p zhenggai.Perm, on string, h http.HandlerFunc) auth.Route {
		return auth.Route{Pattern: pattern, Perm: p, On: on, API: true, Handler: h}
	}
	// upload lets a route take a body larger than auth.DefaultMaxBody; its
	// handler sets the precise limit and the message.
	upload := func(rt auth.Route, n int64) auth.Route { rt.MaxBody = n; return rt }
	// unchanged lets a user whose password an administrator set use the
	// route before he has changed it (every other route sends him to do so).
	unchanged := func(rt auth.Route) auth.Route { rt.Unchanged = true; return rt }
	static := ui.Static()
	return []auth.Route{
		page("GET /healthz", public, "", health),
		page("GET /static/", public, "", static.ServeHTTP),
		page("GET /login", public, "", u.NewLogin),
		page("POST /login", public, "", u.CreateLogin),
		page("POST /logout", public, "", u.Logout),
		unchanged(page("GET /account/password", signedIn, "", u.EditPassword)),
		unchanged(page("POST /account/password", signedIn, "", u.UpdatePassword)),

		// Pages.
		page("GET /{$}", signedIn, "", u.Home),
		page("GET /rounds", signedIn, "", u.Cached(u.ListRounds)),
		page("GET /rounds.xlsx", signedIn, "", u.ExportRounds),
		page("GET /ranking.xlsx", signedIn, "", u.ExportRanking),
		page("GET /tasks", signedIn, "", u.Cached(u.ShowTasks)),
		page("GET /tasks.xlsx", signedIn, "", u.ExportTasks),
		page("GET /search", signedIn, "", u.Cached(u.ShowSearch)),
		// Self-inspection: the unit chosen must be one the user reads (the
		// handler checks it); a round and the settings are the unit's own.
		page("GET /selfcheck", signedIn, "", u.ShowSelfCheck),
		page("GET /selfcheck.xlsx", signedIn, "", u.ExportSelfCheck),
		page("GET /selfcheck/units", signedIn, "", u.ShowSelfCheckUnits),
		page("POST /selfcheck/round", edit, "self", u.CreateSelfCheckRound),
		page("POST /selfcheck/settings", edit, "self", u.SaveSelfCheckSettings),
		page("GET /import", edit, "self", u.NewImport),
		upload(page("POST /import", edit, "self", u.CreateImport), 16<<20),
		page("GET /rounds/new", edit, "self", u.NewRound),
		page("POST /rounds", edit, "self", u.CreateRound),
		page("GET /rounds/{id}", read, "round", u.Cached(u.ShowRound)),
		page("GET /rounds/{id}/edit", edit, "round", u.EditRound),
		page("POST /rounds/{id}", edit, "round", u.UpdateRound),
		page("GET /rounds/{id}/tree", read, "round", u.Cached(u.ShowTree)),
		page("GET /rounds/{id}/ledger", read, "round", u.Cached(u.ShowLedger)),
		page("GET /rounds/{id}/ledger.xlsx", read, "round", u.ExportLedger),
		page("GET /rounds/{id}/problems.xlsx", read, "round", u.ExportProblems),
		page("GET /rounds/{id}/warnings.xlsx", read, "round", u.ExportWarnings),
		page("GET /rounds/{id}/report", read, "round", u.ShowReport),
		page("GET /rounds/{id}/categories/new", edit, "round", u.NewCategory),
		page("POST /rounds/{id}/categories", edit, "round", u.CreateCategory),
		page("GET /categories/{id}/edit", edit, "category", u.EditCategory),
		page("POST /categories/{id}", edit, "category", u.UpdateCategory),
		page("GET /rounds/{id}/problems/new", edit, "round", u.NewProblem),
		page("POST /rounds/{id}/problems", edit, "round", u.CreateProblem),
		page("GET /problems/{id}", read, "problem", u.Cached(u.ShowProblem)),
		page("GET /problems/{id}/edit", edit, "problem", u.EditProblem),
		page("POST /problems/{id}", edit, "problem", u.UpdateProblem),
		page("GET /problems/{id}/measures/new", edit, "problem", u.NewMeasure),
		page("POST /problems/{id}/measures", edit, "problem", u.CreateMeasure),
		page("GET /measures/{id}/edit", edit, "measure", u.EditMeasure),
		page("POST /measures/{id}", edit, "measure", u.UpdateMeasure),
		page("POST /measures/{id}/status", report, "measure", u.UpdateMeasureStatus),
		page("GET /measures/{id}/progress/new", report, "measure", u.NewProgress),
		upload(page("POST /measures/{id}/progress", report, "measure", u.CreateProgress), 80<<20),
		page("GET /files/{id}", read, "attachment", u.DownloadFile),
		page("POST /measures/{id}/close/request", askClose, "measure", u.CloseMeasure(zhenggai.CloseRequest)),
		page("POST /measures/{id}/close/approve", approve, "measure", u.CloseMeasure(zhenggai.CloseApprove)),
		page("POST /measures/{id}/close/return", approve, "measure", u.CloseMeasure(zhenggai.CloseReturn)),
		page("POST /problems/{id}/close/accept", accept, "problem", u.CloseProblem(zhenggai.CloseAccept)),
		page("POST /problems/{id}/close/reject", accept, "problem", u.CloseProblem(zhenggai.CloseReject)),
		page("POST /problems/{id}/close/reopen", reopen, "problem", u.CloseProblem(zhenggai.CloseReopen)),
		page("GET /rounds/{id}/voided", read, "round", u.ShowVoided),
		page("POST /rounds/{id}/void", edit, "round", u.VoidRecord("round")),
		page("POST /rounds/{id}/restore", restore, "round", u.RestoreRecord("round")),
		page("POST /categories/{id}/void", edit, "category", u.VoidRecord("category")),
		page("POST /categories/{id}/restore", restore, "category", u.RestoreRecord("category")),
		page("POST /problems/{id}/void", edit, "problem", u.VoidRecord("problem")),
		page("POST /problems/{id}/restore", restore, "problem", u.RestoreRecord("problem")),
		page("POST /measures/{id}/void", edit, "measure", u.VoidRecord("measure")),
		page("POST /measures/{id}/restore", restore, "measure", u.RestoreRecord("measure")),
		page("POST /progress/{id}/void", edit, "progress", u.VoidRecord("progress")),
		page("POST /progress/{id}/restore", restore, "progress", u.RestoreRecord("progress")),
		page("POST /files/{id}/void", edit, "attachment", u.VoidRecord("attachment")),
		page("POST /files/{id}/restore", restore, "attachment", u.RestoreRecord("attachment")),
		page("GET /acceptance", signedIn, "", u.Cached(u.ShowAcceptance)),
		page("GET /acceptance.xlsx", signedIn, "", u.ExportAcceptance),
		page("POST /rounds/{id}/recorded/accept", accept, "round", u.AcceptRecorded),
		page("GET /inbox", signedIn, "", u.Cached(u.ShowInbox)),
		page("POST /inbox/read", signedIn, "", u.MarkInboxRead),
		page("GET /history/{entity}/{id}", read, "history", u.Cached(u.ShowHistory)),
		page("GET /rounds/{id}/publish", edit, "round", u.NewPublication),
		page("POST /rounds/{id}/publications", edit, "round", u.CreatePublication),
		page("POST /publications/{id}/withdraw", edit, "publication", u.WithdrawPublication),
		page("POST /publications/{id}/republish", edit, "publication", u.RepublishPublication),
		page("GET /publications/{id}", read, "publication", u.ShowPublication),
		page("POST /publications/{id}/submit", edit, "publication", u.SubmitPublication),
		page("POST /publications/{id}/approve", review, "publication", u.ApprovePublication),
		page("POST /publications/{id}/return", review, "publication", u.ReturnPublication),
		page("GET /opinions", opinions, "self", u.ListOpinions),
		page("GET /opinions.xlsx", opinions, "self", u.ExportOpinions),
		page("GET /opinions/{id}", opRead, "opinion", u.ShowOpinion),
		page("POST /opinions/{id}/assign", edit, "opinion", u.AssignOpinion),
		page("POST /opinions/{id}/answer", edit, "opinion", u.AnswerOpinion),
		page("POST /opinions/{id}/close", edit, "opinion", u.CloseOpinion),
		page("POST /opinions/{id}/draft", opDraft, "opinion", u.DraftOpinion),
		page("POST /opinions/{id}/approve", edit, "opinion", u.ApproveOpinion),
		page("POST /opinions/{id}/return", edit, "opinion", u.ReturnOpinion),

		// The public site: no sign-in, its own layout.
		page("GET /public/{$}", public, "", u.PublicCached(u.PublicList)),
		page("GET /public/report.css", public, "", u.ReportCSS),
		page("GET /public/reports/{id}", public, "publication", u.PublicCached(u.PublicReport)),
		page("GET /public/reports/{id}/opinion", public, "publication", u.PublicCached(u.NewOpinion)),
		page("POST /public/reports/{id}/opinions", public, "publication", u.CreateOpinion),
		page("GET /public/thanks/{ref}", public, "", u.OpinionThanks),

		// Administration.
		page("GET /units/{id}/report-settings", edit, "unit", u.EditReportSettings),
		page("POST /units/{id}/report-settings", edit, "unit", u.UpdateReportSettings),
		page("GET /units/{id}/persons", edit, "unit", u.ListPersons),
		page("GET /units/{id}/persons.xlsx", edit, "unit", u.ExportPersons),
		page("POST /units/{id}/persons", edit, "unit", u.CreatePerson),
		page("GET /persons/{id}/edit", edit, "person", u.EditPerson),
		page("POST /persons/{id}", edit, "person", u.UpdatePerson),
		page("GET /dues", read, "self", u.ListDues),
		page("GET /dues.xlsx", read, "self", u.ExportDues),
		// The office reads a unit's registers as it reads its ledger.
		page("GET /units/{id}/dues", read, "unit", u.ListDues),
		page("GET /units/{id}/dues.xlsx", read, "unit", u.ExportDues),
		page("GET /units/{id}/meetings", read, "unit", u.ListMeetings),
		page("GET /units/{id}/meetings.xlsx", read, "unit", u.ExportMeetings),
		page("POST /dues/rounding", edit, "self", u.UpdateDuesRounding),
		page("GET /dues/calculator", signedIn, "", u.ShowDuesCalculator),
		page("GET /dues/import", edit, "self", u.NewDuesImport),
		upload(page("POST /dues/import", edit, "self", u.CreateDuesImport), 16<<20),
		page("GET /dues/members/new", edit, "self", u.NewDuesMember),
		page("POST /dues/members", edit, "self", u.CreateDuesMember),
		page("GET /dues/members/{id}/edit", edit, "dues_member", u.EditDuesMember),
		page("POST /dues/members/{id}", edit, "dues_member", u.UpdateDuesMember),
		page("POST /dues/members/{id}/bases", edit, "dues_member", u.SaveDuesBaseForm),
		page("POST /dues/members/{id}/payments", edit, "dues_member", u.SaveDuesPaymentForm),
		page("POST /dues/members/{id}/void", edit, "dues_member", u.VoidDuesMember),
		// Finance vouchers: the user's unit's (/vouchers) or a unit's.
		page("GET /vouchers", read, "self", u.ListVouchers),
		page("GET /vouchers.xlsx", read, "self", u.ExportVouchers),
		page("GET /vouchers/import", edit, "self", u.NewVoucherImport),
		page("POST /vouchers/settings", edit, "self", u.SaveVoucherPrefixes),
		page("POST /units/{id}/vouchers/settings", edit, "unit", u.SaveVoucherPrefixes),
		upload(page("POST /vouchers/import", edit, "self", u.CreateVoucherImport), ui.MaxJournalUpload+1<<20),
		page("GET /units/{id}/vouchers", read, "unit", u.ListVouchers),
		page("GET /units/{id}/vouchers.xlsx", read, "unit", u.ExportVouchers),
		page("GET /units/{id}/vouchers/import", edit, "unit", u.NewVoucherImport),
		upload(page("POST /units/{id}/vouchers/import", edit, "unit", u.CreateVoucherImport), ui.MaxJournalUpload+1<<20),
		page("GET /vouchers/{id}", read, "voucher", u.ShowVoucher),
		page("POST /vouchers/{id}/link", edit, "voucher", u.LinkVoucher),
		page("GET /meetings", read, "self", u.ListMeetings),
		page("GET /meetings.xlsx", read, "self", u.ExportMeetings),
		page("POST /meetings/types", edit, "self", u.UpdateMeetingTypes),
		upload(page("POST /meetings/import", edit, "self", u.ImportMeetingsFile), 16<<20),
		page("GET /meetings/new", edit, "self", u.NewMeeting),
		page("POST /meetings", edit, "self", u.CreateMeeting),
		page("GET /meetings/{id}", read, "meeting", u.ShowMeeting),
		page("GET /meetings/{id}/edit", edit, "meeting", u.EditMeeting),
		page("POST /meetings/{id}", edit, "meeting", u.UpdateMeeting),
		page("POST /meetings/{id}/void", edit, "meeting", u.VoidMeeting),
		page("POST /meetings/{id}/restore", restore, "meeting", u.RestoreMeeting),
		upload(page("POST /meetings/{id}/minutes", edit, "meeting", u.UploadMeetingMinutes), 33<<20),
		page("GET /meetings/{id}/minutes", read, "meeting", u.DownloadMeetingMinutes),
		// CPPCC members (政协委员): the term's list, each member's file, his activities.
		page("GET /members", read, "self", u.ListMembers),
		page("GET /members.xlsx", read, "self", u.ExportMembers),
		page("GET /members/activities.xlsx", read, "self", u.ExportMemberActivities),
		page("GET /units/{id}/members", read, "unit", u.ListMembers),
		page("GET /units/{id}/members.xlsx", read, "unit", u.ExportMembers),
		page("GET /units/{id}/members/activities.xlsx", read, "unit", u.ExportMemberActivities),
		upload(page("POST /members/import", edit, "self", u.ImportMembersFile), 16<<20),
		page("GET /members/settings", edit, "self", u.EditMemberSettings),
		page("POST /members/settings", edit, "self", u.SaveMemberSettings),
		page("GET /members/new", edit, "self", u.NewMember),
		page("POST /members", edit, "self", u.CreateMember),
		page("GET /members/{id}", read, "cppcc_member", u.ShowMember),
		page("GET /members/{id}/edit", edit, "cppcc_member", u.EditMember),
		page("POST /members/{id}", edit, "cppcc_member", u.UpdateMember),
		page("POST /members/{id}/void", edit, "cppcc_member", u.VoidMember),
		page("POST /members/{id}/restore", restore, "cppcc_member", u.RestoreMember),
		page("POST /members/{id}/activities", edit, "cppcc_member", u.CreateMemberActivity),
		page("POST /member-activities/{id}/void", edit, "member_activity", u.VoidMemberActivity),
		// A member's own file: the handler finds it by his account's person.
		page("GET /my/record", signedIn, "", u.ShowMyRecord),
		page("GET /admin/units", admin, "", u.ListUnits),
		page("GET /admin/units.xlsx", admin, "", u.ExportUnits),
		page("POST /admin/units", admin, "", u.CreateUnit),
		page("GET /admin/units/{id}/edit", admin, "unit", u.EditUnit),
		page("POST /admin/units/{id}", admin, "unit", u.UpdateUnit),
		page("GET /admin/users", admin, "", u.ListUsers),
		page("GET /admin/users.xlsx", admin, "", u.ExportUsers),
		page("POST /admin/users", admin, "", u.CreateUser),
		page("GET /admin/users/{id}/edit", admin, "user", u.EditUser),
		page("POST /admin/users/{id}", admin, "user", u.UpdateUser),
		page("POST /admin/users/{id}/password", admin, "user", u.ResetPassword),
		page("GET /admin/settings", admin, "", u.EditSettings),
		page("POST /admin/settings", admin, "", u.UpdateSettings),

		// JSON API.
		json("GET /api/v1/rounds", signedIn, "", a.ListRounds),
		json("POST /api/v1/rounds", edit, "self", a.CreateRound),
		json("GET /api/v1/rounds/{id}", read, "round", a.GetRound),
		json("PUT /api/v1/rounds/{id}", edit, "round", a.UpdateRound),
		json("GET /api/v1/rounds/{id}/ledger", read, "round", a.GetLedger),
		json("GET /api/v1/rounds/{id}/ledger.xlsx", read, "round", a.GetLedgerXLSX),
		json("GET /api/v1/rounds/{id}/categories", read, "round", a.ListCategories),
		json("POST /api/v1/rounds/{id}/categories", edit, "round", a.CreateCategory),
		json("GET /api/v1/categories/{id}", read, "category", a.GetCategory),
		json("PUT /api/v1/categories/{id}", edit, "category", a.UpdateCategory),
		json("GET /api/v1/rounds/{id}/problems", read, "round", a.ListProblems),
		json("POST /api/v1/rounds/{id}/problems", edit, "round", a.CreateProblem),
		json("GET /api/v1/problems/{id}", read, "problem", a.GetProblem),
		json("PUT /api/v1/problems/{id}", edit, "problem", a.UpdateProblem),
		json("GET /api/v1/problems/{id}/measures", read, "problem", a.ListMeasures),
		json("POST /api/v1/problems/{id}/measures", edit, "problem", a.CreateMeasure),
		json("GET /api/v1/measures/{id}", read, "measure", a.GetMeasure),
		json("PUT /api/v1/measures/{id}", edit, "measure", a.UpdateMeasure),
		json("PUT /api/v1/measures/{id}/status", report, "measure", a.UpdateMeasureStatus),
		json("GET /api/v1/problems/{id}/progress", read, "problem", a.ListProgress),
		upload(json("POST /api/v1/measures/{id}/progress", report, "measure", a.CreateProgress), 80<<20),
		json("POST /api/v1/measures/{id}/close/request", askClose, "measure", a.CloseMeasure(zhenggai.CloseRequest)),
		json("POST /api/v1/measures/{id}/close/approve", approve, "measure", a.CloseMeasure(zhenggai.CloseApprove)),
		json("POST /api/v1/measures/{id}/close/return", approve, "measure", a.CloseMeasure(zhenggai.CloseReturn)),
		json("GET /api/v1/problems/{id}/closing", read, "problem", a.ListCloseSteps),
		json("POST /api/v1/problems/{id}/close/accept", accept, "problem", a.CloseProblem(zhenggai.CloseAccept)),
		json("POST /api/v1/problems/{id}/close/reject", accept, "problem", a.CloseProblem(zhenggai.CloseReject)),
		json("POST /api/v1/problems/{id}/close/reopen", reopen, "problem", a.CloseProblem(zhenggai.CloseReopen)),
		json("POST /api/v1/rounds/{id}/void", edit, "round", a.VoidRecord("round")),
		json("POST /api/v1/rounds/{id}/restore", restore, "round", a.RestoreRecord("round")),
		json("POST /api/v1/categories/{id}/void", edit, "category", a.VoidRecord("category")),
		json("POST /api/v1/categories/{id}/restore", restore, "category", a.RestoreRecord("category")),
		json("POST /api/v1/problems/{id}/void", edit, "problem", a.VoidRecord("problem")),
		json("POST /api/v1/problems/{id}/restore", restore, "problem", a.RestoreRecord("problem")),
		json("POST /api/v1/measures/{id}/void", edit, "measure", a.VoidRecord("measure")),
		json("POST /api/v1/measures/{id}/restore", restore, "measure", a.RestoreRecord("measure")),
		json("POST /api/v1/progress/{id}/void", edit, "progress", a.VoidRecord("progress")),
		json("POST /api/v1/progress/{id}/restore", restore, "progress", a.RestoreRecord("progress")),
		json("POST /api/v1/files/{id}/void", edit, "attachment", a.VoidRecord("attachment")),
		json("GET /api/v1/meetings", read, "self", a.ListMeetings),
		json("POST /api/v1/meetings", edit, "self", a.CreateMeeting),
		json("GET /api/v1/meetings/{id}", read, "meeting", a.GetMeeting),
		json("PUT /api/v1/meetings/{id}", edit, "meeting", a.UpdateMeeting),
		json("POST /api/v1/meetings/{id}/void", edit, "meeting", a.VoidRecord("meeting")),
		json("POST /api/v1/meetings/{id}/restore", restore, "meeting", a.RestoreRecord("meeting")),
		json("GET /api/v1/members", read, "self", a.ListMembers),
		json("POST /api/v1/members", edit, "self", a.CreateMember),
		upload(json("POST /api/v1/members/import", edit, "self", a.ImportMembers), 8<<20),
		json("GET /api/v1/members/{id}", read, "cppcc_member", a.GetMember),
		json("POST /api/v1/members/{id}/activities", edit, "cppcc_member", a.CreateMemberActivity),
		json("POST /api/v1/members/{id}/void", edit, "cppcc_member", a.VoidRecord("cppcc_member")),
		json("POST /api/v1/members/{id}/restore", restore, "cppcc_member", a.RestoreRecord("cppcc_member")),
		json("POST /api/v1/persons/{id}/void", edit, "person", a.VoidRecord("person")),
		json("POST /api/v1/persons/{id}/restore", restore, "person", a.RestoreRecord("person")),
		json("POST /api/v1/files/{id}/restore", restore, "attachment", a.RestoreRecord("attachment")),
		json("POST /api/v1/rounds/{id}/recorded/accept", accept, "round", a.AcceptRecorded),
		json("GET /api/v1/inbox", signedIn, "", a.ListInbox),
		json("GET /api/v1/opinions", opinions, "self", a.ListOpinions),
		json("GET /api/v1/opinions/{id}", opRead, "opinion", a.GetOpinion),
		json("POST /api/v1/opinions/{id}/assign", edit, "opinion", a.AssignOpinion),
		json("POST /api/v1/opinions/{id}/draft", opDraft, "opinion", a.DraftOpinion),
		json("POST /api/v1/opinions/{id}/approve", edit, "opinion", a.ApproveOpinion),
		json("POST /api/v1/opinions/{id}/return", edit, "opinion", a.ReturnOpinion),
		json("POST /api/v1/opinions/{id}/answer", edit, "opinion", a.AnswerOpinion),
		json("POST /api/v1/opinions/{id}/close", edit, "opinion", a.CloseOpinion),
		json("GET /api/v1/tasks", signedIn, "", a.ListTasks),
		json("GET /api/v1/search", signedIn, "", a.Search),
		json("GET /api/v1/selfcheck", signedIn, "", a.SelfCheck),
		json("POST /api/v1/selfcheck/round", edit, "self", a.CreateSelfCheckRound),
		unchanged(json("PUT /api/v1/account/password", signedIn, "", a.UpdatePassword)),
		upload(json("POST /api/v1/imports", edit, "self", a.CreateImport), 16<<20),
		json("POST /api/v1/rounds/{id}/publications", edit, "round", a.CreatePublication),
		json("POST /api/v1/publications/{id}/republish", edit, "publication", a.RepublishPublication),
		json("POST /api/v1/publications/{id}/submit", edit, "publication", a.SubmitPublication),
		json("POST /api/v1/publications/{id}/approve", review, "publication", a.ApprovePublication),
		json("POST /api/v1/publications/{id}/return", review, "publication", a.ReturnPublication),
		json("GET /api/v1/history/{entity}/{id}", read, "history", a.GetHistory),
		json("GET /api/v1/dues", read, "self", a.ListDues),
		upload(json("POST /api/v1/dues/import", edit, "self", a.ImportDues), 8<<20),
		json("GET /api/v1/dues/calculate", signedIn, "", a.CalculateDues),
		json("GET /api/v1/vouchers", read, "self", a.ListVouchers),
		json("GET /api/v1/vouchers/{id}", read, "voucher", a.GetVoucher),
		json("PUT /api/v1/vouchers/{id}/link", edit, "voucher", a.LinkVoucher),
		upload(json("POST /api/v1/vouchers/import", edit, "self", a.ImportVouchers), api.MaxJournalUpload+1<<20),
		json("GET /api/v1/openapi.json", public, "", a.OpenAPI),
		json("/api/", public, "", a.NotFound),
		// Any other address: a Chinese page with the menu, not Go's "404 page not found".
		page("/", public, "", u.NotFound),
	}
}
