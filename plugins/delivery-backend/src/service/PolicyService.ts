import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  DeployGate,
  DeploymentRecord,
  ErrorBudgetPolicy,
  PolicyException,
  PolicyExceptionReasonKind,
  PolicyReason,
  PolicyState,
  SloDefinition,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { PolicyExceptionStore } from '../database/PolicyExceptionStore';
import { DAY_MS } from '../metrics';
import {
  evaluatePolicy,
  exceptionCovers,
  gateDecision,
} from '../policy/evaluatePolicy';
import { entityErrorBudgetPolicy } from '../policy/policySettings';
import { SampleIndex, indexSamples, sloSnapshot } from '../slo/math';
import { SliSourceError } from '../slo/prometheus/PrometheusSliSource';
import { EntityScope } from './EntityScope';
import { SloService } from './SloService';

/** A request for an exception, validated by the router. */
export type ExceptionRequest = {
  reasonKind: PolicyExceptionReasonKind;
  justification: string;
  deploymentId?: string;
  until?: Date;
};

/** How long an exception for one deployment holds when the request names no end. */
export const DEPLOYMENT_EXCEPTION_HOURS = 24;
/** The longest an exception may last. */
export const MAX_EXCEPTION_DAYS = 14;

const HOUR_MS = 3_600_000;

const principalOf = (credentials: BackstageCredentials) => {
  const { principal } = credentials as BackstageCredentials<
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
  >;
  return principal.type === 'user'
    ? principal.userEntityRef
    : principal.subject;
};

const ownersOf = (entity: Entity): string[] => {
  const related = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef);
  const owner = entity.spec?.owner;
  if (related.length === 0 && typeof owner === 'string') {
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      ];
    } catch {
      return [];
    }
  }
  return related;
};

/**
 * The error-budget policy of entities: their state from their SLOs now, the deploy gate, the
 * exceptions owners request and deciders grant, and which past deployments broke a freeze.
 */
export class PolicyService {
  constructor(
    private readonly options: {
      entityScope: EntityScope;
      slos: SloService;
      exceptions: PolicyExceptionStore;
      userInfo: UserInfoService;
      policy: ErrorBudgetPolicy;
    },
  ) {}

  async gate(
    entityRef: string,
    { deploymentId, now = new Date() }: { deploymentId?: string; now?: Date },
  ): Promise<DeployGate> {
    const { entity, entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
    );
    const { policy, problems } = entityErrorBudgetPolicy(
      entity,
      this.options.policy,
    );
    const statuses = await this.options.slos.forEntity(ref, now);
    const evaluation = evaluatePolicy({
      slos: statuses.slos.map(status => ({
        name: status.definition.name,
        remaining: status.remaining,
        alert: status.alert,
      })),
      unavailable: [
        ...statuses.errors,
        ...problems.map(message => ({ message })),
      ],
      policy,
    });
    const exceptions = await this.options.exceptions.list(ref, now);
    const exception =
      exceptions.find(e => exceptionCovers(e, { at: now, deploymentId })) ??
      null;
    const reasons: PolicyReason[] = [...evaluation.reasons];
    if (exception && evaluation.state === 'freeze') {
      const granted = exception.events.find(e => e.action === 'granted');
      reasons.push({
        code: 'exception',
        message: `Exception ${exception.id} (${
          exception.reasonKind
        }) granted by ${granted?.actor} lets ${
          exception.deploymentId === null
            ? 'deployments'
            : `deployment ${exception.deploymentId}`
        } through until ${exception.until}`,
      });
    }
    return {
      entityRef: ref,
      at: now.toISOString(),
      decision: gateDecision(evaluation.state, exception),
      state: evaluation.state,
      reasons,
      slos: evaluation.slos,
      exception,
      policy,
    };
  }

  async listExceptions(
    entityRef: string,
    now = new Date(),
  ): Promise<PolicyException[]> {
    const { entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
    );
    return this.options.exceptions.list(ref, now);
  }

  /**
   * Stores a request from an owner of the entity (a user whose ownership includes one of its
   * owners) or from a caller who may decide exceptions (`mayDecide`).
   */
  async requestException(
    entityRef: string,
    credentials: BackstageCredentials,
    request: ExceptionRequest,
    { mayDecide, now = new Date() }: { mayDecide: boolean; now?: Date },
  ): Promise<PolicyException> {
    const { entity, entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
    );
    if (!mayDecide && !(await this.isOwner(entity, credentials))) {
      throw new NotAllowedError(
        `Only an owner of ${ref} (${
          ownersOf(entity).join(', ') || 'none'
        }) may request an exception to its error-budget policy`,
      );
    }
    const until =
      request.until ??
      new Date(now.getTime() + DEPLOYMENT_EXCEPTION_HOURS * HOUR_MS);
    return this.options.exceptions.create({
      entityRef: ref,
      reasonKind: request.reasonKind,
      justification: request.justification,
      deploymentId: request.deploymentId ?? null,
      until,
      requestedBy: principalOf(credentials),
      now,
    });
  }

  async decide(
    entityRef: string,
    id: string,
    action: 'granted' | 'refused',
    credentials: BackstageCredentials,
    comment: string | null,
    now = new Date(),
  ): Promise<PolicyException> {
    const { entityRef: ref } = await this.options.entityScope.resolve(
      entityRef,
    );
    const result = await this.options.exceptions.decide({
      entityRef: ref,
      id,
      action,
      actor: principalOf(credentials),
      comment,
      now,
    });
    if (result.outcome === 'not_found') {
      throw new NotFoundError(`No exception ${id} for ${ref}`);
    }
    if (result.outcome === 'not_pending') {
      throw new ConflictError(
        `Exception ${id} is ${result.exception.status}: only a pending request can be ${action}`,
      );
    }
    return result.exception;
  }

  /**
   * Sets `freezeViolation` on production deployments: true when the entity's policy was `freeze`
   * when the deployment started (its SLOs computed at that moment from the SLI data) and no
   * granted exception covered it. Entities without SLOs, or whose SLI data cannot be read, are
   * left unflagged.
   */
  async flagDeployments(
    deployments: DeploymentRecord[],
  ): Promise<DeploymentRecord[]> {
    const startOf = (d: DeploymentRecord) =>
      Date.parse(d.startedAt ?? d.finishedAt ?? '');
    const byEntity = new Map<string, DeploymentRecord[]>();
    for (const deployment of deployments) {
      if (Number.isNaN(startOf(deployment))) continue;
      const list = byEntity.get(deployment.entityRef) ?? [];
      list.push(deployment);
      byEntity.set(deployment.entityRef, list);
    }
    const frozen = new Set<DeploymentRecord>();
    for (const [entityRef, list] of byEntity) {
      const states = await this.statesAt(entityRef, list.map(startOf));
      if (!states) continue;
      const exceptions = await this.options.exceptions.list(
        entityRef,
        new Date(),
      );
      list.forEach((deployment, i) => {
        const at = new Date(startOf(deployment));
        const excepted = exceptions.some(e =>
          exceptionCovers(e, { at, deploymentId: deployment.id }),
        );
        if (states[i] === 'freeze' && !excepted) frozen.add(deployment);
      });
    }
    return deployments.map(deployment =>
      byEntity.has(deployment.entityRef)
        ? { ...deployment, freezeViolation: frozen.has(deployment) }
        : deployment,
    );
  }

  /** The entity's policy state at each moment, or undefined when it cannot be known. */
  private async statesAt(
    entityRef: string,
    moments: number[],
  ): Promise<PolicyState[] | undefined> {
    let resolved;
    try {
      resolved = await this.options.entityScope.resolve(entityRef);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
    const { definitions } = await this.options.slos.definitionsOf(
      resolved.entity,
    );
    if (definitions.length === 0) return undefined;
    const { policy } = entityErrorBudgetPolicy(
      resolved.entity,
      this.options.policy,
    );
    const earliest = Math.min(...moments);
    const latest = Math.max(...moments);
    const indexed: Array<{ definition: SloDefinition; index: SampleIndex }> =
      [];
    for (const definition of definitions) {
      try {
        const samples = await this.options.slos.samplesOf(
          resolved.entityRef,
          definition,
          {
            from: new Date(earliest - definition.windowDays * DAY_MS),
            to: new Date(latest),
          },
        );
        indexed.push({ definition, index: indexSamples(samples) });
      } catch (error) {
        if (!(error instanceof SliSourceError)) throw error;
      }
    }
    if (indexed.length === 0) return undefined;
    return moments.map(
      at =>
        evaluatePolicy({
          slos: indexed.map(({ definition, index }) => {
            const snapshot = sloSnapshot({ definition, index, now: at });
            return {
              name: definition.name,
              remaining: snapshot.summary.remaining,
              alert: snapshot.alert,
            };
          }),
          unavailable: [],
          policy,
        }).state,
    );
  }

  private async isOwner(entity: Entity, credentials: BackstageCredentials) {
    if (
      credentials.principal &&
      (credentials.principal as { type: string }).type !== 'user'
    ) {
      return false;
    }
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      credentials,
    );
    const owners = new Set(ownersOf(entity));
    return ownershipEntityRefs.some(ref => owners.has(ref));
  }
}
