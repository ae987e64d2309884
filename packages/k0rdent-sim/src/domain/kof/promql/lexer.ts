/*
 * PromQL tokens: identifiers (metric names may contain ':'), numbers, durations,
 * strings, operators and punctuation.
 */
import { parseError } from './errors';

export type TokenType =
  | 'ident'
  | 'number'
  | 'duration'
  | 'string'
  | 'op'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  pos: number;
}

const OPERATORS = [
  '==',
  '!=',
  '=~',
  '!~',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '<',
  '>',
  '=',
];
const PUNCTUATION = new Set(['(', ')', '{', '}', '[', ']', ',', ':']);

function unquote(raw: string, quote: string, pos: number): string {
  if (quote === '`') return raw;
  return raw.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '\\':
        return '\\';
      case '"':
        return '"';
      case "'":
        return "'";
      default:
        // Regex escapes such as \. are kept as written.
        if (/[.\-*+?()[\]{}|^$dDsSwWbB]/.test(c)) return `\\${c}`;
        throw parseError(pos, `unknown escape sequence '\\${c}'`);
    }
  });
}

function operatorAt(input: string, index: number): string | undefined {
  return OPERATORS.find(o => input.startsWith(o, index));
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < input.length && input[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < input.length && input[i] !== c) {
        if (input[i] === '\\' && c !== '`') i++;
        i++;
      }
      if (i >= input.length)
        throw parseError(start, 'unterminated quoted string');
      tokens.push({
        type: 'string',
        text: unquote(input.slice(start + 1, i), c, start),
        pos: start,
      });
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const duration = /^(\d+(ms|s|m|h|d|w|y))+/.exec(input.slice(i));
      if (
        duration &&
        !/^[0-9.eE]/.test(input.slice(i + duration[0].length)) &&
        !/[a-zA-Z_]/.test(input[i + duration[0].length] ?? '')
      ) {
        tokens.push({ type: 'duration', text: duration[0], pos: start });
        i += duration[0].length;
        continue;
      }
      const number =
        /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(
          input.slice(i),
        );
      if (!number) throw parseError(start, `unexpected character: '${c}'`);
      tokens.push({ type: 'number', text: number[0], pos: start });
      i += number[0].length;
      continue;
    }
    // Identifiers start with a letter or '_' (a leading ':' would clash with subqueries).
    if (/[a-zA-Z_]/.test(c)) {
      while (i < input.length && /[a-zA-Z0-9_:]/.test(input[i])) i++;
      tokens.push({ type: 'ident', text: input.slice(start, i), pos: start });
      continue;
    }
    const op = operatorAt(input, i);
    if (op) {
      tokens.push({ type: 'op', text: op, pos: start });
      i += op.length;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ type: c as TokenType, text: c, pos: start });
      i++;
      continue;
    }
    throw parseError(start, `unexpected character: '${c}'`);
  }
  tokens.push({ type: 'eof', text: '', pos: input.length });
  return tokens;
}
