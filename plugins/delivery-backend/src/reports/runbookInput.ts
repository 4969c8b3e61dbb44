import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  RunbookInput,
  SloDefinition,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DELIVERY_ANNOTATION_PREFIX } from '../metrics';

const ROLLBACK_ANNOTATION = `${DELIVERY_ANNOTATION_PREFIX}rollback`;

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];

const optionalString = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * What the catalog and the SLO definitions say about a service, as the shared runbook renderer
 * (the golden path's `delivery:runbook:create` uses it too) takes it. Nothing is invented: what the
 * entity does not say stays empty, and the runbook shows it as a gap.
 */
export function runbookInputFromEntity(
  entity: Entity,
  slos: SloDefinition[],
  generatedAt: Date,
): RunbookInput {
  const annotations = entity.metadata.annotations ?? {};
  const spec = entity.spec ?? {};
  const links = entity.metadata.links ?? [];
  const rollbackLinks = [
    ...(annotations[ROLLBACK_ANNOTATION] ?? '')
      .split(',')
      .map(url => url.trim())
      .filter(Boolean),
    ...links.filter(l => l.type === 'rollback').map(l => l.url),
  ];
  const pagerDuty = annotations['pagerduty.com/service-id'];
  const opsgenie = annotations['opsgenie.com/component-selector'];
  let onCall: RunbookInput['onCall'];
  if (pagerDuty) {
    onCall = { tool: 'PagerDuty', primary: `PagerDuty service ${pagerDuty}` };
  } else if (opsgenie) {
    onCall = { tool: 'Opsgenie', primary: opsgenie };
  }

  return {
    service: entity.metadata.name,
    description: optionalString(entity.metadata.description),
    owner: optionalString(spec.owner),
    system: optionalString(spec.system),
    lifecycle: optionalString(spec.lifecycle),
    onCall,
    slos: slos.map(slo => ({
      name: slo.displayName ?? slo.name,
      objective: slo.objective,
      window: `${slo.windowDays}d`,
      description: slo.description,
    })),
    dashboards: links
      .filter(l => l.type !== 'rollback')
      .map(l => ({ title: l.title ?? l.url, url: l.url })),
    rollback:
      rollbackLinks.length > 0
        ? { steps: [...new Set(rollbackLinks)] }
        : undefined,
    dependencies: stringsOf(spec.dependsOn).map(ref => {
      try {
        const parsed = parseEntityRef(ref, { defaultKind: 'component' });
        return {
          name: parsed.name,
          kind: parsed.kind.toLocaleLowerCase('en-US'),
        };
      } catch {
        return { name: ref };
      }
    }),
    revision: { date: generatedAt.toISOString().slice(0, 10) },
  };
}
