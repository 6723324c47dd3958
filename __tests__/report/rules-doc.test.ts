import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/policy/types.js';
import { RULES } from '../../src/rules/meta.js';
import { renderRulesDoc } from '../../src/report/rules-doc.js';
import { toHtml } from './gfm.js';

const DOC = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

describe('docs/rules.md', () => {
  const generated = renderRulesDoc();

  it('is the generated text (UPDATE_RULES_DOC=1 rewrites it)', () => {
    if (process.env.UPDATE_RULES_DOC) writeFileSync(DOC, generated);
    expect(readFileSync(DOC, 'utf8')).toBe(generated);
  });

  it('has one section per rule, anchored by its id, with the shared texts', () => {
    const headings = [...generated.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) {
      const section = generated.slice(generated.indexOf(`## ${id}\n`)).split(/\n## /)[0]!;
      expect(section).toContain(RULES[id].title);
      expect(section).toContain(RULES[id].description);
      expect(section).toContain(RULES[id].help);
      expect(section).toMatch(new RegExp(`\`\`\`text\\n(error|warning) +${id}: `));
    }
    // GitHub derives the anchor from the heading text: the id itself.
    for (const id of RULE_IDS) expect(toHtml(generated)).toContain(`<h2>${id}</h2>`);
    expect(generated).toContain('| [`no-restart`](#no-restart) | The change does not restart the database | error, only when `restart.allowed: false` |');
  });
});
