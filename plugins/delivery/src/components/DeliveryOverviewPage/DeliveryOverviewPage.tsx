import { Content } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Grid from '@material-ui/core/Grid';
import { WindowSelector } from '../WindowSelector';
import { BackendStatus } from './BackendStatus';
import { OrganizationHeadline } from './OrganizationHeadline';
import { ServiceLevels } from './ServiceLevels';
import { TeamRanking } from './TeamRanking';

/**
 * The body of the organisation overview at /delivery (the page blueprint draws the header): the
 * organisation's four keys, the teams ranked, the services spread over the levels (filtered by
 * owner, system and lifecycle) and, at the bottom, the backend's status.
 *
 * @public
 */
export const DeliveryOverviewPage = () => (
  <Content>
    <Grid container spacing={4}>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end">
          <WindowSelector />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <OrganizationHeadline />
      </Grid>
      <Grid item xs={12}>
        <TeamRanking />
      </Grid>
      <Grid item xs={12}>
        <ServiceLevels />
      </Grid>
      <Grid item xs={12}>
        <Divider />
        <Box mt={2}>
          <BackendStatus />
        </Box>
      </Grid>
    </Grid>
  </Content>
);
