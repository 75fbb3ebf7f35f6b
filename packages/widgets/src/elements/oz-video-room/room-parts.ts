/**
 * Everything the room needs once it opens, in one lazily loaded chunk: the video code and the
 * views that only exist with it (the check before joining, the call, the doctor's confirmation).
 * A page that merely shows a signed-out prompt or a closed room never downloads any of it.
 */
export * from '../../video/index.ts';
export { renderPreJoin } from './pre-join-view.ts';
export { renderCall } from './call-view.ts';
export { renderEndDialog } from './end-dialog.ts';
