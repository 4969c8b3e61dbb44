import { Entity } from '@backstage/catalog-model';

/** Comma-separated environment names that count as production for the entity (default `production`). @public */
export const PRODUCTION_ENVIRONMENTS_ANNOTATION =
  'delivery-insights.io/production-environments';

/** Comma-separated GitHub Actions workflow files whose successful runs are the entity's deployments. @public */
export const DEPLOY_WORKFLOW_ANNOTATION =
  'delivery-insights.io/deploy-workflow';

const listAnnotation = (entity: Entity, annotation: string) =>
  (entity.metadata.annotations?.[annotation] ?? '')
    .split(',')
    .map(value => value.trim())
    .filter(Boolean);

/** The entity's production environment names, lower case. @public */
export function productionEnvironmentsOf(entity: Entity): string[] {
  const listed = listAnnotation(entity, PRODUCTION_ENVIRONMENTS_ANNOTATION);
  return (listed.length > 0 ? listed : ['production']).map(name =>
    name.toLowerCase(),
  );
}

/**
 * The environment a deployment is stored under: `production` for any of the entity's production
 * environment names (the metrics count only those), the upstream name otherwise.
 *
 * @public
 */
export function normalizeEnvironment(entity: Entity, upstream: string): string {
  return productionEnvironmentsOf(entity).includes(upstream.toLowerCase())
    ? 'production'
    : upstream;
}

/** The deploy workflow files named by the entity, if any. @public */
export function deployWorkflowsOf(entity: Entity): string[] {
  return listAnnotation(entity, DEPLOY_WORKFLOW_ANNOTATION);
}

/** The values of a comma-separated annotation such as `pagerduty.com/service-id`. @public */
export function annotationValues(entity: Entity, annotation: string): string[] {
  return listAnnotation(entity, annotation);
}
