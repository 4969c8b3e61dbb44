/** Strings of the entity scorecard card and the Delivery tab (English). */
export const entityMessages = {
  entity: {
    cardTitle: 'DORA scorecard',
    p90: 'p90: {{value}}',
    p85: 'p85: {{value}}',
    statistic: {
      mean: 'Mean',
      median: 'Median',
    },
    deploymentDays: 'Median week: {{value}} deployment days',
    recovery: 'Failed deployment recovery ({{statistic}}): {{value}}',
    howComputed: {
      title: 'How this is computed',
      calendar:
        'Deployment frequency is per working day: {{workingDays}} working days in the window, time zone {{timeZone}}, holidays: {{holidays}}. Its level comes from the days with a deployment in the median whole week.',
      noHolidays: 'none',
      statistics:
        'Time to restore is the mean over resolved incidents (MTTR); lead time and failed deployment recovery time are medians. Rework counts hotfixes, rollbacks and deployments that fix incidents.',
      incidents:
        'Incidents in the window: {{declared}} name the deployment that caused them, {{inferred}} are attributed to the latest deployment of the same service in the {{hours}} h before them, {{none}} have no cause.',
      deployments: 'Deployments without any change: {{count}}.',
      excluded:
        'Changes left out of lead time (merged or deployed before their first commit): {{count}}.',
    },
    noData: 'No delivery data for this entity from {{from}} to {{to}}.',
    howToConnect:
      'Install a provider module (GitHub, GitLab, PagerDuty, …) or post deployments, changes and incidents from your CI to {{endpoint}}.',
    tab: {
      title: 'Delivery',
    },
    charts: {
      title: 'Last 6 months, week by week',
      description:
        'One point per week (weeks start on Monday in the calendar’s time zone), whatever window is selected above. The dashed line is the target.',
      summary_one: '{{count}} week, latest {{value}}',
      summary_other: '{{count}} weeks, latest {{value}}',
      summaryNoData_one: '{{count}} week, no data',
      summaryNoData_other: '{{count}} weeks, no data',
      weekOf: 'Week of {{date}}',
      target: 'Target',
      axisPerWeek: 'per week',
      axisPerWorkingDay: 'per working day',
      axisHours: 'hours',
      axisDays: 'days',
      axisPercent: '%',
      axisPer30Days: 'per 30 days',
      axisCount: 'count',
    },
    histogram: {
      title: 'Lead time distribution',
      description:
        'Changes first shipped to production in the window, by time from first commit to deployment.',
      bucket: 'Lead time',
      changes: 'Changes',
      changeCount_one: '{{count}} change',
      changeCount_other: '{{count}} changes',
      lessThan1h: '< 1 h',
      from1hTo24h: '1–24 h',
      from1dTo7d: '1–7 d',
      from7dTo30d: '7–30 d',
      atLeast30d: '≥ 30 d',
      empty: 'No change was shipped to production in this window.',
    },
    flow: {
      title: 'Flow and quality',
      metric: 'Metric',
      value: 'Value',
      target: 'Target',
      trend: 'Trend',
      sampleSize: 'Sample size',
      empty:
        'No work items or quality snapshots in this window: post them to the ingestion API to see flow and quality.',
    },
    records: {
      truncated:
        'Some lists were cut at the backend’s limit and show only the newest records; the metrics still count every record.',
      opensInNewTab: '(opens in a new tab)',
      yes: 'Yes',
      no: 'No',
      deployments: {
        title: 'Deployments',
        id: 'Deployment',
        environment: 'Environment',
        status: 'Status',
        failed: 'Failed in production',
        finished: 'Finished',
        changes: 'Changes',
        empty: 'No deployment in this window.',
      },
      status: {
        success: 'Succeeded',
        failure: 'Failed in the pipeline',
        rolled_back: 'Rolled back',
      },
      changes: {
        title: 'Changes',
        change: 'Change',
        author: 'Author',
        firstCommit: 'First commit',
        deployed: 'Deployed',
        leadTime: 'Lead time',
        deployment: 'Deployment',
        empty: 'No change shipped in this window.',
      },
      incidents: {
        title: 'Incidents',
        incident: 'Incident',
        severity: 'Severity',
        opened: 'Opened',
        resolved: 'Resolved',
        stillOpen: 'Still open',
        timeToRestore: 'Time to restore',
        causedBy: 'Caused by deployment',
        empty: 'No incident in this window.',
      },
    },
  },
} as const;
