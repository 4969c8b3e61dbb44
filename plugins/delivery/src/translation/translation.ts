import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { commonMessages } from './messages/common';
import { entityMessages } from './messages/entity';
import { policyMessages } from './messages/policy';
import { reportMessages } from './messages/reports';
import { runbookMessages } from './messages/runbook';
import { sloMessages } from './messages/slo';
import { syncMessages } from './messages/sync';
import { teamMessages } from './messages/team';

/**
 * Every string the delivery plugin shows. English is built in; Russian loads on demand.
 *
 * @public
 */
export const deliveryTranslationRef = createTranslationRef({
  id: 'delivery',
  messages: {
    ...commonMessages,
    ...entityMessages,
    ...reportMessages,
    ...runbookMessages,
    ...sloMessages,
    ...syncMessages,
    ...teamMessages,
    ...policyMessages,
  },
  translations: {
    ru: () => import('./ru'),
  },
});
