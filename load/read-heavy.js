// @ts-check
// Read-heavy load: GET by id and indexed filter lookups at a constant arrival rate.
//
//   k6 run -e BASE_URL=http://127.0.0.1:5080 -e ADMIN_KEY=local-admin-key-change-me-0123456789 load/read-heavy.js
//
// setup() creates TENANTS tenants, lifts their rate limits above the offered load (so this measures
// reads, not throttling; TENANT_LIMIT_RPS=none keeps the service's default), and creates
// USERS_PER_TENANT users in each (SETUP_BATCH in parallel). The scenario then starts RATE requests/s
// for DURATION; iteration i picks a random seeded user and, by i mod 10, sends
//   0-3  GET /Users/{id}                                          name=get_user         (40%)
//   4-5  GET /Users?filter=userName eq "..."  (upper-cased on odd iterations: case-insensitive)
//                                                                 name=filter_username  (20%)
//   6-7  GET /Users?filter=externalId eq "..."                    name=filter_externalid (20%)
//   8-9  GET /Users?filter=emails[type eq "work"].value eq "..."  name=filter_email     (20%)
// and checks that exactly the seeded user comes back. teardown() deletes the tenants.
// ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

import http from 'k6/http';
import { check, fail } from 'k6';
import exec from 'k6/execution';
import { Rate } from 'k6/metrics';
import { BASE_URL, envBool, envDurationSeconds, envInt, envNumber, envString, k6Duration, runPrefix } from './lib/env.js';
import {
  EXPECT_429,
  SCIM_JSON,
  createTenants,
  deleteTenants,
  filterQuery,
  filterString,
  json,
  newUserBody,
  requireAdminKey,
  scim,
  setLimits,
} from './lib/scim.js';
import { summaryOutputs } from './lib/summary.js';

// ---------------------------------------------------------------------------------------------
// Settings (environment variables)
// ---------------------------------------------------------------------------------------------

const TENANTS = envInt('TENANTS', 4);
const USERS_PER_TENANT = envInt('USERS_PER_TENANT', 250);
const RATE = envInt('RATE', 200); // requests per second
const DURATION_S = envDurationSeconds('DURATION', '1m');
const PRE_VUS = envInt('PRE_VUS', Math.max(10, Math.ceil(RATE / 10)));
const MAX_VUS = envInt('MAX_VUS', Math.max(50, RATE));
const ERROR_RATE = envNumber('ERROR_RATE', 0.01, { min: 0, max: 1 });
const P95_MS = envNumber('P95_MS', 100, { min: 1 });
const P99_MS = envNumber('P99_MS', 250, { min: 1 });
// "auto": each tenant may take the whole offered rate twice over; "none": leave the default.
const TENANT_LIMIT = envString('TENANT_LIMIT_RPS', 'auto');
/** @type {number | null} null: leave the service's default limit */
const TENANT_LIMIT_VALUE =
  TENANT_LIMIT === 'none' ? null : TENANT_LIMIT === 'auto' ? Math.max(100, RATE * 2) : Number(TENANT_LIMIT);
if (TENANT_LIMIT_VALUE !== null && (!isFinite(TENANT_LIMIT_VALUE) || TENANT_LIMIT_VALUE <= 0)) {
  throw new Error('TENANT_LIMIT_RPS must be auto, none or a positive number, got "' + TENANT_LIMIT + '"');
}
const SETUP_BATCH = envInt('SETUP_BATCH', 50);
const KEEP_TENANTS = envBool('KEEP_TENANTS', false);

const KINDS = ['get_user', 'filter_username', 'filter_externalid', 'filter_email'];

/** @type {{ [name: string]: import('k6/options').Threshold[] }} */
const thresholds = {
  // Scoped to the scenario (the `scenario` system tag), so setup()'s seeding does not count.
  'http_req_failed{scenario:reads}': ['rate<' + ERROR_RATE],
  checks: ['rate>' + (1 - ERROR_RATE)],
  lookup_hit: ['rate>' + (1 - ERROR_RATE)],
  'http_req_duration{scenario:reads}': ['p(95)<' + P95_MS, 'p(99)<' + P99_MS],
};
for (let i = 0; i < KINDS.length; i++) {
  thresholds['http_req_duration{name:' + KINDS[i] + '}'] = ['p(95)<' + P95_MS, 'p(99)<' + P99_MS];
}

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    reads: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: k6Duration(DURATION_S),
      preAllocatedVUs: PRE_VUS,
      maxVUs: MAX_VUS,
      gracefulStop: '10s',
    },
  },
  thresholds: thresholds,
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
  setupTimeout: envString('SETUP_TIMEOUT', k6Duration(Math.max(120, (TENANTS * USERS_PER_TENANT) / 20))),
  teardownTimeout: '120s',
};

/** Whether the lookup returned exactly the seeded user (a Rate: hits / lookups). */
const lookupHit = new Rate('lookup_hit');

// ---------------------------------------------------------------------------------------------
// Setup / teardown
// ---------------------------------------------------------------------------------------------

/**
 * A seeded user: [id, userName, externalId, work email] (arrays keep the setup data small; it is
 * copied into every VU).
 * @typedef {[string, string, string, string]} Seeded
 */

/**
 * @typedef {object} SeededTenant
 * @property {import('./lib/scim.js').Tenant} tenant
 * @property {Seeded[]} users
 */

/**
 * @typedef {object} SetupData
 * @property {SeededTenant[]} tenants
 */

/**
 * Creates USERS_PER_TENANT users in one tenant, SETUP_BATCH at a time with http.batch; a request
 * that fails (e.g. a 429 while the new limit propagates) is retried once on its own with back-off.
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {number} t tenant index (for unique names)
 * @returns {Seeded[]}
 */
function seedUsers(tenant, t) {
  /** @type {Seeded[]} */
  const users = [];
  for (let start = 0; start < USERS_PER_TENANT; start += SETUP_BATCH) {
    const end = Math.min(USERS_PER_TENANT, start + SETUP_BATCH);
    /** @type {{ userName: string, externalId: string, body: Record<string, unknown> }[]} */
    const planned = [];
    /** @type {import('k6/http').ObjectBatchRequest[]} */
    const requests = [];
    for (let k = start; k < end; k++) {
      const userName = 'r' + t + '-' + k + '.' + tenant.id + '@load.example.com';
      const externalId = 'ext-' + t + '-' + k;
      const body = newUserBody(userName, externalId, k);
      planned.push({ userName: userName, externalId: externalId, body: body });
      requests.push({
        method: 'POST',
        url: tenant.scimBaseUrl + '/Users',
        body: JSON.stringify(body),
        params: {
          headers: { Authorization: 'Bearer ' + tenant.token, 'Content-Type': SCIM_JSON, Accept: SCIM_JSON },
          tags: { name: 'setup_create_user' },
          responseType: 'text',
          responseCallback: EXPECT_429,
        },
      });
    }
    const responses = http.batch(requests);
    for (let i = 0; i < responses.length; i++) {
      let res = responses[i];
      if (res.status === 429) {
        res = scim(tenant, 'POST', '/Users', planned[i].body, 'setup_create_user', { retries: 5 });
      }
      const b = json(res);
      if (res.status !== 201 || b === null || typeof b.id !== 'string') {
        fail('setup: creating ' + planned[i].userName + ' in ' + tenant.id + ' answered ' + res.status + ': ' + String(res.body).substring(0, 300));
      }
      users.push([b.id, planned[i].userName, planned[i].externalId, planned[i].userName]);
    }
  }
  return users;
}

/** @returns {SetupData} */
export function setup() {
  requireAdminKey();
  const prefix = runPrefix('read');
  /** @type {string[]} */
  const ids = [];
  for (let i = 0; i < TENANTS; i++) {
    ids.push(prefix + '-' + i);
  }
  const tenants = createTenants(ids);
  if (TENANT_LIMIT_VALUE !== null) {
    for (let i = 0; i < tenants.length; i++) {
      setLimits(tenants[i].id, { requestsPerSecond: TENANT_LIMIT_VALUE, burst: TENANT_LIMIT_VALUE });
    }
  }
  /** @type {SeededTenant[]} */
  const seeded = [];
  for (let i = 0; i < tenants.length; i++) {
    seeded.push({ tenant: tenants[i], users: seedUsers(tenants[i], i) });
  }
  console.log('read-heavy: ' + TENANTS + ' tenants x ' + USERS_PER_TENANT + ' users seeded at ' + BASE_URL);
  return { tenants: seeded };
}

/** @param {SetupData} data */
export function teardown(data) {
  if (KEEP_TENANTS) {
    return;
  }
  deleteTenants(
    data.tenants.map(function (t) {
      return t.tenant.id;
    })
  );
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

/** @param {SetupData} data */
export default function (data) {
  const iteration = exec.scenario.iterationInTest;
  const seededTenant = data.tenants[Math.floor(Math.random() * data.tenants.length)];
  const user = seededTenant.users[Math.floor(Math.random() * seededTenant.users.length)];
  const tenant = seededTenant.tenant;
  const id = user[0];
  const slot = iteration % 10;

  if (slot < 4) {
    const res = scim(tenant, 'GET', '/Users/' + id, null, 'get_user');
    const hit = check(res, {
      'get_user: status 200': function (r) {
        return r.status === 200;
      },
      'get_user: the requested user': function (r) {
        const b = json(r);
        return b !== null && b.id === id && b.userName === user[1];
      },
    });
    lookupHit.add(hit, { name: 'get_user' });
    return;
  }

  /** @type {string} */
  let name;
  /** @type {string} */
  let filter;
  if (slot < 6) {
    name = 'filter_username';
    // userName is case-insensitive: every other lookup uses the upper-cased name.
    filter = 'userName eq ' + filterString(iteration % 2 === 1 ? user[1].toUpperCase() : user[1]);
  } else if (slot < 8) {
    name = 'filter_externalid';
    filter = 'externalId eq ' + filterString(user[2]);
  } else {
    name = 'filter_email';
    filter = 'emails[type eq "work"].value eq ' + filterString(user[3]);
  }
  const res = scim(tenant, 'GET', '/Users' + filterQuery(filter), null, name);
  /** @type {import('k6').Checkers<import('./lib/scim.js').Res>} */
  const checks = {};
  checks[name + ': status 200'] = function (r) {
    return r.status === 200;
  };
  checks[name + ': exactly the seeded user'] = function (r) {
    const b = json(r);
    return b !== null && b.totalResults === 1 && Array.isArray(b.Resources) && b.Resources.length === 1 && b.Resources[0].id === id;
  };
  lookupHit.add(check(res, checks), { name: name });
}

/**
 * @param {import('./lib/summary.js').SummaryData} data
 * @returns {{ [output: string]: string }}
 */
export function handleSummary(data) {
  return summaryOutputs(data, 'OrleansScim k6: read-heavy', [
    'settings: TENANTS=' + TENANTS + ' USERS_PER_TENANT=' + USERS_PER_TENANT + ' RATE=' + RATE + '/s DURATION=' +
      k6Duration(DURATION_S) + ' thresholds p95<' + P95_MS + 'ms p99<' + P99_MS + 'ms errors<' + ERROR_RATE * 100 + '%',
  ]);
}
