import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Point the service at its SLO file, runbook and PagerDuty service',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotate',
          action: 'delivery:catalog:annotate',
          name: 'Add delivery annotations',
          input: {
            sloFile: 'slo.yaml',
            runbookUrl: '/docs/default/component/payments-api/runbook/',
            githubProjectSlug: 'acme/payments-api',
            pagerdutyServiceId: 'P123ABC',
            productionEnvironments: ['production', 'production-eu'],
            techdocs: true,
          },
        },
      ],
    }),
  },
];
