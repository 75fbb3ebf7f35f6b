/**
 * The video room's working parts, imported lazily by <oz-video-room> only when a room opens, so
 * pages without a consultation never download them (openvidu-browser loads later still, and only
 * for OpenVidu rooms).
 */
export { DeviceCheck, type ConnectionCheck, type DeviceStatus } from './device-check.ts';
export { VideoCall, type CallNews, type CallPhase } from './video-call.ts';
export { RoomClosedError, endCall } from './join-request.ts';
export { RoomFullError, TransportConnectError } from './transport.ts';
export { assessConnection, type ConnectionResult, type ConnectionVerdict } from './connection-test.ts';
export type { MediaProblem } from './media.ts';
export type { CallQuality } from './call-quality.ts';
