import { defaultPorts, type ServiceName } from '@shop/kit/service';
import { describe, isObject, type Json, type K8sObject } from './manifest.js';
import type { Problem } from './problem.js';

/** The shop's processes and the ports they listen on by default. */
export const shopServices = defaultPorts;

export type ShopService = ServiceName;
export const serviceNames = Object.keys(shopServices) as ShopService[];
export const subgraphNames = serviceNames.filter((name) => name !== 'router');

/** Processes that must scale on CPU. */
export const autoscaled: ShopService[] = ['router', 'catalog', 'order'];
/** How long the services take at most to shut down after SIGTERM (installShutdownHandlers). */
export const shutdownSeconds = 30;

export interface RuleOptions {
  /** The Secret the manifests expect to exist (secret.example.yaml): its keys, by Secret name. */
  secretKeys?: Map<string, Set<string>>;
}

type Container = Json & { name: string };

/** The checks the Kubernetes schema cannot make: what the shop needs of its manifests. */
export function checkRules(objects: K8sObject[], options: RuleOptions = {}): Problem[] {
  return new Rules(objects, options).run();
}

class Rules {
  private readonly problems: Problem[] = [];
  private readonly deployments: K8sObject[];
  private readonly services: K8sObject[];
  private readonly configMaps: Map<string, Json>;

  constructor(
    private readonly objects: K8sObject[],
    private readonly options: RuleOptions,
  ) {
    this.deployments = this.ofKind('Deployment');
    this.services = this.ofKind('Service');
    this.configMaps = new Map(
      this.ofKind('ConfigMap').map((map) => [
        map.metadata.name,
        isObject(map.data) ? map.data : ({} as Json),
      ]),
    );
  }

  run(): Problem[] {
    this.everyServiceDeployed();
    for (const deployment of this.deployments) this.deployment(deployment);
    this.oneImage();
    this.autoscalers();
    this.disruptionBudgets();
    for (const service of this.services) this.service(service);
    this.ingresses();
    this.addresses();
    this.configMapsHoldNoSecrets();
    return this.problems;
  }

  private configMapsHoldNoSecrets(): void {
    for (const [name, data] of this.configMaps)
      for (const key of Object.keys(data))
        if (looksSecret(key))
          this.report(`ConfigMap/${name}`, `${key} is a secret: it belongs in a Secret`);
  }

  private ofKind(kind: string): K8sObject[] {
    return this.objects.filter((object) => object.kind === kind);
  }

  private report(object: K8sObject | string, message: string): void {
    this.problems.push({ object: typeof object === 'string' ? object : describe(object), message });
  }

  private everyServiceDeployed(): void {
    for (const name of serviceNames)
      if (!this.deployments.some((deployment) => deployment.metadata.name === name))
        this.report('-', `no Deployment named ${name}: every process of the shop needs one`);
  }

  // --- Deployments ------------------------------------------------------------------------

  private deployment(deployment: K8sObject): void {
    const spec = objectAt(deployment, 'spec');
    const podSpec = objectAt(deployment, 'spec', 'template', 'spec');
    const podLabels = labelsOf(objectAt(deployment, 'spec', 'template', 'metadata', 'labels'));
    const selector = labelsOf(objectAt(deployment, 'spec', 'selector', 'matchLabels'));
    if (Object.keys(selector).length === 0)
      this.report(deployment, 'spec.selector.matchLabels is empty');
    else if (!matches(selector, podLabels))
      this.report(deployment, 'spec.selector does not select the pod template labels');

    const name = deployment.metadata.name;
    const service = Object.hasOwn(shopServices, name) ? (name as ShopService) : undefined;
    if (!service)
      this.report(
        deployment,
        `is not one of the shop's processes (${serviceNames.join(', ')}): its rules cannot be checked`,
      );

    const containers = (Array.isArray(podSpec.containers) ? podSpec.containers : []).filter(
      (container): container is Container => isObject(container),
    );
    const main = containers.find((container) => container.name === name) ?? containers[0];
    if (!main) {
      this.report(deployment, 'has no container');
      return;
    }
    const volumes = (Array.isArray(podSpec.volumes) ? podSpec.volumes : []).filter(isObject);
    const podSecurity = isObject(podSpec.securityContext) ? podSpec.securityContext : {};
    for (const container of containers)
      this.container(deployment, container, { podSecurity, volumes });
    if (service) this.process(deployment, main, service);

    // Shutdown: the preStop pause, then the service's own shutdown, must fit in the grace period.
    const grace = podSpec.terminationGracePeriodSeconds;
    const pause = preStopSeconds(main);
    if (typeof grace !== 'number') this.report(deployment, 'sets no terminationGracePeriodSeconds');
    else if (pause !== undefined && grace < pause + shutdownSeconds)
      this.report(
        deployment,
        `terminationGracePeriodSeconds ${grace} is shorter than the preStop pause (${pause} s) plus the services' ${shutdownSeconds} s shutdown`,
      );

    const scaledBy = this.ofKind('HorizontalPodAutoscaler').find((hpa) => targetsOf(hpa) === name);
    if (scaledBy && spec.replicas !== undefined)
      this.report(
        deployment,
        `sets spec.replicas although ${describe(scaledBy)} scales it (every apply would reset the count)`,
      );
  }

  private container(
    deployment: K8sObject,
    container: Container,
    pod: { podSecurity: Json; volumes: Json[] },
  ): void {
    const where = `container ${container.name}`;
    const ports = (Array.isArray(container.ports) ? container.ports : []).filter(isObject);
    const probes: [string, string | undefined][] = [
      ['readinessProbe', '/ready'],
      ['livenessProbe', '/health'],
      ['startupProbe', undefined],
    ];
    for (const [probeName, expectedPath] of probes) {
      const probe = container[probeName];
      if (!isObject(probe)) {
        this.report(deployment, `${where} has no ${probeName}`);
        continue;
      }
      const httpGet = isObject(probe.httpGet) ? probe.httpGet : undefined;
      if (expectedPath && httpGet?.path !== expectedPath)
        this.report(deployment, `${where}: ${probeName} must be an HTTP GET of ${expectedPath}`);
      if (httpGet && !portExists(ports, httpGet.port))
        this.report(
          deployment,
          `${where}: ${probeName} probes port ${String(httpGet.port)}, which the container does not declare`,
        );
    }

    const resources = isObject(container.resources) ? container.resources : {};
    for (const bound of ['requests', 'limits'])
      for (const resource of ['cpu', 'memory']) {
        const amounts = resources[bound];
        if (!isObject(amounts) || amounts[resource] === undefined)
          this.report(deployment, `${where} has no resources.${bound}.${resource}`);
      }

    const security = isObject(container.securityContext) ? container.securityContext : {};
    if (security.runAsNonRoot !== true && pod.podSecurity.runAsNonRoot !== true)
      this.report(deployment, `${where}: runAsNonRoot must be true (pod or container)`);
    if (security.allowPrivilegeEscalation !== false)
      this.report(deployment, `${where}: securityContext.allowPrivilegeEscalation must be false`);
    const capabilities = isObject(security.capabilities) ? security.capabilities : {};
    if (!Array.isArray(capabilities.drop) || !capabilities.drop.includes('ALL'))
      this.report(deployment, `${where}: securityContext.capabilities.drop must include ALL`);
    if (security.readOnlyRootFilesystem !== true)
      this.report(deployment, `${where}: securityContext.readOnlyRootFilesystem must be true`);
    else {
      const mounts = (Array.isArray(container.volumeMounts) ? container.volumeMounts : []).filter(
        isObject,
      );
      const tmp = mounts.find((mount) => mount.mountPath === '/tmp');
      const volume = tmp && pod.volumes.find((candidate) => candidate.name === tmp.name);
      if (!volume || !isObject(volume.emptyDir))
        this.report(
          deployment,
          `${where}: a read-only root filesystem needs an emptyDir mounted at /tmp`,
        );
    }
    const lifecycle = isObject(container.lifecycle) ? container.lifecycle : {};
    if (!isObject(lifecycle.preStop))
      this.report(
        deployment,
        `${where} has no lifecycle.preStop pause (endpoints must go before the process stops taking requests)`,
      );
  }

  /** What running process `service` from the shop image takes. */
  private process(deployment: K8sObject, container: Container, service: ShopService): void {
    const where = `container ${container.name}`;
    const command = [
      ...(Array.isArray(container.command) ? container.command : []),
      ...(Array.isArray(container.args) ? container.args : []),
    ].map(String);
    const script = command.indexOf('scripts/service.ts');
    if (script === -1 || command[script + 1] !== service)
      this.report(
        deployment,
        `${where} must run \`node --import tsx scripts/service.ts ${service}\` (it runs: ${command.join(' ') || 'the image default'})`,
      );
    const env = this.environmentOf(deployment, container);
    const expected: Record<string, string> = {
      NODE_ENV: 'production',
      SHOP_INFRA: 'real',
      SHOP_HOST: '0.0.0.0',
    };
    for (const [key, value] of Object.entries(expected))
      if (env.get(key)?.value !== value)
        this.report(deployment, `${where}: env ${key} must be ${value}`);
    const portKey = `SHOP_PORT_${service.toUpperCase()}`;
    const port = Number(env.get(portKey)?.value ?? shopServices[service]);
    const ports = (Array.isArray(container.ports) ? container.ports : []).filter(isObject);
    if (!ports.some((candidate) => candidate.containerPort === port))
      this.report(
        deployment,
        `${where}: the service listens on ${port} (${portKey}) but declares no such containerPort`,
      );
    const required = ['SHOP_INTERNAL_SECRET'];
    if (service !== 'router') {
      const domain = service.toUpperCase();
      required.push(`SHOP_DB_USER_${domain}`, `SHOP_DB_PASSWORD_${domain}`);
    }
    for (const key of required)
      if (!env.has(key))
        this.report(deployment, `${where}: ${key} is required when SHOP_INFRA=real and not set`);
    // (A ConfigMap holding one is reported once, by configMapsHoldNoSecrets.)
    for (const [key, source] of env)
      if (looksSecret(key) && source.from === 'a literal')
        this.report(deployment, `${where}: ${key} must come from a Secret, not a literal value`);
  }

  /**
   * The variables a container gets and where each comes from; reports references to a ConfigMap
   * that is not in the manifests or to a Secret key that secret.example.yaml does not list.
   */
  private environmentOf(
    deployment: K8sObject,
    container: Container,
  ): Map<string, { value?: string; from: 'a literal' | 'a ConfigMap' | 'secret' }> {
    const env = new Map<string, { value?: string; from: 'a literal' | 'a ConfigMap' | 'secret' }>();
    const where = `container ${container.name}`;
    const secretKeys = (secret: unknown, key?: unknown) => {
      const known = typeof secret === 'string' ? this.options.secretKeys?.get(secret) : undefined;
      if (!this.options.secretKeys) return;
      if (!known) this.report(deployment, `${where}: Secret ${String(secret)} is not described`);
      else if (key !== undefined && !known.has(String(key)))
        this.report(
          deployment,
          `${where}: Secret ${String(secret)} has no key ${String(key)} in its example`,
        );
    };
    for (const source of Array.isArray(container.envFrom) ? container.envFrom : []) {
      if (!isObject(source)) continue;
      if (isObject(source.configMapRef)) {
        const data = this.configMaps.get(String(source.configMapRef.name));
        if (!data)
          this.report(
            deployment,
            `${where}: envFrom ConfigMap ${String(source.configMapRef.name)} is not in the manifests`,
          );
        for (const [key, value] of Object.entries(data ?? {}))
          env.set(key, { value: String(value), from: 'a ConfigMap' });
      }
      if (isObject(source.secretRef)) {
        secretKeys(source.secretRef.name);
        const keys = this.options.secretKeys?.get(String(source.secretRef.name)) ?? [];
        for (const key of keys) env.set(key, { from: 'secret' });
      }
    }
    for (const variable of Array.isArray(container.env) ? container.env : []) {
      if (!isObject(variable) || typeof variable.name !== 'string') continue;
      if (isObject(variable.valueFrom)) {
        const { secretKeyRef, configMapKeyRef } = variable.valueFrom;
        if (isObject(secretKeyRef)) {
          secretKeys(secretKeyRef.name, secretKeyRef.key);
          env.set(variable.name, { from: 'secret' });
        } else if (isObject(configMapKeyRef)) {
          const data = this.configMaps.get(String(configMapKeyRef.name));
          const value = data?.[String(configMapKeyRef.key)];
          if (value === undefined)
            this.report(
              deployment,
              `${where}: ${variable.name} refers to ConfigMap ${String(configMapKeyRef.name)} key ${String(configMapKeyRef.key)}, which is not in the manifests`,
            );
          env.set(variable.name, { value: String(value), from: 'a ConfigMap' });
        } else {
          env.set(variable.name, { from: 'a literal' });
        }
      } else {
        env.set(variable.name, { value: String(variable.value ?? ''), from: 'a literal' });
      }
    }
    return env;
  }

  private oneImage(): void {
    const images = new Set(
      this.deployments.flatMap((deployment) =>
        containersOf(deployment).map((container) => String(container.image)),
      ),
    );
    if (images.size > 1)
      this.report(
        '-',
        `every process runs the one shop image, but these differ: ${[...images].join(', ')}`,
      );
  }

  // --- Scaling and disruption -------------------------------------------------------------

  private autoscalers(): void {
    const hpas = this.ofKind('HorizontalPodAutoscaler');
    for (const name of autoscaled) {
      const hpa = hpas.find((candidate) => targetsOf(candidate) === name);
      if (!hpa) {
        this.report('-', `no HorizontalPodAutoscaler scales Deployment ${name}`);
        continue;
      }
      if (hpa.apiVersion !== 'autoscaling/v2') this.report(hpa, 'must be autoscaling/v2');
      const metrics = Array.isArray(objectAt(hpa, 'spec').metrics)
        ? (objectAt(hpa, 'spec').metrics as unknown[])
        : [];
      const cpu = metrics.some(
        (metric) =>
          isObject(metric) &&
          metric.type === 'Resource' &&
          isObject(metric.resource) &&
          metric.resource.name === 'cpu',
      );
      if (!cpu) this.report(hpa, 'does not scale on CPU (a Resource metric named cpu)');
    }
    for (const hpa of hpas) {
      const spec = objectAt(hpa, 'spec');
      const target = objectAt(hpa, 'spec', 'scaleTargetRef');
      if (
        target.kind !== 'Deployment' ||
        !this.deployments.some((deployment) => deployment.metadata.name === target.name)
      )
        this.report(
          hpa,
          `scales ${String(target.kind)} ${String(target.name)}, which is not in the manifests`,
        );
      if (typeof spec.minReplicas === 'number' && typeof spec.maxReplicas === 'number')
        if (spec.minReplicas > spec.maxReplicas)
          this.report(
            hpa,
            `minReplicas ${spec.minReplicas} exceeds maxReplicas ${spec.maxReplicas}`,
          );
    }
  }

  private disruptionBudgets(): void {
    const budgets = this.ofKind('PodDisruptionBudget');
    const selects = (budget: K8sObject, deployment: K8sObject) => {
      const selector = labelsOf(objectAt(budget, 'spec', 'selector', 'matchLabels'));
      return (
        Object.keys(selector).length > 0 &&
        matches(selector, labelsOf(objectAt(deployment, 'spec', 'template', 'metadata', 'labels')))
      );
    };
    for (const deployment of this.deployments)
      if (!budgets.some((budget) => selects(budget, deployment)))
        this.report(deployment, 'no PodDisruptionBudget selects its pods');
    for (const budget of budgets)
      if (!this.deployments.some((deployment) => selects(budget, deployment)))
        this.report(budget, 'selects the pods of no Deployment');
  }

  // --- Services and addresses -------------------------------------------------------------

  private service(service: K8sObject): void {
    const spec = objectAt(service, 'spec');
    if (spec.type === 'ExternalName') return;
    const selector = isObject(spec.selector) ? labelsOf(spec.selector) : {};
    if (Object.keys(selector).length === 0) {
      const slices = this.ofKind('EndpointSlice').filter(
        (slice) =>
          labelsOf(slice.metadata.labels)['kubernetes.io/service-name'] === service.metadata.name,
      );
      if (slices.length === 0)
        this.report(
          service,
          'selects no pods and is neither ExternalName nor backed by an EndpointSlice',
        );
      return;
    }
    const selected = this.deployments.filter((deployment) =>
      matches(selector, labelsOf(objectAt(deployment, 'spec', 'template', 'metadata', 'labels'))),
    );
    if (selected.length === 0) {
      this.report(service, 'its selector matches the pods of no Deployment');
      return;
    }
    for (const port of Array.isArray(spec.ports) ? spec.ports : []) {
      if (!isObject(port)) continue;
      const target = port.targetPort ?? port.port;
      for (const deployment of selected)
        if (!containersOf(deployment).some((container) => portExists(portsOf(container), target)))
          this.report(
            service,
            `port ${String(port.port)} targets ${String(target)}, which ${describe(deployment)} does not declare`,
          );
    }
  }

  private servicePorts(name: string): number[] | undefined {
    const service = this.services.find((candidate) => candidate.metadata.name === name);
    if (!service) return undefined;
    const ports = objectAt(service, 'spec').ports;
    return (Array.isArray(ports) ? ports : []).filter(isObject).map((port) => Number(port.port));
  }

  private ingresses(): void {
    for (const ingress of this.ofKind('Ingress')) {
      const backends: Json[] = [];
      const collect = (value: unknown) => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (isObject(value)) {
          if (isObject(value.backend) && isObject(value.backend.service))
            backends.push(value.backend.service);
          Object.values(value).forEach(collect);
        }
      };
      collect(objectAt(ingress, 'spec'));
      for (const backend of backends) {
        const name = String(backend.name);
        const service = this.services.find((candidate) => candidate.metadata.name === name);
        const port = isObject(backend.port) ? backend.port : {};
        const servicePorts = service
          ? (Array.isArray(objectAt(service, 'spec').ports)
              ? (objectAt(service, 'spec').ports as unknown[])
              : []
            ).filter(isObject)
          : [];
        if (!service)
          this.report(ingress, `routes to Service ${name}, which is not in the manifests`);
        else if (
          !servicePorts.some(
            (candidate) =>
              (port.name !== undefined && candidate.name === port.name) ||
              (port.number !== undefined && candidate.port === port.number),
          )
        )
          this.report(ingress, `routes to a port of Service ${name} that it does not have`);
      }
    }
  }

  /**
   * Every address the ConfigMaps and the Deployments' literal env give: the processes'
   * (SHOP_SERVICE_URL_<NAME>, the router's SHOP_SUBGRAPH_URL_<NAME>) must name that process's
   * Service and one of its ports, and the backing services' must name the Services standing for
   * them. Each of these variables must be set somewhere.
   */
  private addresses(): void {
    const settings: { where: string; key: string; value: string }[] = [];
    for (const [map, data] of this.configMaps)
      for (const [key, value] of Object.entries(data))
        settings.push({ where: `ConfigMap/${map} ${key}`, key, value: String(value) });
    for (const deployment of this.deployments)
      for (const container of containersOf(deployment))
        for (const variable of Array.isArray(container.env) ? container.env : [])
          if (isObject(variable) && typeof variable.name === 'string' && 'value' in variable)
            settings.push({
              where: `${describe(deployment)} env ${variable.name}`,
              key: variable.name,
              value: String(variable.value),
            });
    const settingsOf = (key: string) => {
      const found = settings.filter((setting) => setting.key === key);
      if (found.length === 0) this.report('-', `nothing sets ${key}`);
      return found;
    };

    const checkUrl = (where: string, raw: string, service: string, path?: string) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        this.report(where, `${raw} is not a URL`);
        return;
      }
      this.checkHostPort(where, url.hostname, Number(url.port || defaultPortOf(url)), service, raw);
      if (path !== undefined && url.pathname !== path)
        this.report(where, `${raw} must end in ${path}`);
    };
    // Outside Kubernetes either may list several instances, comma-separated; here each entry
    // must be the process's one Service.
    const urls: [string, readonly ShopService[], string | undefined][] = [
      ['SHOP_SERVICE_URL_', serviceNames, undefined],
      ['SHOP_SUBGRAPH_URL_', subgraphNames, '/graphql'],
    ];
    for (const [prefix, names, path] of urls)
      for (const name of names)
        for (const { where, value } of settingsOf(`${prefix}${name.toUpperCase()}`))
          for (const raw of value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean))
            checkUrl(where, raw, name, path);
    for (const { where, key } of settings) {
      const match = /^SHOP_(SERVICE|SUBGRAPH)_URL_(.+)$/.exec(key);
      const known: readonly string[] = match?.[1] === 'SERVICE' ? serviceNames : subgraphNames;
      if (match && !known.includes(match[2]!.toLowerCase()))
        this.report(where, `${match[2]!.toLowerCase()} is not a process of the shop`);
    }

    const mysqlPort = settings.find((setting) => setting.key === 'SHOP_MYSQL_PORT')?.value;
    const backing: [string, string, (value: string) => { host: string; port: number }[]][] = [
      ['SHOP_MYSQL_HOST', 'mysql', (value) => [{ host: value, port: Number(mysqlPort ?? 3306) }]],
      [
        'SHOP_KAFKA_BROKERS',
        'kafka',
        (value) =>
          value.split(',').map((broker) => {
            const [host = '', port = '9092'] = broker.trim().split(':');
            return { host, port: Number(port) };
          }),
      ],
      ['SHOP_REDIS_URL', 'redis', (value) => hostPortOf(value, 6379)],
      ['SHOP_OPENSEARCH_URL', 'opensearch', (value) => hostPortOf(value, 9200)],
    ];
    for (const [key, service, parse] of backing)
      for (const { where, value } of settingsOf(key)) {
        let addresses: { host: string; port: number }[];
        try {
          addresses = parse(value);
        } catch {
          this.report(where, `${value} is not an address`);
          continue;
        }
        for (const { host, port } of addresses)
          this.checkHostPort(where, host, port, service, value);
      }
  }

  private checkHostPort(where: string, host: string, port: number, service: string, raw: string) {
    if (host !== service) {
      this.report(where, `${raw} must address the Service ${service}, not ${host}`);
      return;
    }
    const ports = this.servicePorts(host);
    if (!ports) this.report(where, `${raw}: there is no Service ${host}`);
    else if (ports.length > 0 && !ports.includes(port))
      this.report(
        where,
        `${raw}: Service ${host} has no port ${port} (it has ${ports.join(', ')})`,
      );
  }
}

// --- Helpers ------------------------------------------------------------------------------

/** Variables that carry secrets: the internal secret, passwords, the PG and webhook secrets. */
function looksSecret(key: string): boolean {
  return /SECRET|PASSWORD/.test(key);
}

/** The object at a path, or an empty one when anything on the way is missing. */
function objectAt(value: unknown, ...path: string[]): Json {
  let current = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return isObject(current) ? current : {};
}

function labelsOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, label]) => [key, String(label)]));
}

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function containersOf(deployment: K8sObject): Container[] {
  const containers = objectAt(deployment, 'spec', 'template', 'spec').containers;
  return (Array.isArray(containers) ? containers : []).filter((container): container is Container =>
    isObject(container),
  );
}

function portsOf(container: Container): Json[] {
  return (Array.isArray(container.ports) ? container.ports : []).filter(isObject);
}

/** A probe's or Service's port: a number, or the name of one of the container's ports. */
function portExists(ports: Json[], port: unknown): boolean {
  return ports.some((candidate) =>
    typeof port === 'number' ? candidate.containerPort === port : candidate.name === port,
  );
}

function targetsOf(hpa: K8sObject): string | undefined {
  const target = objectAt(hpa, 'spec', 'scaleTargetRef');
  return target.kind === 'Deployment' && typeof target.name === 'string' ? target.name : undefined;
}

/** Seconds of the container's preStop pause: `sleep N` as a command, or the sleep action. */
function preStopSeconds(container: Container): number | undefined {
  const preStop = objectAt(container, 'lifecycle', 'preStop');
  if (isObject(preStop.sleep) && typeof preStop.sleep.seconds === 'number')
    return preStop.sleep.seconds;
  const command = objectAt(preStop, 'exec').command;
  if (Array.isArray(command) && command[0] === 'sleep' && command.length === 2) {
    const seconds = Number(command[1]);
    return Number.isFinite(seconds) ? seconds : undefined;
  }
  return undefined;
}

function hostPortOf(value: string, defaultPort: number): { host: string; port: number }[] {
  const url = new URL(value);
  return [{ host: url.hostname, port: Number(url.port || defaultPort) }];
}

function defaultPortOf(url: URL): number {
  return url.protocol === 'https:' ? 443 : 80;
}
