export {
  createInternalClient,
  type CallOptions,
  type InternalClient,
  type InternalClientOptions,
  type PostOptions,
} from './internal-client.js';
export { InternalHttpError, ServiceUnavailableError, type UnavailableReason } from './errors.js';
export {
  createInternalRouter,
  type Caller,
  type HttpMethod,
  type InternalHandler,
  type InternalRequest,
  type InternalRouter,
  type InternalRouterOptions,
} from './internal-router.js';
export { InternalProblem } from './internal-problem.js';
export {
  ServiceInstances,
  isConnectionRefused,
  parseInstanceUrls,
  type InstanceAnswer,
  type InstanceRequest,
  type ServiceInstancesOptions,
} from './service-instances.js';
