import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { catalogFields } from '../ScorecardParts';

/**
 * Every component the team owns, asked of the catalog once for the whole Delivery tab: the
 * services table, the SLOs at risk and the runbook and SLO gaps share the answer. The gaps need
 * the annotations and links.
 */
export function useTeamComponents(groupRef: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async (): Promise<Entity[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'component', 'relations.ownedBy': groupRef },
      fields: [...catalogFields, 'metadata.annotations', 'metadata.links'],
    });
    return items;
  }, [catalogApi, groupRef]);
}

/** The catalog's answer for the team's components, as the tab's sections receive it. */
export type TeamComponentsState = ReturnType<typeof useTeamComponents>;
