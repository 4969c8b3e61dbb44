import { useApi } from '@backstage/frontend-plugin-api';
import { PolicyException } from '@delivery-insights/backstage-plugin-delivery-common';
import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { PolicyExceptionRequest, deliveryApiRef } from '../api';

/** Exceptions in force now: granted and not yet ended. */
export const activeExceptions = (
  exceptions: PolicyException[],
  now = Date.now(),
) =>
  exceptions.filter(e => e.status === 'granted' && Date.parse(e.until) > now);

/**
 * The entity's error-budget policy now (state, reasons, the gate's decision) and its exceptions;
 * `request` stores a request for an exception and reloads both.
 */
export function useErrorBudgetPolicy(entityRef: string) {
  const deliveryApi = useApi(deliveryApiRef);
  const state = useAsyncRetry(async () => {
    const [gate, exceptions] = await Promise.all([
      deliveryApi.getDeployGate(entityRef),
      deliveryApi.getPolicyExceptions(entityRef),
    ]);
    return { gate, exceptions };
  }, [deliveryApi, entityRef]);
  const { retry } = state;

  // Rejects with the backend's error, for the dialog to show; reloads the policy once stored.
  const request = useCallback(
    async (body: PolicyExceptionRequest) => {
      const created = await deliveryApi.requestPolicyException(entityRef, body);
      retry();
      return created;
    },
    [deliveryApi, entityRef, retry],
  );

  const exceptions = state.value?.exceptions ?? [];
  return {
    loading: state.loading,
    error: state.error,
    retry,
    gate: state.value?.gate,
    active: activeExceptions(exceptions),
    pending: exceptions.filter(e => e.status === 'requested'),
    request,
  };
}
