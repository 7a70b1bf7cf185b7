import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { connectLive, reconnectDelay, type LiveEvent, type LiveStatus } from "./liveEvents";

/** A stream the test writes to, as the server would. */
function serverStream() {
  let push!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { "Content-Type": "text/event-stream" } }),
    send: (text: string) => push.enqueue(encoder.encode(text)),
    end: () => push.close(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("connectLive", () => {
  it("reports events, resumes with Last-Event-ID and asks for a refetch when it could not", async () => {
    const streams = [serverStream(), serverStream(), serverStream()];
    const asked: (string | null)[] = [];
    const events: LiveEvent[] = [];
    const statuses: LiveStatus[] = [];
    let resyncs = 0;
    const stop = connectLive(
      { onEvent: (e) => events.push(e), onResync: () => resyncs++, onStatus: (s) => statuses.push(s) },
      {
        open: async (_path, init) => {
          asked.push(new Headers(init.headers).get("Last-Event-ID"));
          return streams[asked.length - 1]!.response;
        },
        sleep: async () => {},
      },
    );
    await tick();
    streams[0]!.send('event: ready\ndata: {"replayed":false}\n\n');
    streams[0]!.send('id: e1\nevent: lead.moved\ndata: {"type":"lead.moved","lead_id":"L","stage_id":"S"}\n\n');
    await tick();
    expect(statuses).toEqual(["connecting", "live"]);
    expect(events).toEqual([{ id: "e1", type: "lead.moved", lead_id: "L", stage_id: "S" }]);
    expect(resyncs).toBe(0); // the first connection: what is shown was just loaded

    streams[0]!.send('event: bye\ndata: {"reason":"renew"}\n\n');
    streams[0]!.end();
    await tick();
    streams[1]!.send('event: ready\ndata: {"replayed":true}\n\n');
    await tick();
    expect(asked).toEqual([null, "e1"]);
    expect(resyncs).toBe(0); // resumed: nothing was missed

    streams[1]!.end(); // dropped without a word
    await tick();
    streams[2]!.send('event: ready\ndata: {"replayed":false}\n\nevent: reset\ndata: {"reason":"missed"}\n\n');
    await tick();
    expect(resyncs).toBe(2);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live", "reconnecting", "live"]);
    stop();
  });

  it("stops when the session is gone or the workspace is not the user's", async () => {
    const statuses: LiveStatus[] = [];
    let calls = 0;
    connectLive(
      { onEvent: () => {}, onResync: () => {}, onStatus: (s) => statuses.push(s) },
      {
        open: async () => {
          calls++;
          throw new ApiError({ status: 404, code: "NOT_FOUND", message: "Workspace not found." });
        },
        sleep: async () => {},
      },
    );
    await tick();
    expect(statuses).toEqual(["connecting", "off"]);
    expect(calls).toBe(1);
  });

  it("backs off up to 30 s with jitter", () => {
    expect([0, 1, 2, 5, 9].map((n) => reconnectDelay(n, () => 1))).toEqual([1000, 2000, 4000, 30000, 30000]);
    expect(reconnectDelay(0, () => 0)).toBe(500);
  });
});
