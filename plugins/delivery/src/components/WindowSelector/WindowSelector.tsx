import { useTranslationRef } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { useId } from 'react';
import { useDeliveryWindow } from '../../hooks/useDeliveryWindow';
import { useMetricFormatter } from '../../hooks/useMetricFormatter';
import { WindowPreset, windowPresets } from '../../hooks/windowPresets';
import { deliveryTranslationRef } from '../../translation';

const presetLabels = {
  '7d': 'window.days7',
  '30d': 'window.days30',
  '90d': 'window.days90',
  quarter: 'window.quarter',
} as const;

/** Chooses the window of the view (7, 30, 90 days, quarter); the choice lives in the URL. */
export const WindowSelector = () => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const { language } = useMetricFormatter();
  const { preset, window, setPreset } = useDeliveryWindow();
  const labelId = useId();
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <FormControl size="small" variant="outlined">
      <InputLabel id={labelId}>{t('window.label')}</InputLabel>
      <Select
        labelId={labelId}
        label={t('window.label')}
        value={preset}
        onChange={event => setPreset(event.target.value as WindowPreset)}
      >
        {windowPresets.map(p => (
          <MenuItem key={p} value={p}>
            {t(presetLabels[p])}
          </MenuItem>
        ))}
        {preset === 'custom' && (
          <MenuItem value="custom" disabled>
            {t('window.range', {
              from: dateFormat.format(new Date(window.from)),
              to: dateFormat.format(new Date(window.to)),
            })}
          </MenuItem>
        )}
      </Select>
    </FormControl>
  );
};
