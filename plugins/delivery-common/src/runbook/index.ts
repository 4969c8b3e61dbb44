export { renderRunbook } from './renderRunbook';
export { runbookInputSchema, deploymentStrategies } from './types';
export type {
  RunbookInput,
  RunbookLanguage,
  DeploymentStrategy,
} from './types';
