package selfcheck

// Rules are every check of the self-inspection, in the order findings are
// listed. Each rule lives in its own file.
var Rules = []Rule{
	MeetingBook,
	Statements,
	ChairLast,
	MajorMatters,
	MeetingReduction,
	StudyGroup,
	VoucherApproval,
	VoucherPurpose,
	LargeExpense,
	ForbiddenPurpose,
	Dues,
	ProposalArchive,
	ProposalOverdue,
	ProposalRates,
	ProposalReport,
	MemberProposals,
	MemberAbsence,
	MemberLeave,
	PlenaryLeave,
	SuggestionsPlatform,
	TownshipLeader,
	LiaisonInvites,
	// Attendance and leave (issue 16).
	AttendanceGap,
	NeverSigns,
	LeaveUnreturned,
}
