import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LoadErrorPanel } from './LoadErrorPanel';

/** A titled section whose data could not be loaded: its heading, the error and a retry. */
export const SectionLoadError = ({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: Error;
  onRetry: () => void;
}) => (
  <Box component="section" aria-label={title}>
    <Typography variant="h5" component="h2" gutterBottom>
      {title}
    </Typography>
    <LoadErrorPanel error={error} onRetry={onRetry} />
  </Box>
);

/** Table options shared by the team and service tables: dense, paged beyond 20 rows. */
export const entityTableOptions = (rowCount: number) => ({
  paging: rowCount > 20,
  pageSize: 20,
  search: false,
  padding: 'dense' as const,
  draggable: false,
});
