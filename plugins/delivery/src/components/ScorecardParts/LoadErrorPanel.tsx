import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { deliveryTranslationRef } from '../../translation';

/** The backend's (or catalog's) error, with a way to try again. */
export const LoadErrorPanel = ({
  error,
  title,
  onRetry,
}: {
  error: Error;
  title?: string;
  onRetry?: () => void;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  return (
    <Box>
      <ResponseErrorPanel error={error} title={title} />
      {onRetry && (
        <Box mt={1}>
          <Button variant="outlined" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Box>
      )}
    </Box>
  );
};
