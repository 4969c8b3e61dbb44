import { Entity, parseEntityRef } from '@backstage/catalog-model';

/**
 * Comma-separated runbook URLs of a service (README "Annotations").
 *
 * @public
 */
export const RUNBOOK_ANNOTATION = 'delivery-insights.io/runbook';
/**
 * Comma-separated URLs of the service's rollback procedure.
 *
 * @public
 */
export const ROLLBACK_ANNOTATION = 'delivery-insights.io/rollback';
/** Inline OpenSLO documents, and a file of them; either means the service has SLOs. */
export const SLOS_ANNOTATION = 'delivery-insights.io/slos';
export const SLO_FILE_ANNOTATION = 'delivery-insights.io/slo-file';

/**
 * The golden-path template that adds a runbook to an existing service.
 *
 * @public
 */
export const ADD_RUNBOOK_TEMPLATE = 'template:default/delivery-add-runbook';

/** A link the card shows: from the entity's `links` or from an annotation. */
export type OperationalLink = { url: string; title?: string };

export type OperationalLinks = {
  runbooks: OperationalLink[];
  rollback: OperationalLink[];
  dashboards: OperationalLink[];
};

const urlsOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map(url => url.trim())
    .filter(Boolean);

const linksOfType = (entity: Entity, type: string): OperationalLink[] =>
  (entity.metadata.links ?? [])
    .filter(
      link =>
        typeof link.url === 'string' &&
        link.url.trim() !== '' &&
        link.type?.toLocaleLowerCase('en-US') === type,
    )
    .map(link => ({ url: link.url.trim(), title: link.title }));

/** Entity links of the type first (they carry titles), then annotation URLs, each URL once. */
const merge = (...lists: OperationalLink[][]): OperationalLink[] => {
  const seen = new Set<string>();
  return lists.flat().filter(link => {
    if (seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
};

/**
 * The runbooks (links of type `runbook` and the `delivery-insights.io/runbook` annotation), the
 * rollback procedure (type `rollback`, `delivery-insights.io/rollback`) and the dashboards (type
 * `dashboard`) of an entity.
 */
export function operationalLinks(entity: Entity): OperationalLinks {
  const annotations = entity.metadata.annotations ?? {};
  const fromAnnotation = (key: string) =>
    urlsOf(annotations[key]).map(url => ({ url }));
  return {
    runbooks: merge(
      linksOfType(entity, 'runbook'),
      fromAnnotation(RUNBOOK_ANNOTATION),
    ),
    rollback: merge(
      linksOfType(entity, 'rollback'),
      fromAnnotation(ROLLBACK_ANNOTATION),
    ),
    dashboards: linksOfType(entity, 'dashboard'),
  };
}

/** Whether the entity defines SLOs the delivery backend reads. */
export function hasSlos(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [SLOS_ANNOTATION, SLO_FILE_ANNOTATION].some(
    key => (annotations[key] ?? '').trim() !== '',
  );
}

/**
 * The scaffolder page of the "add a runbook" template with the service already chosen:
 * `/create/templates/{namespace}/{name}?formData={"entity":"component:default/x"}`.
 */
export function addRunbookPath(
  entityRef: string,
  templateRef: string = ADD_RUNBOOK_TEMPLATE,
): string {
  const { namespace, name } = parseEntityRef(templateRef, {
    defaultKind: 'template',
  });
  const formData = encodeURIComponent(JSON.stringify({ entity: entityRef }));
  return `/create/templates/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}?formData=${formData}`;
}

/** A readable label for a link without a title: host and path. */
export function linkLabel(link: OperationalLink): string {
  if (link.title?.trim()) return link.title.trim();
  try {
    const url = new URL(link.url, 'http://relative.invalid');
    const path = url.pathname.replace(/\/$/, '');
    return url.host === 'relative.invalid' ? path || '/' : `${url.host}${path}`;
  } catch {
    return link.url;
  }
}
