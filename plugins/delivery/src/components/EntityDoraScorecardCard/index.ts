export { EntityDoraScorecardCard } from './EntityDoraScorecardCard';
export type { EntityDoraScorecardCardProps } from './EntityDoraScorecardCard';
