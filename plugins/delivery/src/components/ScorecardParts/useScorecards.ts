import { useApi } from '@backstage/frontend-plugin-api';
import { Scorecard } from '@delivery-insights/backstage-plugin-delivery-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef, WindowQuery } from '../../api';
import { fetchScorecards } from './scorecardMetrics';

/**
 * The scorecards of many entities over a window, fetched in batches of at most 200 refs. Until the
 * answer for exactly these refs and this window is in, it reports loading (never a stale map).
 */
export function useScorecards(
  entityRefs: readonly string[],
  window: WindowQuery,
): {
  value?: Map<string, Scorecard>;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const deliveryApi = useApi(deliveryApiRef);
  const state = useAsyncRetry(
    async () => ({
      refs: entityRefs,
      window,
      scorecards: await fetchScorecards(deliveryApi, entityRefs, window),
    }),
    [deliveryApi, entityRefs, window],
  );
  const current =
    state.value?.refs === entityRefs && state.value?.window === window;
  return {
    value: current ? state.value?.scorecards : undefined,
    loading: state.loading || (!state.error && !current),
    error: state.error,
    retry: state.retry,
  };
}
