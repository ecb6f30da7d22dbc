/**
 * Collections (docs/domain.md §6 and §7): statuses, cases, pools, write-off, interest notes,
 * fees, waive/reinstate/reverse, collection letters and NSF. Every journal is append-only and
 * balanced; a correction is a new journal whose lines name the journal they correct.
 */
export { type Accounting, type CollectionsLine, type CollectionsLineKeys } from "./_lib/lines";
export { STATUS_TRANSITIONS, changeStatus, customerStatus, markBrokenPromises, type StatusChange } from "./status";
export { ACTIVITY_KINDS, addActivity, closeCase, openCase, type Activity, type ActivityKind, type CollectionCase } from "./cases";
export { customersForAgent, inPool, type Pool, type PoolCustomer } from "./pools";
export { writeOffCandidates, type WriteOffCandidate, type WriteOffCandidateFilter } from "./writeoff-candidates";
export { proposeWriteOff, type WriteOffProposal, type WriteOffRequest, type WrittenOffItem } from "./writeoff";
export { interestCharges, type InterestChargeGroup, type InterestCharges, interestNotes, type InterestCode, type InterestLine, type InterestNote, type InterestOptions, type InterestTier } from "./interest";
export { correctCharges, correctChargesWith, type ChargeCorrection, type ChargeCorrectionKind, type ChargeCorrectionRequest, type CorrectionLineMaker, type LineSource } from "./charge-corrections";
export { feeJournal, type FeeCharge, type FeeJournalRequest } from "./fees";
export { MAX_LETTERS, lettersDue, type LetterCode, type LetterDue, type LetterOptions, type SentLetter } from "./letters";
export { nsfPayment, type NsfCharge, type NsfRequest, type NsfResult } from "./nsf";
export { worklist, type WorklistCustomer, type WorklistOptions, type WorklistRow } from "./worklist";
