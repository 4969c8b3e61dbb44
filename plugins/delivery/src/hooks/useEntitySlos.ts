import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../api';

/**
 * An entity's SLOs from the backend. The lists are read defensively, so that a partial answer
 * shows what it has rather than crashing the view.
 */
export function useEntitySlos(entityRef: string) {
  const deliveryApi = useApi(deliveryApiRef);
  const { value, loading, error } = useAsync(
    () => deliveryApi.getSlos(entityRef),
    [deliveryApi, entityRef],
  );
  return {
    value,
    loading,
    error,
    slos: value?.slos ?? [],
    errors: value?.errors ?? [],
  };
}
