/*
 * Lists with label and field selectors and `limit`/`continue` paging. A continue
 * token carries the list's resourceVersion and the last key returned, so later
 * pages come from the same snapshot (rebuilt from the change history) in the same
 * namespace/name order; once that history is compacted the token gets 410 Expired.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { badRequest } from '../errors';
import { parseFieldSelector } from '../store/fieldSelector';
import { objectKeyOf } from '../store/kindTable';
import { parseLabelSelector } from '../store/labelSelector';
import type { MemoryObjectStore } from '../store/memoryStore';
import type { KubeObject } from '../store/types';

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

interface ContinueToken {
  resourceVersion: number;
  afterKey: string;
}

export function encodeContinue(token: ContinueToken): string {
  const json = JSON.stringify({
    v: 'meta.k8s.io/v1',
    rv: token.resourceVersion,
    start: token.afterKey,
  });
  return Buffer.from(json).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      parsed.v === 'meta.k8s.io/v1' &&
      Number.isInteger(parsed.rv) &&
      typeof parsed.start === 'string'
    ) {
      return { resourceVersion: parsed.rv, afterKey: parsed.start };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

/** Selectors for a kind from the query; 400 BadRequest when malformed. */
export function selectorsFrom(kind: KindInfo, query: URLSearchParams) {
  return {
    labels: parseLabelSelector(query.get('labelSelector') ?? undefined),
    fields: parseFieldSelector(
      query.get('fieldSelector') ?? undefined,
      kind.kind,
    ),
  };
}

export function listPage(
  store: MemoryObjectStore,
  kind: KindInfo,
  namespace: string | undefined,
  query: URLSearchParams,
): ListPage {
  const { labels, fields } = selectorsFrom(kind, query);
  const limitText = query.get('limit');
  const limit = limitText ? Number(limitText) : 0;
  if (!Number.isInteger(limit) || limit < 0)
    throw badRequest(`invalid limit: ${limitText}`);

  const continueText = query.get('continue');
  let listVersion = store.currentResourceVersion;
  let candidates: KubeObject[];
  if (continueText) {
    const token = decodeContinue(continueText);
    listVersion = token.resourceVersion;
    candidates = store.scanAt(
      kind.kind,
      listVersion,
      namespace,
      token.afterKey,
    );
  } else if (
    query.get('resourceVersionMatch') === 'Exact' &&
    query.get('resourceVersion')
  ) {
    listVersion = Number(query.get('resourceVersion'));
    if (!Number.isInteger(listVersion))
      throw badRequest('invalid resourceVersion');
    candidates = store.scanAt(kind.kind, listVersion, namespace);
  } else {
    candidates = store.scan(kind.kind, namespace);
  }

  const filtering = !labels.empty || !fields.empty;
  const matches = (object: KubeObject) =>
    !filtering ||
    (labels.matches(object.metadata.labels) && fields.matches(object));
  const items: KubeObject[] = [];
  let index = 0;
  for (; index < candidates.length; index++) {
    const object = candidates[index];
    if (!matches(object)) continue;
    if (limit && items.length === limit) break;
    items.push(object);
  }
  const page: ListPage = { items, resourceVersion: String(listVersion) };
  if (limit && index < candidates.length) {
    const last = items[items.length - 1];
    page.continue = encodeContinue({
      resourceVersion: listVersion,
      afterKey: objectKeyOf(
        kind.namespaced ? last.metadata.namespace : undefined,
        last.metadata.name,
      ),
    });
    if (!filtering) page.remainingItemCount = candidates.length - index;
  }
  return page;
}
