import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  MetricKey,
  MetricUnit,
  Scorecard,
  renderRunbook,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { RecordListQuery } from '../database/RecordListQuery';
import { ReportRecordsQuery } from '../database/ReportRecordsQuery';
import {
  DEFAULT_WINDOW_DAYS,
  DAY_MS,
  LevelThresholds,
  MetricTargets,
  TimeWindow,
  defaultCalendar,
  defaultStatistics,
  emptyWindowInputs,
  computeScorecard,
  mergeTargets,
  performanceLevel,
  targetMet,
  targetOverridesFromAnnotations,
} from '../metrics';
import { EntityScope, ResolvedScope } from '../service/EntityScope';
import { EntityReadAccess, readAll } from '../service/ReadAccess';
import { ScorecardService } from '../service/ScorecardService';
import { SloService } from '../service/SloService';
import { runbookInputFromEntity } from './runbookInput';
import { reportLocale } from './i18n';
import { ReportRequest } from './reportRequest';
import { quartersBefore } from './period';
import { readProcess } from './processConfig';
import { renderCapacity, QuarterHistory } from './renderers/capacity';
import { renderDeliveryMetrics } from './renderers/deliveryMetrics';
import { renderPipeline } from './renderers/pipeline';
import { renderPostmortem } from './renderers/postmortem';
import { renderProcess } from './renderers/process';
import { renderQualityReport } from './renderers/qualityReport';
import { renderRetrospective, sprintSpan } from './renderers/retrospective';
import { ReportSubject } from './renderers/shared';

/** A rendered report: its file name (without directory) and its Markdown. */
export type RenderedReport = { fileName: string; markdown: string };

/** How many past quarters the capacity forecast is measured over. */
const CAPACITY_QUARTERS = 4;

const subjectOf = (entity: Entity): ReportSubject => ({
  entityRef: stringifyEntityRef(entity),
  title: entity.metadata.title ?? entity.metadata.name,
});

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);

/**
 * Gathers what each report shows and renders it. Every metric a report shares with the scorecard
 * (values, samples, levels, targets, trends) is read from `ScorecardService` for the report's
 * window, so a report and GET .../scorecard for the same window show the same numbers.
 */
export class ReportService {
  constructor(
    private readonly options: {
      config: Config;
      entityScope: EntityScope;
      scorecards: ScorecardService;
      slos: SloService;
      recordLists: RecordListQuery;
      reportRecords: ReportRecordsQuery;
      levels: LevelThresholds;
      targets: MetricTargets;
      now?: () => Date;
      /** The entities the caller may read; a report needs every entity it counts. */
      access?: EntityReadAccess;
    },
  ) {}

  /** This service for a caller who may read only some entities. */
  forCaller(access: EntityReadAccess): ReportService {
    return access.all ? this : new ReportService({ ...this.options, access });
  }

  async render(request: ReportRequest): Promise<RenderedReport> {
    const locale = reportLocale(request.language);
    const generatedAt = this.options.now?.() ?? new Date();
    switch (request.report) {
      case 'delivery-metrics': {
        const scope = await this.resolve(request.entityRef);
        const scorecard = await this.scorecard(scope, request.period.window);
        const kind = scope.entity.kind.toLocaleLowerCase('en-US');
        const children =
          kind === 'system' || kind === 'group'
            ? await Promise.all(
                scope.entityRefs
                  .filter(ref => ref.startsWith('component:'))
                  .map(async ref => ({
                    subject: { entityRef: ref, title: ref.split('/').at(-1)! },
                    scorecard: await this.options.scorecards.forEntity(
                      ref,
                      request.period.window,
                    ),
                  })),
              )
            : null;
        return {
          fileName: `delivery-metrics-${request.period.id}.md`,
          markdown: renderDeliveryMetrics(
            {
              subject: subjectOf(scope.entity),
              period: request.period,
              scorecard,
              children,
              generatedAt,
            },
            locale,
          ),
        };
      }
      case 'quality-report': {
        const scope = await this.resolve(request.entityRef);
        const window = request.period.window;
        const [scorecard, incidents] = await Promise.all([
          this.scorecard(scope, window),
          this.options.scorecards.incidents(scope.entityRefs, window),
        ]);
        return {
          fileName: `quality-report-${request.period.id}.md`,
          markdown: renderQualityReport(
            {
              subject: subjectOf(scope.entity),
              period: request.period,
              scorecard,
              incidents: [...incidents].reverse(),
              generatedAt,
            },
            locale,
          ),
        };
      }
      case 'postmortem':
        return this.postmortem(request, locale, generatedAt);
      case 'pipeline': {
        const scope = await this.resolve(request.entityRef);
        const window = request.period?.window ?? {
          from: new Date(generatedAt.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS),
          to: generatedAt,
        };
        const [scorecard, deployments] = await Promise.all([
          this.scorecard(scope, window),
          this.options.reportRecords.deployments(scope.entityRefs, window),
        ]);
        return {
          fileName: `pipeline-${scope.entity.metadata.name}.md`,
          markdown: renderPipeline(
            {
              subject: subjectOf(scope.entity),
              scorecard,
              deployments,
              generatedAt,
            },
            locale,
          ),
        };
      }
      case 'runbook': {
        const scope = await this.resolve(request.entityRef);
        const { slos } = await this.options.slos.forEntity(
          scope.entityRef,
          generatedAt,
        );
        return {
          fileName: `runbook-${scope.entity.metadata.name}.md`,
          // The golden path's scaffolder action renders with the same function.
          markdown: renderRunbook(
            runbookInputFromEntity(
              scope.entity,
              slos.map(slo => slo.definition),
              generatedAt,
            ),
            request.language,
          ),
        };
      }
      case 'capacity':
        return this.capacity(request, locale, generatedAt);
      case 'retrospective': {
        const scope = await this.resolve(request.entityRef);
        const items = await this.options.reportRecords.sprintItems(
          scope.entityRefs,
          request.sprint,
        );
        if (items.length === 0) {
          throw new NotFoundError(
            `No work items of sprint "${request.sprint}" for ${scope.entityRef}`,
          );
        }
        const span = sprintSpan(items, generatedAt);
        const incidents = (
          await this.options.scorecards.incidents(scope.entityRefs, span)
        )
          .filter(incident => new Date(incident.openedAt) >= span.from)
          .reverse();
        return {
          fileName: `retrospective-${request.sprint}.md`,
          markdown: renderRetrospective(
            {
              subject: subjectOf(scope.entity),
              sprint: request.sprint,
              items,
              incidents,
              generatedAt,
            },
            locale,
          ),
        };
      }
      case 'process': {
        const process = readProcess(this.options.config, request.name);
        return {
          fileName: `process-${request.name}.md`,
          markdown: renderProcess(
            {
              process,
              targets: this.options.targets,
              units: this.metricUnits(),
              generatedAt,
            },
            locale,
          ),
        };
      }
      default:
        throw new InputError(
          `Unknown report ${(request as { report: string }).report}`,
        );
    }
  }

  private async resolve(entityRef: string) {
    const scope = await this.options.entityScope.resolve(entityRef);
    const access = this.options.access ?? readAll;
    if (!access.all) {
      const readable = await access.readable(scope.entityRefs);
      const hidden = scope.entityRefs.length - readable.length;
      if (hidden > 0) {
        throw new NotAllowedError(
          `Not allowed to read delivery metrics of ${hidden} of the ${scope.entityRefs.length} entities a report of ${scope.entityRef} counts (delivery.scorecard.read)`,
        );
      }
    }
    return scope;
  }

  private scorecard(
    scope: ResolvedScope,
    window: TimeWindow,
  ): Promise<Scorecard> {
    return this.options.scorecards.forEntity(scope.entityRef, window);
  }

  private async postmortem(
    request: Extract<ReportRequest, { report: 'postmortem' }>,
    locale: ReturnType<typeof reportLocale>,
    generatedAt: Date,
  ): Promise<RenderedReport> {
    const { reportRecords } = this.options;
    const found = await reportRecords.incidentsById(
      request.incidentId,
      request.source,
    );
    if (found.length === 0) {
      throw new NotFoundError(
        `No incident "${request.incidentId}"${
          request.source ? ` from source "${request.source}"` : ''
        }`,
      );
    }
    if (found.length > 1) {
      throw new InputError(
        `Missing query parameter source: incident "${
          request.incidentId
        }" exists in several sources (${found
          .map(incident => incident.source)
          .join(', ')})`,
      );
    }
    const [incident] = found;
    const scope = await this.resolve(incident.entityRef);
    const { targets } = targetOverridesFromAnnotations(
      scope.entity.metadata.annotations,
      this.options.targets,
    );
    const target =
      mergeTargets(this.options.targets, targets).timeToRestore ?? null;
    const hours = incident.resolvedAt
      ? (new Date(incident.resolvedAt).getTime() -
          new Date(incident.openedAt).getTime()) /
        3_600_000
      : null;
    const deployment = incident.causedByDeploymentId
      ? await reportRecords.deployment(
          incident.source,
          incident.causedByDeploymentId,
        )
      : undefined;
    const changes = deployment
      ? await reportRecords.changes(deployment.source, deployment.changeIds)
      : [];
    return {
      fileName: `postmortem-${incident.id}.md`,
      markdown: renderPostmortem(
        {
          subject: subjectOf(scope.entity),
          incident,
          cause: deployment ? { deployment, changes } : null,
          target,
          met: targetMet(hours, target),
          level: performanceLevel('timeToRestore', hours, this.options.levels),
          generatedAt,
        },
        locale,
      ),
    };
  }

  private async capacity(
    request: Extract<ReportRequest, { report: 'capacity' }>,
    locale: ReturnType<typeof reportLocale>,
    generatedAt: Date,
  ): Promise<RenderedReport> {
    const scope = await this.resolve(request.entityRef);
    const members = relationTargets(scope.entity, RELATION_HAS_MEMBER).length;
    const teamSize = request.teamSize ?? members;
    if (!(teamSize > 0)) {
      throw new InputError(
        `Missing query parameter teamSize: ${scope.entityRef} has no members in the catalog to count`,
      );
    }
    const referenceTeamSize =
      request.referenceTeamSize ?? (members > 0 ? members : teamSize);
    const subTeams = relationTargets(scope.entity, RELATION_PARENT_OF).filter(
      ref => ref.startsWith('group:'),
    );
    const quarters = quartersBefore(request.period, CAPACITY_QUARTERS);
    const teams = await Promise.all(
      [scope.entityRef, ...subTeams].map(async ref => {
        const team = ref === scope.entityRef ? scope : await this.resolve(ref);
        const history = await Promise.all(
          quarters.map(async (quarter): Promise<QuarterHistory> => {
            const [scorecard, points] = await Promise.all([
              this.scorecard(team, quarter.window),
              this.options.reportRecords.completedPoints(
                team.entityRefs,
                quarter.window,
              ),
            ]);
            return {
              quarter,
              items: scorecard.flow.throughput.sampleSize,
              itemsPerWeek: scorecard.flow.throughput.value,
              points,
            };
          }),
        );
        return { subject: subjectOf(team.entity), history };
      }),
    );
    return {
      fileName: `capacity-${request.period.id}.md`,
      markdown: renderCapacity(
        {
          subject: subjectOf(scope.entity),
          quarter: request.period,
          parameters: {
            teamSize,
            referenceTeamSize,
            holidays: request.holidays ?? 0,
            focusFactor: request.focusFactor ?? 1,
          },
          teams,
          generatedAt,
        },
        locale,
      ),
    };
  }

  /** Each metric's unit, read off a scorecard so the unit is defined in one place only. */
  private metricUnits(): Record<MetricKey, MetricUnit> {
    const day = { from: new Date(0), to: new Date(DAY_MS) };
    const scorecard = computeScorecard({
      entityRef: null,
      entityRefs: [],
      window: day,
      current: emptyWindowInputs,
      previous: emptyWindowInputs,
      levels: this.options.levels,
      targets: {},
      calendar: defaultCalendar,
      statistics: defaultStatistics,
      attributionWindowHours: 0,
    });
    return Object.fromEntries(
      [scorecard.dora, scorecard.flow, scorecard.quality].flatMap(section =>
        Object.entries(section).map(([key, metric]) => [key, metric.unit]),
      ),
    ) as Record<MetricKey, MetricUnit>;
  }
}
