// @ts-check
// Azure-AD-like provisioning cycles spread over many tenants.
//
//   k6 run -e BASE_URL=http://127.0.0.1:5080 -e ADMIN_KEY=local-admin-key-change-me-0123456789 load/provisioning.js
//
// setup() creates TENANTS tenants through the admin API (run-unique ids); teardown() deletes them.
// Each iteration is one sync cycle against one tenant (round-robin), in the order Azure AD's
// provisioning service sends it:
//   1. test connection: GET /Users?filter=userName eq "<random uuid>"  -> 200, totalResults 0
//   2. per user (USERS_PER_CYCLE): lookup by userName (none) -> create -> lookup again (found) ->
//      PATCH in the older Azure AD dialect ("Replace") -> PATCH in the RFC dialect (path-less
//      replace with "name.givenName"/enterprise keys, emails[type eq "work"].value) -> GET by id
//   3. group: create -> add all users ("Add", value list) -> membership check (member) ->
//      remove the first user ("remove", members[value eq "id"]) -> membership check (not member) ->
//      add it back ("add") -> remove all users ("Remove", value list) -> membership check
//   4. per user: disable ("Replace" active "False") -> DELETE; then DELETE the group
// A 429 is retried after its Retry-After (as Azure AD backs off), at most MAX_429_RETRIES times.
// Settings: see load/README.md. ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

import { check, group } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { envBool, envDurationSeconds, envInt, envNumber, envRaw, envString, k6Duration, runPrefix } from './lib/env.js';
import {
  ENTERPRISE_USER,
  GROUP_SCHEMA,
  PATCH_OP,
  createTenants,
  deleteTenants,
  filterQuery,
  filterString,
  json,
  newUserBody,
  requireAdminKey,
  scim,
  setLimits,
  uuidv4,
} from './lib/scim.js';
import { summaryOutputs } from './lib/summary.js';

// ---------------------------------------------------------------------------------------------
// Settings (environment variables)
// ---------------------------------------------------------------------------------------------

const TENANTS = envInt('TENANTS', 20);
const USERS_PER_CYCLE = envInt('USERS_PER_CYCLE', 2);
const CYCLE_RATE = envInt('CYCLE_RATE', 2); // cycles started per TIME_UNIT
const TIME_UNIT = envString('TIME_UNIT', '1s');
const RAMP_UP_S = envDurationSeconds('RAMP_UP', '10s');
const DURATION_S = envDurationSeconds('DURATION', '1m');
const PRE_VUS = envInt('PRE_VUS', Math.max(5, CYCLE_RATE * 2));
const MAX_VUS = envInt('MAX_VUS', Math.max(50, CYCLE_RATE * 20));
const MAX_429_RETRIES = envInt('MAX_429_RETRIES', 5, 0);
const ERROR_RATE = envNumber('ERROR_RATE', 0.01, { min: 0, max: 1 });
const P95_MS = envNumber('P95_MS', 250, { min: 1 });
const P99_MS = envNumber('P99_MS', 500, { min: 1 });
// Unset: keep the service's default limit. Set: setup() PUTs it on every tenant (burst defaults to it).
const TENANT_LIMIT_RPS = envRaw('TENANT_LIMIT_RPS') === undefined ? undefined : envNumber('TENANT_LIMIT_RPS', 0, { min: 0.001 });
const TENANT_BURST = envNumber('TENANT_BURST', TENANT_LIMIT_RPS === undefined ? 1 : Math.max(1, TENANT_LIMIT_RPS), { min: 1 });
const KEEP_TENANTS = envBool('KEEP_TENANTS', false);
const SETUP_BATCH = envInt('SETUP_BATCH', 20);

if (DURATION_S <= 0) {
  throw new Error('DURATION must be positive');
}

/** Request kinds: the `name` tag of every SCIM request, one threshold pair each. */
const KINDS = [
  'test_connection',
  'lookup_user',
  'create_user',
  'patch_user_azure',
  'patch_user_rfc',
  'get_user',
  'create_group',
  'patch_group_azure',
  'patch_group_rfc',
  'membership_check',
  'disable_user',
  'delete_user',
  'delete_group',
];

// ---------------------------------------------------------------------------------------------
// Options: one ramping-arrival-rate scenario, thresholds on errors and per-kind latency
// ---------------------------------------------------------------------------------------------

/** @type {{ [name: string]: import('k6/options').Threshold[] }} */
const thresholds = {
  // Requests the service got wrong (anything but 2xx/3xx; a retried 429 is not a failure).
  // Scoped to the scenario (the `scenario` system tag), so setup()'s admin calls do not count.
  'http_req_failed{scenario:provisioning}': ['rate<' + ERROR_RATE],
  // Every response's content was as expected.
  checks: ['rate>' + (1 - ERROR_RATE)],
  // Whole cycles in which every step succeeded.
  cycle_success: ['rate>' + (1 - ERROR_RATE)],
  'http_req_duration{scenario:provisioning}': ['p(95)<' + P95_MS, 'p(99)<' + P99_MS],
};
for (let i = 0; i < KINDS.length; i++) {
  thresholds['http_req_duration{name:' + KINDS[i] + '}'] = ['p(95)<' + P95_MS, 'p(99)<' + P99_MS];
}

/** @type {import('k6/options').Stage[]} */
const stages = [];
if (RAMP_UP_S > 0) {
  stages.push({ duration: k6Duration(RAMP_UP_S), target: CYCLE_RATE });
}
stages.push({ duration: k6Duration(DURATION_S), target: CYCLE_RATE });

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    provisioning: {
      executor: 'ramping-arrival-rate',
      startRate: RAMP_UP_S > 0 ? 1 : CYCLE_RATE,
      timeUnit: TIME_UNIT,
      stages: stages,
      preAllocatedVUs: PRE_VUS,
      maxVUs: MAX_VUS,
      gracefulStop: '30s',
    },
  },
  thresholds: thresholds,
  summaryTrendStats: ['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
  setupTimeout: envString('SETUP_TIMEOUT', k6Duration(Math.max(60, TENANTS * 0.5))),
  teardownTimeout: k6Duration(Math.max(60, TENANTS * 0.5)),
};

// ---------------------------------------------------------------------------------------------
// Custom metrics
// ---------------------------------------------------------------------------------------------

const cyclesCompleted = new Counter('cycles_completed');
const cyclesFailed = new Counter('cycles_failed');
const cycleSuccess = new Rate('cycle_success');
const cycleDuration = new Trend('cycle_duration', true);
const usersProvisioned = new Counter('users_provisioned');

// ---------------------------------------------------------------------------------------------
// Setup / teardown
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} SetupData
 * @property {string} prefix
 * @property {import('./lib/scim.js').Tenant[]} tenants
 */

/** @returns {SetupData} */
export function setup() {
  requireAdminKey();
  const prefix = runPrefix('prov');
  /** @type {string[]} */
  const ids = [];
  for (let i = 0; i < TENANTS; i++) {
    ids.push(prefix + '-' + i);
  }
  const tenants = createTenants(ids, SETUP_BATCH);
  if (TENANT_LIMIT_RPS !== undefined) {
    for (let i = 0; i < tenants.length; i++) {
      setLimits(tenants[i].id, { requestsPerSecond: TENANT_LIMIT_RPS, burst: TENANT_BURST });
    }
  }
  console.log('provisioning: created ' + tenants.length + ' tenants ' + prefix + '-0..' + (TENANTS - 1));
  return { prefix: prefix, tenants: tenants };
}

/** @param {SetupData} data */
export function teardown(data) {
  if (KEEP_TENANTS) {
    console.log('provisioning: KEEP_TENANTS set; tenants ' + data.prefix + '-* are left in place');
    return;
  }
  const ids = data.tenants.map(function (t) {
    return t.id;
  });
  const deleted = deleteTenants(ids, SETUP_BATCH);
  console.log('provisioning: deleted ' + deleted + ' of ' + ids.length + ' tenants');
}

// ---------------------------------------------------------------------------------------------
// One sync cycle
// ---------------------------------------------------------------------------------------------

/**
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {string} name
 */
function send(tenant, method, path, body, name) {
  return scim(tenant, method, path, body, name, { retries: MAX_429_RETRIES });
}

/**
 * totalResults and Resources of a ListResponse, or null when the body is not one.
 * @param {{ body: unknown }} res
 * @returns {{ total: number, resources: any[] } | null}
 */
function list(res) {
  const b = json(res);
  if (b === null || typeof b !== 'object' || typeof b.totalResults !== 'number') {
    return null;
  }
  return { total: b.totalResults, resources: Array.isArray(b.Resources) ? b.Resources : [] };
}

/**
 * The work email of a user resource, or undefined.
 * @param {any} user
 * @returns {string | undefined}
 */
function workEmail(user) {
  const emails = user && Array.isArray(user.emails) ? user.emails : [];
  for (let i = 0; i < emails.length; i++) {
    if (emails[i] && emails[i].type === 'work') {
      return emails[i].value;
    }
  }
  return undefined;
}

/**
 * `GET /Users?filter=userName eq "<userName>"`, checked for the expected number of hits (and the
 * expected id when there is one).
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {string} userName
 * @param {string | null} expectedId null: expect no match
 * @returns {boolean}
 */
function lookupUser(tenant, userName, expectedId) {
  const res = send(tenant, 'GET', '/Users' + filterQuery('userName eq ' + filterString(userName)), null, 'lookup_user');
  return check(res, {
    'lookup_user: status 200': function (r) {
      return r.status === 200;
    },
    'lookup_user: expected match': function (r) {
      const l = list(r);
      if (l === null) {
        return false;
      }
      if (expectedId === null) {
        return l.total === 0 && l.resources.length === 0;
      }
      return l.total === 1 && l.resources.length === 1 && l.resources[0].id === expectedId;
    },
  });
}

/**
 * Azure AD's membership check: `GET /Groups?filter=id eq "g" and members eq "u"&excludedAttributes=members`.
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {string} groupId
 * @param {string} userId
 * @param {boolean} member
 * @returns {boolean}
 */
function membershipCheck(tenant, groupId, userId, member) {
  const filter = 'id eq ' + filterString(groupId) + ' and members eq ' + filterString(userId);
  const res = send(tenant, 'GET', '/Groups' + filterQuery(filter, 'excludedAttributes=members'), null, 'membership_check');
  return check(res, {
    'membership_check: status 200': function (r) {
      return r.status === 200;
    },
    'membership_check: expected answer': function (r) {
      const l = list(r);
      if (l === null) {
        return false;
      }
      if (!member) {
        return l.total === 0;
      }
      return l.total === 1 && l.resources.length === 1 && l.resources[0].id === groupId && l.resources[0].members === undefined;
    },
  });
}

/**
 * A PATCH of a group's members, which the service answers with 204.
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {string} groupId
 * @param {unknown[]} operations
 * @param {string} name patch_group_azure | patch_group_rfc
 * @returns {boolean}
 */
function patchGroup(tenant, groupId, operations, name) {
  const res = send(tenant, 'PATCH', '/Groups/' + groupId, { schemas: [PATCH_OP], Operations: operations }, name);
  /** @type {import('k6').Checkers<import('./lib/scim.js').Res>} */
  const checks = {};
  checks[name + ': status 204'] = function (r) {
    return r.status === 204;
  };
  return check(res, checks);
}

/**
 * @param {import('./lib/scim.js').Tenant} tenant
 * @param {number} iteration
 * @param {string} prefix
 * @returns {boolean} whether every step succeeded
 */
function runCycle(tenant, iteration, prefix) {
  let ok = true;

  group('test connection', function () {
    const res = send(tenant, 'GET', '/Users' + filterQuery('userName eq ' + filterString(uuidv4())), null, 'test_connection');
    ok =
      check(res, {
        'test_connection: status 200': function (r) {
          return r.status === 200;
        },
        'test_connection: empty ListResponse': function (r) {
          const l = list(r);
          return l !== null && l.total === 0 && l.resources.length === 0;
        },
      }) && ok;
  });

  /** @type {{ id: string, userName: string }[]} */
  const users = [];
  group('users', function () {
    for (let k = 0; k < USERS_PER_CYCLE; k++) {
      const n = iteration * USERS_PER_CYCLE + k;
      const userName = 'u' + iteration + '-' + k + '.' + prefix + '@load.example.com';
      const externalId = 'ext-' + prefix + '-' + n;

      ok = lookupUser(tenant, userName, null) && ok;

      const created = send(tenant, 'POST', '/Users', newUserBody(userName, externalId, n), 'create_user');
      const body = json(created);
      const createdOk = check(created, {
        'create_user: status 201': function (r) {
          return r.status === 201;
        },
        'create_user: id and userName returned': function () {
          return body !== null && typeof body.id === 'string' && body.id.length > 0 && body.userName === userName;
        },
      });
      if (!createdOk || body === null || typeof body.id !== 'string') {
        ok = false;
        continue;
      }
      const id = String(body.id);
      users.push({ id: id, userName: userName });
      usersProvisioned.add(1);

      ok = lookupUser(tenant, userName, id) && ok;

      // Older Azure AD dialect: capitalised op, explicit paths.
      const displayName = 'Load User ' + n + ' (renamed)';
      const azure = send(
        tenant,
        'PATCH',
        '/Users/' + id,
        {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'Replace', path: 'displayName', value: displayName },
            { op: 'Replace', path: 'title', value: 'Senior Tester' },
          ],
        },
        'patch_user_azure'
      );
      ok =
        check(azure, {
          'patch_user_azure: status 200': function (r) {
            return r.status === 200;
          },
          'patch_user_azure: attributes replaced': function (r) {
            const u = json(r);
            return u !== null && u.displayName === displayName && u.title === 'Senior Tester';
          },
        }) && ok;

      // RFC dialect: lowercase op, path-less replace with dotted and URN-qualified keys, and a
      // value-path replace of the work email.
      const givenName = 'Given' + n;
      const employeeNumber = String(100000 + n);
      const email = 'renamed.' + userName;
      const rfc = send(
        tenant,
        'PATCH',
        '/Users/' + id,
        {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'replace', value: { 'name.givenName': givenName, [ENTERPRISE_USER + ':employeeNumber']: employeeNumber } },
            { op: 'replace', path: 'emails[type eq "work"].value', value: email },
          ],
        },
        'patch_user_rfc'
      );
      /**
       * @param {any} u
       * @returns {boolean}
       */
      const patched = function (u) {
        return (
          u !== null &&
          u.name !== undefined &&
          u.name.givenName === givenName &&
          u[ENTERPRISE_USER] !== undefined &&
          u[ENTERPRISE_USER].employeeNumber === employeeNumber &&
          workEmail(u) === email &&
          u.displayName === displayName
        );
      };
      ok =
        check(rfc, {
          'patch_user_rfc: status 200': function (r) {
            return r.status === 200;
          },
          'patch_user_rfc: attributes replaced': function (r) {
            return patched(json(r));
          },
        }) && ok;

      const got = send(tenant, 'GET', '/Users/' + id, null, 'get_user');
      ok =
        check(got, {
          'get_user: status 200': function (r) {
            return r.status === 200;
          },
          'get_user: both PATCHes persisted': function (r) {
            return patched(json(r));
          },
        }) && ok;
    }
  });

  group('group membership', function () {
    const created = send(
      tenant,
      'POST',
      '/Groups',
      {
        schemas: [GROUP_SCHEMA],
        displayName: 'k6 group ' + iteration + ' ' + prefix,
        externalId: 'grp-' + prefix + '-' + iteration,
        members: [],
      },
      'create_group'
    );
    const body = json(created);
    const createdOk = check(created, {
      'create_group: status 201': function (r) {
        return r.status === 201;
      },
      'create_group: id returned': function () {
        return body !== null && typeof body.id === 'string' && body.id.length > 0;
      },
    });
    if (!createdOk || body === null || typeof body.id !== 'string') {
      ok = false;
      return;
    }
    const groupId = String(body.id);

    if (users.length > 0) {
      const first = users[0].id;
      const all = users.map(function (u) {
        return { value: u.id };
      });
      // Older dialect: add many members at once, values wrapped as [{"value": id}].
      ok = patchGroup(tenant, groupId, [{ op: 'Add', path: 'members', value: all }], 'patch_group_azure') && ok;
      ok = membershipCheck(tenant, groupId, first, true) && ok;
      // RFC dialect: remove one member by value filter.
      ok = patchGroup(tenant, groupId, [{ op: 'remove', path: 'members[value eq ' + filterString(first) + ']' }], 'patch_group_rfc') && ok;
      ok = membershipCheck(tenant, groupId, first, false) && ok;
      // RFC dialect: add it back.
      ok = patchGroup(tenant, groupId, [{ op: 'add', path: 'members', value: [{ value: first }] }], 'patch_group_rfc') && ok;
      ok = membershipCheck(tenant, groupId, first, true) && ok;
      // Older dialect: remove the listed members (and only those) by value list.
      ok = patchGroup(tenant, groupId, [{ op: 'Remove', path: 'members', value: all }], 'patch_group_azure') && ok;
      ok = membershipCheck(tenant, groupId, users[users.length - 1].id, false) && ok;
    }

    const deleted = send(tenant, 'DELETE', '/Groups/' + groupId, null, 'delete_group');
    ok =
      check(deleted, {
        'delete_group: status 204': function (r) {
          return r.status === 204;
        },
      }) && ok;
  });

  group('disable and delete', function () {
    for (let k = 0; k < users.length; k++) {
      const id = users[k].id;
      // Older dialect with a boolean as a string, as Azure AD disables a user before deleting it.
      const disabled = send(
        tenant,
        'PATCH',
        '/Users/' + id,
        { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
        'disable_user'
      );
      ok =
        check(disabled, {
          'disable_user: status 200': function (r) {
            return r.status === 200;
          },
          'disable_user: active is false': function (r) {
            const u = json(r);
            return u !== null && u.active === false;
          },
        }) && ok;

      const deleted = send(tenant, 'DELETE', '/Users/' + id, null, 'delete_user');
      ok =
        check(deleted, {
          'delete_user: status 204': function (r) {
            return r.status === 204;
          },
        }) && ok;
    }
  });

  return ok && users.length === USERS_PER_CYCLE;
}

/** @param {SetupData} data */
export default function (data) {
  const iteration = exec.scenario.iterationInTest;
  const tenant = data.tenants[iteration % data.tenants.length];
  const started = Date.now();
  const ok = runCycle(tenant, iteration, data.prefix);
  cycleDuration.add(Date.now() - started);
  cycleSuccess.add(ok);
  if (ok) {
    cyclesCompleted.add(1);
  } else {
    cyclesFailed.add(1);
  }
}

/**
 * @param {import('./lib/summary.js').SummaryData} data
 * @returns {{ [output: string]: string }}
 */
export function handleSummary(data) {
  const completed = data.metrics.cycles_completed;
  const users = data.metrics.users_provisioned;
  /** @type {string[]} */
  const notes = [
    'settings: TENANTS=' + TENANTS + ' USERS_PER_CYCLE=' + USERS_PER_CYCLE + ' CYCLE_RATE=' + CYCLE_RATE + '/' + TIME_UNIT +
      ' RAMP_UP=' + k6Duration(RAMP_UP_S) + ' DURATION=' + k6Duration(DURATION_S) +
      ' thresholds p95<' + P95_MS + 'ms p99<' + P99_MS + 'ms errors<' + ERROR_RATE * 100 + '%',
    'cycles completed: ' + (completed ? completed.values.count : 0) +
      (completed ? ' (' + Math.round(completed.values.rate * 100) / 100 + '/s)' : '') +
      ' | users provisioned: ' + (users ? users.values.count : 0) +
      (users ? ' (' + Math.round(users.values.rate * 100) / 100 + '/s)' : ''),
  ];
  return summaryOutputs(data, 'OrleansScim k6: provisioning', notes);
}
