/*
 * An in-memory stand-in for a Kubernetes API server at the transport level, for
 * deterministic unit tests of the fleet cache: resourceVersions, paged lists,
 * watches replayed from a resourceVersion, compaction (410), missing kinds,
 * injected errors, dropped watches and outages.
 */
import { KindInfo, findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import { KubernetesApiError } from '../kubernetes/KubernetesApiError';
import {
  FleetTransport,
  FleetTransportListOptions,
  FleetTransportListPage,
  FleetTransportWatch,
  FleetTransportWatchEvent,
  FleetTransportWatchOptions,
} from '../kubernetes/transport';
import { objectKey } from '../kubernetes/paths';
import { KubeObject } from '../types';

interface Watcher {
  kind: string;
  onEvent(e: FleetTransportWatchEvent): void;
  end(error?: unknown): void;
}

interface HistoryEntry {
  rv: number;
  kind: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export function connectionError() {
  return new KubernetesApiError({
    code: 0,
    reason: 'ConnectionError',
    message: 'ConnectionError: cannot reach the API server (ECONNREFUSED)',
    retryable: true,
  });
}

export class FakeKubeApi implements FleetTransport {
  rv = 100;
  readonly objects = new Map<string, Map<string, KubeObject>>();
  history: HistoryEntry[] = [];
  compactedBelow = 0;
  readonly missing = new Set<string>();
  /** Errors the next list/watch calls throw, in order. */
  readonly failures: Array<
    KubernetesApiError | ((kind: string) => KubernetesApiError | undefined)
  > = [];
  down = false;
  /** Send 410 as an ERROR event on the open watch instead of an HTTP 410. */
  goneAsEvent = false;
  /** Watches end at once (without events) when true. */
  closeWatchesImmediately = false;
  readonly watchers = new Set<Watcher>();
  readonly calls: string[] = [];

  #next(): string {
    this.rv += 1;
    return String(this.rv);
  }

  #store(kind: string) {
    let m = this.objects.get(kind);
    if (!m) {
      m = new Map();
      this.objects.set(kind, m);
    }
    return m;
  }

  #record(type: HistoryEntry['type'], kind: string, object: KubeObject) {
    const copy = JSON.parse(JSON.stringify(object));
    this.history.push({ rv: this.rv, kind, type, object: copy });
    for (const w of [...this.watchers]) {
      if (w.kind === kind)
        w.onEvent({ type, object: JSON.parse(JSON.stringify(copy)) });
    }
  }

  put(
    kind: string,
    name: string,
    body: Partial<KubeObject> & { namespace?: string } = {},
  ) {
    const info = findKind(kind)!;
    const { namespace, ...rest } = body as any;
    const ns = info.namespaced ? namespace ?? 'kcm-system' : undefined;
    const key = objectKey(ns, name);
    const store = this.#store(kind);
    const existing = store.get(key);
    const object: KubeObject = {
      apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
      kind,
      ...rest,
      metadata: {
        ...(existing?.metadata ?? {}),
        ...(rest.metadata ?? {}),
        name,
        ...(ns ? { namespace: ns } : {}),
        resourceVersion: this.#next(),
        managedFields: [{ manager: 'test' }],
      },
    };
    store.set(key, object);
    this.#record(existing ? 'MODIFIED' : 'ADDED', kind, object);
    return object;
  }

  remove(kind: string, name: string, namespace?: string) {
    const info = findKind(kind)!;
    const key = objectKey(
      info.namespaced ? namespace ?? 'kcm-system' : undefined,
      name,
    );
    const store = this.#store(kind);
    const existing = store.get(key);
    if (!existing) return;
    store.delete(key);
    this.#next();
    this.#record('DELETED', kind, {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(this.rv) },
    });
  }

  bookmark(kind: string) {
    for (const w of [...this.watchers]) {
      if (w.kind === kind) {
        w.onEvent({
          type: 'BOOKMARK',
          object: { kind, metadata: { resourceVersion: String(this.rv) } },
        });
      }
    }
  }

  /** Forgets history: watches from older resourceVersions get 410. */
  compact() {
    this.compactedBelow = this.rv;
    this.history = [];
  }

  /** Ends every open watch cleanly, as a server or proxy dropping connections. */
  dropWatches() {
    for (const w of [...this.watchers]) w.end();
  }

  /** Every call fails and every watch breaks until `up()`. */
  goDown() {
    this.down = true;
    for (const w of [...this.watchers]) w.end(connectionError());
  }

  up() {
    this.down = false;
  }

  #check(kind: KindInfo) {
    if (this.down) throw connectionError();
    const failure = this.failures[0];
    if (failure) {
      const error =
        typeof failure === 'function' ? failure(kind.kind) : failure;
      if (error) {
        this.failures.shift();
        throw error;
      }
    }
    if (this.missing.has(kind.kind)) {
      throw KubernetesApiError.fromResponse(404, {
        kind: 'Status',
        reason: 'NotFound',
        code: 404,
        message: 'the server could not find the requested resource',
      });
    }
  }

  listCalls(kind: string) {
    return this.calls.filter(c => c.startsWith(`list ${kind} `)).length;
  }

  watchCalls(kind: string) {
    return this.calls.filter(c => c.startsWith(`watch ${kind} `)).length;
  }

  async list(
    kind: KindInfo,
    options: FleetTransportListOptions,
  ): Promise<FleetTransportListPage> {
    this.calls.push(`list ${kind.kind} ${options.continue ?? ''}`);
    await Promise.resolve();
    this.#check(kind);
    const all = [...(this.objects.get(kind.kind)?.values() ?? [])];
    const offset = options.continue ? Number(options.continue) : 0;
    const limit = options.limit ?? all.length;
    const page = all.slice(offset, offset + limit);
    const more = offset + limit < all.length;
    return {
      items: JSON.parse(JSON.stringify(page)),
      resourceVersion: String(this.rv),
      continue: more ? String(offset + limit) : undefined,
    };
  }

  async watch(
    kind: KindInfo,
    options: FleetTransportWatchOptions,
  ): Promise<FleetTransportWatch> {
    this.calls.push(`watch ${kind.kind} ${options.resourceVersion}`);
    await Promise.resolve();
    this.#check(kind);
    const from = Number(options.resourceVersion || 0);
    const expired = from < this.compactedBelow;
    if (expired && !this.goneAsEvent) {
      throw KubernetesApiError.fromResponse(410, {
        kind: 'Status',
        reason: 'Expired',
        code: 410,
        message: 'too old resource version',
      });
    }
    let resolveDone!: () => void;
    let rejectDone!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolveDone = res;
      rejectDone = rej;
    });
    done.catch(() => {});
    let ended = false;
    let replaying = true;
    const queued: FleetTransportWatchEvent[] = [];
    const upTo = this.rv;
    // eslint-disable-next-line prefer-const
    let watcher: Watcher;
    const deliver = (e: FleetTransportWatchEvent) => {
      if (ended) return;
      try {
        options.onEvent(e);
      } catch (err) {
        watcher.end(err);
      }
    };
    watcher = {
      kind: kind.kind,
      onEvent: e => {
        if (replaying) queued.push(e);
        else deliver(e);
      },
      end: error => {
        if (ended) return;
        ended = true;
        this.watchers.delete(watcher);
        if (error) rejectDone(error);
        else resolveDone();
      },
    };
    this.watchers.add(watcher);
    const connection = { done, abort: () => watcher.end() };
    // Replay after the caller got the connection, as a server streams later.
    setImmediate(() => {
      if (expired) {
        replaying = false;
        deliver({
          type: 'ERROR',
          object: {
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            message: 'too old',
          },
        });
        return;
      }
      for (const entry of this.history) {
        if (entry.kind === kind.kind && entry.rv > from && entry.rv <= upTo) {
          deliver({
            type: entry.type,
            object: JSON.parse(JSON.stringify(entry.object)),
          });
        }
      }
      replaying = false;
      queued.splice(0).forEach(deliver);
      if (this.closeWatchesImmediately) watcher.end();
    });
    return connection;
  }
}

/** Polls until `check` returns truthy (or throws when `timeoutMs` passes). */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 5));
  }
}
