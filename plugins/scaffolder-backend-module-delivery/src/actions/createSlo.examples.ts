import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'An availability SLO fed by ingested SLI samples and a latency SLO',
    example: yaml.stringify({
      steps: [
        {
          id: 'slo',
          action: 'delivery:slo:create',
          name: 'Write the SLOs',
          input: {
            service: 'payments-api',
            slos: [
              {
                name: 'availability',
                displayName: 'Payments availability',
                objective: 99.9,
              },
              { name: 'latency', objective: 99, thresholdMs: 300 },
            ],
          },
        },
      ],
    }),
  },
  {
    description: 'An availability SLO read from Prometheus counters',
    example: yaml.stringify({
      steps: [
        {
          id: 'slo',
          action: 'delivery:slo:create',
          name: 'Write the SLO',
          input: {
            service: 'payments-api',
            path: 'slo.yaml',
            slos: [
              {
                name: 'availability',
                objective: 0.999,
                window: '28d',
                prometheus: {
                  good: 'http_requests_total{job="payments",code!~"5.."}',
                  total: 'http_requests_total{job="payments"}',
                },
              },
            ],
          },
        },
      ],
    }),
  },
];
