import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const runbookInput = {
  service: 'payments-api',
  description: 'Accepts card payments for the web shop.',
  owner: 'group:default/team-payments',
  system: 'checkout',
  lifecycle: 'production',
  onCall: {
    primary: 'payments-primary (PagerDuty)',
    escalation: ['payments-secondary', 'Head of Payments'],
    tool: 'PagerDuty',
  },
  slos: [{ name: 'availability', objective: 99.9, window: '30d' }],
  dashboards: [
    { title: 'Grafana', url: 'https://grafana.example.com/d/payments' },
  ],
  deployment: { strategy: 'canary' },
  rollback: { steps: ['Set the canary weight to 0 in Argo Rollouts'] },
  alerts: [
    {
      name: 'PaymentsHighErrorRate',
      diagnosis: 'Check the acquirer status page and the 5xx panel',
      remedy: 'Fail over to the backup acquirer',
    },
  ],
  dependencies: [
    { name: 'postgres-payments', kind: 'database', impact: 'No payments' },
  ],
  disasterRecovery: { rpo: '5 minutes', rto: '1 hour' },
};

export const examples: TemplateExample[] = [
  {
    description: 'A Russian runbook at the default path runbook-{service}.md',
    example: yaml.stringify({
      steps: [
        {
          id: 'runbook',
          action: 'delivery:runbook:create',
          name: 'Write the runbook',
          input: runbookInput,
        },
      ],
    }),
  },
  {
    description: 'An English runbook as the TechDocs page docs/runbook.md',
    example: yaml.stringify({
      steps: [
        {
          id: 'runbook',
          action: 'delivery:runbook:create',
          name: 'Write the runbook',
          input: {
            ...runbookInput,
            language: 'en',
            path: 'docs/runbook.md',
          },
        },
      ],
    }),
  },
];
