import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type * as OpenTelemetryApi from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ServiceNameOfSpans } from './service-name-of-spans.js';
import { serviceOnPort } from './service-ports.js';
import { localZipkinUrl, type TracingConfig } from './tracing-config.js';
import { traceSampler } from './trace-sampler.js';

export interface Tracing {
  /** Sends the spans still waiting in the batch (before a process exits). */
  flush(): Promise<void>;
}

const tracingOff: Tracing = { flush: async () => {} };

const requireHere = createRequire(import.meta.url);

/** The process's tracing, once started: every runtime of the process shares it. */
let started: Tracing | undefined;

/** Probes and scrapes, asked every few seconds: a trace each would bury the purchases. */
function isProbe(path: string | undefined): boolean {
  const pathname = path?.split('?')[0];
  return pathname === '/health' || pathname === '/ready' || pathname === '/metrics';
}

/**
 * Starts OpenTelemetry tracing for this process when the configuration asks for it: W3C trace
 * context in and out, spans of incoming HTTP requests (`instrumentation-http`) and of outgoing
 * undici and `fetch` calls (`instrumentation-undici`: the router's fetches to subgraphs, internal
 * calls, the PG and the carrier), a share of traces kept (`traceSampler`), exported to Zipkin.
 * The first call with tracing on starts it for the whole process; later calls return it.
 */
export function startTracing(processName: string, config: TracingConfig): Tracing {
  if (config.SHOP_TRACING === 'off') return tracingOff;
  started ??= startZipkinTracing(processName, config);
  return started;
}

function startZipkinTracing(processName: string, config: TracingConfig): Tracing {
  const provider = new TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: processName })),
    sampler: traceSampler(config.SHOP_TRACE_SAMPLE_RATIO),
    spanProcessors: [
      new ServiceNameOfSpans(),
      new BatchSpanProcessor({
        exporter: new ZipkinExporter({
          url: new URL('/api/v2/spans', config.SHOP_ZIPKIN_URL ?? localZipkinUrl).href,
        }),
      }),
    ],
  });
  // @opentelemetry/api ships a CommonJS and an ES module build, and this process loads both:
  // @apollo/gateway requires one, the kit imports the other. Both read the context manager and the
  // propagator from one global, but a tracer taken before any provider is registered follows only
  // the provider registered through its own build, and the gateway takes its tracer as it loads.
  // So everything is registered through the CommonJS build, and the kit takes its tracers when it
  // makes a span (event-spans.ts).
  const api = requireHere('@opentelemetry/api') as typeof OpenTelemetryApi;
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isProbe(request.url),
        startIncomingSpanHook: (request: IncomingMessage) => {
          const service = serviceOnPort(request.socket.localPort);
          return service ? { [ATTR_SERVICE_NAME]: service } : {};
        },
      }),
      // Subscribes to undici's diagnostics channels: any undici, loaded before or after, and
      // Node's own fetch.
      new UndiciInstrumentation({ ignoreRequestHook: (request) => isProbe(request.path) }),
    ],
  });
  // The http instrumentation patches `http` when it is next required. The services import it as
  // an ES module, which that hook never sees; but the module object is the same one, and servers
  // share `http.Server.prototype`, so requiring it here instruments every server in the process,
  // whenever it was imported.
  requireHere('node:http');
  return { flush: () => provider.forceFlush() };
}
