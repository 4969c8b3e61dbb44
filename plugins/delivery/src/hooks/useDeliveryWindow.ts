import { MetricWindow } from '@delivery-insights/backstage-plugin-delivery-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DEFAULT_WINDOW_PRESET,
  isWindowPreset,
  presetWindow,
  WindowPreset,
} from './windowPresets';

/**
 * The window a view shows, kept in the URL so that a view can be shared: `?window=90d`, or an
 * exact `?from=...&to=...` which wins over a preset.
 */
export function useDeliveryWindow(): {
  preset: WindowPreset | 'custom';
  window: MetricWindow;
  setPreset: (preset: WindowPreset) => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const from = searchParams.get('from');
  const to = searchParams.get('to');
  const requested = searchParams.get('window');
  const preset = isWindowPreset(requested) ? requested : DEFAULT_WINDOW_PRESET;

  const window = useMemo(
    () => (from && to ? { from, to } : presetWindow(preset, new Date())),
    [from, to, preset],
  );

  const setPreset = useCallback(
    (next: WindowPreset) =>
      setSearchParams(
        params => {
          params.delete('from');
          params.delete('to');
          params.set('window', next);
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return { preset: from && to ? 'custom' : preset, window, setPreset };
}
