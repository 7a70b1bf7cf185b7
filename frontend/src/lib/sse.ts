// A parser for server-sent events (the `text/event-stream` format of the HTML standard), fed
// text as it arrives: the web app reads the live stream with fetch, which can send headers,
// rather than EventSource, which cannot. Pure, so it is tested alone.

export interface SseMessage {
  /** The event's name (`message` when the server gave none). */
  event: string;
  data: string;
  /** The last event id the stream set (ids are sticky, as in EventSource). */
  lastEventId: string | null;
}

export class SseParser {
  private pending = "";
  private data: string[] = [];
  private event = "";
  private sawData = false;
  lastEventId: string | null = null;
  /** The reconnection delay the server asked for, in milliseconds. */
  retry: number | null = null;
  /** Comment lines seen (the server's keep-alives). */
  comments = 0;

  /** Feed the next piece of text; returns the events it completed. */
  feed(text: string): SseMessage[] {
    const out: SseMessage[] = [];
    this.pending += text;
    let start = 0;
    for (;;) {
      let end = start;
      while (end < this.pending.length && this.pending[end] !== "\n" && this.pending[end] !== "\r") end++;
      if (end >= this.pending.length) break;
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (this.pending[end] === "\r" && end + 1 >= this.pending.length) break;
      const line = this.pending.slice(start, end);
      start = end + (this.pending[end] === "\r" && this.pending[end + 1] === "\n" ? 2 : 1);
      const message = this.line(line);
      if (message) out.push(message);
    }
    this.pending = this.pending.slice(start);
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) {
      this.comments++;
      return null;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      this.data.push(value);
      this.sawData = true;
    } else if (field === "event") {
      this.event = value;
    } else if (field === "id") {
      if (!value.includes("\0")) this.lastEventId = value;
    } else if (field === "retry") {
      if (/^\d+$/.test(value)) this.retry = Number(value);
    }
    return null;
  }

  private dispatch(): SseMessage | null {
    const message = this.sawData
      ? { event: this.event || "message", data: this.data.join("\n"), lastEventId: this.lastEventId }
      : null;
    this.data = [];
    this.event = "";
    this.sawData = false;
    return message;
  }
}
