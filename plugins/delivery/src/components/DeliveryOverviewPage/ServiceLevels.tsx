import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useId, useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { deliveryTranslationRef } from '../../translation';
import {
  LoadErrorPanel,
  NoticePanel,
  catalogFields,
  useScorecards,
} from '../ScorecardParts';
import { LevelDistribution } from './LevelDistribution';
import { levelDistribution } from './levelDistribution';
import { ServiceFilterBar } from './ServiceFilterBar';
import { filterComponents, filterOptions } from './serviceFilters';
import { useServiceFilters } from './useServiceFilters';

/** How many services have no value for any of the four keys (the smallest "no data" count). */
const doraNoData = (distribution: ReturnType<typeof levelDistribution>) =>
  Math.min(...Object.values(distribution).map(counts => counts.none));

/**
 * The catalog's components, filtered by owner, system and lifecycle, spread over the DORA levels
 * of each key. Their scorecards are fetched for the filtered refs only, 200 refs per call.
 */
export const ServiceLevels = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const { window } = useDeliveryWindow();
  const { filters, setFilter, clearFilters } = useServiceFilters();
  const headingId = useId();

  const components = useAsyncRetry(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'component' },
      fields: catalogFields,
    });
    return items;
  }, [catalogApi]);

  const options = useMemo(
    () => filterOptions(components.value ?? []),
    [components.value],
  );
  const refs = useMemo(
    () =>
      filterComponents(components.value ?? [], filters).map(entity =>
        stringifyEntityRef(entity),
      ),
    [components.value, filters],
  );

  const scorecards = useScorecards(refs, window);

  const distribution = useMemo(
    () => levelDistribution(refs.map(ref => scorecards.value?.get(ref))),
    [refs, scorecards.value],
  );

  let body;
  if (components.loading || scorecards.loading) {
    body = <Progress />;
  } else if (components.error) {
    body = (
      <LoadErrorPanel error={components.error} onRetry={components.retry} />
    );
  } else if (scorecards.error) {
    body = (
      <LoadErrorPanel error={scorecards.error} onRetry={scorecards.retry} />
    );
  } else if ((components.value ?? []).length === 0) {
    body = (
      <NoticePanel
        title={t('team.noComponents')}
        hint={t('team.noComponentsHint')}
      />
    );
  } else if (refs.length === 0) {
    body = (
      <NoticePanel
        title={t('team.noMatchingComponents')}
        hint={t('team.noMatchingComponentsHint')}
        action={
          <Button variant="outlined" size="small" onClick={clearFilters}>
            {t('team.clearFilters')}
          </Button>
        }
      />
    );
  } else {
    const withoutData = doraNoData(distribution);
    body = (
      <>
        <Typography variant="body2" color="textSecondary">
          {t('team.matchingServices', { count: refs.length })}
        </Typography>
        {withoutData === refs.length && (
          <NoticePanel
            title={t('team.noServiceData')}
            hint={t('team.noServiceDataHint')}
          />
        )}
        <LevelDistribution distribution={distribution} />
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h5" component="h2" id={headingId}>
        {t('team.distributionHeading')}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('team.distributionDescription')}
      </Typography>
      <Box mb={2}>
        <ServiceFilterBar
          filters={filters}
          options={options}
          onChange={setFilter}
          onClear={clearFilters}
        />
      </Box>
      {body}
    </Box>
  );
};
