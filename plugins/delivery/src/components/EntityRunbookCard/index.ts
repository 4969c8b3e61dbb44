export { EntityRunbookCard } from './EntityRunbookCard';
export type { EntityRunbookCardProps } from './EntityRunbookCard';
export {
  ADD_RUNBOOK_TEMPLATE,
  ROLLBACK_ANNOTATION,
  RUNBOOK_ANNOTATION,
  addRunbookPath,
  hasSlos,
  operationalLinks,
} from './runbookLinks';
