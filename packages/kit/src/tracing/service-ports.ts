/**
 * Which service listens on which port of this process, so the span of a request names the service
 * that took it (several share a process when the shop runs embedded). A port names the service
 * that last listened on it.
 */
const serviceByPort = new Map<number, string>();

export function nameServiceOnPort(port: number, service: string): void {
  serviceByPort.set(port, service);
}

export function serviceOnPort(port: number | undefined): string | undefined {
  return port === undefined ? undefined : serviceByPort.get(port);
}
