/** Why the camera or the microphone cannot be used, in terms a person can act on. */
export type MediaProblem =
  /** The person or the browser's settings refused access. */
  | 'denied'
  /** No camera and no microphone (or no microphone) are connected. */
  | 'not-found'
  /** Another program holds the device (another video call, a camera app). */
  | 'in-use'
  /** The page is not served over HTTPS, so the browser offers no camera at all. */
  | 'insecure'
  | 'unknown';

export interface DeviceChoice {
  cameraId?: string | undefined;
  microphoneId?: string | undefined;
}

export interface AcquiredMedia {
  stream: MediaStream;
  /** The microphone works but no camera could be opened: the call goes on with sound only. */
  cameraMissing: boolean;
}

/** A failure to open the devices, with the reason already sorted out. */
export class MediaAccessError extends Error {
  override readonly name = 'MediaAccessError';
  constructor(
    readonly problem: MediaProblem,
    options?: { cause?: unknown },
  ) {
    super(`camera or microphone unavailable: ${problem}`, options);
  }
}

/** Ideal, not exact, sizes: phones pick what their camera does, 640x480 is enough for a consultation. */
const VIDEO = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } };
const AUDIO = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/**
 * Opens the camera and the microphone. Without a camera (or with a broken one) it falls back to
 * the microphone alone, since a consultation by voice still helps; without a microphone it fails.
 */
export async function acquireMedia(choice: DeviceChoice = {}): Promise<AcquiredMedia> {
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaAccessError(window.isSecureContext ? 'unknown' : 'insecure');
  const audio = { ...AUDIO, ...(choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : {}) };
  const video = { ...VIDEO, ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}) };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio, video }), cameraMissing: false };
  } catch (error) {
    const problem = classifyMediaError(error);
    // Refused access applies to both devices; any other camera trouble leaves the microphone to try.
    if (problem === 'denied' || problem === 'insecure') throw new MediaAccessError(problem, { cause: error });
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio }), cameraMissing: true };
    } catch (audioError) {
      throw new MediaAccessError(classifyMediaError(audioError), { cause: audioError });
    }
  }
}

/** Sorts getUserMedia's DOMException names into what the person should do about them. */
export function classifyMediaError(error: unknown): MediaProblem {
  if (error instanceof MediaAccessError) return error.problem;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return window.isSecureContext ? 'denied' : 'insecure';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'unknown';
  }
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/** The cameras and microphones; their names are only known once access has been granted. */
export async function listDevices(): Promise<DeviceLists> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return {
    cameras: devices.filter((device) => device.kind === 'videoinput' && device.deviceId),
    microphones: devices.filter((device) => device.kind === 'audioinput' && device.deviceId),
  };
}

/** Turns the camera and the microphone off: the browser's "in use" light goes out at once. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
