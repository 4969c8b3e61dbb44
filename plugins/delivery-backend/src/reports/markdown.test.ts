import {
  cell,
  document,
  escapeInline,
  heading,
  link,
  paragraph,
  rawCell,
  table,
} from './markdown';

describe('markdown helpers', () => {
  it('escapes pipes, emphasis, code, links and newlines inside a line', () => {
    expect(escapeInline('a | b *c* _d_ `e` [f] \\ g\nh')).toBe(
      'a \\| b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] \\\\ g h',
    );
  });

  it('escapes < only where it could start HTML', () => {
    expect(escapeInline('< 24 h, <script>, </b>')).toBe(
      '< 24 h, \\<script>, \\</b>',
    );
  });

  it('keeps a paragraph from turning into a heading, quote or list', () => {
    expect(paragraph('# not a heading')).toBe('\\# not a heading');
    expect(paragraph('> not a quote')).toBe('\\> not a quote');
    expect(paragraph('1. not a list')).toBe('1\\. not a list');
    expect(cell('> 80 %')).toBe('> 80 %');
  });

  it('builds a table whose cells cannot break its columns', () => {
    expect(
      table(
        ['Name', 'Count'],
        [
          [cell('a|b'), cell(3)],
          [cell(null), rawCell(link('PR 1', 'https://x.test/pr/(1)'))],
        ],
        ['left', 'right'],
      ),
    ).toBe(
      [
        '| Name | Count |',
        '| --- | ---: |',
        '| a\\|b | 3 |',
        '| — | [PR 1](https://x.test/pr/%281%29) |',
      ].join('\n'),
    );
  });

  it('joins blocks with blank lines, drops empty ones and ends with one newline', () => {
    expect(document([heading(1, 'T'), null, '', false, 'text\n\n'])).toBe(
      '# T\n\ntext\n',
    );
  });
});
