/** How a demo service behaves: one profile per DORA level, so every level and state appears. */
export type DemoProfile = {
  deploymentsPerDay: number;
  changesPerDeployment: number;
  leadTimeMedianHours: number;
  rollbackRate: number;
  incidentPerDeploymentRate: number;
  restoreMedianHours: number;
  pipelineFailureRate: number;
  itemsPerDay: number;
  cycleTimeMedianHours: number;
  bugShare: number;
  escapeRate: number;
  coverage: number;
  errorRate: number;
  /**
   * Deploy once, on Tuesday, every this many weeks instead of at random: a rhythm that no window's
   * median week catches (medium by deployment days), while every 30 days hold a deployment.
   */
  deployEveryNthWeek?: number;
};

export const demoProfileNames = ['elite', 'high', 'medium', 'low'] as const;

export type DemoProfileName = (typeof demoProfileNames)[number];

export const demoProfiles: Record<DemoProfileName, DemoProfile> = {
  elite: {
    deploymentsPerDay: 2.5,
    changesPerDeployment: 1.5,
    leadTimeMedianHours: 6,
    rollbackRate: 0.02,
    incidentPerDeploymentRate: 0.02,
    restoreMedianHours: 0.5,
    pipelineFailureRate: 0.05,
    itemsPerDay: 1.2,
    cycleTimeMedianHours: 30,
    bugShare: 0.15,
    escapeRate: 0.1,
    coverage: 88,
    errorRate: 0.0002,
  },
  high: {
    deploymentsPerDay: 0.4,
    changesPerDeployment: 3,
    leadTimeMedianHours: 60,
    rollbackRate: 0.04,
    incidentPerDeploymentRate: 0.04,
    restoreMedianHours: 5,
    pipelineFailureRate: 0.08,
    itemsPerDay: 0.8,
    cycleTimeMedianHours: 70,
    bugShare: 0.2,
    escapeRate: 0.2,
    coverage: 81,
    errorRate: 0.0006,
  },
  medium: {
    deploymentsPerDay: 0.1,
    deployEveryNthWeek: 3,
    changesPerDeployment: 6,
    leadTimeMedianHours: 300,
    rollbackRate: 0.06,
    incidentPerDeploymentRate: 0.07,
    restoreMedianHours: 40,
    pipelineFailureRate: 0.12,
    itemsPerDay: 0.5,
    cycleTimeMedianHours: 140,
    bugShare: 0.25,
    escapeRate: 0.3,
    coverage: 68,
    errorRate: 0.0015,
  },
  low: {
    deploymentsPerDay: 0.025,
    changesPerDeployment: 10,
    leadTimeMedianHours: 900,
    rollbackRate: 0.15,
    incidentPerDeploymentRate: 0.15,
    restoreMedianHours: 200,
    pipelineFailureRate: 0.2,
    itemsPerDay: 0.3,
    cycleTimeMedianHours: 300,
    bugShare: 0.35,
    escapeRate: 0.45,
    coverage: 45,
    errorRate: 0.004,
  },
};
