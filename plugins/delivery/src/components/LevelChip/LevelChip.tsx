import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PerformanceLevel } from '@delivery-insights/backstage-plugin-delivery-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { deliveryTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  elite: {
    backgroundColor: theme.palette.success.dark,
    color: theme.palette.common.white,
  },
  high: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  medium: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  low: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.common.white,
  },
  none: {},
}));

/** A DORA level as a labelled chip: the text carries the meaning, the colour only repeats it. */
export const LevelChip = ({ level }: { level: PerformanceLevel | null }) => {
  const classes = useStyles();
  const { t } = useTranslationRef(deliveryTranslationRef);
  const key = level ?? 'none';
  return (
    <Chip
      size="small"
      className={classes[key]}
      label={t(`levels.${key}`)}
      variant={level ? 'default' : 'outlined'}
    />
  );
};
