import { Hono } from 'hono';
import { routes } from '@pbgdpl/contract';
import { honoPath } from '../http/paths.js';
import { InputError, valid } from '../http/validate.js';
import { newChallenge } from '../security/altcha.js';
import type { SubmissionDeps } from './pipeline.js';

export function challengeRoutes({ db, config, secrets, sites }: SubmissionDeps) {
  const app = new Hono();
  let sweptAt = 0;
  app.get(honoPath(routes.getChallenge.path), valid('query', routes.getChallenge.query), async (c) => {
    const { site } = c.req.valid('query');
    if (!(await sites.knowsSite(site))) {
      throw new InputError([{ path: 'site', code: 'unknown_site', message: `no site "${site}" is registered` }]);
    }
    // Used proofs only need keeping until they expire; sweep now and then.
    if (Date.now() - sweptAt > 60_000) {
      sweptAt = Date.now();
      await db
        .deleteFrom('altcha_used')
        .where('expires_at', '<', Math.floor(Date.now() / 1000) - 60)
        .execute();
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await newChallenge({ ...config.altcha, ...(await secrets()) }, site));
  });
  return app;
}
