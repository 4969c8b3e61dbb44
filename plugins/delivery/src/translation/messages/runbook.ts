/** Strings of the runbook and on-call card and the team's runbook and SLO gaps (English). */
export const runbookMessages = {
  runbook: {
    cardTitle: 'Runbook and on-call',
    runbooks: 'Runbooks',
    missing: 'This service has no runbook',
    missingHint:
      'Responders need one at hand during an incident. Link it as an entity link of type runbook or in the {{annotation}} annotation, or create one from the golden-path template.',
    create: 'Create a runbook',
    rollback: 'Rollback procedure',
    noRollback: 'No rollback procedure linked (link type rollback)',
    dashboards: 'Dashboards',
    noDashboards: 'No dashboards linked (link type dashboard)',
    onCall: {
      title: 'On call now',
      none: 'No on-call provider configured for this service',
      noneHint:
        'Annotate it with pagerduty.com/service-id or opsgenie.com/team, with the PagerDuty or Opsgenie module configured in the backend.',
      level: 'Level {{level}}',
      until: 'until {{time}}',
      providerErrors_one: '{{count}} on-call provider did not answer',
      providerErrors_other: '{{count}} on-call providers did not answer',
      providerError: '{{provider}}: {{message}}',
    },
    team: {
      heading: 'Runbooks and SLOs',
      description:
        'Every service should have a runbook one click away and an SLO. These services of the team lack one or both.',
      tableLabel: 'Team services without a runbook or an SLO',
      summary_one: '{{count}} of {{total}} services lacks a runbook or an SLO',
      summary_other: '{{count}} of {{total}} services lack a runbook or an SLO',
      complete: 'Every service of this team has a runbook and an SLO',
      serviceColumn: 'Service',
      runbookColumn: 'Runbook',
      sloColumn: 'SLO',
      actionColumn: 'Fix',
      present: 'Yes',
      absent: 'Missing',
      defineSlo: 'Define SLOs in {{annotation}}',
    },
  },
} as const;
