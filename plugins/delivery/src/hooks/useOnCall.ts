import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../api';

/**
 * Who is on call for the entity now, from the backend's on-call providers. The lists are read
 * defensively so that a partial answer shows what it has.
 */
export function useOnCall(entityRef: string) {
  const deliveryApi = useApi(deliveryApiRef);
  const state = useAsyncRetry(
    () => deliveryApi.getOnCall(entityRef),
    [deliveryApi, entityRef],
  );
  return {
    ...state,
    shifts: state.value?.items ?? [],
    errors: state.value?.errors ?? [],
  };
}
