// Preload (node --import): any attempt to reach the network throws, and is written to the
// file named by CA_NETWORK_LOG (so that an attempt is seen even if the code swallows the error).
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.CA_NETWORK_LOG;
const refuse = (what) =>
  function () {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access attempted: ${what}`);
  };

net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
net.Server.prototype.listen = refuse('net.Server.listen');
tls.connect = refuse('tls.connect');
for (const [name, mod] of [['http', http], ['https', https]]) {
  mod.request = refuse(`${name}.request`);
  mod.get = refuse(`${name}.get`);
}
http2.connect = refuse('http2.connect');
dgram.createSocket = refuse('dgram.createSocket');
for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  dns[f] = refuse(`dns.${f}`);
  if (dns.promises[f]) dns.promises[f] = refuse(`dns.promises.${f}`);
}
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
syncBuiltinESMExports();
