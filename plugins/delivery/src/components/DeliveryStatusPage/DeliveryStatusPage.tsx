import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';

/** Shows whether the delivery backend is reachable, which database it uses and its providers. */
export const DeliveryStatusPage = () => {
  const deliveryApi = useApi(deliveryApiRef);
  const { value, loading, error } = useAsync(() => deliveryApi.getHealth());

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = (
      <InfoCard title="Delivery Insights backend">
        <StructuredMetadataTable
          metadata={{
            status: value.status,
            database: value.database,
            providers: value.providers.length
              ? value.providers.join(', ')
              : 'none installed',
          }}
        />
        {value.providers.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No provider modules are installed yet: records can still be posted
            to the ingestion API.
          </Typography>
        )}
      </InfoCard>
    );
  }

  return <Content>{body}</Content>;
};
