import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { ReactNode } from 'react';

/** A compact empty state: what is missing and what to do about it. */
export const NoticePanel = ({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: ReactNode;
  action?: ReactNode;
}) => (
  <Box display="flex" alignItems="flex-start" py={2} style={{ gap: 12 }}>
    <InfoOutlinedIcon color="action" aria-hidden />
    <Box>
      <Typography variant="subtitle1" component="p">
        {title}
      </Typography>
      {hint && (
        <Typography variant="body2" color="textSecondary">
          {hint}
        </Typography>
      )}
      {action && <Box mt={1}>{action}</Box>}
    </Box>
  </Box>
);
