// @ts-check
// HTTP helpers shared by the k6 scripts: the admin API (tenants, limits) and SCIM requests with
// request-kind tags, JSON parsing and Azure-AD-like back-off on 429.
// ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

import http from 'k6/http';
import { fail, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import { ADMIN_KEY, BASE_URL } from './env.js';

export const SCIM_JSON = 'application/scim+json';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/**
 * A tenant created by a script: its id, SCIM base URL and bearer token.
 * @typedef {{ id: string, scimBaseUrl: string, token: string }} Tenant
 */

/**
 * A tenant's rate limit as the admin API states it.
 * @typedef {{ requestsPerSecond: number, burst: number }} Limits
 */

/** @typedef {import('k6/http').RefinedResponse<'text'>} Res */

/**
 * 429 answers that were retried after their Retry-After (only requests sent with `retries` > 0).
 * Created here, in the init context, as k6 requires for custom metrics.
 */
const retried429 = new Counter('scim_429_retried');

// Response callbacks (k6 v0.31+) decide what counts in http_req_failed. By default only 2xx/3xx
// are "expected"; where a script treats 429 as normal back-pressure it passes EXPECT_429.
const EXPECT_2XX_3XX = http.expectedStatuses({ min: 200, max: 399 });
export const EXPECT_429 = http.expectedStatuses({ min: 200, max: 399 }, 429);

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

/**
 * A random RFC 4122 version-4 UUID (Math.random is enough for test data).
 * @returns {string}
 */
export function uuidv4() {
  const hex = '0123456789abcdef';
  let s = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      s += '-';
    } else if (i === 14) {
      s += '4';
    } else {
      let r = Math.floor(Math.random() * 16);
      if (i === 19) {
        r = (r & 0x3) | 0x8;
      }
      s += hex.charAt(r);
    }
  }
  return s;
}

/**
 * Quotes a value for a SCIM filter string literal (RFC 7644 uses JSON string syntax).
 * @param {string} value
 * @returns {string}
 */
export function filterString(value) {
  return JSON.stringify(value);
}

/**
 * A query string `filter=<encoded filter>` plus optional extra raw parameters.
 * @param {string} filter e.g. 'userName eq "alice"'
 * @param {string} [extra] e.g. 'excludedAttributes=members'
 * @returns {string}
 */
export function filterQuery(filter, extra) {
  return '?filter=' + encodeURIComponent(filter) + (extra ? '&' + extra : '');
}

/**
 * The body parsed as JSON, or null when there is none or it is not JSON.
 * @param {{ body: unknown }} res
 * @returns {any}
 */
export function json(res) {
  if (typeof res.body !== 'string' || res.body.length === 0) {
    return null;
  }
  try {
    return JSON.parse(res.body);
  } catch (e) {
    return null;
  }
}

/**
 * A response header, looked up case-insensitively (k6 canonicalises names, but be safe).
 * @param {{ headers: { [name: string]: string } }} res
 * @param {string} name
 * @returns {string | undefined}
 */
export function header(res, name) {
  const headers = res.headers || {};
  if (Object.prototype.hasOwnProperty.call(headers, name)) {
    return headers[name];
  }
  const wanted = name.toLowerCase();
  const keys = Object.keys(headers);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i].toLowerCase() === wanted) {
      return headers[keys[i]];
    }
  }
  return undefined;
}

/**
 * The Retry-After header as whole seconds (RFC 9110 delay-seconds), or undefined when it is absent
 * or not a non-negative integer (an HTTP date is not what the service promises).
 * @param {{ headers: { [name: string]: string } }} res
 * @returns {number | undefined}
 */
export function retryAfterSeconds(res) {
  const value = header(res, 'Retry-After');
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) {
    return undefined;
  }
  return parseInt(value, 10);
}

/**
 * True when the body is a SCIM error (RFC 7644 §3.12) with the given status.
 * @param {{ body: unknown }} res
 * @param {number} status
 * @returns {boolean}
 */
export function isScimError(res, status) {
  const b = json(res);
  return (
    b !== null &&
    typeof b === 'object' &&
    Array.isArray(b.schemas) &&
    b.schemas.indexOf(ERROR_SCHEMA) >= 0 &&
    String(b.status) === String(status)
  );
}

// ---------------------------------------------------------------------------------------------
// SCIM requests
// ---------------------------------------------------------------------------------------------

/**
 * Options for one SCIM request.
 * @typedef {object} ScimOptions
 * @property {number} [retries] how many times a 429 is retried after sleeping its Retry-After
 *   (Azure AD backs off the same way); 0 (default) returns the 429 to the caller.
 * @property {number} [maxWaitSeconds] the longest single back-off (default 10 s).
 * @property {boolean} [expect429] count 429 as an expected status in http_req_failed (implied
 *   when retries > 0: back-pressure is not a server error; a 429 that survives all retries still
 *   fails the caller's status check).
 * @property {{ [name: string]: string }} [tags] extra tags for this request's metrics.
 */

/**
 * Sends one SCIM request to a tenant.
 * @param {Tenant} tenant
 * @param {string} method GET, POST, PUT, PATCH, DELETE
 * @param {string} path relative to the SCIM base URL, e.g. "/Users" or "/Users?filter=..."
 * @param {unknown} body an object (sent as JSON) or null
 * @param {string} name the `name` tag: one per request kind, so URLs holding ids do not create
 *   one metric series per resource
 * @param {ScimOptions} [options]
 * @returns {Res}
 */
export function scim(tenant, method, path, body, name, options) {
  const o = options || {};
  const retries = o.retries || 0;
  const maxWait = o.maxWaitSeconds === undefined ? 10 : o.maxWaitSeconds;
  /** @type {{ [name: string]: string }} */
  const tags = { name: name };
  if (o.tags) {
    const keys = Object.keys(o.tags);
    for (let i = 0; i < keys.length; i++) {
      tags[keys[i]] = o.tags[keys[i]];
    }
  }
  /** @type {{ [name: string]: string }} */
  const headers = { Authorization: 'Bearer ' + tenant.token, Accept: SCIM_JSON };
  const payload = body === null || body === undefined ? null : JSON.stringify(body);
  if (payload !== null) {
    headers['Content-Type'] = SCIM_JSON;
  }
  /** @type {import('k6/http').RefinedParams<'text'>} */
  const params = {
    headers: headers,
    tags: tags,
    responseType: 'text',
    responseCallback: o.expect429 || retries > 0 ? EXPECT_429 : EXPECT_2XX_3XX,
  };
  const url = tenant.scimBaseUrl + path;
  let res = http.request(method, url, payload, params);
  for (let attempt = 0; res.status === 429 && attempt < retries; attempt++) {
    retried429.add(1, { name: name });
    const after = retryAfterSeconds(res);
    sleep(Math.min(maxWait, after === undefined || after < 1 ? 1 : after));
    res = http.request(method, url, payload, params);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Admin API
// ---------------------------------------------------------------------------------------------

/**
 * Stops setup() with a clear message when ADMIN_KEY is missing.
 * @returns {string} the key
 */
export function requireAdminKey() {
  if (!ADMIN_KEY) {
    fail(
      'ADMIN_KEY is not set. Pass the service\'s admin key (Admin__ApiKey), e.g. ' +
        'k6 run -e BASE_URL=' + BASE_URL + ' -e ADMIN_KEY=local-admin-key-change-me-0123456789 <script>.js'
    );
  }
  return ADMIN_KEY;
}

/**
 * @param {string} name
 * @param {boolean} [withBody]
 * @returns {import('k6/http').RefinedParams<'text'>}
 */
function adminParams(name, withBody) {
  /** @type {{ [name: string]: string }} */
  const headers = { Authorization: 'Bearer ' + ADMIN_KEY, Accept: 'application/json' };
  if (withBody) {
    headers['Content-Type'] = 'application/json';
  }
  return { headers: headers, tags: { name: name }, responseType: 'text' };
}

/**
 * Explains an unexpected admin answer and stops the run (setup) or logs it (teardown).
 * @param {string} what
 * @param {{ status: number, body: unknown, error: string }} res
 * @returns {string}
 */
function adminProblem(what, res) {
  let hint = '';
  if (res.status === 0) {
    hint = ' (no HTTP answer: is the service running at ' + BASE_URL + '? ' + res.error + ')';
  } else if (res.status === 401 || res.status === 403) {
    hint = ' (the admin key was refused: check ADMIN_KEY against the service\'s Admin__ApiKey)';
  } else if (res.status === 409) {
    hint = ' (the tenant already exists: choose another TENANT_PREFIX)';
  }
  const body = typeof res.body === 'string' ? res.body.substring(0, 300) : '';
  return what + ' answered ' + res.status + hint + (body ? ': ' + body : '');
}

/**
 * Creates tenants through the admin API, `batchSize` requests in parallel (http.batch), and stops
 * the run on the first failure.
 * @param {string[]} ids
 * @param {number} [batchSize]
 * @returns {Tenant[]}
 */
export function createTenants(ids, batchSize) {
  requireAdminKey();
  const size = batchSize || 20;
  /** @type {Tenant[]} */
  const tenants = [];
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    /** @type {import('k6/http').ObjectBatchRequest[]} */
    const requests = [];
    for (let i = 0; i < chunk.length; i++) {
      requests.push({
        method: 'POST',
        url: BASE_URL + '/admin/tenants',
        body: JSON.stringify({ tenantId: chunk[i] }),
        params: adminParams('admin_create_tenant', true),
      });
    }
    const responses = http.batch(requests);
    for (let i = 0; i < responses.length; i++) {
      const res = responses[i];
      const b = json(res);
      if (res.status !== 201 || b === null || typeof b.token !== 'string') {
        fail(adminProblem('POST /admin/tenants {"tenantId":"' + chunk[i] + '"}', res));
      }
      tenants.push({
        id: chunk[i],
        // The service's own answer; it is BASE_URL + /tenants/{id}/scim/v2 unless the service is
        // configured with another public origin (Scim__PublicBaseUrl).
        scimBaseUrl:
          typeof b.scimBaseUrl === 'string' && b.scimBaseUrl
            ? String(b.scimBaseUrl).replace(/\/+$/, '')
            : BASE_URL + '/tenants/' + chunk[i] + '/scim/v2',
        token: b.token,
      });
    }
  }
  return tenants;
}

/**
 * Deletes tenants (teardown). Failures are logged, not fatal: the run's results stand.
 * @param {string[]} ids
 * @param {number} [batchSize]
 * @returns {number} how many were deleted
 */
export function deleteTenants(ids, batchSize) {
  if (!ADMIN_KEY) {
    return 0;
  }
  const size = batchSize || 20;
  let deleted = 0;
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    /** @type {import('k6/http').ObjectBatchRequest[]} */
    const requests = [];
    for (let i = 0; i < chunk.length; i++) {
      requests.push({
        method: 'DELETE',
        url: BASE_URL + '/admin/tenants/' + encodeURIComponent(chunk[i]),
        params: adminParams('admin_delete_tenant'),
      });
    }
    const responses = http.batch(requests);
    for (let i = 0; i < responses.length; i++) {
      if (responses[i].status === 204 || responses[i].status === 404) {
        deleted++;
      } else {
        console.warn(adminProblem('DELETE /admin/tenants/' + chunk[i], responses[i]));
      }
    }
  }
  return deleted;
}

/**
 * Sets a tenant's rate limit (PUT /admin/tenants/{id}/limits) and stops the run unless the service
 * answers 200 with the values it was given.
 * @param {string} tenantId
 * @param {Limits} limits
 * @returns {Limits}
 */
export function setLimits(tenantId, limits) {
  requireAdminKey();
  const what = 'PUT /admin/tenants/' + tenantId + '/limits ' + JSON.stringify(limits);
  const res = http.put(
    BASE_URL + '/admin/tenants/' + encodeURIComponent(tenantId) + '/limits',
    JSON.stringify({ requestsPerSecond: limits.requestsPerSecond, burst: limits.burst }),
    adminParams('admin_put_limits', true)
  );
  if (res.status === 404 || res.status === 405) {
    fail(adminProblem(what, res) + ' (does this build of the service support per-tenant limits?)');
  }
  const b = json(res);
  if (res.status !== 200 || b === null || typeof b.requestsPerSecond !== 'number') {
    fail(adminProblem(what, res));
  }
  if (b.requestsPerSecond !== limits.requestsPerSecond || b.burst !== limits.burst) {
    fail(what + ' answered ' + JSON.stringify(b) + ' instead of the values sent');
  }
  return { requestsPerSecond: b.requestsPerSecond, burst: b.burst };
}

/**
 * Reads a tenant's rate limit (GET /admin/tenants/{id}/limits); stops the run on failure.
 * @param {string} tenantId
 * @returns {Limits}
 */
export function getLimits(tenantId) {
  requireAdminKey();
  const what = 'GET /admin/tenants/' + tenantId + '/limits';
  const res = http.get(
    BASE_URL + '/admin/tenants/' + encodeURIComponent(tenantId) + '/limits',
    adminParams('admin_get_limits')
  );
  const b = json(res);
  if (res.status !== 200 || b === null || typeof b.requestsPerSecond !== 'number' || typeof b.burst !== 'number') {
    fail(adminProblem(what, res));
  }
  return { requestsPerSecond: b.requestsPerSecond, burst: b.burst };
}

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

/**
 * A user as Azure AD creates it for the "mobile workforce" / "finance workflow" app profiles:
 * core attributes, a work email and the enterprise extension.
 * @param {string} userName
 * @param {string} externalId
 * @param {number} n a number for the generated names
 * @returns {Record<string, unknown>}
 */
export function newUserBody(userName, externalId, n) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    externalId: externalId,
    userName: userName,
    active: true,
    displayName: 'Load User ' + n,
    title: 'Tester',
    preferredLanguage: 'en-US',
    locale: 'en-US',
    timezone: 'Europe/Amsterdam',
    name: { givenName: 'Load', familyName: 'User' + n, formatted: 'Load User' + n },
    emails: [{ type: 'work', value: userName, primary: true }],
    [ENTERPRISE_USER]: {
      employeeNumber: String(n),
      costCenter: 'cc-' + (n % 10),
      organization: 'Load',
      division: 'k6',
      department: 'dept-' + (n % 7),
    },
    // Azure AD sends these on create; the service ignores readOnly/empty values.
    roles: [],
  };
}
