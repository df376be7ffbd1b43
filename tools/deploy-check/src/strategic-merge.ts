import { isObject, ManifestError, type Json } from './manifest.js';

/**
 * The part of Kubernetes' strategic merge patch that the overlays here use, and nothing more:
 *
 * - mappings merge key by key, recursively; a `null` in the patch removes the key;
 * - the lists Kubernetes merges by a key (containers and init containers, env, volumes and volume
 *   mounts, container and service ports, image pull secrets) merge item by item on that key, and
 *   items the original lacks are appended;
 * - every other list, and every scalar, is replaced by the patch's.
 *
 * Directives (`$patch`, `$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`) are
 * refused rather than misapplied. The test compares the rendering with `kubectl kustomize`'s
 * wherever kubectl is installed.
 */
export function strategicMerge(original: Json, patch: Json, path = ''): Json {
  const result: Json = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$'))
      throw new ManifestError(
        `${path}/${key}: strategic merge directives are not supported by deploy:check`,
      );
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = result[key];
    if (isObject(value) && isObject(current)) {
      result[key] = strategicMerge(current, value, `${path}/${key}`);
    } else if (Array.isArray(value) && Array.isArray(current)) {
      const mergeKey = mergeKeyOf(key, value);
      result[key] = mergeKey ? mergeList(current, value, mergeKey, `${path}/${key}`) : value;
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** Kubernetes' `patchMergeKey` for the list fields above. */
function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      // Container ports merge on containerPort, a Service's on port.
      return items.some((item) => isObject(item) && 'containerPort' in item)
        ? 'containerPort'
        : 'port';
    default:
      return undefined;
  }
}

function mergeList(original: unknown[], patch: unknown[], mergeKey: string, path: string) {
  const result = [...original];
  for (const item of patch) {
    if (!isObject(item) || item[mergeKey] === undefined)
      throw new ManifestError(`${path}: every patch item needs its ${mergeKey}`);
    const index = result.findIndex(
      (candidate) => isObject(candidate) && candidate[mergeKey] === item[mergeKey],
    );
    if (index === -1) result.push(item);
    else result[index] = strategicMerge(result[index] as Json, item, `${path}/${index}`);
  }
  return result;
}
