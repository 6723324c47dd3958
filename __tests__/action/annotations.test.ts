import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  annotationBudget,
  overflowNote,
  planAnnotations,
  repositoryPath,
  writeAnnotations,
  type AnnotationSink,
} from '../../src/action/annotations.js';
import { logLine, untrustedBlock } from '../../src/action/log.js';
import type { Finding } from '../../src/report/types.js';
import { finding } from '../report/fixtures.js';

const workspace = path.resolve('/work/repo');
const options = (budget = annotationBudget(false)) => ({ budget, workspace, cwd: workspace });

function recordingSink() {
  const calls: { level: string; message: string; properties?: unknown }[] = [];
  const sink: AnnotationSink = {
    error: (message, properties) => calls.push({ level: 'error', message, properties }),
    warning: (message, properties) => calls.push({ level: 'warning', message, properties }),
    notice: (message, properties) => calls.push({ level: 'notice', message, properties }),
    info: (message) => calls.push({ level: 'info', message }),
  };
  return { sink, calls };
}

function cfnFinding(i: number, severity: Finding['severity'], line: number | null = 10 + i): Finding {
  return finding({
    resource: `Db${i}`,
    severity,
    source: { type: 'cloudformation', file: 'templates/app.yaml', line, column: line === null ? null : 5, region: null },
  });
}

describe('annotationBudget', () => {
  it('is 10 per type, less the error annotation a failing step writes and warnings already written', () => {
    expect(annotationBudget(false)).toEqual({ error: 10, warning: 10, notice: 10 });
    expect(annotationBudget(true)).toEqual({ error: 9, warning: 10, notice: 10 });
    expect(annotationBudget(true, { warning: 3 })).toEqual({ error: 9, warning: 7, notice: 10 });
    expect(annotationBudget(false, { warning: 12 })).toEqual({ error: 10, warning: 0, notice: 10 });
  });
});

describe('planAnnotations', () => {
  const ssl = finding({
    rule: 'ssl-enforced',
    resource: 'AppDatabase',
    message: 'TLS is not enforced: require_secure_transport = OFF in parameter group AppParams.',
    source: { type: 'cloudformation', file: 'templates/app.yaml', line: 31, column: 9, region: null },
  });
  const planOnly = finding({ resource: 'module.db.aws_db_instance.main[0]', source: { type: 'terraform', file: 'plan.json', line: null, column: null, region: null } });
  const live = finding({ resource: 'prod-db', source: { type: 'live', file: null, line: null, column: null, region: 'us-east-1' } });

  it('annotates file, line, column and a title of rule and resource', () => {
    expect(planAnnotations([ssl], [], options()).shown).toEqual([
      {
        level: 'error',
        message: 'TLS is not enforced: require_secure_transport = OFF in parameter group AppParams.',
        properties: { title: 'ssl-enforced: AppDatabase', file: 'templates/app.yaml', startLine: 31, startColumn: 9 },
      },
    ]);
  });

  it('names a file without a line, and puts where a live finding is in its title', () => {
    const [terraform, liveAnnotation] = planAnnotations([planOnly, live], [], options()).shown;
    // A plan without its .tf files: the file is named, no line is made up.
    expect(terraform?.properties).toEqual({ title: 'ca-allowed: module.db.aws_db_instance.main[0]', file: 'plan.json' });
    expect(liveAnnotation?.properties).toEqual({ title: 'ca-allowed: prod-db (live us-east-1)' });
  });

  it('gives files outside the repository no file, and the location in the title', () => {
    const outside = finding({ resource: 'X', source: { type: 'terraform', file: '/tmp/plan.json', line: 3, column: null, region: null } });
    const [annotation] = planAnnotations([outside], [], options()).shown;
    expect(annotation?.properties).toEqual({ title: 'ca-allowed: X (/tmp/plan.json:3)' });
  });

  it('keeps the most severe first and, within a severity, the ones on a line first; the rest are hidden, not dropped', () => {
    const findings = [
      ...Array.from({ length: 6 }, (_, i) => cfnFinding(i, 'error', null)),
      ...Array.from({ length: 8 }, (_, i) => cfnFinding(100 + i, 'error')),
      ...Array.from({ length: 12 }, (_, i) => cfnFinding(200 + i, 'warning')),
      cfnFinding(300, 'notice'),
    ];
    const plan = planAnnotations(findings, [], options(annotationBudget(true)));
    const shownErrors = plan.shown.filter((a) => a.level === 'error');
    expect(shownErrors).toHaveLength(9);
    // All 8 with a line, then the first located only by file.
    expect(shownErrors.map((a) => a.properties.title)).toEqual([...Array.from({ length: 8 }, (_, i) => `ca-allowed: Db${100 + i}`), 'ca-allowed: Db0']);
    expect(plan.shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(plan.shown.filter((a) => a.level === 'notice')).toHaveLength(1);
    expect(plan.hidden.map((a) => a.level)).toEqual([...Array(5).fill('error'), 'warning', 'warning']);
    expect(plan.shown.length + plan.hidden.length).toBe(findings.length);
  });

  it('annotates a source that could not be read as a warning before the finding warnings', () => {
    const plan = planAnnotations([cfnFinding(1, 'warning')], [{ source: 'live us-west-2', message: 'AccessDenied: no' }], options());
    expect(plan.shown.map((a) => [a.level, a.properties.title])).toEqual([
      ['warning', 'rds-tls-guard: source not read'],
      ['warning', 'ca-allowed: Db1'],
    ]);
    expect(plan.shown[0]?.message).toBe('live us-west-2: AccessDenied: no. The evaluation is incomplete.');
  });
});

describe('overflowNote and writeAnnotations', () => {
  it('says how many annotations were not shown and why, or nothing when all were', () => {
    const findings = Array.from({ length: 12 }, (_, i) => cfnFinding(i, 'warning'));
    const plan = planAnnotations(findings, [], options());
    expect(overflowNote(plan)).toBe(
      '2 annotations not shown (2 warnings): GitHub shows 10 errors, 10 warnings and 10 notices per step (50 per job). All of them are listed in the step log and in the JSON report.',
    );
    expect(overflowNote(planAnnotations(findings.slice(0, 10), [], options()))).toBeNull();
  });

  it('writes the shown ones as annotations and lists the hidden ones in the log', () => {
    const findings = Array.from({ length: 11 }, (_, i) => cfnFinding(i, 'error'));
    const { sink, calls } = recordingSink();
    writeAnnotations(planAnnotations(findings, [], options()), sink);
    expect(calls.filter((c) => c.level === 'error')).toHaveLength(10);
    expect(calls.filter((c) => c.level === 'info').map((c) => c.message)).toEqual([
      "rds-tls-guard: 1 annotation past GitHub's per-step limit, listed here instead:",
      `  error: ca-allowed: Db10 at templates/app.yaml:20:5: ${findings[10]!.message}`,
    ]);
  });
});

describe('untrusted text in the log', () => {
  it('cannot start a workflow command on a line of its own', () => {
    expect(logLine('db\n::add-mask::x\r\n::stop-commands::y')).toBe('db ::add-mask::x ::stop-commands::y');
    const block = untrustedBlock('a\n::error::injected\n');
    const lines = block.split('\n');
    const token = /^::stop-commands::(.+)$/.exec(lines[0]!)?.[1];
    expect(token).toMatch(/^rds-tls-guard-[0-9a-f-]{36}$/);
    expect(lines.slice(1)).toEqual(['a', '::error::injected', `::${token}::`]);
    expect(untrustedBlock('x')).not.toContain(token!);
  });
});

describe('repositoryPath', () => {
  it('is relative to the workspace with forward slashes, or null outside it', () => {
    expect(repositoryPath('infra/main.tf', workspace, path.join(workspace, 'sub'))).toBe('sub/infra/main.tf');
    expect(repositoryPath(path.join(workspace, 'a.yaml'), workspace, '/elsewhere')).toBe('a.yaml');
    expect(repositoryPath('../b.yaml', workspace, workspace)).toBeNull();
  });
});
