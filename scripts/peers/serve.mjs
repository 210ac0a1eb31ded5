// Long-running local Bluesky network (@atproto/dev-env TestNetwork) for integration tests.
// Started by bsky-peer.sh (node --import ./force-loopback.mjs serve.mjs). Prints one JSON line
// {"ready":true,...} on stdout when usable and writes the same object to $PEERS_BSKY_INFO;
// SIGTERM/SIGINT shut it down cleanly.
// env: DB_POSTGRES_URL, REDIS_HOST (both required by dev-env), PEERS_BSKY_BASE_PORT (default 2580),
//      PEERS_BSKY_INFO (optional path of the info JSON)
import fs from 'node:fs';
import http from 'node:http';
import process from 'node:process';
import { URL } from 'node:url';
import { TestNetwork } from '@atproto/dev-env';

const base = Number(process.env.PEERS_BSKY_BASE_PORT || 2580);
const t0 = Date.now();
const network = await TestNetwork.create({
  dbPostgresUrl: process.env.DB_POSTGRES_URL,
  dbPostgresSchema: 'peer', // schemas bsync_peer, appview_peer, ozone_peer; bsky-peer.sh recreates the database on start
  plc: { port: base + 2 },
  pds: { port: base + 3, hostname: 'localhost', enableDidDocWithSession: true },
  bsky: { port: base + 4, publicUrl: `http://localhost:${base + 4}` },
  ozone: { port: base + 7 },
});

// Control endpoint for deterministic tests:
//   POST /sync  -> drain PDS background queue + firehose into the AppView (network.processAll())
//   GET  /info  -> the ready JSON below
let info;
const ctl = http.createServer(async (req, res) => {
  res.setHeader('content-type', 'application/json');
  try {
    if (req.url === '/sync' && req.method === 'POST') {
      const s = Date.now();
      await network.processAll();
      res.end(JSON.stringify({ ok: true, ms: Date.now() - s }));
    } else if (req.url === '/info') {
      res.end(JSON.stringify(info));
    } else {
      res.statusCode = 404; res.end('{"error":"not found"}');
    }
  } catch (e) {
    res.statusCode = 500; res.end(JSON.stringify({ error: String(e) }));
  }
});
await new Promise((resolve, reject) => ctl.once('error', reject).listen(base + 9, '127.0.0.1', resolve));

info = {
  ready: true,
  startupMs: Date.now() - t0,
  node: process.version,
  devEnv: JSON.parse(fs.readFileSync(new URL('node_modules/@atproto/dev-env/package.json', import.meta.url))).version,
  plc: network.plc.url,
  pds: network.pds.url,
  pdsDid: network.pds.ctx.cfg.service.did,
  appview: network.bsky.url,
  appviewDid: network.bsky.ctx.cfg.serverDid,
  ozone: network.ozone.url,
  ozoneDid: network.ozone.ctx.cfg.service.did,
  bsync: network.bsync.url,
  control: `http://127.0.0.1:${base + 9}`,
  handleDomain: '.test',
};
if (process.env.PEERS_BSKY_INFO) fs.writeFileSync(process.env.PEERS_BSKY_INFO, JSON.stringify(info, null, 2) + '\n');
process.stdout.write(JSON.stringify(info) + '\n');

let closing = false;
const shutdown = async (sig) => {
  if (closing) return;
  closing = true;
  const s = Date.now();
  ctl.close();
  try { await network.close(); } catch (e) { process.stderr.write(`close error: ${e}\n`); }
  process.stdout.write(JSON.stringify({ stopped: true, signal: sig, closeMs: Date.now() - s }) + '\n');
  process.exit(0);
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
