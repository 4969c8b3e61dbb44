import { RunbookTexts, runbookTexts } from './texts';
import { RunbookInput, RunbookLanguage } from './types';

const MINUTES_PER_DAY = 24 * 60;

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function filled(values: string[] | undefined): string[] {
  return (values ?? []).filter(present).map(v => v.trim());
}

/** Table cells hold one line; a pipe would end the cell. */
function cell(value: string): string {
  return value.trim().replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function table(columns: string[], rows: string[][]): string[] {
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map(row => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function numbered(items: string[]): string[] {
  return items.map((item, index) => `${index + 1}. ${item}`);
}

function bullets(items: string[]): string[] {
  return items.map(item => `- ${item}`);
}

/** Reads `30d`, `28 days`, `4w`, `30 дней` into days; undefined when the text says something else. */
export function windowDays(window: string | undefined): number | undefined {
  if (!present(window)) return undefined;
  const match = window
    .trim()
    .toLowerCase()
    .match(/^(\d+)\s*(d|days?|w|weeks?|д|дн|дня|дней|день|н|нед|недел[ьяи])$/);
  if (!match) return undefined;
  const count = Number(match[1]);
  return /^(w|н)/.test(match[2]) ? count * 7 : count;
}

/** Objectives come as percentages (99.9) or fractions (0.999). */
export function objectiveRatio(objective: number): number {
  return objective <= 1 ? objective : objective / 100;
}

function formatWindow(window: string, t: RunbookTexts): string {
  const days = windowDays(window);
  if (days === undefined) return window.trim();
  return days % 7 === 0 && /w|н/i.test(window)
    ? t.weeks(days / 7)
    : t.days(days);
}

function formatDuration(minutes: number, t: RunbookTexts): string {
  if (minutes < 120) return t.minutes(t.decimal(Math.round(minutes * 10) / 10));
  return t.hours(t.decimal(Math.round((minutes / 60) * 10) / 10));
}

function errorBudget(
  objective: number | undefined,
  window: string | undefined,
  t: RunbookTexts,
): string | undefined {
  if (objective === undefined) return undefined;
  const budget = 1 - objectiveRatio(objective);
  const share = t.budgetShare(t.percent(budget * 100));
  const days = windowDays(window);
  if (days === undefined || !present(window)) return share;
  const minutes = days * MINUTES_PER_DAY * budget;
  return `${share} (${t.budgetTime(
    formatDuration(minutes, t),
    formatWindow(window, t),
  )})`;
}

/**
 * Renders a service runbook as Markdown: purpose, owners, on-call and escalation, SLOs with their
 * error budgets, dashboards, the deployment procedure of the service's strategy, rollback with
 * verification, common alerts, dependencies, disaster recovery, and a revision and sign-off table.
 * Whatever the input lacks is shown as a marked gap and listed at the top, never made up.
 *
 * @public
 */
export function renderRunbook(
  input: RunbookInput,
  language: RunbookLanguage = 'ru',
): string {
  const t = runbookTexts[language];
  const gap = `**${t.gap}**`;
  const gaps = new Set<string>();
  const orGap = (value: string | undefined, section: string) => {
    if (present(value)) return value.trim();
    gaps.add(section);
    return gap;
  };
  const s = t.sections;
  const out: string[] = [];
  const heading = (number: number, title: string) => {
    out.push('', `## ${number}. ${title}`, '');
  };

  heading(1, s.purpose);
  out.push(orGap(input.description, s.purpose));

  heading(2, s.owners);
  out.push(
    ...table(
      [t.fields.service, input.service.trim()],
      [
        [t.fields.owner, orGap(input.owner, s.owners)],
        [t.fields.system, orGap(input.system, s.owners)],
        [t.fields.lifecycle, orGap(input.lifecycle, s.owners)],
      ],
    ),
  );

  heading(3, s.onCall);
  const escalation = filled(input.onCall?.escalation);
  if (escalation.length === 0) gaps.add(s.onCall);
  out.push(
    `- ${t.fields.primary}: ${orGap(input.onCall?.primary, s.onCall)}`,
    `- ${t.fields.tool}: ${orGap(input.onCall?.tool, s.onCall)}`,
    `- ${t.fields.escalation}:${escalation.length === 0 ? ` ${gap}` : ''}`,
    ...numbered(escalation).map(line => `   ${line}`),
    ...t.onCallRules.flatMap(line => ['', line]),
  );

  heading(4, s.slos);
  const slos = (input.slos ?? []).filter(slo => present(slo.name));
  if (slos.length === 0) {
    gaps.add(s.slos);
    out.push(gap);
  } else {
    out.push(
      ...table(
        t.sloColumns,
        slos.map(slo => [
          slo.name,
          slo.objective === undefined
            ? orGap(undefined, s.slos)
            : t.percent(objectiveRatio(slo.objective) * 100),
          present(slo.window)
            ? formatWindow(slo.window, t)
            : orGap(undefined, s.slos),
          errorBudget(slo.objective, slo.window, t) ?? orGap(undefined, s.slos),
          present(slo.description) ? slo.description : '—',
        ]),
      ),
    );
  }
  out.push(...t.budgetMeaning.flatMap(line => ['', line]));

  heading(5, s.dashboards);
  const dashboards = (input.dashboards ?? []).filter(d => present(d.url));
  if (dashboards.length === 0) {
    gaps.add(s.dashboards);
    out.push(gap);
  } else {
    out.push(
      ...bullets(
        dashboards.map(
          d => `[${present(d.title) ? d.title : d.url}](${d.url})`,
        ),
      ),
    );
  }

  heading(6, s.deployment);
  const strategy = input.deployment?.strategy;
  if (strategy) {
    out.push(t.strategyLine(t.strategyNames[strategy]));
  } else {
    gaps.add(s.deployment);
    out.push(t.strategyLine(t.gap));
  }
  out.push('', ...bullets(t.beforeDeployment));
  if (strategy) {
    out.push(
      '',
      `### ${t.procedureHeading}`,
      '',
      ...numbered(t.procedures[strategy]),
    );
  }
  const deploySteps = filled(input.deployment?.steps);
  out.push('', `### ${t.serviceStepsHeading}`, '');
  if (deploySteps.length === 0) {
    gaps.add(s.deployment);
    out.push(gap);
  } else {
    out.push(...numbered(deploySteps));
  }

  heading(7, s.rollback);
  out.push(`### ${t.rollbackWhenHeading}`, '', ...bullets(t.rollbackWhen));
  if (strategy) {
    out.push(
      '',
      `### ${t.rollbackStrategyHeading}`,
      '',
      t.rollbackByStrategy[strategy],
    );
  }
  const rollbackSteps = filled(input.rollback?.steps);
  out.push('', `### ${t.rollbackStepsHeading}`, '');
  if (rollbackSteps.length === 0) {
    gaps.add(s.rollback);
    out.push(gap);
  } else {
    out.push(...numbered(rollbackSteps));
  }
  out.push(
    '',
    `### ${t.verificationHeading}`,
    '',
    ...t.verification.map(line => `- [ ] ${line}`),
  );

  heading(8, s.alerts);
  const alerts = (input.alerts ?? []).filter(a => present(a.name));
  if (alerts.length === 0) {
    gaps.add(s.alerts);
    out.push(gap);
  } else {
    out.push(
      ...table(
        t.alertColumns,
        alerts.map(a => [
          a.name,
          orGap(a.diagnosis, s.alerts),
          orGap(a.remedy, s.alerts),
        ]),
      ),
    );
  }
  out.push('', t.alertsNote);

  heading(9, s.dependencies);
  const dependencies = (input.dependencies ?? []).filter(d => present(d.name));
  if (dependencies.length === 0) {
    gaps.add(s.dependencies);
    out.push(gap);
  } else {
    out.push(
      ...table(
        t.dependencyColumns,
        dependencies.map(d => [
          d.name,
          orGap(d.kind, s.dependencies),
          orGap(d.impact, s.dependencies),
        ]),
      ),
    );
  }

  heading(10, s.disasterRecovery);
  const dr = input.disasterRecovery;
  const restoreSteps = filled(dr?.restoreSteps);
  out.push(
    `- ${t.fields.rpo}: ${orGap(dr?.rpo, s.disasterRecovery)}`,
    `- ${t.fields.rto}: ${orGap(dr?.rto, s.disasterRecovery)}`,
    `- ${t.fields.backups}: ${orGap(dr?.backups, s.disasterRecovery)}`,
    '',
    `### ${t.fields.restoreSteps}`,
    '',
  );
  if (restoreSteps.length === 0) {
    gaps.add(s.disasterRecovery);
    out.push(gap);
  } else {
    out.push(...numbered(restoreSteps));
  }
  out.push('', t.drNote);

  heading(11, s.revisions);
  const revision = input.revision;
  out.push(
    ...table(t.revisionColumns, [
      [
        present(revision?.version) ? revision!.version! : '1.0',
        present(revision?.date) ? revision!.date! : '',
        present(revision?.author) ? revision!.author! : '',
        t.firstRevision,
      ],
    ]),
    '',
    `### ${t.signOffHeading}`,
    '',
    ...table(t.signOffColumns, [
      [t.signOffRoles.owner, present(input.owner) ? input.owner : '', '', ''],
      [t.signOffRoles.delivery, '', '', ''],
      [
        t.signOffRoles.onCall,
        present(input.onCall?.primary) ? input.onCall!.primary! : '',
        '',
        '',
      ],
    ]),
  );

  const summary =
    gaps.size === 0
      ? [`> ${t.noGaps}`]
      : [`> ${t.gapsIntro}`, '>', ...[...gaps].map(g => `> - ${g}`)];
  return `${[`# ${t.title(input.service.trim())}`, '', ...summary, ...out].join(
    '\n',
  )}\n`;
}
