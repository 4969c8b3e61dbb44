/** Strings of the error-budget policy on the SLO card (English). */
export const policyMessages = {
  policy: {
    title: 'Error-budget policy',
    states: {
      normal: 'Normal: deployments allowed',
      warn: 'Warning: budget running low',
      freeze: 'Freeze: deployments blocked',
    },
    frozenWithException: 'Freeze: deployments allowed by an exception',
    reasonsLabel: 'Why',
    activeException:
      'Active exception ({{kind}}) until {{until}}, granted by {{by}}',
    activeExceptionForDeployment:
      'Active exception ({{kind}}) for deployment {{deployment}} until {{until}}, granted by {{by}}',
    pending_one: '{{count}} exception request awaiting a decision',
    pending_other: '{{count}} exception requests awaiting a decision',
    reasonKinds: {
      'p0-fix': 'P0 fix',
      'security-patch': 'security patch',
      other: 'other',
    },
    requestButton: 'Request an exception',
    unavailable: 'The policy state could not be loaded: {{message}}',
    records: {
      column: 'Error budget',
      freezeViolation: 'Deployed during a freeze without an exception',
      impact:
        '{{slo}}: {{after}} of the budget burned in the {{hours}} h after, {{before}} in the {{hours}} h before',
      impactNoData:
        '{{slo}}: no events in the SLO window before the deployment',
    },
    dialog: {
      title: 'Request an exception to the freeze',
      intro:
        'A freeze stops releases until the error budget recovers. Exceptions are for P0 fixes and security patches; the request is kept with your name and the reason.',
      reasonKind: 'Reason',
      reasonKindOptions: {
        'p0-fix': 'P0 fix',
        'security-patch': 'Security patch',
        other: 'Other',
      },
      justification: 'Justification',
      justificationHelp:
        'Why this deployment cannot wait (at least 10 characters)',
      scope: 'Scope',
      scopeDeployment: 'One deployment',
      scopeUntil: 'All deployments until a time',
      deploymentId: 'Deployment ID',
      deploymentIdHelp: 'As the CI system reports it, e.g. checkout-1234',
      until: 'Until',
      untilHelp: 'At most 14 days ahead',
      cancel: 'Cancel',
      submit: 'Send request',
      submitted: 'Request sent: an approver will grant or refuse it.',
      failed: 'The request was not stored: {{message}}',
    },
  },
} as const;
