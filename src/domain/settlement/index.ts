/**
 * The settlement engine (docs/domain.md §4): propose, post, unapply, and the ledger-wide batch.
 */
export * from "./types";
export { proposeSettlement, type SettlementRequest } from "./propose";
export { postSettlement, type PostContext, type PostedSettlement } from "./post";
export { unapplySettlement, unapplyVoucher, type Unapplied, type UnapplyTarget } from "./unapply";
export { autoSettleLedger, type BatchSettleOptions, type BatchSettleResult } from "./batch";
export { editProposal, marksFromProposal, type ProposalEdit } from "./edit";
export { repostSalt, unappliableSettlements, type UnappliableSettlement } from "./history";
