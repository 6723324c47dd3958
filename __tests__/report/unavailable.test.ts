import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { sampleReport } from './fixtures.js';

describe('APIs the credentials may not call', () => {
  it('are listed apart from the source errors in text and in the job summary', () => {
    const report = sampleReport();
    const text = renderText(report, { color: false });
    expect(text).toMatch(/Not read, permission denied[^\n]*\n\s+us-east-1 DescribeDBEngineVersions: AccessDenied/);
    const markdown = renderMarkdown(report, { variant: 'summary' });
    expect(markdown).toContain('Not read: permission denied (1)');
    expect(markdown).toContain('`us-east-1 DescribeDBEngineVersions`');
  });
});
