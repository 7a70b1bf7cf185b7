import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("reads events with ids, names and JSON data", () => {
    const parser = new SseParser();
    const out = parser.feed(
      'retry: 2000\nevent: ready\ndata: {"replayed":false}\n\nid: 1\nevent: lead.moved\ndata: {"lead_id":"a"}\n\n',
    );
    expect(out).toEqual([
      { event: "ready", data: '{"replayed":false}', lastEventId: null },
      { event: "lead.moved", data: '{"lead_id":"a"}', lastEventId: "1" },
    ]);
    expect(parser.retry).toBe(2000);
  });

  it("waits for the rest of an event split anywhere, even inside a CRLF", () => {
    const text = 'id: 7\r\nevent: lead.created\r\ndata: {"x":1}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const out = [...parser.feed(text.slice(0, cut)), ...parser.feed(text.slice(cut))];
      expect(out, `cut at ${cut}`).toEqual([{ event: "lead.created", data: '{"x":1}', lastEventId: "7" }]);
    }
  });

  it("takes CR, LF and CRLF line ends and joins data lines", () => {
    const parser = new SseParser();
    expect(parser.feed("data: one\rdata: two\r\ndata:three\n\n")).toEqual([
      { event: "message", data: "one\ntwo\nthree", lastEventId: null },
    ]);
  });

  it("counts comments as keep-alives and sends nothing for them or for empty events", () => {
    const parser = new SseParser();
    expect(parser.feed(": keep-alive\n\n: keep-alive\n\nevent: lonely\n\n")).toEqual([]);
    expect(parser.comments).toBe(2);
    // The name of an event without data does not leak into the next one.
    expect(parser.feed("data: x\n\n")).toEqual([{ event: "message", data: "x", lastEventId: null }]);
  });

  it("keeps the last id for later events, ignores bad ids, retries and unknown fields", () => {
    const parser = new SseParser();
    parser.feed("id: 5\ndata: a\n\n");
    const out = parser.feed("id: bad\0id\nretry: soon\nfoo: bar\ndata\n\n");
    expect(out).toEqual([{ event: "message", data: "", lastEventId: "5" }]);
    expect(parser.retry).toBeNull();
  });
});
