// From the contracts' zod-free module, so no schema reaches the video chunk.
export { AUDIO_MIN_KBPS, SignalClose, VIDEO_MIN_KBPS } from '@oz/contracts/constants';
