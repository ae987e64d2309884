import { request } from 'node:http';
import {
  CD,
  NAMESPACE,
  READ_ONLY_TOKEN,
  TOKEN,
  clusterDeployment,
  eventually,
  rawRequest,
  rejectionOf,
  startTestSimulator,
  statusOf,
  type TestSimulator,
} from './__testUtils__/simulator';

const CDS = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;

describe('fault injection', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
    sim.store.create(clusterDeployment('a'));
  });
  afterEach(() => sim.close());

  const list = () =>
    sim.custom.listNamespacedCustomObject({ ...CD, namespace: NAMESPACE });

  it('fails the next N requests with 500, then succeeds', async () => {
    sim.server.faults.failNext(2, { status: 500 });
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(list());
      expect(error.code).toBe(500);
      expect(statusOf(error)).toMatchObject({
        reason: 'InternalError',
        code: 500,
      });
    }
    const ok: any = await list();
    expect(ok.items).toHaveLength(1);
  });

  it('answers 429 with Retry-After', async () => {
    sim.server.faults.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const response = await rawRequest(sim.url, CDS);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.json).toMatchObject({
      reason: 'TooManyRequests',
      message: 'Too many requests, please try again later.',
      details: { retryAfterSeconds: 7 },
      code: 429,
    });
  });

  it('answers 503 and 504 Status bodies', async () => {
    sim.server.faults.failNext(1, { status: 503 });
    sim.server.faults.failNext(1, { status: 504 });
    const unavailable = await rawRequest(sim.url, CDS);
    expect(unavailable.json).toMatchObject({
      reason: 'ServiceUnavailable',
      code: 503,
    });
    const timedOut = await rawRequest(sim.url, CDS);
    expect(timedOut.json).toMatchObject({ reason: 'Timeout', code: 504 });
  });

  it('holds a request without answering, then drops the connection', async () => {
    sim.server.faults.failNext(1, { status: 'timeout', holdMillis: 300 });
    const started = Date.now();
    const outcome = await new Promise<string>(resolve => {
      const req = request(
        `${sim.url}${CDS}`,
        { headers: { Authorization: `Bearer ${TOKEN}` } },
        res => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', error =>
        resolve(`error ${(error as NodeJS.ErrnoException).code}`),
      );
      req.end();
    });
    expect(outcome).toBe('error ECONNRESET');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await rawRequest(sim.url, CDS)).status).toBe(200);
  });

  it('only fails requests that match verb and path', async () => {
    sim.server.faults.failNext(1, {
      status: 500,
      match: { verb: 'create', path: CDS },
    });
    expect((await rawRequest(sim.url, CDS)).status).toBe(200);
    const create = await rawRequest(sim.url, CDS, {
      method: 'POST',
      body: clusterDeployment('b'),
    });
    expect(create.status).toBe(500);
    sim.server.faults.failNext(1, {
      status: 500,
      match: { path: /\/namespaces$/ },
    });
    expect((await rawRequest(sim.url, CDS)).status).toBe(200);
    expect((await rawRequest(sim.url, '/api/v1/namespaces')).status).toBe(500);
  });

  it('delays requests', async () => {
    sim.server.faults.delayNext(1, 200);
    const started = Date.now();
    expect((await rawRequest(sim.url, CDS)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('is driven over HTTP at /sim/v1/faults', async () => {
    const command = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      body: {
        action: 'failNext',
        count: 1,
        status: 429,
        retryAfterSeconds: 3,
        match: { verb: 'list' },
      },
    });
    expect(command.status).toBe(200);
    expect(command.json.pending).toEqual([
      expect.objectContaining({
        type: 'fail',
        status: 429,
        remaining: 1,
        verb: 'list',
      }),
    ]);
    expect((await rawRequest(sim.url, CDS)).status).toBe(429);
    expect((await rawRequest(sim.url, CDS)).status).toBe(200);

    const compact = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      body: { action: 'compact' },
    });
    expect(compact.status).toBe(200);
    expect(() => sim.store.eventsSince(1)).toThrow('too old resource version');

    const watch = await fetch(`${sim.url}${CDS}?watch=true`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    await eventually(() => expect(sim.server.openWatches()).toBe(1));
    const dropped = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      body: { action: 'dropWatches', mode: 'end' },
    });
    expect(dropped.json.dropped).toBe(1);
    await watch.text();

    const forbidden = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      token: READ_ONLY_TOKEN,
      body: { action: 'reset' },
    });
    expect(forbidden.status).toBe(403);
    const unauthenticated = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      token: null,
      body: { action: 'reset' },
    });
    expect(unauthenticated.status).toBe(401);
    const invalid = await rawRequest(sim.url, '/sim/v1/faults', {
      method: 'POST',
      body: { action: 'failNext', status: 418 },
    });
    expect(invalid.status).toBe(400);
  });
});
