import { commonMessagesRu } from './ru/common';
import { entityMessagesRu } from './ru/entity';
import { policyMessagesRu } from './ru/policy';
import { reportMessagesRu } from './ru/reports';
import { runbookMessagesRu } from './ru/runbook';
import { sloMessagesRu } from './ru/slo';
import { syncMessagesRu } from './ru/sync';
import { teamMessagesRu } from './ru/team';

/**
 * The complete Russian translation. The translation ref's loader type requires every English
 * key, so a missing key is a type error; `_few` and `_many` are Russian's extra plural forms.
 */
const deliveryTranslationRu = {
  ...commonMessagesRu,
  ...entityMessagesRu,
  ...policyMessagesRu,
  ...reportMessagesRu,
  ...runbookMessagesRu,
  ...sloMessagesRu,
  ...syncMessagesRu,
  ...teamMessagesRu,
};

export default deliveryTranslationRu;
