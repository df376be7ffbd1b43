export * from './server.js';
export * from './signature.js';
export { trackingSteps, type TrackingEvent, type TrackingStatus } from './shipments.js';
