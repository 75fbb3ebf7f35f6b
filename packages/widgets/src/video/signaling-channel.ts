import type { SignalFromClient, SignalFromServer } from '@oz/contracts';

export interface SignalingHandlers {
  message(message: SignalFromServer): void;
  /**
   * The socket is gone. `code` is the close code (0 when our keep-alive gave up on a silent
   * connection); never called after close() was called by us.
   */
  closed(code: number): void;
}

/** A ping every 10 s; 25 s without any word from the server means the connection is dead. */
const PING_EVERY_MS = 10_000;
const SILENCE_LIMIT_MS = 25_000;

/**
 * The embedded room's signaling WebSocket, with a keep-alive: a phone that loses its network
 * often keeps a "open" socket for minutes, and the call must notice and reconnect sooner.
 */
export class SignalingChannel {
  readonly #socket: WebSocket;
  readonly #handlers: SignalingHandlers;
  readonly #timer: ReturnType<typeof setInterval>;
  #lastHeard = Date.now();
  #done = false;

  constructor(url: string, handlers: SignalingHandlers) {
    this.#handlers = handlers;
    this.#socket = new WebSocket(url);
    this.#socket.addEventListener('message', this.#onMessage);
    this.#socket.addEventListener('close', this.#onClose);
    this.#timer = setInterval(this.#keepAlive, PING_EVERY_MS);
    window.addEventListener('offline', this.#onOffline);
  }

  send(message: SignalFromClient): void {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  /** Leaves the room (the other side hears peer-left at once) and closes; no handler fires after. */
  close(): void {
    if (this.#done) return;
    this.send({ type: 'leave' });
    this.#finish();
    this.#socket.close(1000, 'left');
  }

  #onMessage = (event: MessageEvent): void => {
    this.#lastHeard = Date.now();
    let message: SignalFromServer;
    try {
      message = JSON.parse(String(event.data)) as SignalFromServer;
    } catch {
      return;
    }
    if (message.type !== 'pong') this.#handlers.message(message);
  };

  #onClose = (event: CloseEvent): void => {
    if (this.#done) return;
    this.#finish();
    this.#handlers.closed(event.code);
  };

  #keepAlive = (): void => {
    if (Date.now() - this.#lastHeard > SILENCE_LIMIT_MS) return this.#giveUp();
    this.send({ type: 'ping' });
  };

  /** The phone says it has no network: waiting for the socket to time out would take minutes. */
  #onOffline = (): void => this.#giveUp();

  #giveUp(): void {
    if (this.#done) return;
    this.#finish();
    this.#socket.close();
    this.#handlers.closed(0);
  }

  #finish(): void {
    this.#done = true;
    clearInterval(this.#timer);
    window.removeEventListener('offline', this.#onOffline);
  }
}
