// Preloaded into Agents Playground (node --require). The Playground listens on every network interface
// and has no option to change that, so anyone on the same network could talk to the local bot as any
// demo person. A listen() call given only a port binds to loopback instead.
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
