/**
 * peermatch/node: Node-only helpers — reading participant files (CSV by a column convention or
 * a mapping, JSON), streaming large CSV files, reading programs, writing results, and building
 * large compatibility matrices on worker threads.
 */

export type { ParallelCandidatesOptions } from './build-candidates-parallel.js';
export {
  buildCandidatesParallel,
  PARALLEL_CANDIDATES_DEFAULTS,
} from './build-candidates-parallel.js';
export type { ParallelCompatibilityOptions } from './build-compatibility-parallel.js';
export {
  buildCompatibilityParallel,
  PARALLEL_COMPATIBILITY_DEFAULTS,
} from './build-compatibility-parallel.js';
export type { CsvCellKind, CsvField } from './csv-convention.js';
export { CSV_FIELDS, fieldForHeader } from './csv-convention.js';
export type { CsvColumnMapping, CsvMapping } from './csv-mapping.js';
export { parseCsvMapping } from './csv-mapping.js';
export type {
  CsvParticipantOptions,
  CsvParticipantRecords,
  CsvParticipantRow,
} from './csv-participant-reader.js';
export { CsvParticipantReader, csvToParticipantRecords } from './csv-participant-reader.js';
export type { CsvProblem, CsvRow, CsvRowOptions } from './csv-rows.js';
export { CsvRowReader, parseCsvRows } from './csv-rows.js';
export { locateIssues } from './locate-issues.js';
export type { MatchOneToOneParallelOptions } from './match-one-to-one-parallel.js';
export { matchOneToOneParallel } from './match-one-to-one-parallel.js';
export type { MatchReciprocalParallelOptions } from './match-reciprocal-parallel.js';
export { matchReciprocalParallel } from './match-reciprocal-parallel.js';
export type {
  ParticipantRecordsFile,
  ReadParticipantsOptions,
  ReadParticipantsValidatedOptions,
} from './read-participants.js';
export {
  readParticipantRecords,
  readParticipants,
  streamParticipantsCsv,
} from './read-participants.js';
export { readProgram } from './read-program.js';
export type { WriteMatchResultOptions } from './write-match-result.js';
export { writeMatchResult } from './write-match-result.js';
