// Which engines a scan keeps, and which TLS setting to read for each (from the shipped engine data,
// so a new engine or parameter is a data change).
import { createFacts, type TlsMechanism } from '../../facts/index.js';

const facts = createFacts();

/** DescribeDB* also list DocumentDB and Neptune; they are not RDS databases. */
export function isRdsDatabaseEngine(engine: string | undefined): boolean {
  const name = (engine ?? '').toLowerCase();
  return !name.startsWith('docdb') && !name.startsWith('neptune');
}

export function tlsMechanism(engine: string | undefined): TlsMechanism | null {
  return engine ? (facts.engine(engine)?.tls ?? null) : null;
}

/** The parameter that enforces TLS for this engine (lower-cased), or null (option group, unknown engine). */
export function tlsParameter(engine: string | undefined): string | null {
  const tls = tlsMechanism(engine);
  return tls?.mechanism === 'parameter' ? tls.parameter.toLowerCase() : null;
}

export function usesOptionGroupTls(engine: string | undefined): boolean {
  return tlsMechanism(engine)?.mechanism === 'option-group';
}

/** The option that enables TLS for option-group engines (Oracle: `SSL`). */
export function tlsOption(engine: string | undefined): string | null {
  const tls = tlsMechanism(engine);
  return tls?.mechanism === 'option-group' ? tls.option : null;
}
