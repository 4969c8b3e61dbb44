#!/usr/bin/env node
// Downloads one Delivery Insights report from a running backend and writes it into a directory,
// e.g. a repository checkout in CI. Usage: `yarn report --help`; docs/reports.md has examples.
//
//   DELIVERY_BASE_URL   the backend, default http://localhost:7007
//   DELIVERY_CI_TOKEN   a static token the backend accepts for the delivery plugin
//                       (examples/config/app-config.ci-token.yaml); never passed on the command line
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const usage = `Usage: yarn report <report> [options]

Reports: delivery-metrics, quality-report, postmortem, runbook, pipeline, capacity,
         retrospective, process

Options:
  --entity <ref>          entity reference, e.g. component:default/checkout-service
  --period <period>       month (2026-10) or quarter (2026-Q4)
  --lang <ru|en>          language, default ru
  --incident <id>         incident id (postmortem)
  --source <source>       incident source, when the id is ambiguous (postmortem)
  --sprint <name>         sprint name (retrospective)
  --name <process>        process name under delivery.processes (process)
  --team-size <n>         people in the forecast quarter (capacity)
  --reference-team-size <n>  people in the past quarters (capacity)
  --holidays <days>       working days off in the quarter (capacity)
  --focus-factor <x>      focus relative to the past quarters (capacity)
  --out <dir>             directory to write into, default the current one
  --stdout                print the report instead of writing a file

Environment: DELIVERY_BASE_URL (default http://localhost:7007), DELIVERY_CI_TOKEN.
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    entity: { type: 'string' },
    period: { type: 'string' },
    lang: { type: 'string' },
    incident: { type: 'string' },
    source: { type: 'string' },
    sprint: { type: 'string' },
    name: { type: 'string' },
    'team-size': { type: 'string' },
    'reference-team-size': { type: 'string' },
    holidays: { type: 'string' },
    'focus-factor': { type: 'string' },
    out: { type: 'string', default: '.' },
    stdout: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || positionals.length !== 1) {
  process.stdout.write(usage);
  process.exit(values.help ? 0 : 2);
}

const [report] = positionals;
const baseUrl = (
  process.env.DELIVERY_BASE_URL ?? 'http://localhost:7007'
).replace(/\/+$/, '');
const token = process.env.DELIVERY_CI_TOKEN;

const query = new URLSearchParams();
for (const [option, param] of [
  ['entity', 'entityRef'],
  ['period', 'period'],
  ['lang', 'lang'],
  ['incident', 'incidentId'],
  ['source', 'source'],
  ['sprint', 'sprint'],
  ['name', 'name'],
  ['team-size', 'teamSize'],
  ['reference-team-size', 'referenceTeamSize'],
  ['holidays', 'holidays'],
  ['focus-factor', 'focusFactor'],
]) {
  if (values[option] !== undefined) query.set(param, values[option]);
}

const url = `${baseUrl}/api/delivery/reports/${encodeURIComponent(
  report,
)}?${query}`;
const response = await fetch(url, {
  headers: {
    Accept: 'text/markdown',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  },
});
if (!response.ok) {
  let message = await response.text();
  try {
    message = JSON.parse(message).error?.message ?? message;
  } catch {
    // not JSON: keep the text
  }
  process.stderr.write(
    `${response.status} ${response.statusText}: ${message}\n`,
  );
  process.exit(1);
}

const markdown = await response.text();
if (values.stdout) {
  process.stdout.write(markdown);
  process.exit(0);
}

// The backend names the file (delivery-metrics-2026-10.md, retrospective-Спринт 7.md ...).
const disposition = response.headers.get('content-disposition') ?? '';
const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
const plain = /filename="([^"]*)"/i.exec(disposition);
const fileName = basename(
  (extended && decodeURIComponent(extended[1].trim())) ||
    plain?.[1] ||
    `${report}.md`,
);
const directory = resolve(values.out);
await mkdir(directory, { recursive: true });
const target = join(directory, fileName);
await writeFile(target, markdown, 'utf8');
process.stdout.write(`Wrote ${target}\n`);
