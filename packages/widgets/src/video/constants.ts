import type {
  AUDIO_MIN_KBPS as ContractAudioMinKbps,
  SignalClose as ContractSignalClose,
  VIDEO_MIN_KBPS as ContractVideoMinKbps,
} from '@oz/contracts';

// Copies of the contract's constants: importing their values would pull zod and every schema
// into the video chunk. The types tie each copy to the contract, so a change there fails to compile.

/** The seed's requirement for video: at least 2 Mbit/s. */
export const VIDEO_MIN_KBPS: typeof ContractVideoMinKbps = 2000;
/** The seed's requirement for audio: at least 512 kbit/s. */
export const AUDIO_MIN_KBPS: typeof ContractAudioMinKbps = 512;

/** Close codes of the embedded signaling socket. */
export const SignalClose: typeof ContractSignalClose = {
  replaced: 4001,
  roomFull: 4009,
  ended: 4100,
  unauthorized: 4401,
};
