import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  MetricTarget,
  MetricUnit,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { useCallback, useEffect, useState } from 'react';
import { formatNumber, toHumanValue } from '../format/formatMetricValue';
import { deliveryTranslationRef } from '../translation';

/** The user's language; re-renders only when it actually changes. */
function useLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const [language, setLanguage] = useState(
    () => languageApi.getLanguage().language,
  );
  useEffect(() => {
    const subscription = languageApi
      .language$()
      .subscribe(next => setLanguage(next.language));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return language;
}

/** Formats metric values and targets in human units, in the user's language. */
export function useMetricFormatter() {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const language = useLanguage();

  const formatValue = useCallback(
    (value: number | null | undefined, unit: MetricUnit): string => {
      if (value === null || value === undefined) {
        return t('common.noValue');
      }
      const human = toHumanValue(value, unit);
      return t(human.key, { value: formatNumber(human.value, language) });
    },
    [t, language],
  );

  const formatTarget = useCallback(
    (target: MetricTarget, unit: MetricUnit): string =>
      t(`comparators.${target.comparator}`, {
        value: formatValue(target.threshold, unit),
      }),
    [t, formatValue],
  );

  return {
    formatValue,
    formatTarget,
    formatNumber: (value: number) => formatNumber(value, language),
    language,
  };
}
