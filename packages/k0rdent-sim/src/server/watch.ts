/*
 * Watch streams: `?watch=true` on a list URL answers with one JSON event per line,
 * kept open. The hub subscribes to the store once and hands each change to the
 * streams of that kind, serializing each object once for all of them. With label or
 * field selectors an object that starts matching arrives as ADDED and one that stops
 * matching as DELETED, as the real API server's watch cache does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  apiVersionOf,
  type KindInfo,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { SimApiError, badRequest } from '../errors';
import { parseFieldSelector, type FieldSelector } from '../store/fieldSelector';
import { frozenJson } from '../store/json';
import type { LabelSelector } from '../store/labelSelector';
import type { MemoryObjectStore } from '../store/memoryStore';
import type { KubeObject, StoreEvent, WatchEventType } from '../store/types';
import { selectorsFrom } from './listing';
import { isTrue, type ResourceRoute } from './routes';
import { toTable, type IncludeObject, type PrinterColumn } from './table';

type EventType = WatchEventType | 'BOOKMARK' | 'ERROR';

/** A slow reader gets cut off past this much unsent data, as the real server drops slow watchers. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** The real server ends watches after 30 to 60 minutes unless asked otherwise. */
const DEFAULT_TIMEOUT_SECONDS = 1800;

interface TableMode {
  columns: PrinterColumn[];
  includeObject: IncludeObject;
  sentColumns: boolean;
}

/** One open watch response. */
class WatchStream {
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    readonly kind: KindInfo,
    readonly namespace: string | undefined,
    readonly labels: LabelSelector,
    readonly fields: FieldSelector,
    private readonly res: ServerResponse,
    private readonly table: TableMode | undefined,
    private readonly now: () => Date,
  ) {}

  get filtered(): boolean {
    return !this.labels.empty || !this.fields.empty;
  }

  matches(object: KubeObject): boolean {
    return (
      this.labels.matches(object.metadata.labels) && this.fields.matches(object)
    );
  }

  inScope(object: KubeObject): boolean {
    return (
      this.namespace === undefined ||
      object.metadata.namespace === this.namespace
    );
  }

  /** Sends an event; `objectJson` is the shared serialization (unused in Table mode). */
  send(type: EventType, object: KubeObject, objectJson: () => string): void {
    if (this.closed) return;
    let json: string;
    if (this.table && type !== 'ERROR' && type !== 'BOOKMARK') {
      json = JSON.stringify(
        toTable([object], {
          columns: this.table.columns,
          includeObject: this.table.includeObject,
          withColumnDefinitions: !this.table.sentColumns,
          now: this.now(),
        }),
      );
      this.table.sentColumns = true;
    } else {
      json = objectJson();
    }
    this.write(`{"type":"${type}","object":${json}}\n`);
  }

  sendBookmark(resourceVersion: number, initialEventsEnd = false): void {
    const object = {
      kind: this.kind.kind,
      apiVersion: apiVersionOf(this.kind),
      metadata: {
        resourceVersion: String(resourceVersion),
        ...(initialEventsEnd
          ? { annotations: { 'k8s.io/initial-events-end': 'true' } }
          : {}),
      },
    };
    this.write(`{"type":"BOOKMARK","object":${JSON.stringify(object)}}\n`);
  }

  sendError(error: SimApiError): void {
    this.write(
      `{"type":"ERROR","object":${JSON.stringify(error.toStatus())}}\n`,
    );
  }

  addTimer(timer: NodeJS.Timeout): void {
    this.timers.push(timer);
  }

  /** Ends the stream: cleanly ('end') or by resetting the connection ('reset'). */
  close(mode: 'end' | 'reset' = 'end'): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (mode === 'reset') this.res.socket?.destroy();
    else this.res.end();
  }

  private write(line: string): void {
    if (this.closed) return;
    this.res.write(line);
    if (this.res.writableLength > MAX_BUFFERED_BYTES) this.close('reset');
  }
}

/** Fans store changes out to open watch streams. */
export class WatchHub {
  private readonly streamsByKind = new Map<string, Set<WatchStream>>();
  private readonly unsubscribe: () => void;

  constructor(store: MemoryObjectStore) {
    this.unsubscribe = store.subscribe(event => this.dispatch(event));
  }

  get openStreams(): number {
    let count = 0;
    for (const streams of this.streamsByKind.values()) count += streams.size;
    return count;
  }

  add(stream: WatchStream): void {
    let streams = this.streamsByKind.get(stream.kind.kind);
    if (!streams)
      this.streamsByKind.set(stream.kind.kind, (streams = new Set()));
    streams.add(stream);
  }

  remove(stream: WatchStream): void {
    this.streamsByKind.get(stream.kind.kind)?.delete(stream);
  }

  /** Ends every stream; returns how many there were. */
  closeAll(mode: 'end' | 'reset'): number {
    let count = 0;
    for (const streams of this.streamsByKind.values()) {
      for (const stream of streams) {
        stream.close(mode);
        count++;
      }
      streams.clear();
    }
    return count;
  }

  stop(): void {
    this.unsubscribe();
    this.closeAll('end');
  }

  private dispatch(event: StoreEvent): void {
    const streams = this.streamsByKind.get(event.kind.kind);
    if (!streams?.size) return;
    const shared = sharedSerializations(event);
    for (const stream of streams) deliver(stream, event, shared);
  }
}

interface SharedSerializations {
  object: () => string;
  /** The previous object with the event's resourceVersion (for "stopped matching"). */
  previousAtEvent: () => string;
  previousObject: () => KubeObject;
}

function sharedSerializations(event: StoreEvent): SharedSerializations {
  let previousAtEvent: KubeObject | undefined;
  let previousJson: string | undefined;
  const previousObject = () => {
    if (!previousAtEvent) {
      const previous = event.previous ?? event.object;
      previousAtEvent = {
        ...previous,
        metadata: {
          ...previous.metadata,
          resourceVersion: event.object.metadata.resourceVersion,
        },
      };
    }
    return previousAtEvent;
  };
  return {
    object: () => frozenJson(event.object),
    previousObject,
    previousAtEvent: () => (previousJson ??= JSON.stringify(previousObject())),
  };
}

/** Decides what (if anything) one stream sees of one change. */
function deliver(
  stream: WatchStream,
  event: StoreEvent,
  shared: SharedSerializations,
): void {
  if (!stream.inScope(event.object)) return;
  if (!stream.filtered) {
    stream.send(event.type, event.object, shared.object);
    return;
  }
  const before =
    event.previous ?? (event.type === 'DELETED' ? event.object : undefined);
  const matchedBefore = before !== undefined && stream.matches(before);
  const matchesNow = event.type !== 'DELETED' && stream.matches(event.object);
  if (matchesNow) {
    stream.send(
      matchedBefore ? 'MODIFIED' : 'ADDED',
      event.object,
      shared.object,
    );
  } else if (matchedBefore) {
    if (event.type === 'DELETED')
      stream.send('DELETED', event.object, shared.object);
    else
      stream.send('DELETED', shared.previousObject(), shared.previousAtEvent);
  }
}

export interface WatchRequestOptions {
  store: MemoryObjectStore;
  hub: WatchHub;
  bookmarkIntervalMillis: number;
  table?: { columns: PrinterColumn[]; includeObject: IncludeObject };
  now: () => Date;
}

/** Serves `?watch=true`: replays or lists as asked, then streams live changes. */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRoute,
  query: URLSearchParams,
  options: WatchRequestOptions,
): void {
  const { store, hub } = options;
  const kind = route.kind;
  const { labels } = selectorsFrom(kind, query);
  let { fields } = selectorsFrom(kind, query);
  if (route.name !== undefined) {
    const byName = `metadata.name=${route.name}`;
    const existing = query.get('fieldSelector');
    fields = parseFieldSelector(
      existing ? `${existing},${byName}` : byName,
      kind.kind,
    );
  }
  const versionText = query.get('resourceVersion') ?? '';
  const sendInitialEvents = isTrue(query.get('sendInitialEvents'));
  const bookmarks = isTrue(query.get('allowWatchBookmarks'));
  const timeoutText = query.get('timeoutSeconds');
  const timeoutSeconds = timeoutText
    ? Number(timeoutText)
    : DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) {
    throw badRequest(`invalid timeoutSeconds: ${timeoutText}`);
  }
  const fromNow =
    sendInitialEvents || versionText === '' || versionText === '0';
  const since = fromNow ? 0 : Number(versionText);
  if (!fromNow && !Number.isInteger(since)) {
    throw badRequest(`invalid resource version: ${versionText}`);
  }

  const stream = new WatchStream(
    kind,
    kind.namespaced ? route.namespace : undefined,
    labels,
    fields,
    res,
    options.table && { ...options.table, sentColumns: false },
    options.now,
  );
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();

  // Everything below runs in one tick, so no change falls between replay and live.
  if (fromNow) {
    for (const object of store.scan(kind.kind, stream.namespace)) {
      if (stream.matches(object))
        stream.send('ADDED', object, () => frozenJson(object));
    }
    if (sendInitialEvents && bookmarks)
      stream.sendBookmark(store.currentResourceVersion, true);
  } else {
    let events: StoreEvent[];
    try {
      events = store.eventsSince(since);
    } catch (error) {
      if (!(error instanceof SimApiError)) throw error;
      stream.sendError(error);
      stream.close('end');
      return;
    }
    for (const event of events) {
      if (event.kind.kind === kind.kind)
        deliver(stream, event, sharedSerializations(event));
    }
  }
  hub.add(stream);

  const finish = () => {
    hub.remove(stream);
    stream.close('end');
  };
  req.on('close', finish);
  res.on('close', finish);
  if (timeoutSeconds > 0)
    stream.addTimer(setTimeout(finish, timeoutSeconds * 1000));
  if (bookmarks) {
    const timer = setInterval(
      () => stream.sendBookmark(store.currentResourceVersion),
      options.bookmarkIntervalMillis,
    );
    stream.addTimer(timer);
  }
}
