// Facts are data: CA dates, per-engine TLS settings and IAM support, engine-version restart facts.
// What the tool ships is overridden by a user's --engine-versions file, which AWS answers override.
import picomatch from 'picomatch';
import type { CertificateFact, EngineVersionFact, Fact, SourceError } from '../model.js';
import { known, unknown } from '../model.js';
import authorities from './data/certificate-authorities.json' with { type: 'json' };
import shippedEngineVersions from './data/engine-versions.json' with { type: 'json' };
import engineData from './data/engines.json' with { type: 'json' };
import { atLeast, compareVersions, numericPrefix } from './version.js';

interface VersionDefault {
  minVersion?: string;
  value: string | null;
  reason?: string;
}

export interface ParameterTls {
  mechanism: 'parameter';
  parameter: string;
  /** Upper-cased values that enforce TLS. */
  enforcing: string[];
  static: boolean;
  defaults: VersionDefault[];
  minVersion?: string;
  belowMinVersion?: string;
  source: string;
}

export interface OptionGroupTls {
  mechanism: 'option-group';
  option: string;
  note: string;
  source: string;
}

export type TlsMechanism = ParameterTls | OptionGroupTls;

interface IamSupportEntry {
  supported: boolean;
  minVersion?: string;
  belowMinVersion?: string;
  reason?: string;
  source: string;
}

export interface EngineEntry {
  label: string;
  tls: TlsMechanism;
  iamAuth: IamSupportEntry;
}

interface RawEngineEntry extends EngineEntry {
  match: string[];
}

interface ShippedEngineVersions {
  sources: { id: string; title: string; url?: string | null }[];
  versions: {
    engine: string;
    version: string;
    supportsCertificateRotationWithoutRestart: boolean | null;
    supportedCAs: string[] | null;
    source: string;
  }[];
  ranges: {
    engine: string;
    minVersion: string;
    maxVersion: string | null;
    supportsCertificateRotationWithoutRestart: boolean;
    source: string;
  }[];
}

export type EngineVersionLookup = { fact: EngineVersionFact } | { fact: null; reason: string };

export interface CaValidity {
  validTill: string;
  source: string;
}

export interface Facts {
  engine(engine: string): EngineEntry | null;
  /** The engine-version default of the TLS-enforcing parameter (raw value, e.g. "0"). */
  tlsDefault(engine: string, version: string | null): Fact<string>;
  /** Known false means IAM database authentication does not exist for this engine (not applicable). */
  iamAuthSupport(engine: string, version: string | null): Fact<boolean>;
  caValidity(identifier: string, region: string | null): CaValidity | null;
  engineVersion(engine: string, version: string | null, region: string | null): EngineVersionLookup;
}

export interface FactsInput {
  /** From AWS (live scans, or DescribeDBEngineVersions for IaC runs). */
  awsEngineVersions?: EngineVersionFact[];
  /** From --engine-versions files. */
  fileEngineVersions?: EngineVersionFact[];
  certificates?: CertificateFact[];
  /** DescribeDBEngineVersions calls that failed or were refused: named in the reason when no other data has the version. */
  engineVersionsUnavailable?: SourceError[];
}

const RAW_ENGINES = engineData.engines as unknown as RawEngineEntry[];
const ENGINES: { matches: (engine: string) => boolean; entry: EngineEntry }[] = RAW_ENGINES.map(({ match, ...entry }) => ({
  matches: picomatch(match),
  entry,
}));

const SHIPPED = shippedEngineVersions as ShippedEngineVersions;

/** The engine globs this tool evaluates (`sqlserver-*` …), and the engine names RDS has (for checking a policy's patterns). */
export const EVALUATED_ENGINE_GLOBS: readonly string[] = RAW_ENGINES.flatMap((e) => e.match);
export const RDS_ENGINE_NAMES: readonly string[] = engineData.engineNames.names;

/** Whether this tool evaluates an engine of that (lower-case) name. */
export function evaluatesEngine(engine: string): boolean {
  return ENGINES.some((e) => e.matches(engine));
}

/**
 * `lookup` with its answers kept by argument. A run asks the same few questions (this engine,
 * version, region) for every resource. Answers are shared, so callers must not change them.
 * One function per arity, with nested maps: no key strings to build, no argument lists to allocate.
 */
function cached1<A, R>(lookup: (a: A) => R): (a: A) => R {
  const answers = new Map<A, R>();
  return (a) => {
    if (answers.has(a)) return answers.get(a) as R;
    const answer = lookup(a);
    answers.set(a, answer);
    return answer;
  };
}

function cached2<A, B, R>(lookup: (a: A, b: B) => R): (a: A, b: B) => R {
  const byFirst = new Map<A, (b: B) => R>();
  return (a, b) => {
    let rest = byFirst.get(a);
    if (!rest) byFirst.set(a, (rest = cached1((b: B) => lookup(a, b))));
    return rest(b);
  };
}

function cached3<A, B, C, R>(lookup: (a: A, b: B, c: C) => R): (a: A, b: B, c: C) => R {
  const byFirst = new Map<A, (b: B, c: C) => R>();
  return (a, b, c) => {
    let rest = byFirst.get(a);
    if (!rest) byFirst.set(a, (rest = cached2((b: B, c: C) => lookup(a, b, c))));
    return rest(b, c);
  };
}

function versionKey(engine: string, version: string): string {
  return `${engine.toLowerCase()} ${version}`;
}

export function createFacts(input: FactsInput = {}): Facts {
  const aws = new Map<string, EngineVersionFact[]>();
  for (const fact of input.awsEngineVersions ?? []) {
    const key = versionKey(fact.engine, fact.version);
    aws.set(key, [...(aws.get(key) ?? []), fact]);
  }
  const fromFiles = new Map<string, EngineVersionFact>();
  for (const fact of input.fileEngineVersions ?? []) fromFiles.set(versionKey(fact.engine, fact.version), fact);
  const shipped = new Map<string, EngineVersionFact>();
  for (const row of SHIPPED.versions) {
    shipped.set(versionKey(row.engine, row.version), {
      engine: row.engine,
      version: row.version,
      supportsCertificateRotationWithoutRestart: row.supportsCertificateRotationWithoutRestart,
      supportedCAs: row.supportedCAs,
      // Cited by source id; the JSON's sources and ENGINE-VERSIONS-SOURCES.md say what each is.
      source: `shipped data: ${row.source}`,
    });
  }
  const certificates = input.certificates ?? [];

  function engine(name: string): EngineEntry | null {
    const lower = name.toLowerCase();
    return ENGINES.find((e) => e.matches(lower))?.entry ?? null;
  }

  function tlsDefault(name: string, version: string | null): Fact<string> {
    const entry = engine(name);
    if (!entry || entry.tls.mechanism !== 'parameter') return unknown(`no TLS parameter is known for engine ${name}`);
    const defaults = entry.tls.defaults;
    const values = new Set(defaults.map((d) => d.value));
    if (version === null || numericPrefix(version).length === 0) {
      // Without a version, the default is known only when every version shares it.
      const only = defaults[0]?.value;
      if (values.size === 1 && only != null) return known(only, undefined, `${entry.label} default`);
      return unknown(`the default of ${entry.tls.parameter} depends on the ${entry.label} version, which is not set`);
    }
    const match = defaults.find((d) => d.minVersion === undefined || atLeast(version, d.minVersion));
    if (!match) return unknown(`no default of ${entry.tls.parameter} is known for ${entry.label} ${version}`);
    if (match.value === null) return unknown(match.reason ?? `the default of ${entry.tls.parameter} for ${entry.label} ${version} is not known`);
    return known(match.value, undefined, `${entry.label} ${version} default`);
  }

  function iamAuthSupport(name: string, version: string | null): Fact<boolean> {
    const entry = engine(name);
    if (!entry) return unknown(`IAM authentication support is not known for engine ${name}`);
    const iam = entry.iamAuth;
    if (!iam.supported) return known(false, undefined, iam.reason ?? `not available for ${entry.label}`);
    if (iam.minVersion) {
      if (version === null || numericPrefix(version).length === 0)
        return unknown(`IAM authentication needs ${entry.label} ${iam.minVersion} or later and the engine version is not set`);
      if (!atLeast(version, iam.minVersion))
        return known(false, undefined, iam.belowMinVersion ?? `not available before ${entry.label} ${iam.minVersion}`);
    }
    return known(true);
  }

  function caValidity(identifier: string, region: string | null): CaValidity | null {
    const id = identifier.toLowerCase();
    const fromAws =
      certificates.find((c) => c.identifier.toLowerCase() === id && c.region === region && c.validTill) ??
      certificates.find((c) => c.identifier.toLowerCase() === id && c.validTill);
    if (fromAws?.validTill) return { validTill: fromAws.validTill, source: `DescribeCertificates ${fromAws.region ?? ''}`.trim() };
    const ca = authorities.authorities.find((a) => a.id === id);
    return ca ? { validTill: ca.validTill, source: 'shipped CA data' } : null;
  }

  function engineVersion(name: string, version: string | null, region: string | null): EngineVersionLookup {
    if (version === null) return { fact: null, reason: 'the engine version is not set, so its restart behaviour is not known' };
    const key = versionKey(name, version);
    const awsFacts = aws.get(key);
    const awsFact = awsFacts?.find((f) => f.source.endsWith(` ${region}`)) ?? awsFacts?.[0];
    if (awsFact) return { fact: awsFact };
    const fileFact = fromFiles.get(key);
    if (fileFact) return { fact: fileFact };
    const shippedFact = shipped.get(key);
    if (shippedFact) return { fact: shippedFact };
    const range = SHIPPED.ranges.find(
      (r) =>
        r.engine === name.toLowerCase() &&
        atLeast(version, r.minVersion) &&
        (r.maxVersion === null || compareVersions(version, r.maxVersion) <= 0),
    );
    if (range) {
      return {
        fact: {
          engine: name,
          version,
          supportsCertificateRotationWithoutRestart: range.supportsCertificateRotationWithoutRestart,
          supportedCAs: null,
          source: `shipped data: ${range.source}`,
        },
      };
    }
    const refused = (input.engineVersionsUnavailable ?? []).find((u) => region === null || u.source.startsWith(region));
    if (refused) {
      return {
        fact: null,
        reason: `no engine-version facts for ${name} ${version}: ${refused.source} failed (${refused.message}), and no --engine-versions file or shipped data has it`,
      };
    }
    return {
      fact: null,
      reason: `no engine-version facts for ${name} ${version} (pass --engine-versions with describe-db-engine-versions output, or run with AWS credentials)`,
    };
  }

  return {
    engine: cached1(engine),
    tlsDefault: cached2(tlsDefault),
    iamAuthSupport: cached2(iamAuthSupport),
    caValidity: cached2(caValidity),
    engineVersion: cached3(engineVersion),
  };
}
