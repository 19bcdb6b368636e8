import type { Attempt } from "./transport.js";

/**
 * The state of one attempt: aborted by its timer or the caller, with cancel hooks, and an AbortSignal made
 * only when something reads it. The default path (node:http, a cached token or nonce) never does: objects
 * that live as long as a request get promoted by the scavenges they survive, and in a probe of 10,000
 * node:http calls on Node 20 an AbortController per call added a few MB of RSS and an abort listener per
 * call about 10 MB (packages/bench row 5 has the client's figures). A class, so a call allocates one object
 * rather than a closure per accessor.
 */
export class AttemptState implements Attempt {
  aborted = false;
  private reason: unknown;
  private controller: AbortController | undefined;
  private cancels: (() => void)[] | undefined;

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  onAbort(cancel: () => void): void {
    if (this.aborted) cancel();
    else (this.cancels ??= []).push(cancel);
  }

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    for (const cancel of this.cancels ?? []) cancel();
  }
}
