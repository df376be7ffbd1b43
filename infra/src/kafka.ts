import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { findJava } from './java.js';
import { resolveJars } from './maven.js';
import { infraDir, stateOf } from './paths.js';
import { endpoints, kafkaBrokers } from './ports.js';
import {
  freePortFromForeignProcess,
  isAlive,
  killProcess,
  readPid,
  run,
  startDetached,
  stopProcess,
  waitUntil,
} from './processes.js';
import type { ServiceStatus } from './status.js';

const libs = stateOf('kafka', 'libs');
const pidFile = stateOf('kafka', 'kafka.pid');
const logDir = stateOf('kafka', 'logs');
const logFile = path.join(logDir, 'stdout.log');
const dataDir = stateOf('kafka', 'data');
const configFile = stateOf('kafka', 'server.properties');
const classpath = `${libs}/*`;

function serverProperties(): string {
  const { port } = endpoints.kafka;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${port + 1}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${port + 1}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    // One broker: every internal topic has a single replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

async function healthy(): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'shop-infra',
    brokers: [kafkaBrokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect();
  }
}

/** Formats the KRaft storage once (the cluster id is kept with the data). */
async function formatStorage(java: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'meta.properties'))) return;
  mkdirSync(dataDir, { recursive: true });
  const { stdout } = await run(java, ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid']);
  const clusterId = stdout.trim().split('\n').pop() ?? '';
  await run(java, [
    '-cp',
    classpath,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    configFile,
  ]);
}

export async function startKafka(): Promise<void> {
  const ours = isAlive(readPid(pidFile));
  if (ours && (await healthy().catch(() => false))) return;
  if (!ours) await freePortFromForeignProcess(endpoints.kafka.port, 'kafka');
  await resolveJars(path.join(infraDir, 'kafka', 'pom.xml'), libs, 'kafka');
  const java = await findJava(17);
  mkdirSync(logDir, { recursive: true });
  writeFileSync(configFile, serverProperties());
  await formatStorage(java);
  if (!isAlive(readPid(pidFile))) {
    startDetached(
      java,
      [
        '-Xms256m',
        '-Xmx1g',
        `-Dlog4j2.configurationFile=${path.join(infraDir, 'kafka', 'log4j2.properties')}`,
        `-Dkafka.logs.dir=${logDir}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        configFile,
      ],
      { pidFile, logFile },
    );
  }
  await waitUntil('kafka', healthy, {
    timeoutMs: 90_000,
    logFile: path.join(logDir, 'server.log'),
  });
}

export async function stopKafka(): Promise<boolean> {
  return stopProcess(pidFile);
}

/** SIGKILL, as a crash would: for fault-injection tests. */
export async function killKafka(): Promise<void> {
  await killProcess(pidFile);
}

export async function restartKafka({ kill }: { kill: boolean }): Promise<void> {
  if (kill) await killKafka();
  else await stopKafka();
  await startKafka();
}

export async function kafkaStatus(): Promise<ServiceStatus> {
  const up = await healthy().catch(() => false);
  const jar = existsSync(libs) ? readFileSync(path.join(infraDir, 'kafka', 'pom.xml'), 'utf8') : '';
  const version = /<artifactId>kafka_2\.13<\/artifactId>\s*<version>([^<]+)</.exec(jar)?.[1];
  return { service: 'Kafka', up, version: up ? version : undefined, endpoint: kafkaBrokers };
}
