import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml, { Document, isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { readWorkspaceFile, writeWorkspaceFile } from './workspaceFiles';
import { examples } from './annotateCatalog.examples';

/**
 * The annotations the action writes; README "Annotations" documents each.
 *
 * @public
 */
export const DELIVERY_ANNOTATIONS = {
  sloFile: 'delivery-insights.io/slo-file',
  runbook: 'delivery-insights.io/runbook',
  rollback: 'delivery-insights.io/rollback',
  productionEnvironments: 'delivery-insights.io/production-environments',
  githubProjectSlug: 'github.com/project-slug',
  gitlabProjectSlug: 'gitlab.com/project-slug',
  pagerdutyServiceId: 'pagerduty.com/service-id',
  opsgenieComponentSelector: 'opsgenie.com/component-selector',
  opsgenieTeam: 'opsgenie.com/team',
  techdocsRef: 'backstage.io/techdocs-ref',
} as const;

type Link = { url: string; title?: string; type?: string; icon?: string };

/** Adds `url` to a comma-separated list of URLs unless it is there already. */
function withUrl(list: unknown, url: string): string {
  const urls =
    typeof list === 'string'
      ? list
          .split(',')
          .map(u => u.trim())
          .filter(Boolean)
      : [];
  return (urls.includes(url) ? urls : [...urls, url]).join(',');
}

/** An entity as read from the catalog, without the fields the catalog adds itself. */
function catalogFileOf(entity: Record<string, unknown>) {
  const {
    uid: _uid,
    etag: _etag,
    generation: _generation,
    ...metadata
  } = (entity.metadata ?? {}) as Record<string, unknown>;
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata,
    ...(entity.spec ? { spec: entity.spec } : {}),
  };
}

function findEntityDocument(documents: Document[], name?: string): Document {
  const entities = documents.filter(d => isMap(d.contents));
  const match = name
    ? entities.find(d => d.getIn(['metadata', 'name']) === name)
    : entities[0];
  if (!match) {
    throw new InputError(
      name
        ? `no entity named ${name} in the catalog file`
        : 'the catalog file holds no entity',
    );
  }
  return match;
}

/**
 * `delivery:catalog:annotate`: adds the delivery annotations and links (SLO file, runbook,
 * rollback, provider ids, production environments) to an entity in a catalog-info.yaml of the
 * workspace, keeping the rest of the file – other documents, keys, comments – as it was.
 *
 * @public
 */
export function annotateCatalogAction() {
  return createTemplateAction({
    id: 'delivery:catalog:annotate',
    description:
      'Adds delivery annotations (SLO file, runbook and rollback links, GitHub/GitLab/PagerDuty/Opsgenie ids, production environments) and entity links to catalog-info.yaml in the workspace, preserving the rest of the file.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'The catalog file in the workspace; default catalog-info.yaml',
            ),
        entityName: z =>
          z
            .string()
            .optional()
            .describe(
              'metadata.name of the entity to annotate when the file holds several; default the first',
            ),
        entity: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'The entity as the catalog has it (e.g. the output of catalog:fetch); written as the catalog file when the workspace has none',
            ),
        sloFile: z =>
          z
            .string()
            .optional()
            .describe('OpenSLO file, relative to the catalog file'),
        runbookUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'Runbook URL: added to the runbook annotation and as a link of type runbook',
            ),
        runbookTitle: z => z.string().optional(),
        rollbackUrl: z => z.string().optional(),
        dashboards: z =>
          z
            .array(z.object({ title: z.string(), url: z.string() }))
            .optional()
            .describe('Added as links of type dashboard'),
        githubProjectSlug: z => z.string().optional().describe('owner/repo'),
        gitlabProjectSlug: z => z.string().optional().describe('group/project'),
        pagerdutyServiceId: z => z.string().optional(),
        opsgenieComponentSelector: z => z.string().optional(),
        opsgenieTeam: z =>
          z
            .string()
            .optional()
            .describe('Opsgenie team whose schedules tell who is on call'),
        productionEnvironments: z =>
          z
            .array(z.string())
            .optional()
            .describe('Deployment environments that count as production'),
        techdocs: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Adds backstage.io/techdocs-ref: dir:. for the docs/ folder',
            ),
        annotations: z =>
          z
            .record(z.string())
            .optional()
            .describe('Any other annotations to set'),
      },
      output: {
        path: z => z.string(),
        annotations: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const path = input.path?.trim() || 'catalog-info.yaml';
      let text = await readWorkspaceFile(ctx.workspacePath, path);
      if (text === undefined && input.entity) {
        text = yaml.stringify(catalogFileOf(input.entity));
      }
      if (text === undefined) {
        throw new InputError(`${path} does not exist in the workspace`);
      }
      const documents = yaml.parseAllDocuments(text) as Document[];
      const broken = documents.find(d => d.errors.length > 0);
      if (broken) {
        throw new InputError(
          `${path} is not valid YAML: ${broken.errors[0].message}`,
        );
      }
      const document = findEntityDocument(documents, input.entityName?.trim());

      const set: Record<string, string> = {};
      const present = (v?: string): v is string => !!v && v.trim() !== '';
      const A = DELIVERY_ANNOTATIONS;
      const annotationPath = (key: string) => ['metadata', 'annotations', key];
      if (present(input.sloFile)) set[A.sloFile] = input.sloFile.trim();
      if (present(input.runbookUrl)) {
        set[A.runbook] = withUrl(
          document.getIn(annotationPath(A.runbook)),
          input.runbookUrl.trim(),
        );
      }
      if (present(input.rollbackUrl))
        set[A.rollback] = input.rollbackUrl.trim();
      if (present(input.githubProjectSlug)) {
        set[A.githubProjectSlug] = input.githubProjectSlug.trim();
      }
      if (present(input.gitlabProjectSlug)) {
        set[A.gitlabProjectSlug] = input.gitlabProjectSlug.trim();
      }
      if (present(input.pagerdutyServiceId)) {
        set[A.pagerdutyServiceId] = input.pagerdutyServiceId.trim();
      }
      if (present(input.opsgenieComponentSelector)) {
        set[A.opsgenieComponentSelector] =
          input.opsgenieComponentSelector.trim();
      }
      if (present(input.opsgenieTeam)) {
        set[A.opsgenieTeam] = input.opsgenieTeam.trim();
      }
      const environments = (input.productionEnvironments ?? [])
        .map(e => e.trim())
        .filter(Boolean);
      if (environments.length > 0) {
        set[A.productionEnvironments] = environments.join(',');
      }
      if (input.techdocs) set[A.techdocsRef] = 'dir:.';
      for (const [key, value] of Object.entries(input.annotations ?? {})) {
        if (present(value)) set[key] = value.trim();
      }
      for (const [key, value] of Object.entries(set)) {
        document.setIn(annotationPath(key), value);
      }

      const links: Link[] = [];
      if (present(input.runbookUrl)) {
        links.push({
          url: input.runbookUrl.trim(),
          title: input.runbookTitle?.trim() || 'Runbook',
          type: 'runbook',
          icon: 'docs',
        });
      }
      if (present(input.rollbackUrl)) {
        links.push({
          url: input.rollbackUrl.trim(),
          title: 'Rollback procedure',
          type: 'rollback',
        });
      }
      for (const dashboard of input.dashboards ?? []) {
        if (present(dashboard.url)) {
          links.push({
            url: dashboard.url.trim(),
            title: dashboard.title.trim() || dashboard.url.trim(),
            type: 'dashboard',
            icon: 'dashboard',
          });
        }
      }
      if (links.length > 0) {
        let seq = document.getIn(['metadata', 'links']);
        if (!isSeq(seq)) {
          seq = document.createNode([]) as YAMLSeq;
          document.setIn(['metadata', 'links'], seq);
        }
        const list = seq as YAMLSeq;
        const urls = new Set(
          list.items
            .filter((item): item is YAMLMap => isMap(item))
            .map(item => item.get('url')),
        );
        for (const link of links) {
          if (!urls.has(link.url)) {
            list.add(document.createNode(link));
            urls.add(link.url);
          }
        }
      }

      const output = documents.map(d => d.toString()).join('');
      await writeWorkspaceFile(ctx.workspacePath, path, output);
      ctx.logger.info(
        `Annotated ${document.getIn([
          'metadata',
          'name',
        ])} in ${path}: ${Object.keys(set).join(', ')}`,
      );
      ctx.output('path', path);
      ctx.output('annotations', Object.keys(set));
    },
  });
}
