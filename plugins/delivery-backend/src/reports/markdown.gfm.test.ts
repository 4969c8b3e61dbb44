import MarkdownIt from 'markdown-it';
import { reportLocale } from './i18n';
import { cell, heading, link, paragraph, rawCell, table } from './markdown';
import { renderPostmortem } from './renderers/postmortem';

/**
 * The reports through a real GFM renderer: markdown-it with GitHub's extensions (tables,
 * strikethrough, bare-URL autolinks) and raw HTML allowed, as on GitHub.
 */
const gfm = new MarkdownIt({ html: true, linkify: true });
// GitHub autolinks http(s):// and www. addresses, not bare domains such as README.md.
gfm.linkify.set({ fuzzyLink: false });

/** Record texts as hostile as the ingestion API lets them be. */
const hostileTitles = [
  '~~struck~~ and ~single~ tildes',
  'see https://evil.example/x and www.evil.example/y',
  'mail to ops@evil.example',
  '*em* _em_ **strong** `code` [link](https://evil.example)',
  'pipe | and escaped pipe \\| and \\\\| double',
  '<b>bold</b> <img src=x onerror=alert(1)> &copy; &#124;',
  '# not a heading',
];
const hostileUrls = [
  'https://example.com/a\\|b',
  'https://example.com/a\\\\|b',
  'https://example.com/a|b (c) d',
  'https://example.com/`x`<y>',
];

const cellsPerRow = (html: string) =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
    ([, row]) => row.match(/<t[dh][ >]/g)?.length ?? 0,
  );

const hrefs = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"/g)].map(([, href]) => href);

describe('reports under a GFM renderer', () => {
  it('keeps every hostile title and URL inside its own table cell, as plain text', () => {
    const rows = hostileTitles.flatMap(title =>
      hostileUrls.map(url => [
        rawCell(link(title, url)),
        cell(title),
        cell(url),
      ]),
    );
    const html = gfm.render(table(['link', 'title', 'url'], rows));
    expect(cellsPerRow(html)).toEqual(Array(rows.length + 1).fill(3));
    expect(html).not.toMatch(/<(del|s|em|strong|code|img|b|h1)>/);
    // The only links are the record URLs themselves, one per row.
    expect(hrefs(html)).toHaveLength(rows.length);
    expect(
      hrefs(html).every(href => href.startsWith('https://example.com/')),
    ).toBe(true);
    for (const title of hostileTitles) {
      expect(html).toContain(`<td>${gfm.utils.escapeHtml(title)}</td>`);
    }
  });

  it('keeps hostile titles plain in headings and paragraphs', () => {
    for (const title of hostileTitles) {
      const html = gfm.render(`${heading(2, title)}\n\n${paragraph(title)}\n`);
      expect(html).not.toMatch(/<(del|s|em|strong|code|img|b|h1|a)[ >]/);
    }
  });

  it('renders a postmortem of a hostile incident with the right cells and no injected markup', () => {
    const text = renderPostmortem(
      {
        subject: { entityRef: 'component:default/a', title: 'a' },
        incident: {
          source: 'pagerduty',
          id: 'P-1',
          entityRef: 'component:default/a',
          severity: '~~P1~~',
          title: hostileTitles.join(' '),
          url: hostileUrls[0],
          openedAt: '2026-10-10T01:00:00Z',
          acknowledgedAt: null,
          resolvedAt: '2026-10-10T02:00:00Z',
          causedByDeploymentId: 'd9',
        },
        cause: {
          deployment: {
            source: 'pagerduty',
            id: 'd9 | x',
            entityRef: 'component:default/a',
            environment: 'production',
            status: 'success',
            startedAt: null,
            finishedAt: '2026-10-10T00:30:00Z',
            url: hostileUrls[1],
            changeIds: hostileTitles.map((_, i) => `pr-${i}`),
            causedIncidentIds: ['P-1'],
          },
          changes: hostileTitles.map((title, i) => ({
            source: 'pagerduty',
            id: `pr-${i}`,
            entityRef: 'component:default/a',
            title,
            author: 'ann~~x~~',
            url: hostileUrls[i % hostileUrls.length],
            firstCommitAt: null,
            mergedAt: '2026-10-09T12:00:00Z',
          })),
        },
        target: { comparator: 'lt', threshold: 1 },
        met: true,
        level: 'elite',
        generatedAt: new Date('2026-10-11T00:00:00Z'),
      },
      reportLocale('en'),
    );
    const html = gfm.render(text);
    const tables = html.split('<table>').slice(1);
    for (const tableHtml of tables) {
      const counts = cellsPerRow(tableHtml.split('</table>')[0]);
      expect(new Set(counts).size).toBe(1);
    }
    expect(html).not.toMatch(/<(del|s|img|b)[ >]/);
    expect(
      hrefs(html).every(href => href.startsWith('https://example.com/')),
    ).toBe(true);
  });
});
