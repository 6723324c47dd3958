import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/report/csv.js';
import { cleanReport, resource, sampleReport } from './fixtures.js';

const HEADER =
  'engine,engine_version,identifier,arn,endpoint,ca,ca_valid_till,rotation_restarts,supported_cas,tls_enforced,iam_auth,kind,source,region,db_identifier,file,line';

/** A minimal RFC 4180 reader, to check the writer against. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('renderCsv', () => {
  it('writes a header and one CRLF-terminated row per resource, instances and clusters told apart by kind', () => {
    const text = renderCsv(sampleReport());
    const rows = parse(text);
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(6);
    const records = rows.slice(1).map((row) => Object.fromEntries(HEADER.split(',').map((column, i) => [column, row[i]])));
    expect(records.map((r) => `${r.identifier}:${r.kind}`)).toEqual([
      'module.db.aws_db_instance.main[0]:db-instance',
      'AppDatabase:db-instance',
      'prod-db:db-instance',
      'AppCluster:db-cluster',
      'AppClusterMember:cluster-member',
    ]);
    expect(records[0]).toMatchObject({
      engine: 'postgres', engine_version: '13.7', ca: 'rds-ca-2019', ca_valid_till: '2024-08-22T17:08:50Z',
      rotation_restarts: 'true', supported_cas: 'rds-ca-rsa2048-g1 rds-ca-rsa4096-g1 rds-ca-ecc384-g1',
      tls_enforced: 'true', iam_auth: 'true', source: 'terraform', region: '', db_identifier: 'orders-db', file: 'plan.json', line: '',
    });
    expect(records[2]).toMatchObject({
      arn: 'arn:aws:rds:us-east-1:123456789012:db:prod-db', endpoint: 'prod-db.abc123.us-east-1.rds.amazonaws.com',
      rotation_restarts: 'unknown', supported_cas: '', source: 'live', region: 'us-east-1',
    });
    // The cluster has no CA of its own: empty, not "unknown"; its member carries the cluster's IAM setting.
    expect(records[3]).toMatchObject({ ca: '', rotation_restarts: '', iam_auth: 'false' });
    expect(records[4]).toMatchObject({ iam_auth: 'false', tls_enforced: 'true', line: '55' });
  });

  it('writes "unknown" for a CA that could not be known', () => {
    const report = cleanReport();
    report.resources = [resource({ id: 'x', ca: null, caBasis: 'unknown: known after apply', sslEnforced: null, iamAuth: null })];
    const [, row] = parse(renderCsv(report));
    expect(row!.slice(5, 11)).toEqual(['unknown', '2061-05-21T22:23:47Z', 'false', 'rds-ca-rsa2048-g1 rds-ca-rsa4096-g1 rds-ca-ecc384-g1', 'unknown', 'unknown']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    const report = cleanReport();
    report.resources = [resource({ id: 'db,"x"\nname' })];
    expect(parse(renderCsv(report))[1]![2]).toBe('db,"x"\nname');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('db-1=2')).toBe('db-1=2');
    const report = cleanReport();
    report.resources = [resource({ id: '=cmd|calc', engine: '@evil' })];
    const [, row] = parse(renderCsv(report));
    expect(row![0]).toBe("'@evil");
    expect(row![2]).toBe("'=cmd|calc");
  });

  it('has the header row even with no resources', () => {
    expect(renderCsv({ ...cleanReport(), resources: [] })).toBe(`${HEADER}\r\n`);
  });
});
