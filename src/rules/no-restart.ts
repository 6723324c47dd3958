import type { Rule } from './types.js';
import { notApplicable, PASSED } from './types.js';

// Only changes in the evaluated plan or change set count; a live database has nothing planned.
export const noRestart: Rule = {
  id: 'no-restart',
  evaluate({ resource, evaluation, context }) {
    if (context.settings.restart.allowed) return notApplicable('restart.allowed is true');
    if (!resource.change) return notApplicable('no planned change');
    const { restart } = evaluation;
    if (restart.trigger !== 'planned-ca-change' && restart.trigger !== 'other-change') return PASSED;
    const at = resource.ca?.change?.at ?? resource.origin.location;
    if (restart.required === null) return [{ status: 'unknown', message: `restart: ${restart.reason}`, at }];
    if (restart.required) return [{ status: 'fail', message: `this change restarts the database: ${restart.reason}.`, at }];
    return PASSED;
  },
};
