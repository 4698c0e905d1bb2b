// Globals the k6 runtime provides but neither @types/k6 nor the ES2019 lib declares (there is no DOM
// and no Node.js in k6). Only type-checking uses this file; k6 never loads it.
declare interface K6Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}

declare var console: K6Console;
