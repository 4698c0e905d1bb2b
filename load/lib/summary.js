// @ts-check
// A compact end-of-test text summary for handleSummary() (no remote jslib import), plus the full
// summary data as JSON in the file named by SUMMARY_JSON.
// ES2019 only (k6 v0.46+): no optional chaining, no nullish coalescing.

import { envRaw } from './env.js';

/**
 * The parts of k6's summary data this formatter reads (the structure passed to handleSummary).
 * @typedef {object} SummaryMetric
 * @property {string} type counter | gauge | rate | trend
 * @property {string} [contains] time | data | default
 * @property {{ [stat: string]: number }} values
 * @property {{ [expression: string]: { ok: boolean } }} [thresholds]
 */

/**
 * @typedef {object} SummaryCheck
 * @property {string} name
 * @property {number} passes
 * @property {number} fails
 */

/**
 * @typedef {object} SummaryGroup
 * @property {string} [name]
 * @property {SummaryGroup[]} [groups]
 * @property {SummaryCheck[]} [checks]
 */

/**
 * @typedef {object} SummaryData
 * @property {{ [name: string]: SummaryMetric }} metrics
 * @property {SummaryGroup} [root_group]
 * @property {{ testRunDurationMs?: number }} [state]
 */

/**
 * @param {number} n
 * @param {number} [digits]
 * @returns {string}
 */
export function num(n, digits) {
  if (typeof n !== 'number' || !isFinite(n)) {
    return String(n);
  }
  const d = digits === undefined ? 2 : digits;
  const f = Math.pow(10, d);
  return String(Math.round(n * f) / f);
}

/**
 * @param {number} millis
 * @returns {string}
 */
export function ms(millis) {
  if (typeof millis !== 'number' || !isFinite(millis)) {
    return String(millis);
  }
  if (millis >= 1000) {
    return num(millis / 1000, 2) + 's';
  }
  return num(millis, millis < 10 ? 2 : 1) + 'ms';
}

/**
 * @param {string} s
 * @param {number} width
 * @returns {string}
 */
function padRight(s, width) {
  let out = s;
  while (out.length < width) {
    out += ' ';
  }
  return out;
}

/**
 * @param {string} s
 * @param {number} width
 * @returns {string}
 */
function padLeft(s, width) {
  let out = s;
  while (out.length < width) {
    out = ' ' + out;
  }
  return out;
}

/**
 * One value of a metric, formatted for its kind (time in ms/s, rates in %).
 * @param {SummaryMetric} metric
 * @param {string} stat e.g. "p(95)", "rate", "count"
 * @returns {string}
 */
function statText(metric, stat) {
  const v = metric.values[stat];
  if (v === undefined) {
    return 'n/a';
  }
  if (metric.type === 'rate' && stat === 'rate') {
    return num(v * 100, 2) + '%';
  }
  if (metric.type === 'trend' && metric.contains === 'time' && stat !== 'count') {
    return ms(v);
  }
  return num(v, 3);
}

/**
 * A metric's value from the summary data, or undefined when the metric saw no samples.
 * @param {SummaryData} data
 * @param {string} metric e.g. "noisy_accepted" or "http_req_duration{tenant:quiet}"
 * @param {string} stat e.g. "count", "p(95)"
 * @returns {number | undefined}
 */
export function metricValue(data, metric, stat) {
  const m = data.metrics[metric];
  if (!m || !m.values) {
    return undefined;
  }
  return m.values[stat];
}

/**
 * @param {SummaryGroup | undefined} group
 * @param {string} prefix
 * @param {{ name: string, passes: number, fails: number }[]} out
 */
function collectChecks(group, prefix, out) {
  if (!group) {
    return;
  }
  const checks = group.checks || [];
  for (let i = 0; i < checks.length; i++) {
    out.push({ name: prefix + checks[i].name, passes: checks[i].passes, fails: checks[i].fails });
  }
  const groups = group.groups || [];
  for (let i = 0; i < groups.length; i++) {
    collectChecks(groups[i], prefix + (groups[i].name || '') + ' > ', out);
  }
}

/**
 * The compact text summary: run figures, every threshold with PASS/FAIL and the measured value,
 * failing checks, a latency table per tagged sub-metric of http_req_duration, and custom metrics.
 * @param {SummaryData} data
 * @param {string} title
 * @param {string[]} [notes] extra lines printed after the run figures (script-specific results)
 * @returns {string}
 */
export function textSummary(data, title, notes) {
  /** @type {string[]} */
  const lines = [];
  const metrics = data.metrics || {};
  const names = Object.keys(metrics).sort();
  const durationMs = data.state && data.state.testRunDurationMs;

  lines.push('');
  lines.push('=== ' + title + ' ===');
  /** @type {string[]} */
  const run = [];
  if (typeof durationMs === 'number') {
    run.push('duration ' + ms(durationMs));
  }
  const figures = [
    ['iterations', 'iterations'],
    ['http_reqs', 'requests'],
  ];
  for (let i = 0; i < figures.length; i++) {
    const m = metrics[figures[i][0]];
    if (m) {
      run.push(figures[i][1] + ' ' + num(m.values.count, 0) + ' (' + num(m.values.rate, 2) + '/s)');
    }
  }
  const dropped = metrics.dropped_iterations;
  run.push('dropped iterations ' + (dropped ? num(dropped.values.count, 0) : '0'));
  const failed = metrics.http_req_failed;
  if (failed) {
    run.push('failed requests ' + statText(failed, 'rate'));
  }
  lines.push(run.join(' | '));
  if (notes && notes.length) {
    for (let i = 0; i < notes.length; i++) {
      lines.push(notes[i]);
    }
  }

  // Thresholds.
  /** @type {string[]} */
  const thresholdLines = [];
  let passed = 0;
  let failedThresholds = 0;
  for (let i = 0; i < names.length; i++) {
    const m = metrics[names[i]];
    const t = m.thresholds;
    if (!t) {
      continue;
    }
    const expressions = Object.keys(t);
    for (let j = 0; j < expressions.length; j++) {
      const ok = t[expressions[j]].ok;
      if (ok) {
        passed++;
      } else {
        failedThresholds++;
      }
      const stat = /^\s*([a-z]+(\([0-9.]+\))?)/.exec(expressions[j]);
      const actual = stat ? stat[1] + '=' + statText(m, stat[1]) : '';
      thresholdLines.push(
        '  ' + (ok ? 'PASS ' : 'FAIL ') + padRight(names[i], 44) + ' ' + padRight(expressions[j], 16) + ' ' + actual
      );
    }
  }
  lines.push('');
  lines.push('thresholds: ' + passed + ' passed, ' + failedThresholds + ' failed');
  for (let i = 0; i < thresholdLines.length; i++) {
    lines.push(thresholdLines[i]);
  }

  // Checks: totals, then only the failing ones.
  /** @type {{ name: string, passes: number, fails: number }[]} */
  const checks = [];
  collectChecks(data.root_group, '', checks);
  let checkPasses = 0;
  let checkFails = 0;
  for (let i = 0; i < checks.length; i++) {
    checkPasses += checks[i].passes;
    checkFails += checks[i].fails;
  }
  lines.push('');
  lines.push('checks: ' + checkPasses + ' passed, ' + checkFails + ' failed');
  for (let i = 0; i < checks.length; i++) {
    if (checks[i].fails > 0) {
      lines.push('  FAIL ' + checks[i].name + ' (' + checks[i].fails + ' of ' + (checks[i].passes + checks[i].fails) + ')');
    }
  }

  // Latency per tagged sub-metric of http_req_duration (those with thresholds are in the data).
  const latency = [];
  for (let i = 0; i < names.length; i++) {
    if (names[i] === 'http_req_duration' || names[i].indexOf('http_req_duration{') === 0) {
      latency.push(names[i]);
    }
  }
  if (latency.length) {
    const stats = ['count', 'avg', 'med', 'p(95)', 'p(99)', 'max'];
    lines.push('');
    let head = '  ' + padRight('http_req_duration', 44);
    for (let j = 0; j < stats.length; j++) {
      head += padLeft(stats[j], 10);
    }
    lines.push(head);
    for (let i = 0; i < latency.length; i++) {
      const m = metrics[latency[i]];
      let row = '  ' + padRight(latency[i] === 'http_req_duration' ? '(all)' : latency[i].substring(17), 44);
      for (let j = 0; j < stats.length; j++) {
        row += padLeft(m.values[stats[j]] === undefined ? '-' : statText(m, stats[j]), 10);
      }
      lines.push(row);
    }
  }

  // Custom metrics: everything that is not one of k6's built-ins.
  /** @type {string[]} */
  const custom = [];
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (/^(http_|iteration|iterations|data_|vus|checks|dropped_iterations|group_duration)/.test(n)) {
      continue;
    }
    const m = metrics[n];
    let text = '';
    if (m.type === 'counter') {
      text = 'count=' + num(m.values.count, 0) + ' rate=' + num(m.values.rate, 3) + '/s';
    } else if (m.type === 'rate') {
      text = 'rate=' + statText(m, 'rate') + ' (' + num(m.values.passes, 0) + ' of ' + num(m.values.passes + m.values.fails, 0) + ')';
    } else if (m.type === 'gauge') {
      text = 'value=' + statText(m, 'value');
    } else {
      text = ['avg', 'med', 'p(95)', 'p(99)', 'max']
        .filter(function (s) {
          return m.values[s] !== undefined;
        })
        .map(function (s) {
          return s + '=' + statText(m, s);
        })
        .join(' ');
    }
    custom.push('  ' + padRight(n, 44) + ' ' + text);
  }
  if (custom.length) {
    lines.push('');
    lines.push('custom metrics:');
    for (let i = 0; i < custom.length; i++) {
      lines.push(custom[i]);
    }
  }
  lines.push('');
  lines.push(failedThresholds === 0 ? 'RESULT: all thresholds passed' : 'RESULT: ' + failedThresholds + ' threshold(s) failed');
  lines.push('');
  return lines.join('\n');
}

/**
 * What handleSummary returns: the text summary on stdout and, when SUMMARY_JSON names a file, the
 * complete summary data there as JSON.
 * @param {SummaryData} data
 * @param {string} title
 * @param {string[]} [notes]
 * @returns {{ [output: string]: string }}
 */
export function summaryOutputs(data, title, notes) {
  /** @type {{ [output: string]: string }} */
  const out = { stdout: textSummary(data, title, notes) };
  const file = envRaw('SUMMARY_JSON');
  if (file !== undefined) {
    out[file] = JSON.stringify(data, null, 2);
  }
  return out;
}
