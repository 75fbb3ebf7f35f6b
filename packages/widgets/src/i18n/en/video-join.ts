import type { videoJoinRu } from '../ru/video-join.ts';

export const videoJoinEn: typeof videoJoinRu = {
  openRoom: 'Open the video call',
  closeRoom: 'Collapse the video consultation',
  joinOpensAt: (time) => `The video room opens ${time}, 15 minutes before the start. The button will appear here.`,
  roomOpenNote: 'The video room is open: check your camera and join.',
};
