import type { Location } from '../model.js';
import type { Outcome, Rule } from './types.js';
import { notApplicable, PASS } from './types.js';

const DAY_MS = 86_400_000;

function day(iso: string): string {
  return iso.slice(0, 10);
}

function expiryOutcome(what: string, validTill: string, asOf: Date, minDays: number, at: Location, source: string): Outcome | null {
  const end = Date.parse(validTill);
  if (Number.isNaN(end)) return { status: 'unknown', message: `${what}: validity date "${validTill}" is not a date`, at };
  const daysLeft = Math.floor((end - asOf.getTime()) / DAY_MS);
  if (daysLeft >= minDays) return null;
  const when = daysLeft < 0 ? `expired on ${day(validTill)}` : `expires on ${day(validTill)}, in ${daysLeft} days`;
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
      const outcome = expiryOutcome(`CA ${identifier}`, validity.validTill, context.asOf, minDays, ca.at, validity.source);
      if (outcome) outcomes.push(outcome);
    }
    const serverCert = resource.ca?.serverCertValidTill;
    if (serverCert) {
      const outcome = expiryOutcome('the server certificate', serverCert, context.asOf, minDays, ca.at, 'CertificateDetails.ValidTill');
      if (outcome) outcomes.push(outcome);
    }
    return outcomes.length > 0 ? outcomes : [PASS];
  },
};
