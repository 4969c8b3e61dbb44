import { MetricKey } from '@delivery-insights/backstage-plugin-delivery-common';
import { PluralForms } from './format';

type ReportMetricKey = MetricKey | 'deploymentDaysPerWeek';

/** Widens literal forms to PluralForms, so other languages may add `few` and `many`. */
const forms = (f: PluralForms): PluralForms => f;
const nouns = <K extends string>(n: Record<K, PluralForms>) => n;

/**
 * The English catalogue. Its shape is the contract: the Russian catalogue is typed with
 * `ReportMessages`, so a missing key or a wrong parameter list is a compile error. Functions take
 * already formatted values; plural nouns are `PluralForms` and chosen by the formatter.
 */
export const en = {
  units: {
    hours: forms({ one: 'hour', other: 'hours' }),
    minutes: forms({ one: 'minute', other: 'minutes' }),
    days: forms({ one: 'day', other: 'days' }),
    perDay: 'per day',
    perWorkingDay: 'per working day',
    perWeek: 'per week',
    per30Days: 'per 30 days',
    levels: { elite: 'elite', high: 'high', medium: 'medium', low: 'low' },
  },
  nouns: nouns({
    deployment: { one: 'deployment', other: 'deployments' },
    productionDeployment: {
      one: 'production deployment',
      other: 'production deployments',
    },
    change: { one: 'change', other: 'changes' },
    shippedChange: { one: 'change shipped', other: 'changes shipped' },
    incident: { one: 'incident', other: 'incidents' },
    newIncident: { one: 'incident opened', other: 'incidents opened' },
    item: { one: 'item', other: 'items' },
    bug: { one: 'bug', other: 'bugs' },
    point: { one: 'point', other: 'points' },
    workingDay: { one: 'working day', other: 'working days' },
    person: { one: 'person', other: 'people' },
    service: { one: 'service', other: 'services' },
  }),
  metricNames: {
    deploymentFrequency: 'Deployment frequency',
    deploymentDaysPerWeek: 'Deployment days per week',
    leadTime: 'Lead time for changes (median)',
    changeFailureRate: 'Change failure rate',
    timeToRestore: 'Time to restore (mean, MTTR)',
    failedDeploymentRecoveryTime: 'Failed deployment recovery time (median)',
    reworkRate: 'Deployment rework rate',
    cycleTime: 'Cycle time (median)',
    throughput: 'Throughput',
    wip: 'Work in progress',
    flowEfficiency: 'Flow efficiency',
    velocityPredictability: 'Velocity variation (CV)',
    lineCoverage: 'Line coverage',
    defectEscapeRate: 'Defect escape rate',
    incidentsPer30Days: 'Production incidents',
  } satisfies Record<ReportMetricKey, string>,
  /** What to look at when a metric misses its target or gets worse. */
  metricHints: {
    deploymentFrequency:
      'deploy smaller batches more often; look for manual steps and release windows in the pipeline',
    deploymentDaysPerWeek:
      'spread deployments over the week instead of batching them',
    leadTime:
      'look at how long changes wait for review and for the next deployment',
    changeFailureRate:
      'look at the rolled-back deployments and the incidents they caused: test gaps, risky migrations, missing canaries',
    timeToRestore:
      'check alerting, the runbook and how fast a rollback can be done',
    failedDeploymentRecoveryTime:
      'make a rollback one step and watch the first minutes after each deployment',
    reworkRate:
      'look at what the hotfixes and rollbacks fixed: the same gaps let failures through',
    cycleTime: 'split work items smaller and limit work in progress',
    throughput:
      'look at blocked items and at work that is started but not finished',
    wip: 'finish before starting: lower the work-in-progress limit',
    flowEfficiency: 'look at waiting states: reviews, hand-offs, environments',
    velocityPredictability:
      'plan from measured throughput and keep unplanned work visible',
    lineCoverage: 'add tests to the least covered, most changed code first',
    defectEscapeRate:
      'look at which kinds of bugs reach production and which test stage should have caught them',
    incidentsPer30Days:
      'group the incidents by cause and fix the most frequent one first',
  } satisfies Record<ReportMetricKey, string>,
  common: {
    generated: (date: string) =>
      `Generated on ${date} from the data stored in Delivery Insights.`,
    entity: 'Entity',
    period: 'Period',
    periodRange: (from: string, to: string) => `${from} – ${to}`,
    quarter: (quarter: number, year: number) => `Q${quarter} ${year}`,
    metric: 'Metric',
    field: 'Field',
    value: 'Value',
    sampleSize: 'Sample',
    level: 'DORA level',
    target: 'Target',
    status: 'Status',
    previous: 'Previous period',
    trend: 'Trend',
    met: '✅ met',
    missed: '❌ missed',
    noTarget: '—',
    better: 'better',
    worse: 'worse',
    unchanged: 'unchanged',
    noComparison: 'no data to compare',
    lookAt: 'What to look at',
    nothingToLookAt:
      'Every metric with a target meets it and none got worse. Keep it that way.',
    missedHint: (metric: string, value: string, target: string, hint: string) =>
      `**${metric}** is ${value} against the target ${target}: ${hint}.`,
    worseHint: (metric: string, previous: string, value: string) =>
      `**${metric}** got worse: ${previous} in the previous period, ${value} now.`,
    noDataHint: (metric: string) =>
      `**${metric}** has no data: check that the source is connected and mapped to this entity.`,
    openIncidentsHint: (incidents: string) =>
      `${incidents} still open at the end of the period. Open incidents are not part of the mean time to restore.`,
    none: 'None.',
    link: 'Link',
    opened: 'Opened',
    severity: 'Severity',
    title: 'Title',
    timeToRestore: 'Time to restore',
    stillOpen: 'still open',
    previousWindow: (from: string, to: string) =>
      `Trends compare with the previous window of the same length (${from} – ${to}).`,
    unknown: 'unknown',
    id: 'ID',
    type: 'Type',
    points: 'Points',
    cycleTime: 'Cycle time',
    service: 'Service',
  },
  deliveryMetrics: {
    title: (entity: string, period: string) =>
      `Delivery metrics: ${entity}, ${period}`,
    summary: (deployments: string, changes: string, incidents: string) =>
      `In this period: ${deployments}, ${changes}, ${incidents}.`,
    entities: (count: string) => `Counted: ${count}.`,
    targetsMet: (met: number, total: number) =>
      `Targets met: ${met} of ${total}.`,
    dora: 'DORA metrics',
    flow: 'Flow metrics',
    offenders: 'Services that need attention',
    offendersIntro:
      'The services of this entity, the most missed targets first (at most five).',
    missedTargets: 'Missed targets',
    noOffenders: 'No service misses a target.',
  },
  quality: {
    title: (entity: string, period: string) =>
      `Quality report: ${entity}, ${period}`,
    metrics: 'Quality metrics',
    bugs: (bugs: string, escaped: number) =>
      `${bugs} created in the period, ${escaped} of them found in production.`,
    incidents: 'Incidents in the period',
    deliveryContext: 'Delivery context',
  },
  postmortem: {
    title: (incident: string) => `Postmortem: ${incident}`,
    blameless:
      'This postmortem is blameless: it looks for causes in systems and processes, not for people to blame. The sections marked “to be filled by the team” are written by the people involved; everything else is generated from the stored data.',
    summary: 'Summary',
    source: 'Source',
    state: 'State',
    resolved: 'resolved',
    open: 'open',
    timeline: 'Timeline',
    event: 'Event',
    time: 'Time (UTC)',
    acknowledged: 'Acknowledged',
    resolvedEvent: 'Resolved',
    notAcknowledged: 'not recorded',
    impact: 'Impact and duration',
    duration: (duration: string) => `The incident lasted ${duration}.`,
    ongoing: (duration: string) =>
      `The incident is still open: ${duration} so far.`,
    timeToAcknowledge: (duration: string) =>
      `Time to acknowledge: ${duration}.`,
    restoreAgainstTarget: (duration: string, target: string, status: string) =>
      `Time to restore ${duration} against the target ${target}: ${status}.`,
    restoreLevel: (level: string) =>
      `On its own this restore time is at the DORA level “${level}”.`,
    cause: 'Causing deployment',
    noCause:
      'No deployment is named as the cause of this incident. If one was, record it with the incident (causedByDeploymentId) so the change failure rate counts it.',
    deployment: 'Deployment',
    environment: 'Environment',
    deploymentStatus: 'Status',
    started: 'Started',
    finished: 'Finished',
    changes: 'Changes in this deployment',
    noChanges: 'The deployment names no changes.',
    author: 'Author',
    firstCommit: 'First commit',
    merged: 'Merged',
    analysis: 'Analysis (to be filled by the team)',
    toFill: '_To be filled by the team._',
    userImpact: 'Impact on users',
    userImpactPrompt: 'Who was affected, how many, and what could they not do?',
    rootCause: 'Contributing factors',
    rootCausePrompt:
      'What conditions made this possible? Ask “how” and “why” about systems, not “who”.',
    detection: 'Detection',
    detectionPrompt:
      'How was the incident noticed: alert, customer, colleague? Could it have been noticed sooner?',
    response: 'Response and recovery',
    responsePrompt:
      'What was done to restore service, and what slowed it down?',
    wentWell: 'What went well',
    wentWrong: 'What went wrong',
    lucky: 'Where we got lucky',
    actions: 'Action items',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    ticket: 'Ticket',
  },
  pipeline: {
    title: (service: string) => `Delivery pipeline: ${service}`,
    summary: (deployments: string, frequency: string, level: string) =>
      `${deployments} in the period: ${frequency} (DORA level “${level}”).`,
    byWeekday: 'Deployments by weekday',
    weekday: 'Weekday',
    production: 'Reached production',
    pipelineFailures: 'Pipeline failures',
    rollbacks: 'Rollbacks',
    environments: 'Environments',
    environment: 'Environment',
    deployments: 'Deployments',
    succeeded: 'Succeeded',
    failed: 'Failed',
    rolledBack: 'Rolled back',
    medianDuration: 'Median duration',
    p90Duration: 'p90 duration',
    lastDeployment: 'Last deployment',
    durations: 'Durations',
    durationsText: (median: string, p90: string, count: string) =>
      `Production deployments took ${median} (median), ${p90} at the 90th percentile, measured over ${count} with a start and a finish time.`,
    noDurations:
      'No production deployment in the period has both a start and a finish time.',
    failurePoints: 'Failure and rollback points',
    when: 'When',
    what: 'What happened',
    failedInPipeline: 'failed in the pipeline, never reached production',
    rolledBackInProduction: 'rolled back in production',
    causedIncident: (incidents: string) => `caused ${incidents}`,
    noFailures: 'No deployment failed or was rolled back in the period.',
  },
  capacity: {
    title: (team: string, quarter: string) =>
      `Capacity plan: ${team}, ${quarter}`,
    parameters: 'Parameters',
    parameter: 'Parameter',
    teamSize: 'Team size in the quarter',
    referenceTeamSize: 'Team size in the past quarters',
    holidays: 'Holidays and days off (working days)',
    focusFactor: 'Focus factor (relative to the past quarters)',
    workingDays: 'Working days in the quarter',
    availableDays: 'Available working days',
    history: 'Past quarters',
    team: 'Team',
    quarter: 'Quarter',
    itemsCompleted: 'Items completed',
    perWeek: 'Items per week',
    points: 'Points',
    pointsPerDay: 'Points per working day',
    forecast: 'Forecast',
    expectedPoints: 'Points (expected)',
    range: 'Range',
    expectedItems: 'Items (expected)',
    noHistory:
      'No completed work items in the past quarters: there is nothing to forecast from.',
    method: (quarters: number) =>
      `Method: the mean points (and items) per working day and person over the last ${quarters} quarters, times the team size, the available working days and the focus factor. The range uses the weakest and the strongest of those quarters. Throughput comes from the same computation as the scorecard.`,
  },
  retrospective: {
    title: (sprint: string) => `Sprint retrospective: ${sprint}`,
    dates: (from: string, to: string) =>
      `The sprint ran from ${from} to ${to} (from its first started item to its last completed one).`,
    summary: (completed: string, points: string, carried: string) =>
      `Completed: ${completed} (${points}). Carried over: ${carried}.`,
    completed: 'Completed',
    carriedOver: 'Carried over',
    notStarted: 'not started',
    inProgress: 'in progress',
    state: 'State',
    cycleTime: 'Cycle time',
    cycleTimeText: (median: string, p85: string, count: string) =>
      `Median ${median}, 85th percentile ${p85}, over ${count}.`,
    scopeChange: 'Scope change',
    scopeAdded: (items: string, points: string) =>
      `${items} (${points}) joined after the sprint had started.`,
    noScopeChange: 'No item joined after the sprint had started.',
    added: 'Added',
    incidents: 'Incidents during the sprint',
    prompts: 'Questions for the team',
    promptWell: 'What helped us finish what we finished?',
    promptCarried: (items: string) =>
      `Why were ${items} carried over: too big, blocked, or deprioritised?`,
    promptScope:
      'Where did the added work come from, and could it have waited?',
    promptIncidents: (incidents: string) =>
      `How did ${incidents} during the sprint change our plan?`,
    promptCycle:
      'Which item took the longest, and what would have made it shorter?',
    promptNext: 'What one thing do we change in the next sprint?',
  },
  process: {
    title: (name: string) => `Delivery process: ${name}`,
    owner: (owner: string) => `Owner: ${owner}.`,
    stages: 'Stages',
    stage: 'Stage',
    description: 'Description',
    gates: 'Quality gates',
    gate: 'Gate',
    requirement: 'Requirement',
    blocking: 'Blocking',
    yes: 'yes',
    no: 'no, advisory',
    orgTarget: (target: string) => `organisation target ${target}`,
    noGates: 'No quality gates are configured.',
    strategy: 'Deployment strategy',
    strategies: {
      'blue-green': 'Blue-green deployment',
      canary: 'Canary release',
      rolling: 'Rolling update',
      'feature-flag': 'Feature flags',
      recreate: 'Recreate',
    },
    steps: 'Steps',
    rollback: 'Rollback',
    rollbackTriggers: 'When to roll back',
    rollbackTime: (minutes: string) => `Maximum time to roll back: ${minutes}.`,
    notConfigured: 'Not configured.',
  },
};

export type ReportMessages = typeof en;
