/*
 * yarn k0rdent-sim --port <p> --kubeconfig <file> [--seed demo|empty] [--clusters N]
 *                  [--token <t>] [--provisioning-seconds S] [--verbose]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSimulator } from './simulator';

const USAGE = `Usage: k0rdent-sim [options]
  --port <p>                 port on 127.0.0.1 (default 6443; 0 picks a free one)
  --host <address>           interface to listen on (default 127.0.0.1)
  --kubeconfig <file>        where to write a kubeconfig (default ./k0rdent-sim.kubeconfig)
  --seed demo|empty          the fleet to start with (default demo)
  --clusters <N>             add N generated Ready clusters (scale tests)
  --token <t>                bearer token (default: random, written to the kubeconfig)
  --provisioning-seconds <s> how long a new cluster takes to become Ready (default 20)
  --verbose                  log what the simulated controllers do`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '6443' },
      host: { type: 'string' },
      kubeconfig: { type: 'string', default: 'k0rdent-sim.kubeconfig' },
      seed: { type: 'string', default: 'demo' },
      clusters: { type: 'string' },
      token: { type: 'string' },
      'provisioning-seconds': { type: 'string', default: '20' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = values.seed;
  if (seed !== 'demo' && seed !== 'empty') {
    throw new Error(`--seed must be demo or empty, not "${seed}"`);
  }
  const simulator = await startSimulator({
    port: wholeNumber('--port', values.port),
    host: values.host,
    seed,
    clusters: values.clusters
      ? wholeNumber('--clusters', values.clusters)
      : undefined,
    token: values.token,
    provisioningMillis:
      wholeNumber('--provisioning-seconds', values['provisioning-seconds']) *
      1000,
    log: values.verbose ? line => process.stdout.write(`${line}\n`) : undefined,
  });
  const kubeconfigPath = resolve(values.kubeconfig);
  await simulator.writeKubeconfig(kubeconfigPath);
  process.stdout.write(
    `k0rdent-sim serving ${simulator.url}\n` +
      `kubeconfig: ${kubeconfigPath}\n` +
      `try: kubectl --kubeconfig ${kubeconfigPath} get clusterdeployments -A\n`,
  );
  const stop = () => {
    simulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function wholeNumber(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${flag} must be a whole number, not "${text}"`);
  }
  return value;
}

main().catch(error => {
  process.stderr.write(`k0rdent-sim: ${error.message}\n\n${USAGE}\n`);
  process.exit(2);
});
