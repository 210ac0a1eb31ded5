// Preload (node --import ./force-loopback.mjs): every TCP server in this process listens on
// 127.0.0.1. @atproto services call app.listen(port), which would bind all interfaces; this rewrites
// any listen() without a host, or with a non-loopback host, to 127.0.0.1. Unix sockets are untouched.
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const isLoopback = (h) => typeof h === 'string' && (/^127\./.test(h) || h === '::1' || h === 'localhost');
const isPort = (v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v));

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const a0 = args[0];
  if (args.length === 0 || typeof a0 === 'function' || a0 === undefined || a0 === null) {
    // listen() / listen(cb) / listen(undefined, ...): random port on all interfaces -> loopback
    args = [{ port: 0, host: LOOPBACK }, ...args.filter((x) => typeof x === 'function')];
  } else if (isPort(a0)) {
    if (typeof args[1] === 'string') {
      if (!isLoopback(args[1])) args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK); // listen(port[, backlog][, cb])
    }
  } else if (typeof a0 === 'object' && !a0.path && !a0.fd && !a0._handle && !a0.handle) {
    if (!isLoopback(a0.host)) args[0] = { ...a0, host: LOOPBACK };
  }
  return listen.apply(this, args);
};
