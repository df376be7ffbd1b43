import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDeploy, formatDeployCheck, type DeployCheck } from '../src/check.js';
import { renderKustomization } from '../src/kustomize.js';
import { describe as name, parseYamlDocuments, type K8sObject } from '../src/manifest.js';
import { strategicMerge } from '../src/strategic-merge.js';
import { k8sDir, ManifestCopy, repoRoot } from './support.js';

/** Every problem as `<kustomization> <object>: <message>`. */
const problemsOf = (check: DeployCheck) =>
  check.reports.flatMap((report) =>
    report.problems.map((problem) => `${report.dir} ${problem.object}: ${problem.message}`),
  );

describe('deploy:check on deploy/k8s', () => {
  it('passes: base and production render, match the schemas and keep the rules', () => {
    const check = checkDeploy(k8sDir, repoRoot);
    expect(problemsOf(check)).toEqual([]);
    expect(check.reports.map((report) => report.dir)).toEqual([
      'deploy/k8s/base/secret.example.yaml',
      'deploy/k8s/base',
      'deploy/k8s/overlays/production',
    ]);
    const production = check.reports[2]!.objects;
    const count = (kind: string) => production.filter((object) => object.kind === kind).length;
    expect([
      count('Deployment'),
      count('PodDisruptionBudget'),
      count('HorizontalPodAutoscaler'),
    ]).toEqual([11, 11, 3]);
    expect(
      production.every(
        (object) => object.kind === 'Namespace' || object.metadata.namespace === 'shop',
      ),
    ).toBe(true);
    expect(formatDeployCheck(check, 'kubernetes-models')).toMatch(/deploy:check: ok$/);
  });
});

describe('deploy:check on a broken copy', () => {
  let copy: ManifestCopy | undefined;
  afterEach(() => copy?.remove());

  it('reports every problem: schema, unknown fields and the shop rules', () => {
    copy = new ManifestCopy();
    // A wrong field type, in the base and through the production overlay.
    copy.edit('base/auth.yaml', 'replicas: 1', "replicas: 'two'");
    copy.edit('overlays/production/resources.yaml', "cpu: '2'", 'cpu: [2]');
    // A misspelt field the schema alone lets through.
    copy.edit('base/user.yaml', 'readOnlyRootFilesystem: true', 'readOnlyRootFilesytem: true');
    // A missing probe, a missing budget, an address to a port the Service lacks.
    copy.edit('base/order.yaml', /\n {10}readinessProbe:\n(?: {12}.*\n)+/, '\n');
    copy.edit('base/product.yaml', /---\napiVersion: policy\/v1[\s\S]*$/, '');
    copy.edit('base/config.yaml', 'http://payment:4106', 'http://payment:4116');
    // A Service whose selector matches no pods.
    copy.edit(
      'base/return.yaml',
      /(kind: Service[\s\S]*?selector:\n\s+app.kubernetes.io\/name: )return/,
      '$1retrun',
    );

    const check = checkDeploy(copy.k8sDir, copy.root);
    const problems = problemsOf(check);
    const expected = [
      'deploy/k8s/base Deployment/auth: spec.replicas must be integer',
      'deploy/k8s/overlays/production Deployment/shop/router: spec.template.spec.containers[0].resources.limits.cpu must be number or string',
      'deploy/k8s/base Deployment/user: spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem is not a field of SecurityContext (did you mean readOnlyRootFilesystem?)',
      'deploy/k8s/base Deployment/user: container user: securityContext.readOnlyRootFilesystem must be true',
      'deploy/k8s/base Deployment/order: container order has no readinessProbe',
      'deploy/k8s/base Deployment/product: no PodDisruptionBudget selects its pods',
      'deploy/k8s/base ConfigMap/shop-config SHOP_SERVICE_URL_PAYMENT: http://payment:4116: Service payment has no port 4116 (it has 4106)',
      'deploy/k8s/base Service/return: its selector matches the pods of no Deployment',
    ];
    for (const problem of expected) expect(problems).toContain(problem);
    // The overlay inherits the base's problems: both renders report them.
    expect(problems).toContain(
      'deploy/k8s/overlays/production Deployment/shop/order: container order has no readinessProbe',
    );
    const report = formatDeployCheck(check, 'kubernetes-models');
    expect(report).toContain(`deploy:check: FAILED with ${check.problems} problems`);
    expect(report).toContain('✗ Deployment/order: container order has no readinessProbe');
  });

  it('reports what the autoscaling, shutdown and secret rules require', () => {
    copy = new ManifestCopy();
    copy.edit('base/catalog.yaml', /---\napiVersion: autoscaling\/v2[\s\S]*$/, '');
    copy.edit(
      'overlays/production/autoscaling.yaml',
      /---\n[^-]*name: catalog[\s\S]*?---\n/,
      '---\n',
    );
    copy.edit(
      'base/order.yaml',
      'terminationGracePeriodSeconds: 40',
      'terminationGracePeriodSeconds: 20',
    );
    copy.edit('base/order.yaml', '  template:', '  replicas: 3\n  template:');
    copy.edit('base/delivery.yaml', 'key: SHOP_CARRIER_WEBHOOK_SECRET', 'key: SHOP_CARRIER_SECRET');
    copy.edit(
      'base/config.yaml',
      'SHOP_LOG_LEVEL: info',
      "SHOP_LOG_LEVEL: info\n  SHOP_PG_SECRET_KEY: 'oops'",
    );

    const problems = problemsOf(checkDeploy(copy.k8sDir, copy.root));
    for (const problem of [
      'deploy/k8s/base -: no HorizontalPodAutoscaler scales Deployment catalog',
      "deploy/k8s/base Deployment/order: terminationGracePeriodSeconds 20 is shorter than the preStop pause (5 s) plus the services' 30 s shutdown",
      'deploy/k8s/base Deployment/order: sets spec.replicas although HorizontalPodAutoscaler/order scales it (every apply would reset the count)',
      'deploy/k8s/base Deployment/delivery: container delivery: Secret shop-secrets has no key SHOP_CARRIER_SECRET in its example',
      'deploy/k8s/base ConfigMap/shop-config: SHOP_PG_SECRET_KEY is a secret: it belongs in a Secret',
    ])
      expect(problems).toContain(problem);
  });

  it('says when an overlay cannot be rendered instead of guessing', () => {
    copy = new ManifestCopy();
    copy.edit(
      'overlays/production/kustomization.yaml',
      'namespace: shop',
      'namespace: shop\ncommonLabels:\n  a: b',
    );
    const problems = problemsOf(checkDeploy(copy.k8sDir, copy.root));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^deploy\/k8s\/overlays\/production -: cannot render: .*kustomization.yaml: deploy:check renders only .*; unsupported: commonLabels$/,
    );
  });
});

describe('the kustomize renderer', () => {
  const kubectl = (() => {
    try {
      execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  // kubectl is not installed from a registry here, so this runs only where a machine has it.
  it.skipIf(!kubectl)('renders base and production exactly as `kubectl kustomize` does', () => {
    for (const dir of ['base', 'overlays/production']) {
      const target = path.join(k8sDir, dir);
      const ours = renderKustomization(target, repoRoot);
      const theirs = parseYamlDocuments(
        execFileSync('kubectl', ['kustomize', target], { encoding: 'utf8' }),
        'kubectl kustomize',
      ) as K8sObject[];
      const byName = (objects: K8sObject[]) =>
        new Map(objects.map((object) => [`${object.apiVersion} ${name(object)}`, object]));
      const [mine, reference] = [byName(ours), byName(theirs)];
      expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, object] of mine)
        expect(isDeepStrictEqual(object, reference.get(key)), `${dir}: ${key}`).toBe(true);
    }
  });

  it('merges containers and env by name, deletes on null, replaces other lists', () => {
    const merged = strategicMerge(
      {
        containers: [
          { name: 'a', env: [{ name: 'X', value: '1' }], args: ['one'] },
          { name: 'b', image: 'b' },
        ],
        keep: true,
        drop: 1,
      },
      {
        containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }], args: ['two'] }],
        drop: null,
      },
    );
    expect(merged).toEqual({
      containers: [
        {
          name: 'a',
          env: [
            { name: 'X', value: '1' },
            { name: 'Y', value: '2' },
          ],
          args: ['two'],
        },
        { name: 'b', image: 'b' },
      ],
      keep: true,
    });
    expect(() => strategicMerge({}, { $patch: 'delete' })).toThrow(/not supported/);
  });
});
