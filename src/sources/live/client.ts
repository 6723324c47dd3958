// The RDS client a scan uses: the SDK's standard configuration (credential chain, AWS_PROFILE,
// AWS_ENDPOINT_URL_RDS, …) with adaptive retries, so throttling slows the scan down instead of failing it.
import { RDSClient, type RDSClientConfig } from '@aws-sdk/client-rds';

/** Attempts per call, the first included. Adaptive mode also rate-limits the client after throttling. */
export const DEFAULT_MAX_ATTEMPTS = 6;

/**
 * A client for one region. `AWS_RETRY_MODE` and `AWS_MAX_ATTEMPTS` still win when set; the endpoint
 * is never set here, so `AWS_ENDPOINT_URL_RDS` / `AWS_ENDPOINT_URL` apply as the SDK reads them.
 * `overrides` is for tests (a fake HTTP handler, static credentials).
 */
export function createRdsClient(region: string, env: NodeJS.ProcessEnv = process.env, overrides: RDSClientConfig = {}): RDSClient {
  return new RDSClient({
    region,
    retryMode: env.AWS_RETRY_MODE ? undefined : 'adaptive',
    maxAttempts: env.AWS_MAX_ATTEMPTS ? undefined : DEFAULT_MAX_ATTEMPTS,
    ...overrides,
  });
}

export type CallCounts = Record<string, number>;

/**
 * Counts the operations a client sends (one per call, retries not counted) into `counts`, by
 * command name ("DescribeDBInstancesCommand" → "DescribeDBInstances"). For benchmarks and tests.
 */
export function countCalls<C extends RDSClient>(client: C, counts: CallCounts): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counts[name] = (counts[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'rdsTlsGuardCallCounter' },
  );
  return client;
}
