import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { ReportDownload } from '../ReportDownload';
import { WindowSelector } from '../WindowSelector';
import { FlowQualityTable } from './FlowQualityTable';
import { LeadTimeHistogram } from './LeadTimeHistogram';
import { RecordTables } from './RecordTables';
import { SloSection } from './SloSection';
import { WeeklyCharts } from './WeeklyCharts';

/**
 * The Delivery tab of an entity: the DORA keys week by week over six months, then for the window
 * in the URL the lead-time distribution, flow and quality metrics, and the records behind them.
 */
export const EntityDeliveryContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const deliveryApi = useApi(deliveryApiRef);
  const { window } = useDeliveryWindow();

  const scorecard = useAsync(
    () => deliveryApi.getScorecard(entityRef, window),
    [deliveryApi, entityRef, window.from, window.to],
  );
  const records = useAsync(
    () => deliveryApi.getRecords(entityRef, window),
    [deliveryApi, entityRef, window.from, window.to],
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
        >
          <ReportDownload entity={entity} />
          <WindowSelector />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <SloSection entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <WeeklyCharts entityRef={entityRef} targets={scorecard.value?.dora} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <LeadTimeHistogram records={records} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <FlowQualityTable scorecard={scorecard} />
      </Grid>
      <Grid item xs={12}>
        <RecordTables records={records} />
      </Grid>
    </Grid>
  );
};
