/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AssessmentContext($venueId: UUID, $year: Int) {\n    venuePerformance(venueId: $venueId, year: $year) {\n      venueId venueName venueType year status score star onsiteEntered\n      items { id name kind earned points note }\n      vetoes { code label effect }\n    }\n    onsiteAssessment(venueId: $venueId, year: $year) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n    selfAssessment(venueId: $venueId, year: $year) { kind year enteredAt notes scores { itemId points } }\n  }\n": typeof types.AssessmentContextDocument,
    "\n  mutation EnterOnsiteAssessment($input: OnsiteAssessmentInput!) {\n    enterOnsiteAssessment(input: $input) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n  }\n": typeof types.EnterOnsiteAssessmentDocument,
    "\n  mutation SubmitSelfAssessment($input: SelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { kind year enteredAt notes scores { itemId points } }\n  }\n": typeof types.SubmitSelfAssessmentDocument,
    "\n  query ComplaintQueue($limit: Int!, $offset: Int!, $status: ComplaintStatus, $category: ComplaintCategory, $openOnly: Boolean) {\n    complaints(limit: $limit, offset: $offset, status: $status, category: $category, openOnly: $openOnly) {\n      total\n      items {\n        id number title category channel status regionCode createdAt amountFen\n        deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      }\n    }\n  }\n": typeof types.ComplaintQueueDocument,
    "\n  query Complaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title description category channel status regionCode venueId createdAt closedAt amountFen\n      respondentKind respondentUserId respondentVenueId complainantId filedBy taskId engagementId contractId settlementId\n      resolution rejectReason outcomeStars outcomeComment followUpAt followUpNote wagesPaidAt referredAt\n      referral { amountFen }\n      deadlines { acceptDueAt resolveDueAt nextKind nextDueAt secondsLeft paused stage onTime extended resolveBudgetDays autoCloseAt followUpDueAt }\n      history { action actorRole at fromStatus toStatus note }\n      evidence { id fileType sizeBytes sha256 createdAt link { url expiresAt } }\n    }\n  }\n": typeof types.ComplaintDocument,
    "\n  mutation HandleComplaint($id: UUID!, $action: ComplaintHandlerAction!, $note: String) {\n    handleComplaint(id: $id, action: $action, note: $note) {\n      id status resolution rejectReason\n      deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      history { action actorRole at fromStatus toStatus note }\n    }\n  }\n": typeof types.HandleComplaintDocument,
    "\n  mutation ComplaintFollowUp($id: UUID!, $note: String!) { recordComplaintFollowUp(id: $id, note: $note) { id followUpAt followUpNote } }\n": typeof types.ComplaintFollowUpDocument,
    "\n  mutation PayWageForComplaint($complaintId: UUID!) { payWageForComplaint(complaintId: $complaintId) { id status totalFen paidAt } }\n": typeof types.PayWageForComplaintDocument,
    "\n  query ContractLookup($id: UUID!) {\n    contract(id: $id) {\n      id title kind status templateVersion termsHash createdAt signedAt endedAt endReason engagementId taskId workerId employerId\n      signatures { party keyId signedAt }\n    }\n  }\n": typeof types.ContractLookupDocument,
    "\n  query EngagementMoney($engagementId: UUID!, $taskId: UUID!, $employerId: UUID!) {\n    settlementOfEngagement(engagementId: $engagementId) {\n      id status payUnit rateFen minutes pieces wageFen cancellationFeeFen totalFen minimumHourlyFen payoutStatus paidAt autoConfirmed disputeReason\n      partTimeWeek { weekStart minutes flaggedAt }\n    }\n    attendance(engagementId: $engagementId) { id status checkInAt checkOutAt minutes approvedAt disputeReason partTimeWeek { weekStart minutes flaggedAt } }\n    taskEscrow(taskId: $taskId) { id balanceFen entries(limit: 10) { id amountFen kind createdAt } }\n    employerReliability(employerId: $employerId) { wageArrearsComplaints standingWageArrears lateCancellations averageStars ratingCount }\n  }\n": typeof types.EngagementMoneyDocument,
    "\n  query PayoutReconciliations($limit: Int!, $offset: Int!) {\n    payoutReconciliations(limit: $limit, offset: $offset) {\n      total\n      items {\n        id day status platformCount platformFen providerCount providerFen differenceCount ranAt\n        differences { id kind requestId settlementId venueId platformFen providerFen platformStatus providerStatus }\n      }\n    }\n  }\n": typeof types.PayoutReconciliationsDocument,
    "\n  query VerifyContract($hash: String!) {\n    verifyContract(hash: $hash) {\n      valid termsIntact status kind templateVersion termsHash workerName workerMaskedId employerName employerMaskedId\n      signatures { party keyId signedAt valid }\n    }\n  }\n": typeof types.VerifyContractDocument,
    "\n  query Employers($limit: Int!, $offset: Int!, $search: String) {\n    employers(limit: $limit, offset: $offset, search: $search) {\n      total\n      items { userId kind name creditCode idNumber contactName phone regionCode lateCancelCount taskCount createdAt }\n    }\n  }\n": typeof types.EmployersDocument,
    "\n  query EmployerProfileDetail($employerId: UUID!) {\n    employerReliability(employerId: $employerId) { averageStars ratingCount satisfiedShare lateCancellations wageArrearsComplaints standingWageArrears }\n    tasks(employerId: $employerId, limit: 5, offset: 0) { total items { id title startsAt status headcount filledCount payRateFen payUnit } }\n  }\n": typeof types.EmployerProfileDetailDocument,
    "\n  query MyVenuePerformance {\n    venuePerformance {\n      venueId venueName venueType year status score star level grantFen scoreGrantFen eligible title\n      eligibility { code message }\n      nextStar { level missing message blockedBy hints { itemId itemName message needed } }\n      items { id name earned points kind actual target }\n    }\n  }\n": typeof types.MyVenuePerformanceDocument,
    "\n  query StarRanking($regionCode: String) {\n    performanceRanking(limit: 100, regionCode: $regionCode, type: MARKET) { total items { venueId star score eligible } }\n  }\n": typeof types.StarRankingDocument,
    "\n  query RecognitionReview($regionCode: String) {\n    performanceRanking(limit: 20, regionCode: $regionCode, belowThresholdTwoYears: true) { total items { venueId venueName venueType regionCode score previousScore } }\n  }\n": typeof types.RecognitionReviewDocument,
    "\n  query CountyBudget($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { amountFen committedFen } }\n": typeof types.CountyBudgetDocument,
    "\n  query OpenComplaintDeadlines { complaints(openOnly: true, limit: 100) { total items { id deadlines { nextDueAt } } } }\n": typeof types.OpenComplaintDeadlinesDocument,
    "\n  query PlacementsByMonth($months: Int) { placementsByMonth(months: $months) { month placements } }\n": typeof types.PlacementsByMonthDocument,
    "\n  query PerformanceReconcileRuns($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n": typeof types.PerformanceReconcileRunsDocument,
    "\n  query MinimumWages($regionCode: String!) { minimumWages(regionCode: $regionCode) { effectiveFrom monthlyFen hourlyFen source createdAt } }\n": typeof types.MinimumWagesDocument,
    "\n  mutation SetMinimumWage($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { effectiveFrom monthlyFen hourlyFen } }\n": typeof types.SetMinimumWageDocument,
    "query HolidayCalendar($year: Int!) { holidayCalendar(year: $year) { date kind name } }": typeof types.HolidayCalendarDocument,
    "\n  mutation SetCalendarDays($year: Int!, $source: String!, $days: [CalendarDayInput!]!) { setCalendarDays(year: $year, source: $source, days: $days) { date kind name } }\n": typeof types.SetCalendarDaysDocument,
    "mutation ConsoleOpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }": typeof types.ConsoleOpenQueueDashboardDocument,
    "query SubsidyPolicy($year: Int!) { subsidyPolicy(year: $year) { effectiveFromYear version source policyJson } }": typeof types.SubsidyPolicyDocument,
    "\n  mutation SetSubsidyPolicy($effectiveFromYear: Int!, $policy: String!) { setSubsidyPolicy(effectiveFromYear: $effectiveFromYear, policy: $policy) { effectiveFromYear version } }\n": typeof types.SetSubsidyPolicyDocument,
    "query CountyBudgetPage($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { regionCode year amountFen committedFen } }": typeof types.CountyBudgetPageDocument,
    "\n  mutation SetCountyBudget($input: CountyBudgetInput!) { setCountySubsidyBudget(input: $input) { regionCode year amountFen committedFen } }\n": typeof types.SetCountyBudgetDocument,
    "\n  mutation ConsoleLogin($phone: String!, $password: String!, $smsCode: String) {\n    login(phone: $phone, password: $password, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleLoginWithSmsCode($phone: String!, $code: String!) {\n    loginWithSmsCode(phone: $phone, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": typeof types.ConsoleLoginWithSmsCodeDocument,
    "\n  mutation ConsoleRequestSmsCode($phone: String!) { requestSmsCode(phone: $phone, purpose: LOGIN) { expiresAt resendAfterSeconds } }\n": typeof types.ConsoleRequestSmsCodeDocument,
    "\n  mutation ConsoleRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": typeof types.ConsoleRefreshSessionDocument,
    "mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }": typeof types.ConsoleLogoutDocument,
    "\n  query ConsoleMe {\n    me { id displayName role phone region { code name } venue { id name type status regionCode } }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query SubsidyApplications($limit: Int!, $offset: Int!, $status: ApplicationStatus, $kind: SubsidyKind, $year: Int, $regionCode: String) {\n    subsidyApplications(limit: $limit, offset: $offset, status: $status, kind: $kind, year: $year, regionCode: $regionCode) {\n      total\n      items { venueName application { id venueId kind year status amountFen level score regionCode submittedAt noticeStartsOn noticeEndsOn } }\n    }\n  }\n": typeof types.SubsidyApplicationsDocument,
    "\n  query SubsidyApplication($id: UUID!) {\n    subsidyApplication(id: $id) {\n      id venueId kind year status amountFen level score policyVersion regionCode note statusReason\n      createdAt submittedAt approvedAt noticeStartsOn noticeEndsOn paidFen paidOn voucherNo\n      materials { key label provided }\n    }\n    subsidyObjections(applicationId: $id) { id reason status createdAt decidedAt decisionNote }\n  }\n": typeof types.SubsidyApplicationDocument,
    "\n  mutation UpdateApplicationMaterials($input: ApplicationMaterialsInput!) {\n    updateApplicationMaterials(input: $input) { id status note materials { key label provided } }\n  }\n": typeof types.UpdateApplicationMaterialsDocument,
    "mutation SubmitApplication($id: UUID!) { submitApplication(id: $id) { id status submittedAt statusReason } }": typeof types.SubmitApplicationDocument,
    "mutation StartApplicationReview($id: UUID!) { startApplicationReview(id: $id) { id status statusReason } }": typeof types.StartApplicationReviewDocument,
    "mutation ReturnApplication($id: UUID!, $reason: String!) { returnApplication(id: $id, reason: $reason) { id status statusReason } }": typeof types.ReturnApplicationDocument,
    "mutation RejectApplication($id: UUID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status statusReason } }": typeof types.RejectApplicationDocument,
    "\n  mutation PublishApplication($id: UUID!) { publishApplication(id: $id) { id status noticeStartsOn noticeEndsOn statusReason } }\n": typeof types.PublishApplicationDocument,
    "\n  mutation FileObjection($applicationId: UUID!, $reason: String!) {\n    fileObjection(applicationId: $applicationId, reason: $reason) { id reason status createdAt decidedAt decisionNote }\n  }\n": typeof types.FileObjectionDocument,
    "\n  mutation DecideObjection($id: UUID!, $upheld: Boolean!, $note: String!) {\n    decideObjection(id: $id, upheld: $upheld, note: $note) { id status decidedAt decisionNote }\n  }\n": typeof types.DecideObjectionDocument,
    "\n  mutation RecordSubsidyPayment($input: SubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id status paidFen paidOn voucherNo } }\n": typeof types.RecordSubsidyPaymentDocument,
    "\n  mutation ExportApplicationForm($applicationId: UUID!) { exportApplicationForm(applicationId: $applicationId) { url filename expiresAt } }\n": typeof types.ExportApplicationFormDocument,
    "\n  mutation ExportRecognitionForm($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }\n": typeof types.ExportRecognitionFormDocument,
    "\n  mutation ExportPlacementRoster($venueId: UUID!, $year: Int!, $fullIds: Boolean!) {\n    exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt }\n  }\n": typeof types.ExportPlacementRosterDocument,
    "\n  mutation ExportAssessmentForm($venueId: UUID!, $year: Int!) { exportAssessmentForm(venueId: $venueId, year: $year) { url filename expiresAt } }\n": typeof types.ExportAssessmentFormDocument,
    "\n  mutation ExportYearSummary($regionCode: String, $year: Int!) { exportYearSummary(regionCode: $regionCode, year: $year) { url filename expiresAt } }\n": typeof types.ExportYearSummaryDocument,
    "query SubsidyVenue($id: UUID!) { venue(id: $id) { id name type status } }": typeof types.SubsidyVenueDocument,
    "\n  query Tasks($limit: Int!, $offset: Int!, $status: TaskStatus, $regionCode: String) {\n    tasks(limit: $limit, offset: $offset, status: $status, regionCode: $regionCode) {\n      total\n      items { id title skillCode regionCode address startsAt endsAt headcount filledCount payRateFen payUnit status wave manualDispatchAt }\n    }\n  }\n": typeof types.TasksDocument,
    "\n  query Task($id: UUID!) {\n    task(id: $id) {\n      id title description skillCode requiredLevel regionCode address startsAt endsAt headcount filledCount payRateFen payUnit\n      status wave manualDispatchAt maxTravelMinutes venueId cancelReason\n      flags { code message }\n      offers { id workerId workerName wave status score travelMinutes distanceMeters expiresAt respondedAt why { factor label part weight } }\n      engagements { id workerId workerName source status proxyBy acceptedAt }\n    }\n  }\n": typeof types.TaskDocument,
    "\n  subscription TaskUpdated($taskId: UUID!) { taskUpdated(taskId: $taskId) { id status filledCount headcount wave manualDispatchAt } }\n": typeof types.TaskUpdatedDocument,
    "mutation RequestProxyCode($workerId: UUID!) { requestProxyCode(workerId: $workerId) { expiresAt resendAfterSeconds } }": typeof types.RequestProxyCodeDocument,
    "\n  mutation ProxyAccept($taskId: UUID!, $workerId: UUID!, $smsCode: String!) {\n    proxyAccept(taskId: $taskId, workerId: $workerId, smsCode: $smsCode) { id source proxyBy status }\n  }\n": typeof types.ProxyAcceptDocument,
    "\n  query FairnessReport($regionCode: String!, $month: String!) {\n    fairnessReport(regionCode: $regionCode, month: $month) {\n      month regionCode availableWorkers offers engagements\n      groups { group label availableWorkers availableShare offers offerShare engagements engagementShare }\n    }\n  }\n": typeof types.FairnessReportDocument,
    "\n  query VenueCoverage {\n    venueCoverage {\n      city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } }\n      regions { code name markets stations covered }\n    }\n  }\n": typeof types.VenueCoverageDocument,
    "\n  query VenueStatusCounts($regionCode: String) {\n    pending: venues(filter: { status: PENDING_RECOGNITION, regionCode: $regionCode }, limit: 1) { total }\n    recognized: venues(filter: { status: RECOGNIZED, regionCode: $regionCode }, limit: 1) { total }\n    suspended: venues(filter: { status: SUSPENDED, regionCode: $regionCode }, limit: 1) { total }\n    revoked: venues(filter: { status: REVOKED, regionCode: $regionCode }, limit: 1) { total }\n  }\n": typeof types.VenueStatusCountsDocument,
    "\n  query Venues($filter: VenueFilter, $limit: Int!, $offset: Int!) {\n    venues(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items { id name type status address recognizedAt operatorName region { code name } }\n    }\n  }\n": typeof types.VenuesDocument,
    "\n  query Venue($id: UUID!) {\n    venue(id: $id) {\n      id name type status statusReason address lat lng contactPhone openingHours operatorName operatorCreditCode recognizedAt createdAt\n      region { code name }\n      servicePurchasePeriods { id startsOn endsOn note }\n    }\n  }\n": typeof types.VenueDocument,
    "\n  query VenueWorkerCount($venueId: UUID) { workers(venueId: $venueId, limit: 1) { total } }\n": typeof types.VenueWorkerCountDocument,
    "\n  query VenueStaff($venueId: UUID!) { venueStaff(venueId: $venueId) { id displayName phone status createdAt } }\n": typeof types.VenueStaffDocument,
    "\n  mutation UpdateVenueOpeningHours($input: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $input) { id openingHours } }\n": typeof types.UpdateVenueOpeningHoursDocument,
    "mutation RecognizeVenue($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }": typeof types.RecognizeVenueDocument,
    "mutation SuspendVenue($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { id status statusReason } }": typeof types.SuspendVenueDocument,
    "mutation RevokeVenue($id: UUID!, $reason: String!) { revokeVenue(id: $id, reason: $reason) { id status statusReason } }": typeof types.RevokeVenueDocument,
    "\n  mutation AddServicePurchasePeriod($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { id startsOn endsOn note } }\n": typeof types.AddServicePurchasePeriodDocument,
    "query Regions { regions { code name } }": typeof types.RegionsDocument,
    "\n  query Workers($limit: Int!, $offset: Int!, $search: String, $skillCode: String, $venueId: UUID) {\n    workers(limit: $limit, offset: $offset, search: $search, skillCode: $skillCode, venueId: $venueId) {\n      total\n      items {\n        userId realName idNumber gender age olderWorker hardToEmploy zeroEmploymentFamily available\n        travelMode travelMinutes homeAddress completedCount noShowCount rating\n        skills { skillCode level }\n        homeVenue { id name }\n      }\n    }\n  }\n": typeof types.WorkersDocument,
    "\n  mutation RegisterWalkInWorker($input: RegisterWorkerInput!) {\n    registerWalkInWorker(input: $input) { userId realName idNumber age gender olderWorker homeVenue { id name } }\n  }\n": typeof types.RegisterWalkInWorkerDocument,
    "\n  query MobileComplaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n": typeof types.MobileComplaintDocument,
    "\n  subscription MobileComplaintUpdated($id: UUID!) {\n    complaintUpdated(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n": typeof types.MobileComplaintUpdatedDocument,
    "mutation MobileSupplyComplaint($id: UUID!, $note: String!) { supplyComplaintInfo(id: $id, note: $note) { id status } }": typeof types.MobileSupplyComplaintDocument,
    "mutation MobileCloseComplaint($id: UUID!, $stars: Int!) { closeComplaint(id: $id, stars: $stars) { id status } }": typeof types.MobileCloseComplaintDocument,
    "mutation MobileRefuseComplaint($id: UUID!, $note: String!) { refuseComplaintResolution(id: $id, note: $note) { id status } }": typeof types.MobileRefuseComplaintDocument,
    "\n  query EmployerTasks($limit: Int!) {\n    myTasks(limit: $limit) { total items { id title status startsAt endsAt headcount filledCount payRateFen payUnit address venueId } }\n  }\n": typeof types.EmployerTasksDocument,
    "\n  query EmployerMinimumWage($regionCode: String!, $date: LocalDate!) { minimumWageOn(regionCode: $regionCode, date: $date) { hourlyFen monthlyFen source regionCode } }\n": typeof types.EmployerMinimumWageDocument,
    "mutation EmployerPostTask($input: PostTaskInput!) { postTask(input: $input) { id status } }": typeof types.EmployerPostTaskDocument,
    "\n  query EmployerTask($id: UUID!) {\n    task(id: $id) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n    taskEscrow(taskId: $id) { balanceFen }\n    myWallet { balanceFen }\n  }\n": typeof types.EmployerTaskDocument,
    "\n  subscription EmployerTaskUpdated($taskId: UUID!) {\n    taskUpdated(taskId: $taskId) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n  }\n": typeof types.EmployerTaskUpdatedDocument,
    "query EmployerCheckInCode($taskId: UUID!) { checkInCode(taskId: $taskId) { taskId code shortCode svg expiresAt periodSeconds } }": typeof types.EmployerCheckInCodeDocument,
    "mutation EmployerTopUp($input: TopUpWalletInput!) { topUpWallet(input: $input) { id } }": typeof types.EmployerTopUpDocument,
    "mutation EmployerFund($input: FundTaskEscrowInput!) { fundTaskEscrow(input: $input) { id } }": typeof types.EmployerFundDocument,
    "\n  query EmployerEngagement($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes approvedAt disputeReason }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n    engagementRatings(engagementId: $id) { id side stars tags comment }\n  }\n": typeof types.EmployerEngagementDocument,
    "mutation EmployerAnswerHours($input: AnswerHoursInput!) { answerHours(input: $input) { id status approvedAt } }": typeof types.EmployerAnswerHoursDocument,
    "mutation EmployerSubmitPay($input: SubmitSettlementInput!) { submitSettlement(input: $input) { id status } }": typeof types.EmployerSubmitPayDocument,
    "mutation MobileRate($input: RateEngagementInput!) { rateEngagement(input: $input) { id stars tags } }": typeof types.MobileRateDocument,
    "\n  query MobileMyComplaints($limit: Int!) {\n    myComplaints(limit: $limit) { total items { id number title category status createdAt respondentKind respondentUserId complainantId resolution deadlines { resolveDueAt } evidence { id fileType } } }\n  }\n": typeof types.MobileMyComplaintsDocument,
    "mutation MobileFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status } }": typeof types.MobileFileComplaintDocument,
    "query MobileRatings($id: UUID!) { engagementRatings(engagementId: $id) { id side stars tags } }": typeof types.MobileRatingsDocument,
    "\n  query MobileMe {\n    me {\n      id displayName role phone\n      workerProfile { realName travelMode travelMinutes homeLat homeLng homeVenue { id name } skills { skillCode level } }\n      employerProfile { name regionCode }\n    }\n  }\n": typeof types.MobileMeDocument,
    "\n  mutation MobileRequestCode($phone: String!, $purpose: PublicSmsPurpose!) { requestSmsCode(phone: $phone, purpose: $purpose) { expiresAt resendAfterSeconds } }\n": typeof types.MobileRequestCodeDocument,
    "\n  mutation MobileRegisterWorker($input: RegisterWorkerInput!, $smsCode: String!) {\n    registerWorker(input: $input, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": typeof types.MobileRegisterWorkerDocument,
    "\n  query MobileVenuePage($id: UUID!) { venuePublicPage(id: $id) { id name address hotline type } }\n": typeof types.MobileVenuePageDocument,
    "\n  query MobileOffers {\n    myOffers(status: OFFERED, limit: 20) {\n      id expiresAt travelMinutes distanceMeters\n      why { factor label part weight }\n      task { id title address startsAt endsAt payRateFen payUnit skillCode }\n    }\n  }\n": typeof types.MobileOffersDocument,
    "\n  query MobileNearby($first: Int!) {\n    nearbyTasks(first: $first) {\n      items { cursor travelMinutes distanceMeters employerName employerLateCancelCount task { id title address startsAt endsAt payRateFen payUnit headcount filledCount } }\n    }\n  }\n": typeof types.MobileNearbyDocument,
    "mutation MobileAccept($id: UUID!) { acceptOffer(id: $id) { id status } }": typeof types.MobileAcceptDocument,
    "mutation MobileDecline($id: UUID!) { declineOffer(id: $id) { id status } }": typeof types.MobileDeclineDocument,
    "mutation MobileTake($taskId: UUID!) { takeTask(taskId: $taskId) { id status } }": typeof types.MobileTakeDocument,
    "\n  query MobileEngagements {\n    myEngagements(limit: 20) { id status startsAt endsAt task { id title address payRateFen payUnit } }\n  }\n": typeof types.MobileEngagementsDocument,
    "\n  query MobileJob($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title clauses termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes checkInDistanceM checkOutDistanceM }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n  }\n": typeof types.MobileJobDocument,
    "query MobileContractReady($id: UUID!) { contractOfEngagement(engagementId: $id) { id } }": typeof types.MobileContractReadyDocument,
    "\n  query MobileMyEngagement { myEngagements(limit: 50) { id status startsAt confirmBy confirmedAt } }\n": typeof types.MobileMyEngagementDocument,
    "mutation MobileConfirmEngagement($id: UUID!) { confirmEngagement(id: $id) { id status confirmedAt } }": typeof types.MobileConfirmEngagementDocument,
    "mutation MobileSignCode($contractId: UUID!) { requestContractSigningCode(contractId: $contractId) { expiresAt resendAfterSeconds } }": typeof types.MobileSignCodeDocument,
    "mutation MobileSign($input: SignContractInput!) { signContract(input: $input) { id status } }": typeof types.MobileSignDocument,
    "mutation MobileCheckIn($input: CheckInInput!) { checkIn(input: $input) { id status checkInAt checkInDistanceM } }": typeof types.MobileCheckInDocument,
    "mutation MobileCheckOut($input: CheckInInput!) { checkOut(input: $input) { id status checkOutAt minutes } }": typeof types.MobileCheckOutDocument,
    "mutation MobileCheckInByCode($input: CodeCheckInInput!) { checkInByCode(input: $input) { id status checkInAt } }": typeof types.MobileCheckInByCodeDocument,
    "mutation MobileCheckOutByCode($input: CodeCheckInInput!) { checkOutByCode(input: $input) { id status checkOutAt minutes } }": typeof types.MobileCheckOutByCodeDocument,
    "mutation MobileConfirmPay($id: UUID!) { confirmSettlement(id: $id) { id status } }": typeof types.MobileConfirmPayDocument,
    "mutation MobileDisputePay($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }": typeof types.MobileDisputePayDocument,
    "\n  query MobileInsurance($id: UUID!, $day: String) {\n    insuranceCoverage(engagementId: $id, day: $day) { engagementId status policyRef provider takenAt paidAt coverFrom coverTo day coversDay }\n  }\n": typeof types.MobileInsuranceDocument,
    "\n  query MobileWallet { myWallet { balanceFen kind entries(limit: 20) { id amountFen kind createdAt } } }\n": typeof types.MobileWalletDocument,
    "\n  query PublicNearby($lat: Float!, $lng: Float!, $first: Int!) {\n    nearestVenues(lat: $lat, lng: $lng, first: $first) { id name type address regionName hotline openingHours distanceMeters star starYear services }\n    openTasksNear(lat: $lat, lng: $lng, first: $first) { id title skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters }\n  }\n": typeof types.PublicNearbyDocument,
};
const documents: Documents = {
    "\n  query AssessmentContext($venueId: UUID, $year: Int) {\n    venuePerformance(venueId: $venueId, year: $year) {\n      venueId venueName venueType year status score star onsiteEntered\n      items { id name kind earned points note }\n      vetoes { code label effect }\n    }\n    onsiteAssessment(venueId: $venueId, year: $year) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n    selfAssessment(venueId: $venueId, year: $year) { kind year enteredAt notes scores { itemId points } }\n  }\n": types.AssessmentContextDocument,
    "\n  mutation EnterOnsiteAssessment($input: OnsiteAssessmentInput!) {\n    enterOnsiteAssessment(input: $input) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n  }\n": types.EnterOnsiteAssessmentDocument,
    "\n  mutation SubmitSelfAssessment($input: SelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { kind year enteredAt notes scores { itemId points } }\n  }\n": types.SubmitSelfAssessmentDocument,
    "\n  query ComplaintQueue($limit: Int!, $offset: Int!, $status: ComplaintStatus, $category: ComplaintCategory, $openOnly: Boolean) {\n    complaints(limit: $limit, offset: $offset, status: $status, category: $category, openOnly: $openOnly) {\n      total\n      items {\n        id number title category channel status regionCode createdAt amountFen\n        deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      }\n    }\n  }\n": types.ComplaintQueueDocument,
    "\n  query Complaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title description category channel status regionCode venueId createdAt closedAt amountFen\n      respondentKind respondentUserId respondentVenueId complainantId filedBy taskId engagementId contractId settlementId\n      resolution rejectReason outcomeStars outcomeComment followUpAt followUpNote wagesPaidAt referredAt\n      referral { amountFen }\n      deadlines { acceptDueAt resolveDueAt nextKind nextDueAt secondsLeft paused stage onTime extended resolveBudgetDays autoCloseAt followUpDueAt }\n      history { action actorRole at fromStatus toStatus note }\n      evidence { id fileType sizeBytes sha256 createdAt link { url expiresAt } }\n    }\n  }\n": types.ComplaintDocument,
    "\n  mutation HandleComplaint($id: UUID!, $action: ComplaintHandlerAction!, $note: String) {\n    handleComplaint(id: $id, action: $action, note: $note) {\n      id status resolution rejectReason\n      deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      history { action actorRole at fromStatus toStatus note }\n    }\n  }\n": types.HandleComplaintDocument,
    "\n  mutation ComplaintFollowUp($id: UUID!, $note: String!) { recordComplaintFollowUp(id: $id, note: $note) { id followUpAt followUpNote } }\n": types.ComplaintFollowUpDocument,
    "\n  mutation PayWageForComplaint($complaintId: UUID!) { payWageForComplaint(complaintId: $complaintId) { id status totalFen paidAt } }\n": types.PayWageForComplaintDocument,
    "\n  query ContractLookup($id: UUID!) {\n    contract(id: $id) {\n      id title kind status templateVersion termsHash createdAt signedAt endedAt endReason engagementId taskId workerId employerId\n      signatures { party keyId signedAt }\n    }\n  }\n": types.ContractLookupDocument,
    "\n  query EngagementMoney($engagementId: UUID!, $taskId: UUID!, $employerId: UUID!) {\n    settlementOfEngagement(engagementId: $engagementId) {\n      id status payUnit rateFen minutes pieces wageFen cancellationFeeFen totalFen minimumHourlyFen payoutStatus paidAt autoConfirmed disputeReason\n      partTimeWeek { weekStart minutes flaggedAt }\n    }\n    attendance(engagementId: $engagementId) { id status checkInAt checkOutAt minutes approvedAt disputeReason partTimeWeek { weekStart minutes flaggedAt } }\n    taskEscrow(taskId: $taskId) { id balanceFen entries(limit: 10) { id amountFen kind createdAt } }\n    employerReliability(employerId: $employerId) { wageArrearsComplaints standingWageArrears lateCancellations averageStars ratingCount }\n  }\n": types.EngagementMoneyDocument,
    "\n  query PayoutReconciliations($limit: Int!, $offset: Int!) {\n    payoutReconciliations(limit: $limit, offset: $offset) {\n      total\n      items {\n        id day status platformCount platformFen providerCount providerFen differenceCount ranAt\n        differences { id kind requestId settlementId venueId platformFen providerFen platformStatus providerStatus }\n      }\n    }\n  }\n": types.PayoutReconciliationsDocument,
    "\n  query VerifyContract($hash: String!) {\n    verifyContract(hash: $hash) {\n      valid termsIntact status kind templateVersion termsHash workerName workerMaskedId employerName employerMaskedId\n      signatures { party keyId signedAt valid }\n    }\n  }\n": types.VerifyContractDocument,
    "\n  query Employers($limit: Int!, $offset: Int!, $search: String) {\n    employers(limit: $limit, offset: $offset, search: $search) {\n      total\n      items { userId kind name creditCode idNumber contactName phone regionCode lateCancelCount taskCount createdAt }\n    }\n  }\n": types.EmployersDocument,
    "\n  query EmployerProfileDetail($employerId: UUID!) {\n    employerReliability(employerId: $employerId) { averageStars ratingCount satisfiedShare lateCancellations wageArrearsComplaints standingWageArrears }\n    tasks(employerId: $employerId, limit: 5, offset: 0) { total items { id title startsAt status headcount filledCount payRateFen payUnit } }\n  }\n": types.EmployerProfileDetailDocument,
    "\n  query MyVenuePerformance {\n    venuePerformance {\n      venueId venueName venueType year status score star level grantFen scoreGrantFen eligible title\n      eligibility { code message }\n      nextStar { level missing message blockedBy hints { itemId itemName message needed } }\n      items { id name earned points kind actual target }\n    }\n  }\n": types.MyVenuePerformanceDocument,
    "\n  query StarRanking($regionCode: String) {\n    performanceRanking(limit: 100, regionCode: $regionCode, type: MARKET) { total items { venueId star score eligible } }\n  }\n": types.StarRankingDocument,
    "\n  query RecognitionReview($regionCode: String) {\n    performanceRanking(limit: 20, regionCode: $regionCode, belowThresholdTwoYears: true) { total items { venueId venueName venueType regionCode score previousScore } }\n  }\n": types.RecognitionReviewDocument,
    "\n  query CountyBudget($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { amountFen committedFen } }\n": types.CountyBudgetDocument,
    "\n  query OpenComplaintDeadlines { complaints(openOnly: true, limit: 100) { total items { id deadlines { nextDueAt } } } }\n": types.OpenComplaintDeadlinesDocument,
    "\n  query PlacementsByMonth($months: Int) { placementsByMonth(months: $months) { month placements } }\n": types.PlacementsByMonthDocument,
    "\n  query PerformanceReconcileRuns($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n": types.PerformanceReconcileRunsDocument,
    "\n  query MinimumWages($regionCode: String!) { minimumWages(regionCode: $regionCode) { effectiveFrom monthlyFen hourlyFen source createdAt } }\n": types.MinimumWagesDocument,
    "\n  mutation SetMinimumWage($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { effectiveFrom monthlyFen hourlyFen } }\n": types.SetMinimumWageDocument,
    "query HolidayCalendar($year: Int!) { holidayCalendar(year: $year) { date kind name } }": types.HolidayCalendarDocument,
    "\n  mutation SetCalendarDays($year: Int!, $source: String!, $days: [CalendarDayInput!]!) { setCalendarDays(year: $year, source: $source, days: $days) { date kind name } }\n": types.SetCalendarDaysDocument,
    "mutation ConsoleOpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }": types.ConsoleOpenQueueDashboardDocument,
    "query SubsidyPolicy($year: Int!) { subsidyPolicy(year: $year) { effectiveFromYear version source policyJson } }": types.SubsidyPolicyDocument,
    "\n  mutation SetSubsidyPolicy($effectiveFromYear: Int!, $policy: String!) { setSubsidyPolicy(effectiveFromYear: $effectiveFromYear, policy: $policy) { effectiveFromYear version } }\n": types.SetSubsidyPolicyDocument,
    "query CountyBudgetPage($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { regionCode year amountFen committedFen } }": types.CountyBudgetPageDocument,
    "\n  mutation SetCountyBudget($input: CountyBudgetInput!) { setCountySubsidyBudget(input: $input) { regionCode year amountFen committedFen } }\n": types.SetCountyBudgetDocument,
    "\n  mutation ConsoleLogin($phone: String!, $password: String!, $smsCode: String) {\n    login(phone: $phone, password: $password, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleLoginWithSmsCode($phone: String!, $code: String!) {\n    loginWithSmsCode(phone: $phone, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": types.ConsoleLoginWithSmsCodeDocument,
    "\n  mutation ConsoleRequestSmsCode($phone: String!) { requestSmsCode(phone: $phone, purpose: LOGIN) { expiresAt resendAfterSeconds } }\n": types.ConsoleRequestSmsCodeDocument,
    "\n  mutation ConsoleRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": types.ConsoleRefreshSessionDocument,
    "mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }": types.ConsoleLogoutDocument,
    "\n  query ConsoleMe {\n    me { id displayName role phone region { code name } venue { id name type status regionCode } }\n  }\n": types.ConsoleMeDocument,
    "\n  query SubsidyApplications($limit: Int!, $offset: Int!, $status: ApplicationStatus, $kind: SubsidyKind, $year: Int, $regionCode: String) {\n    subsidyApplications(limit: $limit, offset: $offset, status: $status, kind: $kind, year: $year, regionCode: $regionCode) {\n      total\n      items { venueName application { id venueId kind year status amountFen level score regionCode submittedAt noticeStartsOn noticeEndsOn } }\n    }\n  }\n": types.SubsidyApplicationsDocument,
    "\n  query SubsidyApplication($id: UUID!) {\n    subsidyApplication(id: $id) {\n      id venueId kind year status amountFen level score policyVersion regionCode note statusReason\n      createdAt submittedAt approvedAt noticeStartsOn noticeEndsOn paidFen paidOn voucherNo\n      materials { key label provided }\n    }\n    subsidyObjections(applicationId: $id) { id reason status createdAt decidedAt decisionNote }\n  }\n": types.SubsidyApplicationDocument,
    "\n  mutation UpdateApplicationMaterials($input: ApplicationMaterialsInput!) {\n    updateApplicationMaterials(input: $input) { id status note materials { key label provided } }\n  }\n": types.UpdateApplicationMaterialsDocument,
    "mutation SubmitApplication($id: UUID!) { submitApplication(id: $id) { id status submittedAt statusReason } }": types.SubmitApplicationDocument,
    "mutation StartApplicationReview($id: UUID!) { startApplicationReview(id: $id) { id status statusReason } }": types.StartApplicationReviewDocument,
    "mutation ReturnApplication($id: UUID!, $reason: String!) { returnApplication(id: $id, reason: $reason) { id status statusReason } }": types.ReturnApplicationDocument,
    "mutation RejectApplication($id: UUID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status statusReason } }": types.RejectApplicationDocument,
    "\n  mutation PublishApplication($id: UUID!) { publishApplication(id: $id) { id status noticeStartsOn noticeEndsOn statusReason } }\n": types.PublishApplicationDocument,
    "\n  mutation FileObjection($applicationId: UUID!, $reason: String!) {\n    fileObjection(applicationId: $applicationId, reason: $reason) { id reason status createdAt decidedAt decisionNote }\n  }\n": types.FileObjectionDocument,
    "\n  mutation DecideObjection($id: UUID!, $upheld: Boolean!, $note: String!) {\n    decideObjection(id: $id, upheld: $upheld, note: $note) { id status decidedAt decisionNote }\n  }\n": types.DecideObjectionDocument,
    "\n  mutation RecordSubsidyPayment($input: SubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id status paidFen paidOn voucherNo } }\n": types.RecordSubsidyPaymentDocument,
    "\n  mutation ExportApplicationForm($applicationId: UUID!) { exportApplicationForm(applicationId: $applicationId) { url filename expiresAt } }\n": types.ExportApplicationFormDocument,
    "\n  mutation ExportRecognitionForm($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }\n": types.ExportRecognitionFormDocument,
    "\n  mutation ExportPlacementRoster($venueId: UUID!, $year: Int!, $fullIds: Boolean!) {\n    exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt }\n  }\n": types.ExportPlacementRosterDocument,
    "\n  mutation ExportAssessmentForm($venueId: UUID!, $year: Int!) { exportAssessmentForm(venueId: $venueId, year: $year) { url filename expiresAt } }\n": types.ExportAssessmentFormDocument,
    "\n  mutation ExportYearSummary($regionCode: String, $year: Int!) { exportYearSummary(regionCode: $regionCode, year: $year) { url filename expiresAt } }\n": types.ExportYearSummaryDocument,
    "query SubsidyVenue($id: UUID!) { venue(id: $id) { id name type status } }": types.SubsidyVenueDocument,
    "\n  query Tasks($limit: Int!, $offset: Int!, $status: TaskStatus, $regionCode: String) {\n    tasks(limit: $limit, offset: $offset, status: $status, regionCode: $regionCode) {\n      total\n      items { id title skillCode regionCode address startsAt endsAt headcount filledCount payRateFen payUnit status wave manualDispatchAt }\n    }\n  }\n": types.TasksDocument,
    "\n  query Task($id: UUID!) {\n    task(id: $id) {\n      id title description skillCode requiredLevel regionCode address startsAt endsAt headcount filledCount payRateFen payUnit\n      status wave manualDispatchAt maxTravelMinutes venueId cancelReason\n      flags { code message }\n      offers { id workerId workerName wave status score travelMinutes distanceMeters expiresAt respondedAt why { factor label part weight } }\n      engagements { id workerId workerName source status proxyBy acceptedAt }\n    }\n  }\n": types.TaskDocument,
    "\n  subscription TaskUpdated($taskId: UUID!) { taskUpdated(taskId: $taskId) { id status filledCount headcount wave manualDispatchAt } }\n": types.TaskUpdatedDocument,
    "mutation RequestProxyCode($workerId: UUID!) { requestProxyCode(workerId: $workerId) { expiresAt resendAfterSeconds } }": types.RequestProxyCodeDocument,
    "\n  mutation ProxyAccept($taskId: UUID!, $workerId: UUID!, $smsCode: String!) {\n    proxyAccept(taskId: $taskId, workerId: $workerId, smsCode: $smsCode) { id source proxyBy status }\n  }\n": types.ProxyAcceptDocument,
    "\n  query FairnessReport($regionCode: String!, $month: String!) {\n    fairnessReport(regionCode: $regionCode, month: $month) {\n      month regionCode availableWorkers offers engagements\n      groups { group label availableWorkers availableShare offers offerShare engagements engagementShare }\n    }\n  }\n": types.FairnessReportDocument,
    "\n  query VenueCoverage {\n    venueCoverage {\n      city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } }\n      regions { code name markets stations covered }\n    }\n  }\n": types.VenueCoverageDocument,
    "\n  query VenueStatusCounts($regionCode: String) {\n    pending: venues(filter: { status: PENDING_RECOGNITION, regionCode: $regionCode }, limit: 1) { total }\n    recognized: venues(filter: { status: RECOGNIZED, regionCode: $regionCode }, limit: 1) { total }\n    suspended: venues(filter: { status: SUSPENDED, regionCode: $regionCode }, limit: 1) { total }\n    revoked: venues(filter: { status: REVOKED, regionCode: $regionCode }, limit: 1) { total }\n  }\n": types.VenueStatusCountsDocument,
    "\n  query Venues($filter: VenueFilter, $limit: Int!, $offset: Int!) {\n    venues(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items { id name type status address recognizedAt operatorName region { code name } }\n    }\n  }\n": types.VenuesDocument,
    "\n  query Venue($id: UUID!) {\n    venue(id: $id) {\n      id name type status statusReason address lat lng contactPhone openingHours operatorName operatorCreditCode recognizedAt createdAt\n      region { code name }\n      servicePurchasePeriods { id startsOn endsOn note }\n    }\n  }\n": types.VenueDocument,
    "\n  query VenueWorkerCount($venueId: UUID) { workers(venueId: $venueId, limit: 1) { total } }\n": types.VenueWorkerCountDocument,
    "\n  query VenueStaff($venueId: UUID!) { venueStaff(venueId: $venueId) { id displayName phone status createdAt } }\n": types.VenueStaffDocument,
    "\n  mutation UpdateVenueOpeningHours($input: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $input) { id openingHours } }\n": types.UpdateVenueOpeningHoursDocument,
    "mutation RecognizeVenue($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }": types.RecognizeVenueDocument,
    "mutation SuspendVenue($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { id status statusReason } }": types.SuspendVenueDocument,
    "mutation RevokeVenue($id: UUID!, $reason: String!) { revokeVenue(id: $id, reason: $reason) { id status statusReason } }": types.RevokeVenueDocument,
    "\n  mutation AddServicePurchasePeriod($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { id startsOn endsOn note } }\n": types.AddServicePurchasePeriodDocument,
    "query Regions { regions { code name } }": types.RegionsDocument,
    "\n  query Workers($limit: Int!, $offset: Int!, $search: String, $skillCode: String, $venueId: UUID) {\n    workers(limit: $limit, offset: $offset, search: $search, skillCode: $skillCode, venueId: $venueId) {\n      total\n      items {\n        userId realName idNumber gender age olderWorker hardToEmploy zeroEmploymentFamily available\n        travelMode travelMinutes homeAddress completedCount noShowCount rating\n        skills { skillCode level }\n        homeVenue { id name }\n      }\n    }\n  }\n": types.WorkersDocument,
    "\n  mutation RegisterWalkInWorker($input: RegisterWorkerInput!) {\n    registerWalkInWorker(input: $input) { userId realName idNumber age gender olderWorker homeVenue { id name } }\n  }\n": types.RegisterWalkInWorkerDocument,
    "\n  query MobileComplaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n": types.MobileComplaintDocument,
    "\n  subscription MobileComplaintUpdated($id: UUID!) {\n    complaintUpdated(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n": types.MobileComplaintUpdatedDocument,
    "mutation MobileSupplyComplaint($id: UUID!, $note: String!) { supplyComplaintInfo(id: $id, note: $note) { id status } }": types.MobileSupplyComplaintDocument,
    "mutation MobileCloseComplaint($id: UUID!, $stars: Int!) { closeComplaint(id: $id, stars: $stars) { id status } }": types.MobileCloseComplaintDocument,
    "mutation MobileRefuseComplaint($id: UUID!, $note: String!) { refuseComplaintResolution(id: $id, note: $note) { id status } }": types.MobileRefuseComplaintDocument,
    "\n  query EmployerTasks($limit: Int!) {\n    myTasks(limit: $limit) { total items { id title status startsAt endsAt headcount filledCount payRateFen payUnit address venueId } }\n  }\n": types.EmployerTasksDocument,
    "\n  query EmployerMinimumWage($regionCode: String!, $date: LocalDate!) { minimumWageOn(regionCode: $regionCode, date: $date) { hourlyFen monthlyFen source regionCode } }\n": types.EmployerMinimumWageDocument,
    "mutation EmployerPostTask($input: PostTaskInput!) { postTask(input: $input) { id status } }": types.EmployerPostTaskDocument,
    "\n  query EmployerTask($id: UUID!) {\n    task(id: $id) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n    taskEscrow(taskId: $id) { balanceFen }\n    myWallet { balanceFen }\n  }\n": types.EmployerTaskDocument,
    "\n  subscription EmployerTaskUpdated($taskId: UUID!) {\n    taskUpdated(taskId: $taskId) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n  }\n": types.EmployerTaskUpdatedDocument,
    "query EmployerCheckInCode($taskId: UUID!) { checkInCode(taskId: $taskId) { taskId code shortCode svg expiresAt periodSeconds } }": types.EmployerCheckInCodeDocument,
    "mutation EmployerTopUp($input: TopUpWalletInput!) { topUpWallet(input: $input) { id } }": types.EmployerTopUpDocument,
    "mutation EmployerFund($input: FundTaskEscrowInput!) { fundTaskEscrow(input: $input) { id } }": types.EmployerFundDocument,
    "\n  query EmployerEngagement($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes approvedAt disputeReason }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n    engagementRatings(engagementId: $id) { id side stars tags comment }\n  }\n": types.EmployerEngagementDocument,
    "mutation EmployerAnswerHours($input: AnswerHoursInput!) { answerHours(input: $input) { id status approvedAt } }": types.EmployerAnswerHoursDocument,
    "mutation EmployerSubmitPay($input: SubmitSettlementInput!) { submitSettlement(input: $input) { id status } }": types.EmployerSubmitPayDocument,
    "mutation MobileRate($input: RateEngagementInput!) { rateEngagement(input: $input) { id stars tags } }": types.MobileRateDocument,
    "\n  query MobileMyComplaints($limit: Int!) {\n    myComplaints(limit: $limit) { total items { id number title category status createdAt respondentKind respondentUserId complainantId resolution deadlines { resolveDueAt } evidence { id fileType } } }\n  }\n": types.MobileMyComplaintsDocument,
    "mutation MobileFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status } }": types.MobileFileComplaintDocument,
    "query MobileRatings($id: UUID!) { engagementRatings(engagementId: $id) { id side stars tags } }": types.MobileRatingsDocument,
    "\n  query MobileMe {\n    me {\n      id displayName role phone\n      workerProfile { realName travelMode travelMinutes homeLat homeLng homeVenue { id name } skills { skillCode level } }\n      employerProfile { name regionCode }\n    }\n  }\n": types.MobileMeDocument,
    "\n  mutation MobileRequestCode($phone: String!, $purpose: PublicSmsPurpose!) { requestSmsCode(phone: $phone, purpose: $purpose) { expiresAt resendAfterSeconds } }\n": types.MobileRequestCodeDocument,
    "\n  mutation MobileRegisterWorker($input: RegisterWorkerInput!, $smsCode: String!) {\n    registerWorker(input: $input, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n": types.MobileRegisterWorkerDocument,
    "\n  query MobileVenuePage($id: UUID!) { venuePublicPage(id: $id) { id name address hotline type } }\n": types.MobileVenuePageDocument,
    "\n  query MobileOffers {\n    myOffers(status: OFFERED, limit: 20) {\n      id expiresAt travelMinutes distanceMeters\n      why { factor label part weight }\n      task { id title address startsAt endsAt payRateFen payUnit skillCode }\n    }\n  }\n": types.MobileOffersDocument,
    "\n  query MobileNearby($first: Int!) {\n    nearbyTasks(first: $first) {\n      items { cursor travelMinutes distanceMeters employerName employerLateCancelCount task { id title address startsAt endsAt payRateFen payUnit headcount filledCount } }\n    }\n  }\n": types.MobileNearbyDocument,
    "mutation MobileAccept($id: UUID!) { acceptOffer(id: $id) { id status } }": types.MobileAcceptDocument,
    "mutation MobileDecline($id: UUID!) { declineOffer(id: $id) { id status } }": types.MobileDeclineDocument,
    "mutation MobileTake($taskId: UUID!) { takeTask(taskId: $taskId) { id status } }": types.MobileTakeDocument,
    "\n  query MobileEngagements {\n    myEngagements(limit: 20) { id status startsAt endsAt task { id title address payRateFen payUnit } }\n  }\n": types.MobileEngagementsDocument,
    "\n  query MobileJob($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title clauses termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes checkInDistanceM checkOutDistanceM }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n  }\n": types.MobileJobDocument,
    "query MobileContractReady($id: UUID!) { contractOfEngagement(engagementId: $id) { id } }": types.MobileContractReadyDocument,
    "\n  query MobileMyEngagement { myEngagements(limit: 50) { id status startsAt confirmBy confirmedAt } }\n": types.MobileMyEngagementDocument,
    "mutation MobileConfirmEngagement($id: UUID!) { confirmEngagement(id: $id) { id status confirmedAt } }": types.MobileConfirmEngagementDocument,
    "mutation MobileSignCode($contractId: UUID!) { requestContractSigningCode(contractId: $contractId) { expiresAt resendAfterSeconds } }": types.MobileSignCodeDocument,
    "mutation MobileSign($input: SignContractInput!) { signContract(input: $input) { id status } }": types.MobileSignDocument,
    "mutation MobileCheckIn($input: CheckInInput!) { checkIn(input: $input) { id status checkInAt checkInDistanceM } }": types.MobileCheckInDocument,
    "mutation MobileCheckOut($input: CheckInInput!) { checkOut(input: $input) { id status checkOutAt minutes } }": types.MobileCheckOutDocument,
    "mutation MobileCheckInByCode($input: CodeCheckInInput!) { checkInByCode(input: $input) { id status checkInAt } }": types.MobileCheckInByCodeDocument,
    "mutation MobileCheckOutByCode($input: CodeCheckInInput!) { checkOutByCode(input: $input) { id status checkOutAt minutes } }": types.MobileCheckOutByCodeDocument,
    "mutation MobileConfirmPay($id: UUID!) { confirmSettlement(id: $id) { id status } }": types.MobileConfirmPayDocument,
    "mutation MobileDisputePay($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }": types.MobileDisputePayDocument,
    "\n  query MobileInsurance($id: UUID!, $day: String) {\n    insuranceCoverage(engagementId: $id, day: $day) { engagementId status policyRef provider takenAt paidAt coverFrom coverTo day coversDay }\n  }\n": types.MobileInsuranceDocument,
    "\n  query MobileWallet { myWallet { balanceFen kind entries(limit: 20) { id amountFen kind createdAt } } }\n": types.MobileWalletDocument,
    "\n  query PublicNearby($lat: Float!, $lng: Float!, $first: Int!) {\n    nearestVenues(lat: $lat, lng: $lng, first: $first) { id name type address regionName hotline openingHours distanceMeters star starYear services }\n    openTasksNear(lat: $lat, lng: $lng, first: $first) { id title skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters }\n  }\n": types.PublicNearbyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentContext($venueId: UUID, $year: Int) {\n    venuePerformance(venueId: $venueId, year: $year) {\n      venueId venueName venueType year status score star onsiteEntered\n      items { id name kind earned points note }\n      vetoes { code label effect }\n    }\n    onsiteAssessment(venueId: $venueId, year: $year) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n    selfAssessment(venueId: $venueId, year: $year) { kind year enteredAt notes scores { itemId points } }\n  }\n"): (typeof documents)["\n  query AssessmentContext($venueId: UUID, $year: Int) {\n    venuePerformance(venueId: $venueId, year: $year) {\n      venueId venueName venueType year status score star onsiteEntered\n      items { id name kind earned points note }\n      vetoes { code label effect }\n    }\n    onsiteAssessment(venueId: $venueId, year: $year) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n    selfAssessment(venueId: $venueId, year: $year) { kind year enteredAt notes scores { itemId points } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnterOnsiteAssessment($input: OnsiteAssessmentInput!) {\n    enterOnsiteAssessment(input: $input) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n  }\n"): (typeof documents)["\n  mutation EnterOnsiteAssessment($input: OnsiteAssessmentInput!) {\n    enterOnsiteAssessment(input: $input) { kind year enteredAt evidence notes unremediedComplaints vetoes scores { itemId points } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSelfAssessment($input: SelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { kind year enteredAt notes scores { itemId points } }\n  }\n"): (typeof documents)["\n  mutation SubmitSelfAssessment($input: SelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { kind year enteredAt notes scores { itemId points } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintQueue($limit: Int!, $offset: Int!, $status: ComplaintStatus, $category: ComplaintCategory, $openOnly: Boolean) {\n    complaints(limit: $limit, offset: $offset, status: $status, category: $category, openOnly: $openOnly) {\n      total\n      items {\n        id number title category channel status regionCode createdAt amountFen\n        deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComplaintQueue($limit: Int!, $offset: Int!, $status: ComplaintStatus, $category: ComplaintCategory, $openOnly: Boolean) {\n    complaints(limit: $limit, offset: $offset, status: $status, category: $category, openOnly: $openOnly) {\n      total\n      items {\n        id number title category channel status regionCode createdAt amountFen\n        deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Complaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title description category channel status regionCode venueId createdAt closedAt amountFen\n      respondentKind respondentUserId respondentVenueId complainantId filedBy taskId engagementId contractId settlementId\n      resolution rejectReason outcomeStars outcomeComment followUpAt followUpNote wagesPaidAt referredAt\n      referral { amountFen }\n      deadlines { acceptDueAt resolveDueAt nextKind nextDueAt secondsLeft paused stage onTime extended resolveBudgetDays autoCloseAt followUpDueAt }\n      history { action actorRole at fromStatus toStatus note }\n      evidence { id fileType sizeBytes sha256 createdAt link { url expiresAt } }\n    }\n  }\n"): (typeof documents)["\n  query Complaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title description category channel status regionCode venueId createdAt closedAt amountFen\n      respondentKind respondentUserId respondentVenueId complainantId filedBy taskId engagementId contractId settlementId\n      resolution rejectReason outcomeStars outcomeComment followUpAt followUpNote wagesPaidAt referredAt\n      referral { amountFen }\n      deadlines { acceptDueAt resolveDueAt nextKind nextDueAt secondsLeft paused stage onTime extended resolveBudgetDays autoCloseAt followUpDueAt }\n      history { action actorRole at fromStatus toStatus note }\n      evidence { id fileType sizeBytes sha256 createdAt link { url expiresAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandleComplaint($id: UUID!, $action: ComplaintHandlerAction!, $note: String) {\n    handleComplaint(id: $id, action: $action, note: $note) {\n      id status resolution rejectReason\n      deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      history { action actorRole at fromStatus toStatus note }\n    }\n  }\n"): (typeof documents)["\n  mutation HandleComplaint($id: UUID!, $action: ComplaintHandlerAction!, $note: String) {\n    handleComplaint(id: $id, action: $action, note: $note) {\n      id status resolution rejectReason\n      deadlines { nextKind nextDueAt secondsLeft paused stage onTime extended }\n      history { action actorRole at fromStatus toStatus note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComplaintFollowUp($id: UUID!, $note: String!) { recordComplaintFollowUp(id: $id, note: $note) { id followUpAt followUpNote } }\n"): (typeof documents)["\n  mutation ComplaintFollowUp($id: UUID!, $note: String!) { recordComplaintFollowUp(id: $id, note: $note) { id followUpAt followUpNote } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayWageForComplaint($complaintId: UUID!) { payWageForComplaint(complaintId: $complaintId) { id status totalFen paidAt } }\n"): (typeof documents)["\n  mutation PayWageForComplaint($complaintId: UUID!) { payWageForComplaint(complaintId: $complaintId) { id status totalFen paidAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContractLookup($id: UUID!) {\n    contract(id: $id) {\n      id title kind status templateVersion termsHash createdAt signedAt endedAt endReason engagementId taskId workerId employerId\n      signatures { party keyId signedAt }\n    }\n  }\n"): (typeof documents)["\n  query ContractLookup($id: UUID!) {\n    contract(id: $id) {\n      id title kind status templateVersion termsHash createdAt signedAt endedAt endReason engagementId taskId workerId employerId\n      signatures { party keyId signedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementMoney($engagementId: UUID!, $taskId: UUID!, $employerId: UUID!) {\n    settlementOfEngagement(engagementId: $engagementId) {\n      id status payUnit rateFen minutes pieces wageFen cancellationFeeFen totalFen minimumHourlyFen payoutStatus paidAt autoConfirmed disputeReason\n      partTimeWeek { weekStart minutes flaggedAt }\n    }\n    attendance(engagementId: $engagementId) { id status checkInAt checkOutAt minutes approvedAt disputeReason partTimeWeek { weekStart minutes flaggedAt } }\n    taskEscrow(taskId: $taskId) { id balanceFen entries(limit: 10) { id amountFen kind createdAt } }\n    employerReliability(employerId: $employerId) { wageArrearsComplaints standingWageArrears lateCancellations averageStars ratingCount }\n  }\n"): (typeof documents)["\n  query EngagementMoney($engagementId: UUID!, $taskId: UUID!, $employerId: UUID!) {\n    settlementOfEngagement(engagementId: $engagementId) {\n      id status payUnit rateFen minutes pieces wageFen cancellationFeeFen totalFen minimumHourlyFen payoutStatus paidAt autoConfirmed disputeReason\n      partTimeWeek { weekStart minutes flaggedAt }\n    }\n    attendance(engagementId: $engagementId) { id status checkInAt checkOutAt minutes approvedAt disputeReason partTimeWeek { weekStart minutes flaggedAt } }\n    taskEscrow(taskId: $taskId) { id balanceFen entries(limit: 10) { id amountFen kind createdAt } }\n    employerReliability(employerId: $employerId) { wageArrearsComplaints standingWageArrears lateCancellations averageStars ratingCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoutReconciliations($limit: Int!, $offset: Int!) {\n    payoutReconciliations(limit: $limit, offset: $offset) {\n      total\n      items {\n        id day status platformCount platformFen providerCount providerFen differenceCount ranAt\n        differences { id kind requestId settlementId venueId platformFen providerFen platformStatus providerStatus }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PayoutReconciliations($limit: Int!, $offset: Int!) {\n    payoutReconciliations(limit: $limit, offset: $offset) {\n      total\n      items {\n        id day status platformCount platformFen providerCount providerFen differenceCount ranAt\n        differences { id kind requestId settlementId venueId platformFen providerFen platformStatus providerStatus }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyContract($hash: String!) {\n    verifyContract(hash: $hash) {\n      valid termsIntact status kind templateVersion termsHash workerName workerMaskedId employerName employerMaskedId\n      signatures { party keyId signedAt valid }\n    }\n  }\n"): (typeof documents)["\n  query VerifyContract($hash: String!) {\n    verifyContract(hash: $hash) {\n      valid termsIntact status kind templateVersion termsHash workerName workerMaskedId employerName employerMaskedId\n      signatures { party keyId signedAt valid }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employers($limit: Int!, $offset: Int!, $search: String) {\n    employers(limit: $limit, offset: $offset, search: $search) {\n      total\n      items { userId kind name creditCode idNumber contactName phone regionCode lateCancelCount taskCount createdAt }\n    }\n  }\n"): (typeof documents)["\n  query Employers($limit: Int!, $offset: Int!, $search: String) {\n    employers(limit: $limit, offset: $offset, search: $search) {\n      total\n      items { userId kind name creditCode idNumber contactName phone regionCode lateCancelCount taskCount createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerProfileDetail($employerId: UUID!) {\n    employerReliability(employerId: $employerId) { averageStars ratingCount satisfiedShare lateCancellations wageArrearsComplaints standingWageArrears }\n    tasks(employerId: $employerId, limit: 5, offset: 0) { total items { id title startsAt status headcount filledCount payRateFen payUnit } }\n  }\n"): (typeof documents)["\n  query EmployerProfileDetail($employerId: UUID!) {\n    employerReliability(employerId: $employerId) { averageStars ratingCount satisfiedShare lateCancellations wageArrearsComplaints standingWageArrears }\n    tasks(employerId: $employerId, limit: 5, offset: 0) { total items { id title startsAt status headcount filledCount payRateFen payUnit } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyVenuePerformance {\n    venuePerformance {\n      venueId venueName venueType year status score star level grantFen scoreGrantFen eligible title\n      eligibility { code message }\n      nextStar { level missing message blockedBy hints { itemId itemName message needed } }\n      items { id name earned points kind actual target }\n    }\n  }\n"): (typeof documents)["\n  query MyVenuePerformance {\n    venuePerformance {\n      venueId venueName venueType year status score star level grantFen scoreGrantFen eligible title\n      eligibility { code message }\n      nextStar { level missing message blockedBy hints { itemId itemName message needed } }\n      items { id name earned points kind actual target }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StarRanking($regionCode: String) {\n    performanceRanking(limit: 100, regionCode: $regionCode, type: MARKET) { total items { venueId star score eligible } }\n  }\n"): (typeof documents)["\n  query StarRanking($regionCode: String) {\n    performanceRanking(limit: 100, regionCode: $regionCode, type: MARKET) { total items { venueId star score eligible } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecognitionReview($regionCode: String) {\n    performanceRanking(limit: 20, regionCode: $regionCode, belowThresholdTwoYears: true) { total items { venueId venueName venueType regionCode score previousScore } }\n  }\n"): (typeof documents)["\n  query RecognitionReview($regionCode: String) {\n    performanceRanking(limit: 20, regionCode: $regionCode, belowThresholdTwoYears: true) { total items { venueId venueName venueType regionCode score previousScore } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountyBudget($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { amountFen committedFen } }\n"): (typeof documents)["\n  query CountyBudget($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { amountFen committedFen } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenComplaintDeadlines { complaints(openOnly: true, limit: 100) { total items { id deadlines { nextDueAt } } } }\n"): (typeof documents)["\n  query OpenComplaintDeadlines { complaints(openOnly: true, limit: 100) { total items { id deadlines { nextDueAt } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlacementsByMonth($months: Int) { placementsByMonth(months: $months) { month placements } }\n"): (typeof documents)["\n  query PlacementsByMonth($months: Int) { placementsByMonth(months: $months) { month placements } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerformanceReconcileRuns($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n"): (typeof documents)["\n  query PerformanceReconcileRuns($limit: Int!) {\n    performanceReconcileRuns(limit: $limit) {\n      id startedAt venueYears drifted\n      drifts { venueId venueName year field fieldLabel stored actual }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MinimumWages($regionCode: String!) { minimumWages(regionCode: $regionCode) { effectiveFrom monthlyFen hourlyFen source createdAt } }\n"): (typeof documents)["\n  query MinimumWages($regionCode: String!) { minimumWages(regionCode: $regionCode) { effectiveFrom monthlyFen hourlyFen source createdAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMinimumWage($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { effectiveFrom monthlyFen hourlyFen } }\n"): (typeof documents)["\n  mutation SetMinimumWage($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { effectiveFrom monthlyFen hourlyFen } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HolidayCalendar($year: Int!) { holidayCalendar(year: $year) { date kind name } }"): (typeof documents)["query HolidayCalendar($year: Int!) { holidayCalendar(year: $year) { date kind name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCalendarDays($year: Int!, $source: String!, $days: [CalendarDayInput!]!) { setCalendarDays(year: $year, source: $source, days: $days) { date kind name } }\n"): (typeof documents)["\n  mutation SetCalendarDays($year: Int!, $source: String!, $days: [CalendarDayInput!]!) { setCalendarDays(year: $year, source: $source, days: $days) { date kind name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleOpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }"): (typeof documents)["mutation ConsoleOpenQueueDashboard { openQueueDashboard { url readOnly expiresAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubsidyPolicy($year: Int!) { subsidyPolicy(year: $year) { effectiveFromYear version source policyJson } }"): (typeof documents)["query SubsidyPolicy($year: Int!) { subsidyPolicy(year: $year) { effectiveFromYear version source policyJson } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSubsidyPolicy($effectiveFromYear: Int!, $policy: String!) { setSubsidyPolicy(effectiveFromYear: $effectiveFromYear, policy: $policy) { effectiveFromYear version } }\n"): (typeof documents)["\n  mutation SetSubsidyPolicy($effectiveFromYear: Int!, $policy: String!) { setSubsidyPolicy(effectiveFromYear: $effectiveFromYear, policy: $policy) { effectiveFromYear version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CountyBudgetPage($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { regionCode year amountFen committedFen } }"): (typeof documents)["query CountyBudgetPage($regionCode: String!, $year: Int!) { countySubsidyBudget(regionCode: $regionCode, year: $year) { regionCode year amountFen committedFen } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCountyBudget($input: CountyBudgetInput!) { setCountySubsidyBudget(input: $input) { regionCode year amountFen committedFen } }\n"): (typeof documents)["\n  mutation SetCountyBudget($input: CountyBudgetInput!) { setCountySubsidyBudget(input: $input) { regionCode year amountFen committedFen } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($phone: String!, $password: String!, $smsCode: String) {\n    login(phone: $phone, password: $password, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleLogin($phone: String!, $password: String!, $smsCode: String) {\n    login(phone: $phone, password: $password, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLoginWithSmsCode($phone: String!, $code: String!) {\n    loginWithSmsCode(phone: $phone, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleLoginWithSmsCode($phone: String!, $code: String!) {\n    loginWithSmsCode(phone: $phone, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestSmsCode($phone: String!) { requestSmsCode(phone: $phone, purpose: LOGIN) { expiresAt resendAfterSeconds } }\n"): (typeof documents)["\n  mutation ConsoleRequestSmsCode($phone: String!) { requestSmsCode(phone: $phone, purpose: LOGIN) { expiresAt resendAfterSeconds } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }"): (typeof documents)["mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me { id displayName role phone region { code name } venue { id name type status regionCode } }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me { id displayName role phone region { code name } venue { id name type status regionCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubsidyApplications($limit: Int!, $offset: Int!, $status: ApplicationStatus, $kind: SubsidyKind, $year: Int, $regionCode: String) {\n    subsidyApplications(limit: $limit, offset: $offset, status: $status, kind: $kind, year: $year, regionCode: $regionCode) {\n      total\n      items { venueName application { id venueId kind year status amountFen level score regionCode submittedAt noticeStartsOn noticeEndsOn } }\n    }\n  }\n"): (typeof documents)["\n  query SubsidyApplications($limit: Int!, $offset: Int!, $status: ApplicationStatus, $kind: SubsidyKind, $year: Int, $regionCode: String) {\n    subsidyApplications(limit: $limit, offset: $offset, status: $status, kind: $kind, year: $year, regionCode: $regionCode) {\n      total\n      items { venueName application { id venueId kind year status amountFen level score regionCode submittedAt noticeStartsOn noticeEndsOn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubsidyApplication($id: UUID!) {\n    subsidyApplication(id: $id) {\n      id venueId kind year status amountFen level score policyVersion regionCode note statusReason\n      createdAt submittedAt approvedAt noticeStartsOn noticeEndsOn paidFen paidOn voucherNo\n      materials { key label provided }\n    }\n    subsidyObjections(applicationId: $id) { id reason status createdAt decidedAt decisionNote }\n  }\n"): (typeof documents)["\n  query SubsidyApplication($id: UUID!) {\n    subsidyApplication(id: $id) {\n      id venueId kind year status amountFen level score policyVersion regionCode note statusReason\n      createdAt submittedAt approvedAt noticeStartsOn noticeEndsOn paidFen paidOn voucherNo\n      materials { key label provided }\n    }\n    subsidyObjections(applicationId: $id) { id reason status createdAt decidedAt decisionNote }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApplicationMaterials($input: ApplicationMaterialsInput!) {\n    updateApplicationMaterials(input: $input) { id status note materials { key label provided } }\n  }\n"): (typeof documents)["\n  mutation UpdateApplicationMaterials($input: ApplicationMaterialsInput!) {\n    updateApplicationMaterials(input: $input) { id status note materials { key label provided } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitApplication($id: UUID!) { submitApplication(id: $id) { id status submittedAt statusReason } }"): (typeof documents)["mutation SubmitApplication($id: UUID!) { submitApplication(id: $id) { id status submittedAt statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartApplicationReview($id: UUID!) { startApplicationReview(id: $id) { id status statusReason } }"): (typeof documents)["mutation StartApplicationReview($id: UUID!) { startApplicationReview(id: $id) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnApplication($id: UUID!, $reason: String!) { returnApplication(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation ReturnApplication($id: UUID!, $reason: String!) { returnApplication(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectApplication($id: UUID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation RejectApplication($id: UUID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishApplication($id: UUID!) { publishApplication(id: $id) { id status noticeStartsOn noticeEndsOn statusReason } }\n"): (typeof documents)["\n  mutation PublishApplication($id: UUID!) { publishApplication(id: $id) { id status noticeStartsOn noticeEndsOn statusReason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileObjection($applicationId: UUID!, $reason: String!) {\n    fileObjection(applicationId: $applicationId, reason: $reason) { id reason status createdAt decidedAt decisionNote }\n  }\n"): (typeof documents)["\n  mutation FileObjection($applicationId: UUID!, $reason: String!) {\n    fileObjection(applicationId: $applicationId, reason: $reason) { id reason status createdAt decidedAt decisionNote }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideObjection($id: UUID!, $upheld: Boolean!, $note: String!) {\n    decideObjection(id: $id, upheld: $upheld, note: $note) { id status decidedAt decisionNote }\n  }\n"): (typeof documents)["\n  mutation DecideObjection($id: UUID!, $upheld: Boolean!, $note: String!) {\n    decideObjection(id: $id, upheld: $upheld, note: $note) { id status decidedAt decisionNote }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSubsidyPayment($input: SubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id status paidFen paidOn voucherNo } }\n"): (typeof documents)["\n  mutation RecordSubsidyPayment($input: SubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id status paidFen paidOn voucherNo } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportApplicationForm($applicationId: UUID!) { exportApplicationForm(applicationId: $applicationId) { url filename expiresAt } }\n"): (typeof documents)["\n  mutation ExportApplicationForm($applicationId: UUID!) { exportApplicationForm(applicationId: $applicationId) { url filename expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportRecognitionForm($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }\n"): (typeof documents)["\n  mutation ExportRecognitionForm($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportPlacementRoster($venueId: UUID!, $year: Int!, $fullIds: Boolean!) {\n    exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt }\n  }\n"): (typeof documents)["\n  mutation ExportPlacementRoster($venueId: UUID!, $year: Int!, $fullIds: Boolean!) {\n    exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportAssessmentForm($venueId: UUID!, $year: Int!) { exportAssessmentForm(venueId: $venueId, year: $year) { url filename expiresAt } }\n"): (typeof documents)["\n  mutation ExportAssessmentForm($venueId: UUID!, $year: Int!) { exportAssessmentForm(venueId: $venueId, year: $year) { url filename expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportYearSummary($regionCode: String, $year: Int!) { exportYearSummary(regionCode: $regionCode, year: $year) { url filename expiresAt } }\n"): (typeof documents)["\n  mutation ExportYearSummary($regionCode: String, $year: Int!) { exportYearSummary(regionCode: $regionCode, year: $year) { url filename expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubsidyVenue($id: UUID!) { venue(id: $id) { id name type status } }"): (typeof documents)["query SubsidyVenue($id: UUID!) { venue(id: $id) { id name type status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tasks($limit: Int!, $offset: Int!, $status: TaskStatus, $regionCode: String) {\n    tasks(limit: $limit, offset: $offset, status: $status, regionCode: $regionCode) {\n      total\n      items { id title skillCode regionCode address startsAt endsAt headcount filledCount payRateFen payUnit status wave manualDispatchAt }\n    }\n  }\n"): (typeof documents)["\n  query Tasks($limit: Int!, $offset: Int!, $status: TaskStatus, $regionCode: String) {\n    tasks(limit: $limit, offset: $offset, status: $status, regionCode: $regionCode) {\n      total\n      items { id title skillCode regionCode address startsAt endsAt headcount filledCount payRateFen payUnit status wave manualDispatchAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Task($id: UUID!) {\n    task(id: $id) {\n      id title description skillCode requiredLevel regionCode address startsAt endsAt headcount filledCount payRateFen payUnit\n      status wave manualDispatchAt maxTravelMinutes venueId cancelReason\n      flags { code message }\n      offers { id workerId workerName wave status score travelMinutes distanceMeters expiresAt respondedAt why { factor label part weight } }\n      engagements { id workerId workerName source status proxyBy acceptedAt }\n    }\n  }\n"): (typeof documents)["\n  query Task($id: UUID!) {\n    task(id: $id) {\n      id title description skillCode requiredLevel regionCode address startsAt endsAt headcount filledCount payRateFen payUnit\n      status wave manualDispatchAt maxTravelMinutes venueId cancelReason\n      flags { code message }\n      offers { id workerId workerName wave status score travelMinutes distanceMeters expiresAt respondedAt why { factor label part weight } }\n      engagements { id workerId workerName source status proxyBy acceptedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskUpdated($taskId: UUID!) { taskUpdated(taskId: $taskId) { id status filledCount headcount wave manualDispatchAt } }\n"): (typeof documents)["\n  subscription TaskUpdated($taskId: UUID!) { taskUpdated(taskId: $taskId) { id status filledCount headcount wave manualDispatchAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestProxyCode($workerId: UUID!) { requestProxyCode(workerId: $workerId) { expiresAt resendAfterSeconds } }"): (typeof documents)["mutation RequestProxyCode($workerId: UUID!) { requestProxyCode(workerId: $workerId) { expiresAt resendAfterSeconds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProxyAccept($taskId: UUID!, $workerId: UUID!, $smsCode: String!) {\n    proxyAccept(taskId: $taskId, workerId: $workerId, smsCode: $smsCode) { id source proxyBy status }\n  }\n"): (typeof documents)["\n  mutation ProxyAccept($taskId: UUID!, $workerId: UUID!, $smsCode: String!) {\n    proxyAccept(taskId: $taskId, workerId: $workerId, smsCode: $smsCode) { id source proxyBy status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FairnessReport($regionCode: String!, $month: String!) {\n    fairnessReport(regionCode: $regionCode, month: $month) {\n      month regionCode availableWorkers offers engagements\n      groups { group label availableWorkers availableShare offers offerShare engagements engagementShare }\n    }\n  }\n"): (typeof documents)["\n  query FairnessReport($regionCode: String!, $month: String!) {\n    fairnessReport(regionCode: $regionCode, month: $month) {\n      month regionCode availableWorkers offers engagements\n      groups { group label availableWorkers availableShare offers offerShare engagements engagementShare }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenueCoverage {\n    venueCoverage {\n      city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } }\n      regions { code name markets stations covered }\n    }\n  }\n"): (typeof documents)["\n  query VenueCoverage {\n    venueCoverage {\n      city { regionsCovered markets stations regionsMet marketsMet stationsMet targets { regions markets stations } }\n      regions { code name markets stations covered }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenueStatusCounts($regionCode: String) {\n    pending: venues(filter: { status: PENDING_RECOGNITION, regionCode: $regionCode }, limit: 1) { total }\n    recognized: venues(filter: { status: RECOGNIZED, regionCode: $regionCode }, limit: 1) { total }\n    suspended: venues(filter: { status: SUSPENDED, regionCode: $regionCode }, limit: 1) { total }\n    revoked: venues(filter: { status: REVOKED, regionCode: $regionCode }, limit: 1) { total }\n  }\n"): (typeof documents)["\n  query VenueStatusCounts($regionCode: String) {\n    pending: venues(filter: { status: PENDING_RECOGNITION, regionCode: $regionCode }, limit: 1) { total }\n    recognized: venues(filter: { status: RECOGNIZED, regionCode: $regionCode }, limit: 1) { total }\n    suspended: venues(filter: { status: SUSPENDED, regionCode: $regionCode }, limit: 1) { total }\n    revoked: venues(filter: { status: REVOKED, regionCode: $regionCode }, limit: 1) { total }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Venues($filter: VenueFilter, $limit: Int!, $offset: Int!) {\n    venues(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items { id name type status address recognizedAt operatorName region { code name } }\n    }\n  }\n"): (typeof documents)["\n  query Venues($filter: VenueFilter, $limit: Int!, $offset: Int!) {\n    venues(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items { id name type status address recognizedAt operatorName region { code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Venue($id: UUID!) {\n    venue(id: $id) {\n      id name type status statusReason address lat lng contactPhone openingHours operatorName operatorCreditCode recognizedAt createdAt\n      region { code name }\n      servicePurchasePeriods { id startsOn endsOn note }\n    }\n  }\n"): (typeof documents)["\n  query Venue($id: UUID!) {\n    venue(id: $id) {\n      id name type status statusReason address lat lng contactPhone openingHours operatorName operatorCreditCode recognizedAt createdAt\n      region { code name }\n      servicePurchasePeriods { id startsOn endsOn note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenueWorkerCount($venueId: UUID) { workers(venueId: $venueId, limit: 1) { total } }\n"): (typeof documents)["\n  query VenueWorkerCount($venueId: UUID) { workers(venueId: $venueId, limit: 1) { total } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenueStaff($venueId: UUID!) { venueStaff(venueId: $venueId) { id displayName phone status createdAt } }\n"): (typeof documents)["\n  query VenueStaff($venueId: UUID!) { venueStaff(venueId: $venueId) { id displayName phone status createdAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateVenueOpeningHours($input: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $input) { id openingHours } }\n"): (typeof documents)["\n  mutation UpdateVenueOpeningHours($input: UpdateVenueOpeningHoursInput!) { updateVenueOpeningHours(input: $input) { id openingHours } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecognizeVenue($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }"): (typeof documents)["mutation RecognizeVenue($id: UUID!) { recognizeVenue(id: $id) { id status recognizedAt statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SuspendVenue($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation SuspendVenue($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeVenue($id: UUID!, $reason: String!) { revokeVenue(id: $id, reason: $reason) { id status statusReason } }"): (typeof documents)["mutation RevokeVenue($id: UUID!, $reason: String!) { revokeVenue(id: $id, reason: $reason) { id status statusReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddServicePurchasePeriod($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { id startsOn endsOn note } }\n"): (typeof documents)["\n  mutation AddServicePurchasePeriod($input: ServicePurchasePeriodInput!) { addServicePurchasePeriod(input: $input) { id startsOn endsOn note } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Regions { regions { code name } }"): (typeof documents)["query Regions { regions { code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workers($limit: Int!, $offset: Int!, $search: String, $skillCode: String, $venueId: UUID) {\n    workers(limit: $limit, offset: $offset, search: $search, skillCode: $skillCode, venueId: $venueId) {\n      total\n      items {\n        userId realName idNumber gender age olderWorker hardToEmploy zeroEmploymentFamily available\n        travelMode travelMinutes homeAddress completedCount noShowCount rating\n        skills { skillCode level }\n        homeVenue { id name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Workers($limit: Int!, $offset: Int!, $search: String, $skillCode: String, $venueId: UUID) {\n    workers(limit: $limit, offset: $offset, search: $search, skillCode: $skillCode, venueId: $venueId) {\n      total\n      items {\n        userId realName idNumber gender age olderWorker hardToEmploy zeroEmploymentFamily available\n        travelMode travelMinutes homeAddress completedCount noShowCount rating\n        skills { skillCode level }\n        homeVenue { id name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterWalkInWorker($input: RegisterWorkerInput!) {\n    registerWalkInWorker(input: $input) { userId realName idNumber age gender olderWorker homeVenue { id name } }\n  }\n"): (typeof documents)["\n  mutation RegisterWalkInWorker($input: RegisterWorkerInput!) {\n    registerWalkInWorker(input: $input) { userId realName idNumber age gender olderWorker homeVenue { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileComplaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n"): (typeof documents)["\n  query MobileComplaint($id: UUID!) {\n    complaint(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MobileComplaintUpdated($id: UUID!) {\n    complaintUpdated(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n"): (typeof documents)["\n  subscription MobileComplaintUpdated($id: UUID!) {\n    complaintUpdated(id: $id) {\n      id number title category status description amountFen resolution rejectReason createdAt closedAt complainantId respondentUserId\n      deadlines { stage acceptDueAt resolveDueAt paused autoCloseAt nextKind nextDueAt }\n      history { action toStatus at actorRole note }\n      evidence { id fileType }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileSupplyComplaint($id: UUID!, $note: String!) { supplyComplaintInfo(id: $id, note: $note) { id status } }"): (typeof documents)["mutation MobileSupplyComplaint($id: UUID!, $note: String!) { supplyComplaintInfo(id: $id, note: $note) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileCloseComplaint($id: UUID!, $stars: Int!) { closeComplaint(id: $id, stars: $stars) { id status } }"): (typeof documents)["mutation MobileCloseComplaint($id: UUID!, $stars: Int!) { closeComplaint(id: $id, stars: $stars) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileRefuseComplaint($id: UUID!, $note: String!) { refuseComplaintResolution(id: $id, note: $note) { id status } }"): (typeof documents)["mutation MobileRefuseComplaint($id: UUID!, $note: String!) { refuseComplaintResolution(id: $id, note: $note) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerTasks($limit: Int!) {\n    myTasks(limit: $limit) { total items { id title status startsAt endsAt headcount filledCount payRateFen payUnit address venueId } }\n  }\n"): (typeof documents)["\n  query EmployerTasks($limit: Int!) {\n    myTasks(limit: $limit) { total items { id title status startsAt endsAt headcount filledCount payRateFen payUnit address venueId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerMinimumWage($regionCode: String!, $date: LocalDate!) { minimumWageOn(regionCode: $regionCode, date: $date) { hourlyFen monthlyFen source regionCode } }\n"): (typeof documents)["\n  query EmployerMinimumWage($regionCode: String!, $date: LocalDate!) { minimumWageOn(regionCode: $regionCode, date: $date) { hourlyFen monthlyFen source regionCode } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmployerPostTask($input: PostTaskInput!) { postTask(input: $input) { id status } }"): (typeof documents)["mutation EmployerPostTask($input: PostTaskInput!) { postTask(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerTask($id: UUID!) {\n    task(id: $id) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n    taskEscrow(taskId: $id) { balanceFen }\n    myWallet { balanceFen }\n  }\n"): (typeof documents)["\n  query EmployerTask($id: UUID!) {\n    task(id: $id) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n    taskEscrow(taskId: $id) { balanceFen }\n    myWallet { balanceFen }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EmployerTaskUpdated($taskId: UUID!) {\n    taskUpdated(taskId: $taskId) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n  }\n"): (typeof documents)["\n  subscription EmployerTaskUpdated($taskId: UUID!) {\n    taskUpdated(taskId: $taskId) {\n      id title status startsAt endsAt headcount filledCount payRateFen payUnit address wave regionCode venueId\n      offers { id status wave expiresAt travelMinutes }\n      engagements { id status workerId startsAt endsAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmployerCheckInCode($taskId: UUID!) { checkInCode(taskId: $taskId) { taskId code shortCode svg expiresAt periodSeconds } }"): (typeof documents)["query EmployerCheckInCode($taskId: UUID!) { checkInCode(taskId: $taskId) { taskId code shortCode svg expiresAt periodSeconds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmployerTopUp($input: TopUpWalletInput!) { topUpWallet(input: $input) { id } }"): (typeof documents)["mutation EmployerTopUp($input: TopUpWalletInput!) { topUpWallet(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmployerFund($input: FundTaskEscrowInput!) { fundTaskEscrow(input: $input) { id } }"): (typeof documents)["mutation EmployerFund($input: FundTaskEscrowInput!) { fundTaskEscrow(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerEngagement($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes approvedAt disputeReason }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n    engagementRatings(engagementId: $id) { id side stars tags comment }\n  }\n"): (typeof documents)["\n  query EmployerEngagement($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes approvedAt disputeReason }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n    engagementRatings(engagementId: $id) { id side stars tags comment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmployerAnswerHours($input: AnswerHoursInput!) { answerHours(input: $input) { id status approvedAt } }"): (typeof documents)["mutation EmployerAnswerHours($input: AnswerHoursInput!) { answerHours(input: $input) { id status approvedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmployerSubmitPay($input: SubmitSettlementInput!) { submitSettlement(input: $input) { id status } }"): (typeof documents)["mutation EmployerSubmitPay($input: SubmitSettlementInput!) { submitSettlement(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileRate($input: RateEngagementInput!) { rateEngagement(input: $input) { id stars tags } }"): (typeof documents)["mutation MobileRate($input: RateEngagementInput!) { rateEngagement(input: $input) { id stars tags } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileMyComplaints($limit: Int!) {\n    myComplaints(limit: $limit) { total items { id number title category status createdAt respondentKind respondentUserId complainantId resolution deadlines { resolveDueAt } evidence { id fileType } } }\n  }\n"): (typeof documents)["\n  query MobileMyComplaints($limit: Int!) {\n    myComplaints(limit: $limit) { total items { id number title category status createdAt respondentKind respondentUserId complainantId resolution deadlines { resolveDueAt } evidence { id fileType } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status } }"): (typeof documents)["mutation MobileFileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MobileRatings($id: UUID!) { engagementRatings(engagementId: $id) { id side stars tags } }"): (typeof documents)["query MobileRatings($id: UUID!) { engagementRatings(engagementId: $id) { id side stars tags } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileMe {\n    me {\n      id displayName role phone\n      workerProfile { realName travelMode travelMinutes homeLat homeLng homeVenue { id name } skills { skillCode level } }\n      employerProfile { name regionCode }\n    }\n  }\n"): (typeof documents)["\n  query MobileMe {\n    me {\n      id displayName role phone\n      workerProfile { realName travelMode travelMinutes homeLat homeLng homeVenue { id name } skills { skillCode level } }\n      employerProfile { name regionCode }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MobileRequestCode($phone: String!, $purpose: PublicSmsPurpose!) { requestSmsCode(phone: $phone, purpose: $purpose) { expiresAt resendAfterSeconds } }\n"): (typeof documents)["\n  mutation MobileRequestCode($phone: String!, $purpose: PublicSmsPurpose!) { requestSmsCode(phone: $phone, purpose: $purpose) { expiresAt resendAfterSeconds } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MobileRegisterWorker($input: RegisterWorkerInput!, $smsCode: String!) {\n    registerWorker(input: $input, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"): (typeof documents)["\n  mutation MobileRegisterWorker($input: RegisterWorkerInput!, $smsCode: String!) {\n    registerWorker(input: $input, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileVenuePage($id: UUID!) { venuePublicPage(id: $id) { id name address hotline type } }\n"): (typeof documents)["\n  query MobileVenuePage($id: UUID!) { venuePublicPage(id: $id) { id name address hotline type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileOffers {\n    myOffers(status: OFFERED, limit: 20) {\n      id expiresAt travelMinutes distanceMeters\n      why { factor label part weight }\n      task { id title address startsAt endsAt payRateFen payUnit skillCode }\n    }\n  }\n"): (typeof documents)["\n  query MobileOffers {\n    myOffers(status: OFFERED, limit: 20) {\n      id expiresAt travelMinutes distanceMeters\n      why { factor label part weight }\n      task { id title address startsAt endsAt payRateFen payUnit skillCode }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileNearby($first: Int!) {\n    nearbyTasks(first: $first) {\n      items { cursor travelMinutes distanceMeters employerName employerLateCancelCount task { id title address startsAt endsAt payRateFen payUnit headcount filledCount } }\n    }\n  }\n"): (typeof documents)["\n  query MobileNearby($first: Int!) {\n    nearbyTasks(first: $first) {\n      items { cursor travelMinutes distanceMeters employerName employerLateCancelCount task { id title address startsAt endsAt payRateFen payUnit headcount filledCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileAccept($id: UUID!) { acceptOffer(id: $id) { id status } }"): (typeof documents)["mutation MobileAccept($id: UUID!) { acceptOffer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileDecline($id: UUID!) { declineOffer(id: $id) { id status } }"): (typeof documents)["mutation MobileDecline($id: UUID!) { declineOffer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileTake($taskId: UUID!) { takeTask(taskId: $taskId) { id status } }"): (typeof documents)["mutation MobileTake($taskId: UUID!) { takeTask(taskId: $taskId) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileEngagements {\n    myEngagements(limit: 20) { id status startsAt endsAt task { id title address payRateFen payUnit } }\n  }\n"): (typeof documents)["\n  query MobileEngagements {\n    myEngagements(limit: 20) { id status startsAt endsAt task { id title address payRateFen payUnit } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileJob($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title clauses termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes checkInDistanceM checkOutDistanceM }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n  }\n"): (typeof documents)["\n  query MobileJob($id: UUID!) {\n    contractOfEngagement(engagementId: $id) { id status title clauses termsHash signatures { party signedAt } }\n    attendance(engagementId: $id) { id status checkInAt checkOutAt minutes checkInDistanceM checkOutDistanceM }\n    settlementOfEngagement(engagementId: $id) { id status minutes rateFen wageFen totalFen payUnit minimumHourlyFen payoutStatus paidAt disputeReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MobileContractReady($id: UUID!) { contractOfEngagement(engagementId: $id) { id } }"): (typeof documents)["query MobileContractReady($id: UUID!) { contractOfEngagement(engagementId: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileMyEngagement { myEngagements(limit: 50) { id status startsAt confirmBy confirmedAt } }\n"): (typeof documents)["\n  query MobileMyEngagement { myEngagements(limit: 50) { id status startsAt confirmBy confirmedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileConfirmEngagement($id: UUID!) { confirmEngagement(id: $id) { id status confirmedAt } }"): (typeof documents)["mutation MobileConfirmEngagement($id: UUID!) { confirmEngagement(id: $id) { id status confirmedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileSignCode($contractId: UUID!) { requestContractSigningCode(contractId: $contractId) { expiresAt resendAfterSeconds } }"): (typeof documents)["mutation MobileSignCode($contractId: UUID!) { requestContractSigningCode(contractId: $contractId) { expiresAt resendAfterSeconds } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileSign($input: SignContractInput!) { signContract(input: $input) { id status } }"): (typeof documents)["mutation MobileSign($input: SignContractInput!) { signContract(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileCheckIn($input: CheckInInput!) { checkIn(input: $input) { id status checkInAt checkInDistanceM } }"): (typeof documents)["mutation MobileCheckIn($input: CheckInInput!) { checkIn(input: $input) { id status checkInAt checkInDistanceM } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileCheckOut($input: CheckInInput!) { checkOut(input: $input) { id status checkOutAt minutes } }"): (typeof documents)["mutation MobileCheckOut($input: CheckInInput!) { checkOut(input: $input) { id status checkOutAt minutes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileCheckInByCode($input: CodeCheckInInput!) { checkInByCode(input: $input) { id status checkInAt } }"): (typeof documents)["mutation MobileCheckInByCode($input: CodeCheckInInput!) { checkInByCode(input: $input) { id status checkInAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileCheckOutByCode($input: CodeCheckInInput!) { checkOutByCode(input: $input) { id status checkOutAt minutes } }"): (typeof documents)["mutation MobileCheckOutByCode($input: CodeCheckInInput!) { checkOutByCode(input: $input) { id status checkOutAt minutes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileConfirmPay($id: UUID!) { confirmSettlement(id: $id) { id status } }"): (typeof documents)["mutation MobileConfirmPay($id: UUID!) { confirmSettlement(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MobileDisputePay($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }"): (typeof documents)["mutation MobileDisputePay($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileInsurance($id: UUID!, $day: String) {\n    insuranceCoverage(engagementId: $id, day: $day) { engagementId status policyRef provider takenAt paidAt coverFrom coverTo day coversDay }\n  }\n"): (typeof documents)["\n  query MobileInsurance($id: UUID!, $day: String) {\n    insuranceCoverage(engagementId: $id, day: $day) { engagementId status policyRef provider takenAt paidAt coverFrom coverTo day coversDay }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MobileWallet { myWallet { balanceFen kind entries(limit: 20) { id amountFen kind createdAt } } }\n"): (typeof documents)["\n  query MobileWallet { myWallet { balanceFen kind entries(limit: 20) { id amountFen kind createdAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicNearby($lat: Float!, $lng: Float!, $first: Int!) {\n    nearestVenues(lat: $lat, lng: $lng, first: $first) { id name type address regionName hotline openingHours distanceMeters star starYear services }\n    openTasksNear(lat: $lat, lng: $lng, first: $first) { id title skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters }\n  }\n"): (typeof documents)["\n  query PublicNearby($lat: Float!, $lng: Float!, $first: Int!) {\n    nearestVenues(lat: $lat, lng: $lng, first: $first) { id name type address regionName hotline openingHours distanceMeters star starYear services }\n    openTasksNear(lat: $lat, lng: $lng, first: $first) { id title skillName payRateFen payUnit startsAt endsAt seatsLeft regionName venueName distanceMeters }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;