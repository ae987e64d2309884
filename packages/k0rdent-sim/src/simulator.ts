/*
 * The simulated k0rdent management cluster as one thing to start and stop: the
 * Kubernetes API server, the CRD schemas, the simulated KCM/KSM webhooks and
 * controllers, Promxy behind the service proxy, and a seeded fleet.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import {
  createK0rdentAdmissionHooks,
  createK0rdentControllers,
  handlePromxyRequest,
  simulatorSeed,
} from './domain';
import { badRequest } from './errors';
import {
  getSchema,
  openApiV2Document,
  openApiV3Discovery,
  openApiV3Document,
  prepareWrite,
  strictDecodingMessage,
  UNKNOWN_FIELD_REASON,
} from './schema';
import {
  FaultInjector,
  MemoryObjectStore,
  selfSignedCertificate,
  startApiServer,
  type ApiServer,
  type ValidateFunction,
} from './server';
import { kubeconfigYaml } from './server/kubeconfig';
import type { SimController } from './store/types';

/** How to start a simulator. */
export interface SimulatorOptions {
  /** TCP port on loopback; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** `demo` (default): a realistic fleet; `empty`: a freshly installed management cluster. */
  seed?: 'demo' | 'empty';
  /** Adds this many generated, Ready ClusterDeployments (for scale tests and benchmarks). */
  clusters?: number;
  /** Bearer token with full access (default: a random one). */
  token?: string;
  /** A second token that may only read. */
  readOnlyToken?: string;
  /** How long a new ClusterDeployment takes to become Ready (default 20 s). */
  provisioningMillis?: number;
  /** The instant the seeded fleet is observed at (default: now). */
  now?: Date;
  /** Where to log what the controllers do; silent by default. */
  log?: (line: string) => void;
}

/** A running simulator. */
export interface Simulator {
  /** The API server URL (https, self-signed). */
  url: string;
  /** The full-access bearer token. */
  token: string;
  /** The PEM certificate clients must trust. */
  caCertificate: string;
  store: MemoryObjectStore;
  faults: FaultInjector;
  server: ApiServer;
  /** A kubeconfig (YAML) for this simulator, for kubectl or client-node. */
  kubeconfig(options?: { token?: string; namespace?: string }): string;
  /** Writes the kubeconfig to a file (mode 0600: it holds the token). */
  writeKubeconfig(path: string): Promise<void>;
  stop(): Promise<void>;
}

const PROMXY = {
  namespace: 'kof',
  service: 'kof-mothership-promxy',
  port: 8082,
};

/** Prunes, defaults and validates API writes against the CRD schemas, as the API server does. */
const validateWithCrdSchemas: ValidateFunction = (
  kind,
  object,
  oldObject,
  { fieldValidation },
) => {
  const result = prepareWrite(kind.kind, object, oldObject, {
    fieldValidation,
  });
  if (result.causes.some(cause => cause.reason === UNKNOWN_FIELD_REASON)) {
    return { error: badRequest(strictDecodingMessage(result.unknownFields)) };
  }
  return {
    object: result.object,
    causes: result.causes,
    warnings: result.warnings,
  };
};

/** Starts a simulated k0rdent management cluster on loopback. */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<Simulator> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const now = options.now ?? new Date();
  const store = new MemoryObjectStore();
  store.load(
    simulatorSeed({ seed: options.seed, clusters: options.clusters, now }),
  );

  const tls = selfSignedCertificate({ dnsNames: ['localhost'] });
  const server = await startApiServer({
    store,
    port: options.port ?? 0,
    host: options.host,
    tls,
    token,
    readOnlyToken: options.readOnlyToken,
    validate: validateWithCrdSchemas,
    admission: createK0rdentAdmissionHooks(),
    openApi: {
      v3Index: openApiV3Discovery,
      v3Document: openApiV3Document,
      v2Document: openApiV2Document,
    },
    printerColumns: kind => getSchema(kind.kind)?.additionalPrinterColumns,
    log: options.log,
  });

  server.proxies.register(
    PROMXY.namespace,
    PROMXY.service,
    async (req, res, path, query) => {
      const params = req.method === 'POST' ? await readForm(req) : query;
      const answer = handlePromxyRequest({ path, params }, store, new Date());
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    },
    PROMXY.port,
  );

  const controllers: SimController[] = createK0rdentControllers();
  for (const controller of controllers) {
    controller.start({
      store,
      provisioningMillis: options.provisioningMillis ?? 20_000,
      log: options.log ?? (() => {}),
    });
  }

  const kubeconfig: Simulator['kubeconfig'] = (kubeconfigOptions = {}) =>
    kubeconfigYaml({
      server: server.url,
      token: kubeconfigOptions.token ?? token,
      certificateAuthority: tls.cert,
      namespace: kubeconfigOptions.namespace,
    });

  return {
    url: server.url,
    token,
    caCertificate: tls.cert,
    store,
    faults: server.faults,
    server,
    kubeconfig,
    async writeKubeconfig(path) {
      await writeFile(path, kubeconfig(), { mode: 0o600 });
    },
    async stop() {
      for (const controller of controllers) {
        controller.stop();
      }
      await server.close();
    },
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
