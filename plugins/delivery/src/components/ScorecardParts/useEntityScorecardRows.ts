import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Scorecard } from '@delivery-insights/backstage-plugin-delivery-common';
import { useMemo } from 'react';
import { WindowQuery } from '../../api';
import { entityDisplayName } from './catalogEntities';
import { useScorecards } from './useScorecards';

/** A table row: a catalog entity with its scorecard once loaded. */
export type EntityScorecardRow = {
  id: string;
  entityRef: string;
  name: string;
  scorecard?: Scorecard;
};

/** The scorecards of a list of catalog entities over a window, as rows for a table. */
export function useEntityScorecardRows(
  entities: Entity[] | undefined,
  window: WindowQuery,
) {
  const refs = useMemo(
    () => (entities ?? []).map(entity => stringifyEntityRef(entity)),
    [entities],
  );
  const scorecards = useScorecards(refs, window);
  const rows = useMemo<EntityScorecardRow[]>(
    () =>
      (entities ?? []).map(entity => {
        const entityRef = stringifyEntityRef(entity);
        return {
          id: entityRef,
          entityRef,
          name: entityDisplayName(entity),
          scorecard: scorecards.value?.get(entityRef),
        };
      }),
    [entities, scorecards.value],
  );
  return { rows, scorecards };
}
