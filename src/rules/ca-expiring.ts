import type { Location } from '../model.js';
import type { Outcome, Rule } from './types.js';
import { notApplicable, PASSED } from './types.js';

const DAY_MS = 86_400_000;

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Parsed validity dates. A fleet shares a handful of CA dates, and Date.parse is slow enough to matter once per resource. */
const parsedDates = new Map<string, number>();
const MAX_PARSED_DATES = 256;

function parseDate(iso: string): number {
  let time = parsedDates.get(iso);
  if (time === undefined) {
    time = Date.parse(iso);
    if (parsedDates.size < MAX_PARSED_DATES) parsedDates.set(iso, time);
  }
  return time;
}

/** Whole days from `asOf` until `validTill` (negative once past); NaN when `validTill` is not a date. */
function daysLeft(validTill: string, asOf: Date): number {
  return Math.floor((parseDate(validTill) - asOf.getTime()) / DAY_MS);
}

/** The outcome for a validity `days` short of `minDays` (or not a date). `what` is built only then. */
function expiryOutcome(what: string, validTill: string, days: number, minDays: number, at: Location, source: string): Outcome {
  if (Number.isNaN(days)) return { status: 'unknown', message: `${what}: validity date "${validTill}" is not a date`, at };
  const when = days < 0 ? `expired on ${day(validTill)}` : `expires on ${day(validTill)}, in ${days} days`;
  return { status: 'fail', message: `${what} ${when}; the policy needs ${minDays} days (ca.min-days-valid; ${source}).`, at };
}

export const caExpiring: Rule = {
  id: 'ca-expiring',
  evaluate({ resource, evaluation, context }) {
    const { ca } = evaluation;
    if (!ca.applicable) return notApplicable(ca.reason);
    if (!ca.identifier.known) return [{ status: 'unknown', message: `CA: ${ca.identifier.reason}`, at: ca.at }];
    const minDays = context.settings.ca.minDaysValid;
    const outcomes: Outcome[] = [];
    const identifier = ca.identifier.value;
    const ownDate = resource.ca?.caValidTill;
    const validity = ownDate ? { validTill: ownDate, source: 'reported by the source' } : context.facts.caValidity(identifier, resource.origin.region);
    if (!validity) outcomes.push({ status: 'unknown', message: `no validity date is known for CA ${identifier}`, at: ca.at });
    else {
      const days = daysLeft(validity.validTill, context.asOf);
      if (!(days >= minDays)) outcomes.push(expiryOutcome(`CA ${identifier}`, validity.validTill, days, minDays, ca.at, validity.source));
    }
    const serverCert = resource.ca?.serverCertValidTill;
    if (serverCert) {
      const days = daysLeft(serverCert, context.asOf);
      if (!(days >= minDays)) outcomes.push(expiryOutcome('the server certificate', serverCert, days, minDays, ca.at, 'CertificateDetails.ValidTill'));
    }
    return outcomes.length > 0 ? outcomes : PASSED;
  },
};
