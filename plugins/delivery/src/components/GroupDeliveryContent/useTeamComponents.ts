import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { catalogFields } from '../ScorecardParts';

/**
 * Every component the team owns, asked of the catalog once for the whole Delivery tab: the
 * services table and the SLOs at risk share the answer.
 */
export function useTeamComponents(groupRef: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<Entity[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'component', 'relations.ownedBy': groupRef },
      fields: catalogFields,
    });
    return items;
  }, [catalogApi, groupRef]);
}

/** The catalog's answer for the team's components, as the tab's sections receive it. */
export type TeamComponentsState = ReturnType<typeof useTeamComponents>;
