/**
 * The baseline: a bare `ws` relay with no validation and no storage, speaking just enough of the
 * protocol for the same load generator. A visitor's hello gets a welcome; each message.send is
 * acknowledged at once and forwarded to the agent socket its visitor was paired with (round-robin
 * over the connected agents). JSON is parsed only to read the type and clientId.
 * Run as a child process: PORT=<port> node --import tsx relay.ts
 */
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env.PORT);
const wss = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false, maxPayload: 64 * 1024 });
const agents: WebSocket[] = [];
let next = 0;
let conv = 0;

wss.on('connection', (ws, req) => {
  if (req.url?.startsWith('/ws/agent')) {
    agents.push(ws);
    ws.on('message', (d) => {
      if (JSON.parse(d.toString()).type === 'hello') ws.send(JSON.stringify({ type: 'welcome', agent: { id: `a${agents.length}` }, inbox: [] }));
    });
    ws.on('close', () => agents.splice(agents.indexOf(ws), 1));
    return;
  }
  const id = `c${conv++}`;
  let to: WebSocket | undefined;
  let seq = 0;
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString()) as { type: string; clientId?: string; body?: string };
    if (f.type === 'hello') return ws.send(JSON.stringify({ type: 'welcome', visitorId: id, conversation: null }));
    if (f.type !== 'message.send') return;
    to ??= agents[next++ % agents.length];
    seq++;
    ws.send(JSON.stringify({ type: 'ack', clientId: f.clientId, conversationId: id, seq }));
    to?.send(JSON.stringify({ type: 'item', conversationId: id, item: { kind: 'message', seq, authorType: 'visitor', body: f.body } }));
  });
});
wss.on('listening', () => process.send?.({ ev: 'listening' }));
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
