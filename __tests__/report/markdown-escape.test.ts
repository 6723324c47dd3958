import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineCode } from '../../src/report/markdown-escape.js';
import { decode, tableRows, toHtml, visibleText } from './gfm.js';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'a|b',
  '`x`',
  '[link](http://evil)',
  '![img](http://evil/x.png)',
  '**bold** _em_ ~~gone~~ $x^2$',
  '<script>alert(1)</script> &amp; &lt;',
  'back\\slash\\|pipe',
  'www.evil.example and https://evil.example/x',
  '# heading',
  '- item',
  '+ item',
  '1. first',
  '===',
  '> quote',
  'db_<b>name</b>',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as exactly that text, with no markup, link or HTML', (name) => {
    const html = toHtml(escapeMarkdown(name));
    expect(html).toMatch(/^<p>[\s\S]*<\/p>\n?$/);
    expect(html.slice(3, -5)).not.toMatch(/<(?!\/?p>)/); // no tag but the paragraph
    expect(visibleText(html)).toBe(name);
  });

  it.each(HOSTILE)('keeps %j inside one table cell', (name) => {
    const html = toHtml(`| name | n |\n|---|---|\n| ${escapeMarkdown(name)} | 1 |\n`);
    const rows = tableRows(html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(2);
    expect(visibleText(rows[0]![0]!)).toBe(name);
    expect(rows[0]![1]).toBe('1');
  });

  it('turns newlines and other control characters into spaces, so a row or heading cannot end early', () => {
    expect(escapeMarkdown('a\nb\r\nc\u0000d')).toBe('a b  c d');
    expect(toHtml(`| x |\n|---|\n| ${escapeMarkdown('one\n| injected | row |')} |\n`)).not.toContain('injected</td>');
  });

  it('breaks @mentions, issue references and autolinks with a zero-width joiner', () => {
    expect(escapeMarkdown('@octocat')).toBe('@\u200doctocat');
    expect(escapeMarkdown('@org/team')).toBe('@\u200dorg/team');
    expect(escapeMarkdown('#123')).toBe('\\#\u200d123');
    expect(escapeMarkdown('GH-42')).toBe('GH-\u200d42');
    expect(escapeMarkdown('mail me@example.com')).toBe('mail me@\u200dexample.com');
    expect(escapeMarkdown('http://evil')).toBe('http:\u200d//evil');
    // An @ or # that is not a reference stays as it is.
    expect(escapeMarkdown('a @ b # c')).toBe('a @ b \\# c');
    for (const text of ['see www.evil.example', 'see https://evil.example', 'mail me@example.com']) {
      expect(toHtml(escapeMarkdown(text))).not.toContain('<a ');
    }
  });

  it('leaves plain names alone, apart from the escapes they need', () => {
    expect(escapeMarkdown('prod-db-1')).toBe('prod-db-1');
    expect(escapeMarkdown('0.1.0')).toBe('0.1.0');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('データベース')).toBe('データベース');
  });
});

describe('inlineCode', () => {
  it.each(['plain', '`x`', 'a``b', '``', ' padded ', '<img src=x>', '@octocat #1', '[l](http://evil)'])(
    'shows %j verbatim in one code span',
    (text) => {
      const html = toHtml(inlineCode(text));
      const codes = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)];
      expect(codes).toHaveLength(1);
      expect(decode(codes[0]![1]!)).toBe(text);
      expect(html).not.toMatch(/<(img|a)\b/);
    },
  );

  it('uses a fence longer than any backtick run inside', () => {
    expect(inlineCode('a``b')).toBe('```a``b```');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
  });

  it('gives text with a pipe in a table as escaped text, which keeps the cell whole', () => {
    expect(inlineCode('a|b', { inTable: true })).toBe('a\\|b');
    const html = toHtml(`| x | y |\n|---|---|\n| ${inlineCode('a\\|b', { inTable: true })} | 2 |\n`);
    expect(tableRows(html)).toEqual([['a\\|b', '2']]);
    expect(inlineCode('a|b')).toBe('`a|b`');
  });

  it('makes newlines spaces', () => {
    expect(inlineCode('a\nb')).toBe('`a b`');
  });
});
