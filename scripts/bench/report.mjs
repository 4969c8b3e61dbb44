// Writes a benchmark run into docs/benchmarks.md between markers of its engine, leaving the
// hand-written analysis around them alone, and formats the file with the repository's prettier.

import fs from 'node:fs';

const ms = value => (value === null ? '–' : `${value.toFixed(1)} ms`);
const mb = kb => `${Math.round(kb / 1024).toLocaleString('en-US')} MB`;
const n = value => Math.round(value).toLocaleString('en-US');

function verdict(met, missedBy) {
  return met ? 'met' : `**missed** (${missedBy})`;
}

export function renderResults(r) {
  const { reads, ingestion, memory, machine } = r;
  const over = (value, limit) => `${(value / limit).toFixed(2)}x the target`;
  const ratio = reads.naiveEntity.p50 / reads.entity.p50;
  const peakKb = Math.max(memory.end.hwmKb, memory.end.rssKb);
  const rows = [
    [
      'Entity scorecard p95',
      '≤ 25 ms',
      ms(reads.entity.p95),
      verdict(reads.entity.p95 <= 25, over(reads.entity.p95, 25)),
    ],
    [
      'Team scorecard p95',
      '≤ 100 ms',
      ms(reads.team.p95),
      verdict(reads.team.p95 <= 100, over(reads.team.p95, 100)),
    ],
    [
      'Organisation overview p95',
      '≤ 500 ms',
      ms(reads.organization.p95),
      verdict(reads.organization.p95 <= 500, over(reads.organization.p95, 500)),
    ],
    [
      'Ingestion',
      '≥ 5,000 events/s',
      `${n(ingestion.eventsPerSecond)} events/s`,
      verdict(
        ingestion.eventsPerSecond >= 5000,
        `${((100 * ingestion.eventsPerSecond) / 5000).toFixed(
          0,
        )} % of the target`,
      ),
    ],
    [
      'Backend RSS (peak)',
      '< 1 GB (1,024 MB)',
      mb(peakKb),
      verdict(peakKb < 1024 * 1024, over(peakKb, 1024 * 1024)),
    ],
    ...[
      ['entity', reads.naiveEntity, reads.entity],
      ['team', reads.naiveTeam, reads.team],
      ['organisation', reads.naiveOrganization, reads.organization],
    ].map(([level, naive, engine]) => {
      const ratio = naive.p50 / engine.p50;
      return [
        `Naive / engine, ${level} scorecard p50`,
        '≥ 10x',
        `${ratio.toFixed(1)}x`,
        verdict(ratio >= 10, `${ratio.toFixed(1)}x instead of 10x`),
      ];
    }),
  ];
  const latency = [
    ['Entity scorecard (component, 30 days)', reads.entity],
    [
      'Team scorecard (group of ' +
        (reads.teamSize - 1) +
        ' services, 30 days)',
      reads.team,
    ],
    ['Organisation scorecard (30 days)', reads.organization],
    ['Time series (component, lead time, 26 weekly buckets)', reads.timeSeries],
    ['Naive entity scorecard (pg/SQLite + JS)', reads.naiveEntity],
    ['Naive team scorecard', reads.naiveTeam],
    ['Naive organisation scorecard', reads.naiveOrganization],
    ...(reads.httpFloor
      ? [['HTTP floor (GET /api/delivery/health)', reads.httpFloor]]
      : []),
  ];
  const lines = [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC: \`${r.command}\` on **${
      r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'
    }**, scale **${r.scale}** ` +
      `(${n(r.plan.deployments)} deployments, ${n(r.plan.changes)} changes, ${n(
        r.plan.incidents,
      )} incidents over two years ending ${r.end}; ` +
      `${n(r.catalog.components)} components, ${n(
        r.catalog.groups,
      )} groups; seed \`${r.seed}\`). Backend: ${
        r.backendMode ?? 'development mode (yarn workspace backend start)'
      }.`,
    '',
    '| target | goal | measured | verdict |',
    '| --- | --- | --- | --- |',
    ...rows.map(cells => `| ${cells.join(' | ')} |`),
    '',
    `Latency, one request in flight, random entities, window ${r.reads.window.from} to ${r.reads.window.to}:`,
    '',
    '| request | n | p50 | p95 | p99 | max |',
    '| --- | --- | --- | --- | --- | --- |',
    ...latency.map(
      ([label, s]) =>
        `| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(
          s.p99,
        )} | ${ms(s.max)} |`,
    ),
    '',
    `- Ingestion: ${n(ingestion.events)} events in ${
      ingestion.batches
    } batches in ${ingestion.seconds.toFixed(1)} s = **${n(
      ingestion.eventsPerSecond,
    )} events/s** ` +
      `(batch p50 ${ms(ingestion.batchLatency.p50)}, p95 ${ms(
        ingestion.batchLatency.p95,
      )}).`,
    `- Naive / engine: p50 ${(reads.naiveEntity.p50 / reads.entity.p50).toFixed(
      2,
    )}x, mean ${(reads.naiveEntity.mean / reads.entity.mean).toFixed(
      2,
    )}x (entity); ` +
      `team p50 ${(reads.naiveTeam.p50 / reads.team.p50).toFixed(
        2,
      )}x; organisation p50 ${(
        reads.naiveOrganization.p50 / reads.organization.p50
      ).toFixed(2)}x. ` +
      (reads.mismatches.length === 0
        ? 'The naive numbers equal the engine’s for 10 components and a team.'
        : `Differences found: ${reads.mismatches.slice(0, 5).join('; ')}.`),
    `- Backend RSS (pid ${memory.pid}, VmRSS): ${mb(
      memory.idle.rssKb,
    )} idle with the catalog loaded, ${mb(
      memory.afterIngest.rssKb,
    )} after ingestion, ` +
      `${mb(memory.end.rssKb)} at the end, peak (VmHWM) ${mb(peakKb)}.`,
    `- Database size: delivery ${mb(
      r.databaseSize.delivery / 1024,
    )}, all the run's databases ${mb(r.databaseSize.all / 1024)}. ` +
      `Rows: ${Object.entries(r.rows)
        .map(([t, c]) => `${t} ${n(c)}`)
        .join(', ')}.`,
    `- Planner statistics: ${r.statistics}.`,
    `- Machine: ${machine.cpus} CPUs (${
      machine.cpuModel
    }), ${machine.memoryGb.toFixed(1)} GB RAM, ${machine.os}, Node ${
      machine.node
    }, ${machine.database}.`,
  ];
  return lines.join('\n');
}

const HEADER = `# Benchmarks

Figures from \`yarn bench\` (see the README). The sections between the markers are rewritten by
each run; the analysis below them is written by hand.
`;

export async function writeReport(file, results) {
  const start = `<!-- bench:${results.engine}:start -->`;
  const end = `<!-- bench:${results.engine}:end -->`;
  const block = `${start}\n\n${renderResults(results)}\n\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + block + text.slice(to + end.length);
  } else {
    text = `${text.trimEnd()}\n\n## ${
      results.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'
    }\n\n${block}\n`;
  }
  const imported = await import('prettier');
  const prettier = imported.default ?? imported;
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(
    file,
    await prettier.format(text, { ...options, filepath: file }),
  );
}
