// @ts-check
// Reading the scripts' settings from environment variables (`k6 run -e NAME=value`).
// Every reader throws at init time on a malformed value, so a typo stops the run before any load.
// ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

/**
 * The raw value of an environment variable, or undefined when it is unset or empty.
 * @param {string} name
 * @returns {string | undefined}
 */
export function envRaw(name) {
  const value = __ENV[name];
  if (value === undefined || value === null || String(value).trim() === '') {
    return undefined;
  }
  return String(value).trim();
}

/**
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
export function envString(name, fallback) {
  const value = envRaw(name);
  return value === undefined ? fallback : value;
}

/**
 * A finite number.
 * @param {string} name
 * @param {number} fallback
 * @param {{ min?: number, max?: number, integer?: boolean }} [limits]
 * @returns {number}
 */
export function envNumber(name, fallback, limits) {
  const raw = envRaw(name);
  const value = raw === undefined ? fallback : Number(raw);
  const l = limits || {};
  if (!isFinite(value)) {
    throw new Error(name + ' must be a number, got "' + raw + '"');
  }
  if (l.integer && Math.floor(value) !== value) {
    throw new Error(name + ' must be a whole number, got ' + value);
  }
  if (l.min !== undefined && value < l.min) {
    throw new Error(name + ' must be >= ' + l.min + ', got ' + value);
  }
  if (l.max !== undefined && value > l.max) {
    throw new Error(name + ' must be <= ' + l.max + ', got ' + value);
  }
  return value;
}

/**
 * A whole number >= min (default 1).
 * @param {string} name
 * @param {number} fallback
 * @param {number} [min]
 * @returns {number}
 */
export function envInt(name, fallback, min) {
  return envNumber(name, fallback, { integer: true, min: min === undefined ? 1 : min });
}

/**
 * "1", "true", "yes" (any case) are true; unset is the fallback; anything else is false.
 * @param {string} name
 * @param {boolean} fallback
 * @returns {boolean}
 */
export function envBool(name, fallback) {
  const raw = envRaw(name);
  if (raw === undefined) {
    return fallback;
  }
  return /^(1|true|yes|on)$/i.test(raw);
}

/**
 * A duration in seconds. Accepts k6/Go style durations ("30s", "1m30s", "500ms", "2h") or a bare
 * number of seconds ("45").
 * @param {string} name
 * @param {string} fallback a duration string such as "30s"
 * @returns {number} seconds
 */
export function envDurationSeconds(name, fallback) {
  const raw = envString(name, fallback);
  const seconds = parseDurationSeconds(raw);
  if (seconds === undefined) {
    throw new Error(name + ' must be a duration like 30s, 1m30s or 500ms, got "' + raw + '"');
  }
  return seconds;
}

/**
 * @param {string} text
 * @returns {number | undefined} seconds, or undefined when the text is not a duration
 */
export function parseDurationSeconds(text) {
  const s = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    return Number(s);
  }
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(s)) {
    return undefined;
  }
  /** @type {Record<string, number>} */
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let m = re.exec(s);
  while (m !== null) {
    total += Number(m[1]) * unit[m[2]];
    m = re.exec(s);
  }
  return total;
}

/**
 * Formats seconds as a k6 duration string ("90s", "0.5s").
 * @param {number} seconds
 * @returns {string}
 */
export function k6Duration(seconds) {
  return String(Math.round(seconds * 1000) / 1000) + 's';
}

/** The settings every script shares. */
export const BASE_URL = envString('BASE_URL', 'http://127.0.0.1:5080').replace(/\/+$/, '');

/**
 * The admin key; checked in setup() (see requireAdminKey in scim.js) so that a missing key fails
 * the run with one clear message.
 */
export const ADMIN_KEY = envString('ADMIN_KEY', '');

/**
 * A prefix for the tenants a run creates: unique per run (time in base 36 plus a random suffix), so
 * runs never collide with each other or with real tenants (POST /admin/tenants answers 409 for an
 * existing id). Override with TENANT_PREFIX (lower-case letters, digits and '-').
 * @param {string} script a short tag for the script, e.g. "prov"
 * @returns {string}
 */
export function runPrefix(script) {
  const given = envRaw('TENANT_PREFIX');
  if (given !== undefined) {
    if (!/^[a-z0-9-]{1,40}$/.test(given)) {
      throw new Error('TENANT_PREFIX must be 1-40 characters of [a-z0-9-], got "' + given + '"');
    }
    return given;
  }
  const random = Math.floor(Math.random() * 36 * 36 * 36).toString(36);
  return 'k6-' + script + '-' + Date.now().toString(36) + random;
}
