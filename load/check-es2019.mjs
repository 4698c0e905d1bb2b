// Guard: the k6 scripts must stay ES2019 so they run unchanged on k6 v0.46+ (TypeScript's checkJs
// does not reject newer syntax; it would only down-level it when emitting, and we emit nothing).
//
//   node load/check-es2019.mjs
//
// Scans load/*.js and load/lib/*.js with comments, string literals, template-literal text and regex
// literals blanked out, and fails (exit 1) on ES2020+ syntax in the remaining code:
//   ?.  optional chaining (not "? .5", a conditional followed by a number)
//   ??  nullish coalescing (also ??=)
//   ||= &&=  logical assignment (ES2021)
//   import.meta
//   1_000  numeric separators (ES2021), 10n  BigInt literals (ES2020)
// It is a lexical check, not a parser, which is enough for these scripts. A built-in self-test runs
// first so a broken scanner cannot pass silently.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Returns the code with comments, strings, template text and regex literals replaced by spaces
 * (newlines kept, so positions and line numbers stay the same). Code inside `${...}` is kept.
 * @param {string} src
 * @returns {string}
 */
export function blankNonCode(src) {
  const out = src.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) {
      if (out[k] !== '\n') out[k] = ' ';
    }
  };
  // Stack of open template literals: each entry is the brace depth at which its `${` started.
  const templates = [];
  let braceDepth = 0;
  let lastSignificant = ''; // last non-space code character, to tell a regex from a division
  let lastWord = '';
  let i = 0;
  const n = src.length;

  const scanTemplateText = (start) => {
    // From `start` (just after ` or }), blank text until ` (end) or ${ (expression).
    let j = start;
    while (j < n) {
      const c = src[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === '`') {
        blank(start, j);
        templates.pop();
        return j + 1;
      }
      if (c === '$' && src[j + 1] === '{') {
        blank(start, j);
        braceDepth++;
        templates[templates.length - 1] = braceDepth;
        return j + 2;
      }
      j++;
    }
    blank(start, n);
    return n;
  };

  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') {
        j += src[j] === '\\' ? 2 : 1;
      }
      blank(i + 1, j);
      i = j + 1;
      lastSignificant = c;
      lastWord = '';
      continue;
    }
    if (c === '`') {
      templates.push(-1);
      i = scanTemplateText(i + 1);
      lastSignificant = '`';
      lastWord = '';
      continue;
    }
    if (c === '/') {
      // A regex literal can only start where an expression can: after an operator or punctuation
      // (not after an identifier, number, `)` or `]`), or after keywords such as `return`.
      const regexAllowed =
        lastSignificant === '' ||
        /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) ||
        /^(return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else)$/.test(lastWord);
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          const d = src[j];
          if (d === '\\') {
            j += 2;
            continue;
          }
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) break;
          j++;
        }
        blank(i + 1, j);
        i = j + 1;
        while (i < n && /[a-z]/i.test(src[i])) i++; // flags
        lastSignificant = '/';
        lastWord = 'regex';
        continue;
      }
    }
    if (c === '{') {
      braceDepth++;
    } else if (c === '}') {
      if (templates.length && templates[templates.length - 1] === braceDepth) {
        braceDepth--;
        i = scanTemplateText(i + 1);
        lastSignificant = '`';
        lastWord = '';
        continue;
      }
      braceDepth--;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_$]/.test(src[j])) j++;
      lastWord = src.slice(i, j);
      lastSignificant = src[j - 1];
      i = j;
      continue;
    }
    if (!/\s/.test(c)) {
      lastSignificant = c;
      lastWord = '';
    }
    i++;
  }
  return out.join('');
}

const RULES = [
  { name: 'optional chaining ?.', re: /\?\.(?!\d)/g },
  { name: 'nullish coalescing ??', re: /\?\?/g },
  { name: 'logical assignment ||= / &&=', re: /(\|\||&&)=/g },
  { name: 'import.meta', re: /\bimport\s*\.\s*meta\b/g },
  { name: 'numeric separator', re: /\b\d[\d]*_\d/g },
  { name: 'BigInt literal', re: /\b\d+n\b/g },
];

/**
 * @param {string} src
 * @returns {{ rule: string, line: number, text: string }[]}
 */
export function findViolations(src) {
  const code = blankNonCode(src);
  const lines = src.split('\n');
  const found = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m;
    while ((m = rule.re.exec(code)) !== null) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ rule: rule.name, line, text: lines[line - 1].trim() });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function selfTest() {
  const bad = [
    'const a = b?.c;',
    'const a = b?.[0];',
    'f?.();',
    'const a = b ?? c;',
    'a ??= 1;',
    'a ||= 1;',
    'const t = `x ${a?.b} y`;',
    'const t = `x ${ { k: a ?? 1 }.k } y`;',
    'const n = 1_000;',
    'const u = import.meta.url;',
  ];
  const good = [
    'const s = "a?.b ?? c";',
    "const s = 'a?.b ?? c';",
    '// a?.b ?? c',
    '/* a?.b\n ?? c */',
    'const t = `a?.b ?? c ${1 + 2} d?.e`;',
    'const r = /x?.y??/g;',
    'const r = a ? .5 : 1;',
    'const r = a ? b : c;',
    'const d = a / b / c;',
    'const o = { k: `${"?."}` };',
  ];
  const problems = [];
  for (const s of bad) if (findViolations(s).length === 0) problems.push('not flagged: ' + s);
  for (const s of good) {
    const v = findViolations(s);
    if (v.length) problems.push('wrongly flagged (' + v[0].rule + '): ' + s);
  }
  if (problems.length) {
    console.error('check-es2019: self-test failed:\n  ' + problems.join('\n  '));
    process.exit(2);
  }
}

function main() {
  selfTest();
  const files = [];
  for (const dir of [here, join(here, 'lib')]) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.js')) files.push(join(dir, entry.name));
    }
  }
  files.sort();
  let failures = 0;
  for (const file of files) {
    for (const v of findViolations(readFileSync(file, 'utf8'))) {
      failures++;
      console.error(`${relative(process.cwd(), file)}:${v.line}: ${v.rule}: ${v.text}`);
    }
  }
  if (failures) {
    console.error(`check-es2019: ${failures} use(s) of syntax newer than ES2019 (k6 v0.46 must run these scripts unchanged)`);
    process.exit(1);
  }
  console.log(`check-es2019: ${files.length} files are ES2019 (no ?. ?? ||= &&= import.meta numeric separators BigInt)`);
}

main();
