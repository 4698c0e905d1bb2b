// @ts-check
// Per-tenant throttling and isolation: a noisy tenant far above its limit and a quiet tenant at a
// steady rate, at the same time.
//
//   k6 run -e BASE_URL=http://127.0.0.1:5080 -e ADMIN_KEY=local-admin-key-change-me-0123456789 load/throttling.js
//
// setup() creates two tenants, seeds one user in each, sets the noisy tenant's limit with
// PUT /admin/tenants/{id}/limits {"requestsPerSecond": NOISY_LIMIT_RPS, "burst": NOISY_BURST},
// checks that the quiet tenant's own limit is well above QUIET_RATE, and waits SETTLE so the change
// reaches every silo ("within seconds"). Two constant-arrival-rate scenarios then run side by side
// for DURATION: "noisy" at NOISY_RATE requests/s, "quiet" at QUIET_RATE requests/s, each request a
// GET /Users/{id} or a test-connection filter query (alternating). Requests are sent once: a 429 is
// recorded, never retried.
//
// Thresholds (k6 fails the run, exit code 99, when one is crossed):
//   noisy_accepted        count>=LO, count<=HI  accepted (2xx) noisy requests in the measured
//                                               window; see the arithmetic below
//   retry_after_present   rate==1               every 429 carries Retry-After in whole seconds
//   retry_after_seconds   max<=RETRY_AFTER_MAX  ... and it is about one token's refill time
//   quiet_throttled       count==0              the quiet tenant never sees a 429
//   http_req_duration{tenant:quiet}  p(95)<QUIET_P95_MS
//   http_req_failed{tenant:*}  rate<0.01        no 5xx/other errors (429 is expected for noisy)
//   checks                rate>0.99             statuses, bodies, SCIM error body on 429
//
// ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { envDurationSeconds, envInt, envNumber, envRaw, k6Duration, runPrefix } from './lib/env.js';
import {
  createTenants,
  deleteTenants,
  filterQuery,
  filterString,
  getLimits,
  isScimError,
  json,
  newUserBody,
  requireAdminKey,
  retryAfterSeconds,
  scim,
  setLimits,
  uuidv4,
} from './lib/scim.js';
import { metricValue, summaryOutputs } from './lib/summary.js';

// ---------------------------------------------------------------------------------------------
// Settings (environment variables)
// ---------------------------------------------------------------------------------------------

const NOISY_LIMIT_RPS = envNumber('NOISY_LIMIT_RPS', 10, { min: 0.1 });
const NOISY_BURST = envNumber('NOISY_BURST', 20, { min: 1 });
const NOISY_RATE = envInt('NOISY_RATE', 100);
const QUIET_RATE = envInt('QUIET_RATE', 5);
const DURATION_S = envDurationSeconds('DURATION', '30s');
const WARMUP_S = envDurationSeconds('WARMUP', '5s');
const SETTLE_S = envDurationSeconds('SETTLE', '3s');
const TOLERANCE = envNumber('TOLERANCE', 0.1, { min: 0, max: 1 });
const QUIET_P95_MS = envNumber('QUIET_P95_MS', 200, { min: 1 });
// Unset: the quiet tenant keeps the service's default limit. Set: setup() PUTs it (burst defaults to it).
const QUIET_LIMIT_RPS = envRaw('QUIET_LIMIT_RPS') === undefined ? undefined : envNumber('QUIET_LIMIT_RPS', 0, { min: 0.001 });
const QUIET_BURST = envNumber('QUIET_BURST', QUIET_LIMIT_RPS === undefined ? 1 : Math.max(1, QUIET_LIMIT_RPS), { min: 1 });
const RETRY_AFTER_MAX = envNumber('RETRY_AFTER_MAX', Math.ceil(1 / NOISY_LIMIT_RPS) + 1, { min: 0 });
const NOISY_VUS = envInt('NOISY_VUS', Math.max(10, Math.ceil(NOISY_RATE / 5)));
const QUIET_VUS = envInt('QUIET_VUS', Math.max(5, QUIET_RATE * 2));

// ---------------------------------------------------------------------------------------------
// Threshold arithmetic for the noisy tenant's accepted requests
// ---------------------------------------------------------------------------------------------
//
// The service limits a tenant with a token bucket: it holds at most B = NOISY_BURST tokens, refills
// at r = NOISY_LIMIT_RPS tokens per second, and each accepted request takes one token. The noisy
// scenario offers NOISY_RATE requests/s, far more than r, so the bucket is never given time to
// fill up again once it has been emptied.
//
// Only requests that START at least WARMUP seconds into the scenario are counted, up to its end
// (constant-arrival-rate starts no iteration after DURATION), i.e. a window of
//     M = DURATION - WARMUP seconds            (defaults: 30 s - 5 s = 25 s).
// The initial burst B is spent within B / (NOISY_RATE - r) seconds (20 / 90 = 0.22 s), well inside
// the warm-up, and the warm-up also absorbs a limit change that is still propagating. So at the
// start of the window the bucket is empty, and during it the service can accept exactly what
// refills:
//     expected = r * M                         (10/s * 25 s = 250 requests)
// (at most one token more or less at the window's edges). "Accepted rate within ±10% of the
// limit" is then
//     LO = ceil((1 - TOLERANCE) * expected)    (ceil(0.9 * 250)  = 225)
//     HI = floor((1 + TOLERANCE) * expected)   (floor(1.1 * 250) = 275)
// and the thresholds are noisy_accepted count>=LO and count<=HI. k6 evaluates them itself, so a
// service outside the band fails the run with k6's threshold exit code.
//
// With WARMUP=0 the window is the whole scenario and the bucket starts full (SETTLE seconds of
// idleness refill it, so SETTLE must be >= B / r): expected = B + r * DURATION (20 + 300 = 320,
// band 288..352). This variant also depends on how fast the limit change propagated, so the
// default measures the steady state only.

const WINDOW_S = DURATION_S - WARMUP_S;
const EXPECTED_ACCEPTED = WARMUP_S > 0 ? NOISY_LIMIT_RPS * WINDOW_S : NOISY_BURST + NOISY_LIMIT_RPS * DURATION_S;
// (The 1e-9 keeps floating-point noise such as 0.9 * x = 225.00000000000003 from moving a bound.)
const ACCEPTED_LO = Math.ceil((1 - TOLERANCE) * EXPECTED_ACCEPTED - 1e-9);
const ACCEPTED_HI = Math.floor((1 + TOLERANCE) * EXPECTED_ACCEPTED + 1e-9);
const DRAIN_S = NOISY_BURST / (NOISY_RATE - NOISY_LIMIT_RPS);

if (NOISY_RATE < 2 * NOISY_LIMIT_RPS) {
  throw new Error('NOISY_RATE (' + NOISY_RATE + '/s) must be at least twice NOISY_LIMIT_RPS (' + NOISY_LIMIT_RPS + '/s) to keep the noisy tenant far above its limit');
}
if (WINDOW_S <= 0) {
  throw new Error('WARMUP (' + WARMUP_S + 's) must be shorter than DURATION (' + DURATION_S + 's)');
}
if (WARMUP_S > 0 && WARMUP_S < 2 * DRAIN_S) {
  throw new Error('WARMUP (' + WARMUP_S + 's) must be at least twice the time the burst takes to drain (' + DRAIN_S.toFixed(2) + 's)');
}
if (WARMUP_S === 0 && SETTLE_S < NOISY_BURST / NOISY_LIMIT_RPS) {
  throw new Error('with WARMUP=0, SETTLE must be >= NOISY_BURST / NOISY_LIMIT_RPS so the bucket starts full');
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    noisy: {
      executor: 'constant-arrival-rate',
      exec: 'noisy',
      rate: NOISY_RATE,
      timeUnit: '1s',
      duration: k6Duration(DURATION_S),
      preAllocatedVUs: NOISY_VUS,
      maxVUs: NOISY_VUS * 4,
      gracefulStop: '10s',
      tags: { tenant: 'noisy' },
    },
    quiet: {
      executor: 'constant-arrival-rate',
      exec: 'quiet',
      rate: QUIET_RATE,
      timeUnit: '1s',
      duration: k6Duration(DURATION_S),
      preAllocatedVUs: QUIET_VUS,
      maxVUs: QUIET_VUS * 4,
      gracefulStop: '10s',
      tags: { tenant: 'quiet' },
    },
  },
  thresholds: {
    // Noisy: accepted (2xx) requests in the measured window within ±TOLERANCE of limit * window.
    noisy_accepted: ['count>=' + ACCEPTED_LO, 'count<=' + ACCEPTED_HI],
    // Every 429 names when to retry, in whole seconds, no later than about one token's refill.
    retry_after_present: ['rate==1'],
    retry_after_seconds: ['max<=' + RETRY_AFTER_MAX],
    // Quiet: never throttled, and fast while the neighbour floods.
    quiet_throttled: ['count==0'],
    'http_req_duration{tenant:quiet}': ['p(95)<' + QUIET_P95_MS],
    // No server errors for either tenant (429 is an expected status for the noisy one).
    'http_req_failed{tenant:noisy}': ['rate<0.01'],
    'http_req_failed{tenant:quiet}': ['rate<0.01'],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
  setupTimeout: k6Duration(60 + SETTLE_S),
};

// ---------------------------------------------------------------------------------------------
// Custom metrics
// ---------------------------------------------------------------------------------------------

/** Noisy requests started inside the measured window: 1 when accepted (2xx), else 0. */
const noisyAccepted = new Counter('noisy_accepted');
/** Every noisy request: 1 when answered 429 (whole run, warm-up included). */
const noisyThrottled = new Counter('noisy_throttled');
/** Every 429 (either tenant): whether it carried Retry-After as whole seconds. */
const retryAfterPresent = new Rate('retry_after_present');
/** The Retry-After values seen, in seconds. */
const retryAfterValue = new Trend('retry_after_seconds');
/** Every quiet request: 1 when answered 429, else 0. */
const quietThrottled = new Counter('quiet_throttled');

// ---------------------------------------------------------------------------------------------
// Setup / teardown
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Side
 * @property {import('./lib/scim.js').Tenant} tenant
 * @property {string} userId a user seeded in setup, for GET /Users/{id}
 */

/**
 * @typedef {object} SetupData
 * @property {Side} noisy
 * @property {Side} quiet
 */

/**
 * Creates one user in a tenant (before its limit is lowered) and returns its id.
 * @param {import('./lib/scim.js').Tenant} tenant
 * @returns {string}
 */
function seedUser(tenant) {
  const userName = 'seed.' + tenant.id + '@load.example.com';
  const res = scim(tenant, 'POST', '/Users', newUserBody(userName, 'seed-' + tenant.id, 1), 'setup_create_user', { retries: 5 });
  const b = json(res);
  if (res.status !== 201 || b === null || typeof b.id !== 'string') {
    throw new Error('setup: POST ' + tenant.scimBaseUrl + '/Users answered ' + res.status + ': ' + String(res.body).substring(0, 300));
  }
  return b.id;
}

/** @returns {SetupData} */
export function setup() {
  requireAdminKey();
  const prefix = runPrefix('thr');
  const tenants = createTenants([prefix + '-noisy', prefix + '-quiet']);
  const noisy = { tenant: tenants[0], userId: seedUser(tenants[0]) };
  const quiet = { tenant: tenants[1], userId: seedUser(tenants[1]) };

  const noisyLimits = setLimits(noisy.tenant.id, { requestsPerSecond: NOISY_LIMIT_RPS, burst: NOISY_BURST });
  const readBack = getLimits(noisy.tenant.id);
  if (readBack.requestsPerSecond !== NOISY_LIMIT_RPS || readBack.burst !== NOISY_BURST) {
    throw new Error('setup: GET limits of ' + noisy.tenant.id + ' answered ' + JSON.stringify(readBack) + ' after PUT ' + JSON.stringify(noisyLimits));
  }

  if (QUIET_LIMIT_RPS !== undefined) {
    setLimits(quiet.tenant.id, { requestsPerSecond: QUIET_LIMIT_RPS, burst: QUIET_BURST });
  }
  // The quiet tenant must be far below its own limit; otherwise a 429 would be its own fault, not
  // the noisy neighbour's, and the isolation threshold would measure nothing.
  const quietLimits = getLimits(quiet.tenant.id);
  if (QUIET_RATE > 0.8 * quietLimits.requestsPerSecond) {
    throw new Error(
      'setup: QUIET_RATE ' + QUIET_RATE + '/s is not well below the quiet tenant\'s own limit ' + JSON.stringify(quietLimits) +
        '; lower QUIET_RATE or raise it with QUIET_LIMIT_RPS'
    );
  }

  console.log(
    'throttling: noisy ' + noisy.tenant.id + ' limit ' + JSON.stringify(noisyLimits) + ' offered ' + NOISY_RATE + '/s; quiet ' +
      quiet.tenant.id + ' limit ' + JSON.stringify(quietLimits) + ' offered ' + QUIET_RATE + '/s; accepted band ' + ACCEPTED_LO +
      '..' + ACCEPTED_HI + ' over ' + WINDOW_S + 's; settling ' + SETTLE_S + 's'
  );
  sleep(SETTLE_S);
  return { noisy: noisy, quiet: quiet };
}

/** @param {SetupData} data */
export function teardown(data) {
  deleteTenants([data.noisy.tenant.id, data.quiet.tenant.id]);
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/**
 * One request: alternately GET /Users/{id} and a test-connection filter query.
 * @param {Side} side
 * @param {'noisy' | 'quiet'} which
 */
function request(side, which) {
  const byId = exec.scenario.iterationInTest % 2 === 0;
  const res = byId
    ? scim(side.tenant, 'GET', '/Users/' + side.userId, null, 'get_user', { expect429: which === 'noisy', tags: { tenant: which } })
    : scim(side.tenant, 'GET', '/Users' + filterQuery('userName eq ' + filterString(uuidv4())), null, 'test_connection', {
        expect429: which === 'noisy',
        tags: { tenant: which },
      });

  if (res.status === 429) {
    const after = retryAfterSeconds(res);
    retryAfterPresent.add(after !== undefined, { tenant: which });
    if (after !== undefined) {
      retryAfterValue.add(after, { tenant: which });
    }
    check(res, {
      '429: Retry-After in whole seconds': function () {
        return after !== undefined;
      },
      '429: SCIM error body': function (r) {
        return isScimError(r, 429);
      },
    });
  } else {
    check(res, {
      'accepted: status 200': function (r) {
        return r.status === 200;
      },
      'accepted: expected body': function (r) {
        const b = json(r);
        return b !== null && (byId ? b.id === side.userId : b.totalResults === 0);
      },
    });
  }
  return res;
}

/** The noisy scenario (NOISY_RATE/s). @param {SetupData} data */
export function noisy(data) {
  const startedMs = Date.now();
  const res = request(data.noisy, 'noisy');
  noisyThrottled.add(res.status === 429 ? 1 : 0);
  // Count by the time the request was sent, relative to the scenario's start.
  if (startedMs - exec.scenario.startTime >= WARMUP_S * 1000) {
    noisyAccepted.add(res.status >= 200 && res.status < 300 ? 1 : 0);
  }
}

/** The quiet scenario (QUIET_RATE/s). @param {SetupData} data */
export function quiet(data) {
  const res = request(data.quiet, 'quiet');
  quietThrottled.add(res.status === 429 ? 1 : 0);
}

/**
 * @param {import('./lib/summary.js').SummaryData} data
 * @returns {{ [output: string]: string }}
 */
export function handleSummary(data) {
  const accepted = metricValue(data, 'noisy_accepted', 'count');
  const acceptedRate = accepted === undefined ? undefined : accepted / WINDOW_S;
  const throttled = metricValue(data, 'noisy_throttled', 'count');
  const quietP95 = metricValue(data, 'http_req_duration{tenant:quiet}', 'p(95)');
  const quiet429 = metricValue(data, 'quiet_throttled', 'count');
  /** @type {string[]} */
  const notes = [
    'noisy: limit ' + NOISY_LIMIT_RPS + '/s burst ' + NOISY_BURST + ', offered ' + NOISY_RATE + '/s for ' + DURATION_S + 's; ' +
      'measured window ' + WINDOW_S + 's after ' + WARMUP_S + 's warm-up',
    'noisy: accepted ' + (accepted === undefined ? 'n/a' : accepted) + ' in the window = ' +
      (acceptedRate === undefined ? 'n/a' : Math.round(acceptedRate * 100) / 100) + '/s ' +
      '(expected ' + EXPECTED_ACCEPTED + ', band ' + ACCEPTED_LO + '..' + ACCEPTED_HI + ' = ±' + TOLERANCE * 100 + '%); ' +
      '429s over the whole run ' + (throttled === undefined ? 'n/a' : throttled),
    'quiet: offered ' + QUIET_RATE + '/s; 429s ' + (quiet429 === undefined ? 'n/a' : quiet429) + '; p95 ' +
      (quietP95 === undefined ? 'n/a' : Math.round(quietP95 * 10) / 10 + 'ms') + ' (bound ' + QUIET_P95_MS + 'ms)',
  ];
  return summaryOutputs(data, 'OrleansScim k6: throttling', notes);
}
