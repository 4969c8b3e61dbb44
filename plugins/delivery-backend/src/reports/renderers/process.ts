import {
  MetricKey,
  MetricUnit,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { MetricTargets } from '../../metrics';
import { ReportLocale } from '../i18n';
import {
  cell,
  document,
  escapeInline,
  heading,
  paragraph,
  table,
} from '../markdown';
import { ProcessDefinition } from '../processConfig';
import { header } from './shared';

export type ProcessInput = {
  process: ProcessDefinition;
  /** The organisation's targets, for gates that name a metric without a threshold. */
  targets: MetricTargets;
  /** The unit of each metric, as the scorecard expresses it. */
  units: Record<MetricKey, MetricUnit>;
  generatedAt: Date;
};

const numbered = (steps: string[]) =>
  steps.map((step, i) => `${i + 1}. ${escapeInline(step)}`).join('\n');

/** `process-{name}.md`: a delivery process from configuration, in the reader's language. */
export function renderProcess(
  input: ProcessInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const p = m.process;
  const { process } = input;
  const gates = process.stages.flatMap(stage =>
    stage.gates.map(gate => ({ stage: stage.name, gate })),
  );
  const requirement = (
    gate: ProcessDefinition['stages'][number]['gates'][number],
  ) => {
    if (!gate.metric) {
      return gate.description ?? null;
    }
    const unit = input.units[gate.metric];
    const orgTarget = input.targets[gate.metric] ?? null;
    const target =
      gate.threshold !== undefined && orgTarget
        ? { ...orgTarget, threshold: gate.threshold }
        : orgTarget;
    const text = [
      `${m.metricNames[gate.metric]} ${fmt.target(target, unit)}`,
      gate.threshold === undefined && orgTarget
        ? `(${p.orgTarget(fmt.target(orgTarget, unit))})`
        : null,
      gate.description,
    ]
      .filter(Boolean)
      .join(' ');
    return text;
  };

  return document([
    header(p.title(process.title), null, null, locale, input.generatedAt),
    process.description && paragraph(process.description),
    process.owner && p.owner(`\`${process.owner}\``),
    heading(2, p.stages),
    process.stages.length === 0
      ? p.notConfigured
      : table(
          ['#', p.stage, p.description, p.gates],
          process.stages.map((stage, i) => [
            cell(i + 1),
            cell(stage.name),
            cell(stage.description),
            cell(stage.gates.map(gate => gate.name).join('; ')),
          ]),
          ['right'],
        ),
    heading(2, p.gates),
    gates.length === 0
      ? p.noGates
      : table(
          [p.stage, p.gate, p.requirement, p.blocking],
          gates.map(({ stage, gate }) => [
            cell(stage),
            cell(gate.name),
            cell(requirement(gate)),
            cell(gate.required ? p.yes : p.no),
          ]),
        ),
    heading(2, p.strategy),
    process.deploymentStrategy
      ? document([
          `**${escapeInline(p.strategies[process.deploymentStrategy.type])}**`,
          process.deploymentStrategy.description &&
            paragraph(process.deploymentStrategy.description),
          process.deploymentStrategy.steps.length > 0 &&
            `${p.steps}:\n\n${numbered(process.deploymentStrategy.steps)}`,
        ]).trimEnd()
      : p.notConfigured,
    heading(2, p.rollback),
    process.rollback
      ? document([
          process.rollback.triggers.length > 0 &&
            `${p.rollbackTriggers}:\n\n${process.rollback.triggers
              .map(trigger => `- ${escapeInline(trigger)}`)
              .join('\n')}`,
          process.rollback.steps.length > 0 &&
            `${p.steps}:\n\n${numbered(process.rollback.steps)}`,
          process.rollback.maxMinutes !== undefined &&
            p.rollbackTime(fmt.duration(process.rollback.maxMinutes / 60)),
        ]).trimEnd()
      : p.notConfigured,
  ]);
}
