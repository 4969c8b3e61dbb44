import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  ServiceFilterName,
  ServiceFilters,
  serviceFilterNames,
} from './serviceFilters';

/**
 * The overview's service filters, kept in the URL next to the window (`?owner=group:default/a`)
 * so that a filtered view can be shared.
 */
export function useServiceFilters(): {
  filters: ServiceFilters;
  setFilter: (name: ServiceFilterName, value: string | undefined) => void;
  clearFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const owner = searchParams.get('owner') || undefined;
  const system = searchParams.get('system') || undefined;
  const lifecycle = searchParams.get('lifecycle') || undefined;

  const filters = useMemo(
    () => ({ owner, system, lifecycle }),
    [owner, system, lifecycle],
  );

  const setFilter = useCallback(
    (name: ServiceFilterName, value: string | undefined) =>
      setSearchParams(
        params => {
          if (value) {
            params.set(name, value);
          } else {
            params.delete(name);
          }
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const clearFilters = useCallback(
    () =>
      setSearchParams(
        params => {
          serviceFilterNames.forEach(name => params.delete(name));
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return { filters, setFilter, clearFilters };
}
