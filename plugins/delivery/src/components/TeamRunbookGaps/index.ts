export { TeamRunbookGaps, runbookCoverage } from './TeamRunbookGaps';
export type { RunbookCoverage } from './TeamRunbookGaps';
