import { z } from 'zod';

/** How a service ships a new version; each has its own procedure in the runbook. @public */
export const deploymentStrategies = [
  'blue-green',
  'canary',
  'rolling',
  'feature-flags',
] as const;

/** @public */
export type DeploymentStrategy = (typeof deploymentStrategies)[number];

/** The languages a runbook is written in. @public */
export type RunbookLanguage = 'ru' | 'en';

/**
 * What a runbook is rendered from. Every field but `service` may be missing: the runbook then
 * shows the gap instead of inventing content.
 *
 * @public
 */
export type RunbookInput = {
  /** The service's name, e.g. the catalog entity name. */
  service: string;
  /** What the service does and for whom. */
  description?: string;
  /** Owning team, e.g. `group:default/payments` or `payments`. */
  owner?: string;
  system?: string;
  /** Catalog lifecycle, e.g. `production`. */
  lifecycle?: string;
  onCall?: {
    /** Who is paged first: a rotation, a schedule or a person. */
    primary?: string;
    /** Who is paged next, in order. */
    escalation?: string[];
    /** The paging tool, e.g. PagerDuty or Opsgenie. */
    tool?: string;
  };
  slos?: {
    name: string;
    /** Target share of good events: a percentage (99.9) or a fraction (0.999); values up to 1 are fractions. */
    objective?: number;
    /** Rolling window, e.g. `30d`, `28d` or `4w`. */
    window?: string;
    description?: string;
  }[];
  dashboards?: { title: string; url: string }[];
  deployment?: {
    strategy?: DeploymentStrategy;
    /** Steps specific to this service, run in addition to the strategy's procedure. */
    steps?: string[];
  };
  rollback?: {
    /** The service's own rollback steps, in order. */
    steps?: string[];
  };
  alerts?: {
    /** The alert's name or the symptom a responder sees. */
    name: string;
    diagnosis?: string;
    remedy?: string;
  }[];
  dependencies?: {
    name: string;
    /** e.g. database, queue, internal service, external API. */
    kind?: string;
    /** What users notice when the dependency fails. */
    impact?: string;
  }[];
  disasterRecovery?: {
    /** Recovery point objective: how much data may be lost, e.g. `15 minutes`. */
    rpo?: string;
    /** Recovery time objective: how long restoring may take, e.g. `1 hour`. */
    rto?: string;
    /** What is backed up, how often, where. */
    backups?: string;
    restoreSteps?: string[];
  };
  /** The first line of the revision table. */
  revision?: { version?: string; date?: string; author?: string };
};

const text = z.string();

/**
 * Validates a {@link RunbookInput}, e.g. the input of the `delivery:runbook:create` scaffolder action.
 *
 * @public
 */
export const runbookInputSchema: z.ZodType<RunbookInput> = z.object({
  service: z.string().min(1).describe('Service name'),
  description: text.optional(),
  owner: text.optional(),
  system: text.optional(),
  lifecycle: text.optional(),
  onCall: z
    .object({
      primary: text.optional(),
      escalation: z.array(text).optional(),
      tool: text.optional(),
    })
    .optional(),
  slos: z
    .array(
      z.object({
        name: text,
        objective: z.number().gt(0).lt(100).optional(),
        window: text.optional(),
        description: text.optional(),
      }),
    )
    .optional(),
  dashboards: z.array(z.object({ title: text, url: text })).optional(),
  deployment: z
    .object({
      strategy: z.enum(deploymentStrategies).optional(),
      steps: z.array(text).optional(),
    })
    .optional(),
  rollback: z.object({ steps: z.array(text).optional() }).optional(),
  alerts: z
    .array(
      z.object({
        name: text,
        diagnosis: text.optional(),
        remedy: text.optional(),
      }),
    )
    .optional(),
  dependencies: z
    .array(
      z.object({
        name: text,
        kind: text.optional(),
        impact: text.optional(),
      }),
    )
    .optional(),
  disasterRecovery: z
    .object({
      rpo: text.optional(),
      rto: text.optional(),
      backups: text.optional(),
      restoreSteps: z.array(text).optional(),
    })
    .optional(),
  revision: z
    .object({
      version: text.optional(),
      date: text.optional(),
      author: text.optional(),
    })
    .optional(),
});
