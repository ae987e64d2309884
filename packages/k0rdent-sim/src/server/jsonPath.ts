/*
 * The subset of Kubernetes JSONPath used by printer columns (CRD
 * additionalPrinterColumns): `.a.b`, `['a.b']`, `[0]`, `[*]` and filters like
 * `[?(@.type=="Ready")]`. Returns every match.
 */
import { isJsonObject } from '../store/json';

type Step =
  | { type: 'field'; name: string }
  | { type: 'index'; index: number }
  | { type: 'all' }
  | { type: 'filter'; path: string[]; operator: '==' | '!='; value: string };

export function evaluateJsonPath(
  object: unknown,
  expression: string,
): unknown[] {
  let values: unknown[] = [object];
  for (const step of parse(expression)) {
    const next: unknown[] = [];
    for (const value of values) next.push(...applyStep(value, step));
    values = next;
  }
  return values;
}

function applyStep(value: unknown, step: Step): unknown[] {
  switch (step.type) {
    case 'field':
      return isJsonObject(value) && value[step.name] !== undefined
        ? [value[step.name]]
        : [];
    case 'index': {
      if (!Array.isArray(value)) return [];
      const index = step.index < 0 ? value.length + step.index : step.index;
      return index >= 0 && index < value.length ? [value[index]] : [];
    }
    case 'all':
      if (Array.isArray(value)) return value;
      return isJsonObject(value) ? Object.values(value) : [];
    case 'filter': {
      if (!Array.isArray(value)) return [];
      return value.filter(item => {
        let current: unknown = item;
        for (const name of step.path)
          current = isJsonObject(current) ? current[name] : undefined;
        const matches = current !== undefined && String(current) === step.value;
        return step.operator === '=='
          ? matches
          : !matches && current !== undefined;
      });
    }
    default:
      return [];
  }
}

const cache = new Map<string, Step[]>();

function parse(expression: string): Step[] {
  const cached = cache.get(expression);
  if (cached) return cached;
  let text = expression.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (text.startsWith('$')) text = text.slice(1);
  const steps: Step[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === '.') {
      const match = /^\.([^.[]+)/.exec(text.slice(index));
      if (!match) {
        index++;
        continue;
      }
      steps.push(
        match[1] === '*' ? { type: 'all' } : { type: 'field', name: match[1] },
      );
      index += match[0].length;
    } else if (text[index] === '[') {
      const end = findClosingBracket(text, index);
      steps.push(parseBracket(text.slice(index + 1, end)));
      index = end + 1;
    } else {
      const match = /^([^.[]+)/.exec(text.slice(index))!;
      steps.push({ type: 'field', name: match[1] });
      index += match[0].length;
    }
  }
  cache.set(expression, steps);
  return steps;
}

function findClosingBracket(text: string, open: number): number {
  let quote: string | undefined;
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ']') {
      return index;
    }
  }
  return text.length;
}

function parseBracket(inner: string): Step {
  const content = inner.trim();
  if (content === '*') return { type: 'all' };
  if (/^-?\d+$/.test(content)) return { type: 'index', index: Number(content) };
  const quoted = /^['"](.*)['"]$/.exec(content);
  if (quoted) return { type: 'field', name: quoted[1] };
  const filter =
    /^\?\(@\.([\w.-]+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\s*\)$/.exec(
      content,
    );
  if (filter) {
    return {
      type: 'filter',
      path: filter[1].split('.'),
      operator: filter[2] as '==' | '!=',
      value: filter[3] ?? filter[4] ?? filter[5],
    };
  }
  return { type: 'field', name: content };
}
