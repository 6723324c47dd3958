// check(): the one entry point the CLI and the action share. Sources → model → rules → Report.
import packageJson from '../package.json' with { type: 'json' };
import { InputError } from './errors.js';
import { buildReport } from './evaluate/report.js';
import { createFacts } from './facts/index.js';
import type { EngineVersionFact, Resource, SourceResult } from './model.js';
import type { Policy } from './policy/types.js';
import type { Report } from './report/types.js';
import { expandFiles, hasSources, readSources, type SourceOptions } from './sources/index.js';

export const TOOL_VERSION: string = packageJson.version;

export interface CheckOptions extends Partial<Omit<SourceOptions, 'cwd'>> {
  policy: Policy;
  cwd?: string;
  /** `describe-db-engine-versions` JSON files. */
  engineVersions?: string[];
  /**
   * Ask AWS for engine-version facts of IaC resources when credentials are configured in the
   * environment (default). False never calls AWS for IaC sources.
   */
  awsFacts?: boolean;
  /** The day expiry rules count from (default: now). */
  asOf?: Date;
  env?: NodeJS.ProcessEnv;
}

/** Credentials the SDK would find without probing the network (no instance metadata lookups). */
export function awsCredentialsConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE ||
      env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  );
}

/** Engine versions whose restart behaviour the report needs: IaC resources with a CA question. */
function versionsToAsk(results: SourceResult[]): { engine: string; version: string }[] {
  const seen = new Map<string, { engine: string; version: string }>();
  const iac = (r: Resource) => r.origin.type === 'terraform' || r.origin.type === 'cloudformation' || r.origin.type === 'changeset';
  for (const resource of results.flatMap((r: SourceResult) => r.resources).filter(iac)) {
    if (!resource.ca || !resource.engine.known || !resource.engineVersion.known || resource.engineVersion.value === null) continue;
    const pair = { engine: resource.engine.value, version: resource.engineVersion.value };
    seen.set(`${pair.engine} ${pair.version}`, pair);
  }
  return [...seen.values()];
}

export async function check(options: CheckOptions): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const sourceOptions: SourceOptions = {
    cwd,
    terraformPlans: options.terraformPlans ?? [],
    terraformConfigDir: options.terraformConfigDir ?? null,
    cloudformation: options.cloudformation ?? [],
    changesets: options.changesets ?? [],
    cfnParameters: options.cfnParameters ?? [],
    cfnParameterFiles: options.cfnParameterFiles ?? [],
    live: options.live ?? false,
    regions: options.regions ?? [],
    snapshots: options.snapshots ?? [],
  };
  if (!hasSources(sourceOptions)) {
    throw new InputError('nothing to check: give --terraform-plan, --cloudformation, --changeset, --snapshot or --live');
  }
  if (sourceOptions.live && sourceOptions.regions.length === 0) {
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!region) throw new InputError('--live needs --region (or AWS_REGION)');
    sourceOptions.regions = [region];
  }

  // The engine-versions module (and the AWS SDK it brings) loads only when a run needs it.
  const engineVersions = () => import('./sources/engine-versions/index.js');
  const engineVersionFiles = await expandFiles(options.engineVersions ?? [], cwd, '--engine-versions');
  const [results, fileEngineVersions] = await Promise.all([
    readSources(sourceOptions),
    engineVersionFiles.length > 0 ? engineVersions().then((m) => m.readEngineVersionsFiles(engineVersionFiles)) : [],
  ]);

  const awsEngineVersions: EngineVersionFact[] = results.flatMap((r: SourceResult) => r.engineVersions ?? []);
  const askRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const pairs = options.awsFacts !== false && askRegion && awsCredentialsConfigured(env) ? versionsToAsk(results) : [];
  if (askRegion && pairs.length > 0) {
    // Optional enrichment: when AWS says no, restart predictions fall back to files and shipped data,
    // and the refusal is reported as unavailable (the run is not incomplete for it).
    const fetched = await (await engineVersions()).fetchEngineVersionFacts(pairs, askRegion);
    awsEngineVersions.push(...fetched.facts);
    if (fetched.errors.length > 0) results.push({ resources: [], errors: [], unavailable: fetched.errors });
  }

  const unavailable = results.flatMap((r: SourceResult) => r.unavailable ?? []);
  const facts = createFacts({
    awsEngineVersions,
    fileEngineVersions,
    certificates: results.flatMap((r: SourceResult) => r.certificates ?? []),
    // Refused (optional on IaC runs) or failed (a live scan's errors): either way the restart reason names it.
    engineVersionsUnavailable: [...unavailable, ...results.flatMap((r: SourceResult) => r.errors)].filter((u) => u.source.includes('DescribeDBEngineVersions')),
  });
  return buildReport(results, { policy: options.policy, facts, asOf: options.asOf ?? new Date(), version: TOOL_VERSION });
}
