import { MetricWindow } from '@delivery-insights/backstage-plugin-delivery-common';

export const windowPresets = ['7d', '30d', '90d', 'quarter'] as const;

export type WindowPreset = (typeof windowPresets)[number];

export const DEFAULT_WINDOW_PRESET: WindowPreset = '30d';

const DAY_MS = 86_400_000;

/** The window a preset names, ending at `now`; a quarter starts on its first day, UTC. */
export function presetWindow(preset: WindowPreset, now: Date): MetricWindow {
  const to = now.toISOString();
  if (preset === 'quarter') {
    const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3;
    const from = new Date(Date.UTC(now.getUTCFullYear(), quarterStartMonth, 1));
    return { from: from.toISOString(), to };
  }
  const days = Number(preset.slice(0, -1));
  return { from: new Date(now.getTime() - days * DAY_MS).toISOString(), to };
}

export function isWindowPreset(value: string | null): value is WindowPreset {
  return (windowPresets as readonly (string | null)[]).includes(value);
}
