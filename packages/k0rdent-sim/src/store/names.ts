/*
 * Object name rules the real API server enforces, with its messages, and the random
 * suffix it appends to `generateName`.
 */
import { randomInt } from 'node:crypto';
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { FieldCause } from './types';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const DNS1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';

const SUBDOMAIN_MESSAGE = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN}')`;
const LABEL_MESSAGE = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${LABEL}')`;
const DNS1035_MESSAGE = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035}')`;

interface NameRule {
  pattern: RegExp;
  maxLength: number;
  message: string;
}

const RULES: Record<'subdomain' | 'label' | 'dns1035', NameRule> = {
  subdomain: {
    pattern: new RegExp(`^${SUBDOMAIN}$`),
    maxLength: 253,
    message: SUBDOMAIN_MESSAGE,
  },
  label: {
    pattern: new RegExp(`^${LABEL}$`),
    maxLength: 63,
    message: LABEL_MESSAGE,
  },
  dns1035: {
    pattern: new RegExp(`^${DNS1035}$`),
    maxLength: 63,
    message: DNS1035_MESSAGE,
  },
};

function ruleFor(kind: KindInfo): NameRule {
  if (kind.kind === 'Namespace') return RULES.label;
  if (kind.kind === 'Service') return RULES.dns1035;
  return RULES.subdomain;
}

/** Problems with `metadata.name` for this kind, as 422 causes (empty when fine). */
export function nameCauses(kind: KindInfo, name: string): FieldCause[] {
  const rule = ruleFor(kind);
  const causes: FieldCause[] = [];
  if (name.length > rule.maxLength) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": must be no more than ${rule.maxLength} characters`,
      field: 'metadata.name',
    });
  }
  if (!rule.pattern.test(name)) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": ${rule.message}`,
      field: 'metadata.name',
    });
  }
  return causes;
}

// The alphabet the real server draws generateName suffixes from (no vowels, no 0/1/3).
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` plus five random characters, trimmed so the name stays valid. */
export function generatedName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++)
    suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return prefix.slice(0, 63 - 5) + suffix;
}
