/**
 * Extra tables for the collections workspace in the preview host and its tests: a letter sequence
 * (LetterCodes) and an interest code (InterestCode, tiered per overdue month). The sample ledger
 * itself has neither; a real workbook would carry its own.
 */
import type { SampleJson } from "./seed";

export const COLLECTIONS_TABLES: SampleJson = {
  LetterCodes: [
    ["Code", "Fee", "MinOverdue", "GraceDays", "Block"],
    ["Reminder", 0, 10, 5, false],
    ["Second notice", 15, 10, 14, false],
    ["Final demand", 40, 10, 14, true],
  ],
  InterestCode: [
    ["Code", "FromMonth", "PercentPerMonth"],
    ["LATE", 0, 1.5],
    ["LATE", 3, 2],
  ],
};
