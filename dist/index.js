import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(896);
var util = __nccwpck_require__(23);
var stream = __nccwpck_require__(203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(313);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(896);
var zlib = __nccwpck_require__(106);
var fd_slicer = __nccwpck_require__(502);
var util = __nccwpck_require__(23);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);
var Transform = (__nccwpck_require__(203).Transform);
var PassThrough = (__nccwpck_require__(203).PassThrough);
var Writable = (__nccwpck_require__(203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 787:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ signingKeys)
/* harmony export */ });
/** The keys to sign a request with now (renewed first when a keyless session needs it). */
async function signingKeys(creds) {
    if (creds.kind === 'aksk')
        return creds;
    if (!creds.session)
        throw new Error('keyless credentials were used before the exchange');
    return creds.session.current();
}


/***/ }),

/***/ 300:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  runAuthOnly: () => (/* binding */ runAuthOnly),
  startKeyless: () => (/* binding */ startKeyless)
});

// EXTERNAL MODULE: ./src/inputs/names.ts + 1 modules
var names = __nccwpck_require__(284);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __nccwpck_require__(318);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __nccwpck_require__(476);
// EXTERNAL MODULE: ./src/log/untrusted.ts
var untrusted = __nccwpck_require__(168);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function buffer_utils_encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __nccwpck_require__(549);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __nccwpck_require__(902);
;// CONCATENATED MODULE: ./src/auth/oidc.ts
/**
 * The workflow's identity: GitHub's OIDC ID token, through @actions/core (loaded only by keyless
 * runs), retried on transient failures, with messages that say how to fix a missing permission.
 */




/** A keyless failure whose message already says what to change. */
class KeylessError extends Error {
    name = 'KeylessError';
}
const ATTEMPTS = 3;
async function getIdToken(audience, env, options = {}) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        throw new KeylessError(missingTokenMessage(env));
    // Eager mode: bundled into dist/index.js, evaluated only by keyless runs.
    const core = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 476));
    let attempts = 0;
    try {
        const policy = { ...options, attempts: ATTEMPTS, baseDelayMs: options.retryBaseMs ?? 1000 };
        return await (0,retry/* withRetries */.L)(policy, async () => {
            attempts++;
            return core.getIDToken(audience).catch((error) => {
                throw tokenRequestError(error);
            });
        });
    }
    catch (error) {
        const text = error.details?.serviceMessage ?? error.message;
        throw new KeylessError(`Could not get the workflow's OIDC token from GitHub (${attempts} attempt${attempts > 1 ? 's' : ''}): ${text}`);
    }
}
/**
 * core reports the token service's failures as text only, with the status in it ("Error Code : 500");
 * text without one is a network failure. As an ApiError, they take the retry rules every call takes.
 */
function tokenRequestError(error) {
    const text = error.message.replace(/\s+/g, ' ').trim();
    const status = Number(/Error Code : (\d+)/.exec(text)?.[1] ?? NaN);
    return new http_errors/* ApiError */.hD({
        action: 'GitHub OIDC token request',
        serviceMessage: text,
        ...(Number.isNaN(status) ? { network: 'reset' } : { status }),
    }, undefined, () => undefined);
}
/** Why there is no token, and the exact change that gives one (or why none can). */
function missingTokenMessage(env) {
    const fork = forkOf(env);
    if (fork) {
        return `Keyless authentication cannot work in this run: it is for a pull request from the fork ${fork}, and GitHub never gives workflows triggered by a fork's pull request an OIDC token (nor secrets), whatever their permissions say. Deploy from a push, a workflow_dispatch or a pull request from a branch of this repository.`;
    }
    // One line: an annotation shows one, and the line to add must survive intact.
    return "Keyless authentication needs the workflow's OIDC token, but this job may not request one (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add the line `id-token: write` under `permissions:` of the job or the workflow, for example `permissions: { id-token: write, contents: read }` (once a workflow lists permissions the others are none: keep contents: read for actions/checkout).";
}
/** The fork's owner/name when this run is a pull_request event whose head is another repository. */
function forkOf(env) {
    if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const head = event.pull_request?.head?.repo?.full_name;
        const base = event.repository?.full_name ?? env.GITHUB_REPOSITORY;
        if (typeof head === 'string' && head !== base)
            return safeText(head);
    }
    catch {
        // No readable event: nothing to say about forks.
    }
    return undefined;
}
/** The claims an STS refusal is explained with; never the token itself. */
function describeToken(jwt) {
    try {
        const claims = decodeJwt(jwt);
        const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : claims.aud;
        return `iss "${safeText(claims.iss)}", aud "${safeText(aud)}", sub "${safeText(claims.sub)}"`;
    }
    catch {
        return 'a token that could not be decoded';
    }
}
/** Untrusted text for one log line: printable, short. */
function safeText(value) {
    const text = typeof value === 'string' ? value : '';
    const clean = text.replace(/[^\x20-\x7e]/g, '?');
    return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: ./src/http/error-mapping.ts
var error_mapping = __nccwpck_require__(985);
// EXTERNAL MODULE: ./src/http/exchange.ts + 2 modules
var exchange = __nccwpck_require__(875);
// EXTERNAL MODULE: ./src/http/timing.ts
var timing = __nccwpck_require__(568);
;// CONCATENATED MODULE: ./src/auth/sts.ts
/**
 * Huawei STS AssumeAgencyWithOIDC: the workflow's ID token in, temporary keys out. No Huawei
 * credential signs this call: the token is the proof (API page AssumeAgencyWithOIDC, IAM v5).
 * Shapes from the SDK models (services/sts/v1/model/AssumeAgencyWithOIDCReqBody, CredentialsDto).
 */







const STS_PATH = '/v5/agencies/assume-with-oidc';
const ACTION = 'Huawei STS AssumeAgencyWithOIDC';
const sts_ATTEMPTS = 3;
/** An STS answer is a few hundred bytes of JSON. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** The body sent, with the token left out: what dry-run shows. */
function exchangeBody(keyless, idToken) {
    return {
        id_token: idToken,
        provider_urn: keyless.providerUrn,
        agency_urn: keyless.agencyUrn,
        agency_session_name: keyless.sessionName,
        duration_seconds: keyless.durationSeconds,
    };
}
/**
 * One exchange. Retried on network failures, 429 and 5xx: asking twice only issues two sets of
 * keys, of which the first is forgotten.
 */
async function assumeAgencyWithOidc(keyless, idToken, options) {
    const url = new URL(`${keyless.stsEndpoint}${STS_PATH}`);
    const body = JSON.stringify(exchangeBody(keyless, idToken));
    const connections = new exchange/* Connections */.UQ(false);
    try {
        const policy = { ...options, attempts: sts_ATTEMPTS, baseDelayMs: options.retryBaseMs ?? 500 };
        return await (0,retry/* withRetries */.L)(policy, () => once(connections, url, body, idToken, options));
    }
    finally {
        connections.dispose();
    }
}
async function once(connections, url, body, idToken, options) {
    const requestId = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
    const started = (0,timing/* now */.tB)();
    let answer;
    try {
        answer = await (0,exchange/* exchange */.cv)(connections, {
            method: 'POST',
            url,
            headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId },
            body,
            timeoutMs: options.requestTimeoutMs,
            signal: options.signal,
            maxAnswerBytes: MAX_ANSWER_BYTES,
        });
    }
    catch (error) {
        throw (0,error_mapping/* exchangeError */.mH)(error, { action: ACTION, requestId });
    }
    const { status } = answer;
    options.debug?.(`POST ${url.href} -> HTTP ${status} in ${(0,timing/* now */.tB)() - started} ms (x-request-id ${requestId})`);
    let parsed;
    try {
        parsed = JSON.parse(answer.body);
    }
    catch {
        parsed = undefined;
    }
    const fields = (0,error_mapping/* errorFields */.au)(parsed);
    const details = (0,error_mapping/* answerDetails */.ne)(ACTION, answer, fields, requestId);
    if (status < 200 || status >= 300) {
        throw new http_errors/* ApiError */.hD(details, undefined, (code, st) => refusalHint(code, st, fields.message ?? '', idToken));
    }
    const c = parsed?.credentials;
    const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    const expiration = new Date(str(c?.expiration) ?? NaN);
    const keys = {
        accessKey: str(c?.access_key_id),
        secretKey: str(c?.secret_access_key),
        securityToken: str(c?.security_token),
    };
    if (!keys.accessKey || !keys.secretKey || !keys.securityToken || Number.isNaN(expiration.getTime())) {
        throw new http_errors/* ApiError */.hD({ action: ACTION, status, requestId: details.requestId, unparseable: true }, 'the answer has no complete credentials (access_key_id, secret_access_key, security_token, expiration)');
    }
    return {
        accessKey: keys.accessKey,
        secretKey: keys.secretKey,
        securityToken: keys.securityToken,
        expiration,
    };
}
/** What the user can change, with the token's identity so a trust-condition mismatch is visible. */
function refusalHint(_code, status, message, idToken) {
    if (status === undefined || status >= 500 || status === 429)
        return undefined;
    const who = `This run's token has ${describeToken(idToken)}.`;
    if (status === 404 || /not (be )?found|not exist/i.test(message))
        return `Check agency-urn and identity-provider-urn (copy them from the IAM console). ${who}`;
    if (/duration/i.test(message))
        return `Lower session-duration, or raise the agency's maximum session duration in IAM. ${who}`;
    if (/\baud|audience/i.test(message))
        return `The token's aud must be one of the identity provider's client ids: register it there, or set oidc-audience to a registered one. ${who}`;
    if (/\biss|issuer/i.test(message))
        return `The identity provider's URL must be https://token.actions.githubusercontent.com. ${who}`;
    if (/expired/i.test(message))
        return `Check the runner's clock. ${who}`;
    return `The usual cause is the agency's trust condition on oidc:sub, which must match this sub (it names the branch, tag, pull request or environment of the run). ${who}`;
}

;// CONCATENATED MODULE: ./src/auth/session.ts
/**
 * A keyless session: ID token -> STS exchange -> temporary keys, renewed before they expire
 * (a new ID token and a new exchange) whenever a request asks for keys late in their life, so a
 * long wait keeps polling without a gap. Every secret is masked before anything is logged.
 */




/** Renew when this much of the lifetime is left: a fifth, at most 5 minutes. */
function renewalMargin(lifetimeMs) {
    return Math.min(5 * 60_000, lifetimeMs / 5);
}
class KeylessSession {
    settings;
    deps;
    issued;
    renewAt = 0;
    renewing;
    lifetime = 0;
    renewals = 0;
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
    }
    static async open(settings, deps) {
        const session = new KeylessSession(settings, deps);
        await session.exchange('first');
        return session;
    }
    get expiration() {
        return this.issued.expiration;
    }
    async current() {
        if (Date.now() >= this.renewAt) {
            this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
            await this.renewing;
        }
        return this.issued;
    }
    async renew() {
        try {
            await this.exchange('renewal');
        }
        catch (error) {
            const left = this.issued.expiration.getTime() - Date.now();
            // Keys that still work are better than none: try again later, before they expire.
            if (left > Math.min(10_000, this.lifetime / 50)) {
                this.deps.warning(`Could not renew the temporary credentials yet (${error.message}); retrying before they expire.`);
                this.renewAt = Date.now() + Math.min(30_000, left / 2);
                return;
            }
            // An ApiError with no status or network kind: the request that wanted keys was never sent,
            // so a submit is not reported as possibly started.
            if (error instanceof http_errors/* ApiError */.hD)
                throw error;
            throw new http_errors/* ApiError */.hD({ action: 'Renewing the keyless credentials' }, error.message);
        }
    }
    async exchange(why) {
        const { settings, deps } = this;
        const idToken = await getIdToken(settings.audience, deps.env, {
            signal: deps.signal,
            debug: deps.debug,
            retryBaseMs: deps.retryBaseMs,
        });
        deps.mask(idToken);
        const issued = await assumeAgencyWithOidc(settings, idToken, {
            requestTimeoutMs: deps.requestTimeoutMs,
            signal: deps.signal,
            debug: deps.debug,
            retryBaseMs: deps.retryBaseMs,
        });
        deps.mask(issued.accessKey);
        deps.mask(issued.secretKey);
        deps.mask(issued.securityToken);
        deps.mask(encodeURIComponent(issued.securityToken));
        const now = Date.now();
        const lifetime = issued.expiration.getTime() - now;
        if (lifetime <= 0) {
            throw new KeylessError(`${why === 'first' ? 'STS' : 'STS (renewal)'} returned credentials that expired at ${issued.expiration.toISOString()}, before now (${new Date(now).toISOString()}): check the runner's clock.`);
        }
        this.issued = issued;
        this.lifetime = lifetime;
        this.renewAt = now + lifetime - renewalMargin(lifetime);
        if (why === 'renewal')
            this.renewals++;
        deps.info(why === 'first'
            ? `Keyless: assumed agency ${settings.agencyUrn} as session ${settings.sessionName}; temporary credentials valid until ${issued.expiration.toISOString()}.`
            : `Keyless: renewed the temporary credentials; now valid until ${issued.expiration.toISOString()}.`);
    }
}
function isKeylessFailure(error) {
    return error instanceof KeylessError || error instanceof http_errors/* ApiError */.hD;
}

;// CONCATENATED MODULE: ./src/auth/start.ts
/**
 * Keyless runs only (loaded lazily by main.ts): open the session before anything is sent, export
 * the keys for later steps when asked, and the auth-only mode (export-credentials without operation).
 */







/** Exchanges the workflow's token for temporary keys (or, in a dry run, says how it would). */
async function startKeyless(run, signal, env = process.env, 
/** A dry run that must list the fleet (a selection) needs keys for its read-only calls. */
listsInDryRun = false) {
    const { keyless } = run;
    for (const name of keyless.ignoredEnv) {
        untrusted/* log */.Rm.notice(`${name} is set in the environment but not used: agency-urn chooses keyless authentication.`);
    }
    if (run.dryRun && listsInDryRun) {
        untrusted/* log */.Rm.info("dry-run: the selection is resolved with read-only list calls, which need keys: exchanging the workflow's OIDC token for temporary keys. Nothing is sent to the fleet.");
    }
    else if (run.dryRun) {
        const body = { ...exchangeBody(keyless, '***') };
        untrusted/* log */.Rm.info(`dry-run: would request the workflow's OIDC token (audience ${keyless.audience ?? "GitHub's default, https://github.com/<owner>"}) and exchange it:\nPOST ${keyless.stsEndpoint}${STS_PATH}\n${JSON.stringify(body, null, 2)}`);
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL)
            untrusted/* log */.Rm.warning(missingTokenMessage(env));
        return { ok: true };
    }
    try {
        const session = await KeylessSession.open(keyless, {
            env,
            requestTimeoutMs: run.requestTimeoutMs,
            signal,
            mask: untrusted/* registerSecret */.cl,
            info: (m) => untrusted/* log */.Rm.info(m),
            warning: (m) => untrusted/* log */.Rm.warning(m),
            debug: (m) => untrusted/* log */.Rm.debug(m),
        });
        if (keyless.exportCredentials && !run.dryRun)
            await exportCredentials(session, run);
        return { ok: true, session };
    }
    catch (error) {
        if (isKeylessFailure(error))
            return { ok: false, message: error.message };
        throw error;
    }
}
/** The huaweicloud/auth-action contract, so later steps (KooCLI, OBS tools) run keyless too. */
async function exportCredentials(session, run) {
    const keys = await session.current();
    core.exportVariable(names/* ExportedEnv */.XL.AccessKey, keys.accessKey);
    core.exportVariable(names/* ExportedEnv */.XL.SecretKey, keys.secretKey);
    core.exportVariable(names/* ExportedEnv */.XL.SecurityToken, keys.securityToken ?? '');
    if (run.region)
        core.exportVariable(names/* ExportedEnv */.XL.Region, run.region);
    if (run.projectId)
        core.exportVariable(names/* ExportedEnv */.XL.ProjectId, run.projectId);
    untrusted/* log */.Rm.info(`Exported the temporary credentials for later steps (${Object.values(names/* ExportedEnv */.XL)
        .filter((n) => n !== names/* ExportedEnv */.XL.Region || run.region)
        .filter((n) => n !== names/* ExportedEnv */.XL.ProjectId || run.projectId)
        .join(', ')}), valid until ${session.expiration.toISOString()}; they are not renewed after this step.`);
}
/** export-credentials: true and no operation: authenticate, export, and stop. */
async function runAuthOnly(read, env = process.env) {
    let run;
    try {
        run = read();
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d) {
            untrusted/* log */.Rm.fail(error.message);
            core.setOutput(names/* Outputs */.tY.Status, 'failed');
            core.setOutput(names/* Outputs */.tY.CredentialsExpiration, '');
            await summary(`## ❌ Cloud Phone Deploy: authentication not started\n\n${block(error.message)}`);
            return;
        }
        throw error;
    }
    const started = await startKeyless(run, undefined, env);
    core.setOutput(names/* Outputs */.tY.Status, !started.ok ? 'failed' : run.dryRun ? 'dry-run' : 'succeeded');
    core.setOutput(names/* Outputs */.tY.CredentialsExpiration, (started.ok && started.session?.expiration.toISOString()) || '');
    if (!started.ok) {
        untrusted/* log */.Rm.fail(started.message);
        await summary(`## ❌ Cloud Phone Deploy: keyless authentication failed\n\n${block(started.message)}`);
        return;
    }
    const until = started.session
        ? `, valid until ${started.session.expiration.toISOString()}`
        : ' (dry run: nothing was called)';
    await summary(`## ✅ Cloud Phone Deploy: authenticated\n\nAssumed agency \`${run.keyless.agencyUrn}\` as session \`${run.keyless.sessionName}\`${until}. Later steps of this job get HUAWEI_CLOUD_* credentials.`);
}
/** Service text in the summary: a code block, so nothing in it is read as markdown or HTML. */
function block(text) {
    return `\`\`\`text\n${text.replace(/`{3,}/g, "'''")}\n\`\`\``;
}
function summary(markdown) {
    return untrusted/* log */.Rm.summary(markdown);
}


/***/ }),

/***/ 985:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ describeBody),
/* harmony export */   YQ: () => (/* binding */ cancelledError),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   au: () => (/* binding */ errorFields),
/* harmony export */   mH: () => (/* binding */ exchangeError),
/* harmony export */   ne: () => (/* binding */ answerDetails)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(549);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(875);


/** TLS failures: the certificate or the handshake, never the request. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;
const CONNECT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const networkText = {
    connect: 'could not connect to the service (the request was not sent)',
    timeout: 'the request timed out',
    reset: 'the connection was lost',
    aborted: 'the request was cancelled',
    abandoned: 'the run was cancelled while the request was in flight: the service may have acted on it',
    tls: 'the TLS connection to the service failed (the request was not sent); check the endpoint and any proxy',
};
/** A failure of the exchange itself (no HTTP answer, or one too large to read) as an ApiError. */
function exchangeError(error, context) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD)
        return error;
    const { action, requestId } = context;
    if (!(error instanceof _exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .ExchangeFailure */ .u7)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({ action, requestId, network: 'reset' }, error?.message ?? String(error));
    }
    if (error.kind === 'too-large')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({ action, requestId, unparseable: true }, error.message);
    const code = error.code ?? '';
    const network = error.kind === 'cancelled'
        ? error.sent && !context.idempotent
            ? 'abandoned'
            : 'aborted'
        : TLS_CODE.test(code)
            ? 'tls'
            : // A request that was never fully written cannot have been acted on, however it failed.
                !error.sent || CONNECT_CODES.includes(code)
                    ? 'connect'
                    : error.kind === 'timeout'
                        ? 'timeout'
                        : 'reset';
    const why = error.kind === 'timeout' ? ` (${error.message})` : code ? ` (${code})` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({ action, network, requestId }, `${networkText[network]}${why}`);
}
/** The run was cancelled between attempts, or before a step that would send anything. */
function cancelledError(action) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD({ action, network: 'aborted' }, networkText.aborted);
}
/**
 * The details of an answer that failed (an HTTP error, or an error body sent with 200). The caller
 * builds the error, so that each service's hint table explains its own codes.
 */
function answerDetails(action, answer, fields, requestId) {
    return {
        action,
        status: answer.status,
        code: fields.code,
        serviceMessage: fields.message ?? (fields.code ? undefined : describeBody(answer.body)),
        requestId: fields.requestId ?? headerValue(answer.headers, 'x-request-id') ?? requestId,
        retryAfterMs: parseRetryAfter(headerValue(answer.headers, 'retry-after')),
    };
}
/**
 * The error of a Huawei API body (the API families, IAM, STS) in either form they use:
 * `{error_code, error_msg}`, or the nested `{error: {code, message}}` some gateways answer (both read
 * by the SDK's ExceptionUtil). Untrusted text, cut to a length a log line can hold.
 */
function errorFields(body) {
    if (typeof body !== 'object' || body === null)
        return {};
    const b = body;
    const str = (v) => (typeof v === 'string' && v !== '' ? v.slice(0, 500) : undefined);
    const nested = typeof b.error === 'object' && b.error !== null ? b.error : {};
    return {
        code: str(b.error_code) ?? str(nested.code),
        message: str(b.error_msg) ?? str(nested.message),
        requestId: str(b.request_id),
    };
}
function headerValue(headers, name) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === '' ? undefined : first;
}
/**
 * Retry-After in seconds or as an HTTP date (RFC 9110 allows both); capped so that a hostile value
 * cannot stall the run.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
    if (!Number.isFinite(ms))
        return undefined;
    return Math.min(Math.max(ms, 0), 120_000);
}
/**
 * An unexpected body, as its first words: a proxy's or gateway's HTML error page says what failed
 * ("502 Bad Gateway") more often than not. One line, short, and still untrusted text.
 */
function describeBody(text) {
    if (text === '')
        return 'empty body';
    const flat = text.replace(/\s+/g, ' ').trim();
    return `"${flat.slice(0, 120)}${flat.length > 120 ? '...' : ''}"`;
}


/***/ }),

/***/ 549:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ isThrottled),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   iw: () => (/* binding */ withPermissionsPage)
/* harmony export */ });
/* unused harmony exports permissionsPage, hintFor */
/** Where we know what usually causes a service error, say it: the reader is a person fixing a pipeline at 2 a.m. */
const HINTS = {
    'APIGW.0301': 'The gateway rejected the credentials: check access-key/secret-key (or auth-token), that the key is active, and that the runner clock is correct.',
    'APIGW.0308': 'The API gateway throttled the request; lower max-concurrency or retry later.',
    'APIG.0308': 'The API gateway throttled the request; lower max-concurrency or retry later.',
    'KOOPHONE.API.0001': 'KooPhone rejected the credentials: check access-key/secret-key (or auth-token), project-id and the runner clock.',
    'APIGW.0101': 'No such API at this endpoint: check the endpoint and region inputs.',
    'CPS.0001': 'The account lacks the IAM permission for this Cloud Phone action (CPH FullAccess or a custom policy).',
    'CPS.0003': 'Cloud Phone reported a transient system error; re-run the failed targets later.',
    'CPS.0005': 'The phone does not exist in this project/region.',
    'CPS.0006': 'The account is in arrears: top up the account in the Huawei Cloud console.',
    'CPS.0007': 'The account is frozen: contact Huawei Cloud support.',
    'CPS.0016': 'The server id is not valid in this project/region: check the servers input and project-id.',
    'CPS.0097': 'The server id is not valid in this project/region: check the servers input and project-id.',
    'KOOPHONE.API.0002': 'The x-request-id header was missing: this is a bug in the action, please report it.',
    'KOOPHONE.API.1000': 'A request parameter was rejected; the message names it.',
    'KOOPHONE.API.1001': 'No permission on these instances: check that the instance ids are right and belong to this account (a wrong id gives this code). The other calls went on.',
    'KOOPHONE.API.1002': 'The instances of one call are in different regions: KooPhone takes instances of one region per call, so run the action once per region.',
    'KOOPHONE.API.1012': 'Some instances do not belong to this tenant: check the instances input and the account.',
    'KOOPHONE.API.1323': 'The task does not exist (it may have expired).',
    'KOOPHONE.API.3008': 'fast_install must be 0 or 1.',
    'KOOPHONE.API.9999': 'KooPhone reported an internal error; re-run the failed targets later.',
    'KOOPHONE.API.62005': 'This app package already exists for the tenant.',
    'KOOPHONE.API.62006': 'The app size is not a number or the package is too large.',
    'KOOPHONE.API.62016': 'The tenant has used up its quota for uploaded app packages.',
};
/** Codes that usually mean missing credentials or IAM permissions: their hints link to docs/permissions.md. */
const PERMISSION_CODES = new Set(['APIGW.0301', 'KOOPHONE.API.0001', 'CPS.0001']);
/**
 * Where docs/permissions.md of the running action is. The runner names the action's repository and ref in
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF ("Variables" reference, GitHub Actions docs); they are empty for a
 * local action (`uses: ./`), and are checked before they reach a log line.
 */
function permissionsPage(env = process.env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
    const ref = env.GITHUB_ACTION_REF ?? '';
    if (/^https:\/\/[\w.-]+(:\d+)?$/.test(server) &&
        /^[\w.-]+\/[\w.-]+$/.test(repo) &&
        /^[\w./-]+$/.test(ref)) {
        return `${server}/${repo}/blob/${ref}/docs/permissions.md`;
    }
    return "docs/permissions.md in the action's repository";
}
/** A permission hint with the page that lists, per operation, the IAM actions and the bucket grant. */
function withPermissionsPage(hint) {
    return `${hint} What each operation needs: ${permissionsPage()}`;
}
function hintFor(code, status) {
    if (code && HINTS[code])
        return PERMISSION_CODES.has(code) ? withPermissionsPage(HINTS[code]) : HINTS[code];
    if (status === 401 || status === 403)
        return withPermissionsPage(HINTS['APIGW.0301']);
    if (status === 429)
        return HINTS['APIGW.0308'];
    return undefined;
}
/** Any failure talking to a service: HTTP error, error body, network failure or an unexpected response shape. */
class ApiError extends Error {
    details;
    hint;
    /** `hints` lets a service with its own codes (OBS) explain them instead of the API table. */
    constructor(details, reason, hints = hintFor) {
        const hint = hints(details.code, details.status);
        const parts = [
            details.code,
            details.serviceMessage ?? reason,
            details.status ? `HTTP ${details.status}` : undefined,
            details.requestId ? `request id ${details.requestId}` : undefined,
        ].filter(Boolean);
        super(`${details.action} failed: ${parts.join(', ')}${hint ? `. Hint: ${hint}` : ''}`);
        this.name = 'ApiError';
        this.details = details;
        this.hint = hint;
    }
    /**
     * A submit that failed this way may still have started jobs: the answer was lost or the service
     * broke midway. Such targets are reported as unknown and never resubmitted.
     */
    get mayHaveActed() {
        const { status, code, network, unparseable } = this.details;
        if (network)
            return network === 'timeout' || network === 'reset' || network === 'abandoned';
        if (unparseable)
            return true;
        if (status !== undefined && status >= 500 && status !== 503)
            return true;
        return code === 'KOOPHONE.API.9999';
    }
    /**
     * Failures of the credentials themselves, that every further submit would repeat: gateway
     * authentication errors (APIGW.0301 and its siblings, KOOPHONE.API.0001), a missing IAM permission
     * for the action (CPS.0001), or a bare 401/403. A service code about some targets, such as
     * KOOPHONE.API.1001 (HTTP 401, no permission on these instances), fails only its own call.
     */
    get isAuthFailure() {
        const { status, code } = this.details;
        if (code?.startsWith('KOOPHONE.API.'))
            return code === 'KOOPHONE.API.0001';
        if (code !== undefined && /^APIGW?\./.test(code))
            return isGatewayAuthCode(code);
        return status === 401 || status === 403 || code === 'CPS.0001';
    }
}
/** API gateway authentication codes, APIGW.03xx or APIG.03xx, except 0308 (throttling). */
function isGatewayAuthCode(code) {
    return /^APIGW?\.03\d\d$/.test(code) && !code.endsWith('.0308');
}
/** Throttling, as the gateway spells it in both its generations. */
function isThrottled(code) {
    return code === 'APIGW.0308' || code === 'APIG.0308';
}


/***/ }),

/***/ 875:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  UQ: () => (/* binding */ Connections),
  u7: () => (/* binding */ ExchangeFailure),
  cv: () => (/* binding */ exchange)
});

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
// EXTERNAL MODULE: ./src/inputs/names.ts + 1 modules
var names = __nccwpck_require__(284);
;// CONCATENATED MODULE: ./src/http/exchange.ts
/**
 * One HTTP exchange, for every service the action talks to (the API families, OBS, STS): a request
 * on node:http(s), no redirects and no retries of its own, bounded in time, abandoned at once when
 * the run is cancelled, with an answer read whole but only up to a size cap.
 *
 * node:http carries the bytes because it lets the exchange own the socket's fate (timeout, abort,
 * cap) and write an upload part straight from its buffer. Proxies are @actions/http-client's job: it
 * reads HTTP(S)_PROXY and NO_PROXY as every action does, never proxies loopback, and tunnels HTTPS
 * through CONNECT (its getAgent, a tunnel agent). Its client is made only when a proxy variable is
 * set. The undici it imports for getAgentDispatcher, which nothing here calls, is left out of the
 * bundle (packages/undici-unused): it cost ~100 ms of every start.
 */



/**
 * Why an exchange failed. `sent` says whether the request had been handed whole to the network: one
 * that was not cannot have been acted on, whatever happened next.
 */
class ExchangeFailure extends Error {
    kind;
    sent;
    code;
    constructor(kind, message, sent, 
    /** The socket's error code (ECONNREFUSED, ERR_TLS_...), for a network failure. */
    code) {
        super(message);
        this.kind = kind;
        this.sent = sent;
        this.code = code;
        this.name = 'ExchangeFailure';
    }
}
/** The sockets of one kind of traffic: kept alive between requests, or a fresh one for each. */
class Connections {
    keepAlive;
    direct;
    proxied;
    constructor(keepAlive) {
        this.keepAlive = keepAlive;
    }
    agentFor(url) {
        const secure = url.protocol === 'https:';
        const proxy = secure
            ? process.env.https_proxy || process.env.HTTPS_PROXY
            : process.env.http_proxy || process.env.HTTP_PROXY;
        if (proxy) {
            // Eager mode: bundled into dist/index.js (no chunk file, licenses.txt complete), run only when imported.
            this.proxied ??= Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 61)).then(({ HttpClient }) => new HttpClient(names/* USER_AGENT */._O, [], { keepAlive: this.keepAlive }));
            return this.proxied.then((client) => client.getAgent(url.href));
        }
        this.direct ??= {
            http: new external_node_http_namespaceObject.Agent({ keepAlive: this.keepAlive }),
            https: new external_node_https_namespaceObject.Agent({ keepAlive: this.keepAlive }),
        };
        return secure ? this.direct.https : this.direct.http;
    }
    dispose() {
        this.direct?.http.destroy();
        this.direct?.https.destroy();
        void this.proxied?.then((client) => client.dispose());
    }
}
/** Sends one request and reads its answer. Every failure is an ExchangeFailure. */
function exchange(connections, request) {
    const { method, url, body, timeoutMs, signal, maxAnswerBytes } = request;
    return new Promise((resolve, reject) => {
        let sent = false;
        let settled = false;
        let outgoing;
        let message;
        let unsubscribe = () => { };
        // Declared before anything can settle: a cancelled signal settles at once.
        let timer = undefined;
        const settle = (failure, answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            unsubscribe();
            if (failure) {
                // Rejected first: destroying the answer emits 'aborted' at once, which would read as a reset.
                reject(failure);
                message?.destroy();
                outgoing?.destroy();
            }
            else {
                resolve(answer);
            }
        };
        const fail = (kind, text, code) => settle(new ExchangeFailure(kind, text, sent, code));
        // Once the run is cancelled, nothing new goes out: not a first attempt, not a retry.
        if (signal?.aborted)
            return fail('cancelled', 'cancelled before it was sent');
        unsubscribe = onAbort(signal, () => fail('cancelled', 'cancelled while in flight'));
        timer = setTimeout(() => fail('timeout', `no complete answer within ${timeoutMs} ms`), timeoutMs);
        const headers = { ...request.headers, 'user-agent': names/* USER_AGENT */._O };
        if (body !== undefined)
            headers['Content-Length'] = Buffer.byteLength(body);
        const start = (agent) => {
            if (settled)
                return;
            const secure = url.protocol === 'https:';
            const req = (secure ? external_node_https_namespaceObject : external_node_http_namespaceObject).request(url, { method, headers, agent });
            outgoing = req;
            const idleMs = request.idleTimeoutMs ?? timeoutMs;
            // A connection that goes quiet fails even before the whole-exchange budget is spent.
            req.setTimeout(idleMs, () => fail('timeout', `the connection was silent for ${idleMs} ms`));
            req.on('finish', () => (sent = true));
            req.on('error', (e) => fail('network', e.message, e.code));
            req.on('response', (answer) => {
                message = answer;
                readCapped(answer, maxAnswerBytes).then((text) => settle(undefined, { status: answer.statusCode ?? 0, headers: answer.headers, body: text }), (failure) => settle(failure));
            });
            req.end(body);
        };
        const agent = connections.agentFor(url);
        if (agent instanceof external_node_http_namespaceObject.Agent)
            start(agent);
        else
            agent.then(start, (e) => fail('network', e.message));
    });
}
function readCapped(message, maxBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                const limit = maxBytes >= MiB ? `${maxBytes / MiB} MiB` : `${maxBytes} bytes`;
                reject(new ExchangeFailure('too-large', `the response was larger than ${limit}`, true));
                return;
            }
            chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        const lost = () => reject(new ExchangeFailure('network', 'the answer was cut off', true, 'ECONNRESET'));
        message.on('error', lost);
        message.on('aborted', lost);
    });
}
const MiB = 1024 * 1024;
const waiting = new WeakMap();
/**
 * One listener per signal however many exchanges wait on it: a listener each would pass Node's limit
 * of 10 per event (MaxListenersExceededWarning) with a fleet's requests in flight.
 */
function onAbort(signal, fn) {
    if (!signal)
        return () => { };
    let callbacks = waiting.get(signal);
    if (!callbacks) {
        const created = new Set();
        signal.addEventListener('abort', () => [...created].forEach((callback) => callback()), { once: true });
        waiting.set(signal, created);
        callbacks = created;
    }
    const own = callbacks;
    own.add(fn);
    return () => own.delete(fn);
}


/***/ }),

/***/ 902:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ withRetries),
/* harmony export */   R: () => (/* binding */ isTransientFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(549);
/* harmony import */ var _error_mapping_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(985);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(568);
/**
 * The one retry loop. What is worth another attempt differs by call (a poll, a submit, an OBS part,
 * a token exchange) and comes in with the policy; how long to wait does not: the service's
 * Retry-After when it sent one, otherwise jittered exponential backoff, never past the deadline,
 * and on the swappable clock so that tests run retry timing scaled.
 */



async function withRetries(policy, attempt) {
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            const { signal, deadline } = policy;
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD) ||
                !(policy.retryable ?? isTransientFailure)(error) ||
                n >= policy.attempts ||
                signal?.aborted)
                throw error;
            const delay = error.details.retryAfterMs ?? (0,_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffDelay */ .EY)(n, policy.baseDelayMs);
            if (deadline !== undefined && (0,_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .now */ .tB)() + delay > deadline)
                throw error;
            policy.debug?.(`${error.message}; retry ${n} in ${delay} ms`);
            await (0,_timing_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay, signal);
            if (signal?.aborted)
                throw (0,_error_mapping_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelledError */ .YQ)(error.details.action);
        }
    }
}
/**
 * Worth another attempt for any call that may be repeated: the path to the service failed (but not
 * its TLS, which would fail again), or the service said it is busy or broken for now.
 */
function isTransientFailure(error) {
    const { status, network } = error.details;
    if (network)
        return network === 'connect' || network === 'timeout' || network === 'reset';
    return status === 429 || (status !== undefined && status >= 500);
}


/***/ }),

/***/ 568:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   sf: () => (/* binding */ mapLimit),
/* harmony export */   tB: () => (/* binding */ now),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports realClock, setClock */
const realClock = { now: () => Date.now(), sleep: realSleep };
let current = realClock;
/** Installs another clock (tests only); returns the one it replaced. */
function setClock(clock) {
    const previous = current;
    current = clock;
    return previous;
}
/** Epoch ms on the current clock. */
const now = () => current.now();
/** Resolves after `ms`, or early when the signal aborts (callers check the signal afterwards). */
const sleep = (ms, signal) => current.sleep(ms, signal);
function realSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted || ms <= 0)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Exponential backoff with full jitter around the step, so many runners do not retry in lockstep. */
function backoffDelay(attempt, baseMs, capMs = 30_000, random = Math.random) {
    const step = Math.min(capMs, baseMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + random() * (step / 2));
}
/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ }),

/***/ 601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
/**
 * Parses Go-style durations ("90s", "15m", "1h30m", "500ms"); a bare number means seconds, as most
 * people typing `wait-timeout: 600` mean. Returns milliseconds, or undefined when the text is not a duration.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(?:\.\d+)?$/.test(value)) {
        const ms = Number(value) * 1000;
        return Number.isFinite(ms) ? Math.round(ms) : undefined;
    }
    if (!DURATION.test(value))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of value.matchAll(PART)) {
        total += Number(amount) * UNIT_MS[unit];
    }
    // 400 digits make Infinity: not a duration anyone means, and no timer can hold it.
    return Number.isFinite(total) ? Math.round(total) : undefined;
}
/** Node's timers hold at most 2^31 - 1 ms (24.8 days); a longer delay fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds % 60);
    if (m < 60)
        return `${m}m ${s}s`;
    return `${Math.floor(m / 60)}h ${m % 60}m`;
}


/***/ }),

/***/ 318:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(168);

/** A wrong input: names the input, the rule it breaks and the offending value. Nothing has been sent when it is thrown. */
class InputError extends Error {
    input;
    rule;
    value;
    constructor(input, rule, value) {
        super(`Input '${input}' ${rule}${value === undefined ? '' : ` (got ${describeValue(value)})`}`);
        this.input = input;
        this.rule = rule;
        this.value = value;
        this.name = 'InputError';
    }
}
/** Echoes a bad value: signed URL query values, URL user-info and registered secrets removed first. */
function describeValue(raw) {
    if (raw === '')
        return 'an empty value';
    const value = (0,_log_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(raw);
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `${JSON.stringify(shown)}${value.length > 80 ? `, ${value.length} characters` : ''}`;
}


/***/ }),

/***/ 405:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ FLEET_INPUTS),
/* harmony export */   p9: () => (/* binding */ readFleet)
/* harmony export */ });
/* unused harmony export parseServerTags */
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(284);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(190);



const INPUT_OF = { instance: _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Instances, phone: _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Phones, server: _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Servers };
/**
 * Operations that reach both fleet kinds take exactly one of `instances` (KooPhone), `phones` or
 * `servers` (CPH). Two at once is refused rather than guessed at.
 */
function readFleet(reader, allowed) {
    const selection = readSelection(reader, allowed);
    // Only the inputs of the kinds this operation takes: the others are refused as unused by the settings.
    const selectionInputs = SELECTION_INPUTS.filter((n) => selectionKinds[n].some((k) => allowed.includes(k)));
    const listed = allowed.find((type) => reader.raw(INPUT_OF[type]) !== '');
    if (selection) {
        if (listed) {
            reader.fail(INPUT_OF[listed], `cannot be combined with ${selectionInputs.filter((n) => reader.raw(n) !== '').join('/')}: select the fleet by query or list it, not both`);
        }
        // Where servers are the targets themselves (the server batches), a CPH selection names servers.
        const type = selection.family === 'koophone' ? 'instance' : allowed.includes('phone') ? 'phone' : 'server';
        return { type, ids: [], selection };
    }
    const given = allowed.filter((type) => reader.raw(INPUT_OF[type]) !== '');
    const names = allowed.map((type) => INPUT_OF[type]).join(', ');
    if (given.length > 1) {
        reader.fail(INPUT_OF[given[1]], `cannot be combined with ${INPUT_OF[given[0]]}: give exactly one of ${names}`);
    }
    const type = given[0] ?? allowed[0];
    if (given.length === 0 && allowed.length > 1) {
        reader.fail(INPUT_OF[type], `is required: give exactly one of ${names}`, '');
    }
    return {
        type,
        ids: reader.targets(INPUT_OF[type], _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TARGETS */ .kz, type === 'instance' ? _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .instanceId */ .D : _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .serverId */ .Lu),
    };
}
const SELECTION_INPUTS = [
    _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags,
    _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerName,
    _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstancePool,
    _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstanceName,
];
/** The target kinds each selection input can choose. */
const selectionKinds = {
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags]: ['phone', 'server'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerName]: ['phone', 'server'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstancePool]: ['instance'],
    [_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstanceName]: ['instance'],
};
/** Every input `readFleet` may read. */
const FLEET_INPUTS = [...Object.values(INPUT_OF), ...SELECTION_INPUTS];
/**
 * resource_instances: at most 10 tags of 10 values (API page); a key has 1 to 127 characters (Java SDK
 * Tags.key), a value up to 255.
 */
const MAX_TAG_KEYS = 10;
const MAX_TAG_VALUES = 10;
const TAG_ENTRY = /^([^=\s,][^=,\n]{0,126})=([^=,\n]{1,255})$/;
const name = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(64, { message: 'must be at most 64 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[^\n\r]+$/, { message: 'must be one name on one line' }));
function parseServerTags(reader, text) {
    const tags = new Map();
    for (const entry of text
        .split(/[\n,]/)
        .map((e) => e.trim())
        .filter(Boolean)) {
        const m = TAG_ENTRY.exec(entry);
        if (!m) {
            reader.fail(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags, 'must list key=value entries separated by commas or new lines (keys up to 127 characters, values 1 to 255)', entry);
        }
        const key = m[1].trim();
        const value = m[2].trim();
        const values = tags.get(key) ?? [];
        if (!values.includes(value))
            values.push(value);
        tags.set(key, values);
        if (values.length > MAX_TAG_VALUES)
            reader.fail(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags, `may give at most ${MAX_TAG_VALUES} values of one key`, key);
    }
    if (tags.size === 0)
        reader.fail(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags, 'must list at least one key=value entry', text);
    if (tags.size > MAX_TAG_KEYS)
        reader.fail(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags, `may name at most ${MAX_TAG_KEYS} keys`, text);
    return tags;
}
/** The selection inputs given, or undefined when the fleet is an explicit list. */
function readSelection(reader, allowed) {
    const given = SELECTION_INPUTS.filter((n) => selectionKinds[n].some((k) => allowed.includes(k)) && reader.raw(n) !== '');
    if (given.length === 0)
        return undefined;
    const cph = given.filter((n) => n === _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags || n === _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerName);
    const koo = given.filter((n) => n === _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstancePool || n === _names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstanceName);
    if (cph.length && koo.length) {
        reader.fail(koo[0], `cannot be combined with ${cph[0]}: instance-pool/instance-name select KooPhone instances, server-tags/server-name CPH servers`);
    }
    if (cph.length && !allowed.includes('phone') && !allowed.includes('server'))
        reader.fail(cph[0], 'selects CPH servers, which this operation does not take');
    if (koo.length && !allowed.includes('instance'))
        reader.fail(koo[0], 'selects KooPhone instances, which this operation does not take');
    if (cph.length) {
        const tagText = reader.raw(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerTags);
        return {
            family: 'cph',
            ...(tagText ? { tags: parseServerTags(reader, tagText) } : {}),
            ...(reader.raw(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerName) ? { serverName: reader.optional(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ServerName, name) } : {}),
        };
    }
    return {
        family: 'koophone',
        ...(reader.raw(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstancePool) ? { pool: reader.optional(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstancePool, name) } : {}),
        ...(reader.raw(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstanceName) ? { instanceName: reader.optional(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.InstanceName, name) } : {}),
    };
}


/***/ }),

/***/ 284:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KT: () => (/* binding */ DEFAULT_KOOPHONE_ENDPOINT),
  tj: () => (/* binding */ EnvFallbacks),
  XL: () => (/* binding */ ExportedEnv),
  p0: () => (/* binding */ InputDefaults),
  G0: () => (/* binding */ Inputs),
  tY: () => (/* binding */ Outputs),
  _O: () => (/* binding */ USER_AGENT),
  oy: () => (/* binding */ cphDefaultEndpoint),
  Fi: () => (/* binding */ stsDefaultEndpoint)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/inputs/names.ts

/** Every input, output and environment name the action uses, defined once (action.yml and README are checked against these). */
const Inputs = {
    Operation: 'operation',
    AccessKey: 'access-key',
    SecretKey: 'secret-key',
    SecurityToken: 'security-token',
    AuthToken: 'auth-token',
    Region: 'region',
    ProjectId: 'project-id',
    Endpoint: 'endpoint',
    Instances: 'instances',
    Phones: 'phones',
    Servers: 'servers',
    ApkPath: 'apk-path',
    ApkUrl: 'apk-url',
    PackageName: 'package-name',
    AppVersion: 'app-version',
    ApkSizeMb: 'apk-size-mb',
    FileName: 'file-name',
    ApkMd5: 'apk-md5',
    FastInstall: 'fast-install',
    InstallFlags: 'install-flags',
    Command: 'command',
    ObsBucket: 'obs-bucket',
    ObsObject: 'obs-object',
    ObsEndpoint: 'obs-endpoint',
    UrlExpiry: 'url-expiry',
    PreInstall: 'pre-install',
    AppVersionIds: 'app-version-ids',
    Wait: 'wait',
    WaitTimeout: 'wait-timeout',
    PollInterval: 'poll-interval',
    FailOn: 'fail-on',
    DryRun: 'dry-run',
    MaxConcurrency: 'max-concurrency',
    RequestTimeout: 'request-timeout',
    AgencyUrn: 'agency-urn',
    IdentityProviderUrn: 'identity-provider-urn',
    OidcAudience: 'oidc-audience',
    SessionDuration: 'session-duration',
    SessionName: 'session-name',
    StsEndpoint: 'sts-endpoint',
    ExportCredentials: 'export-credentials',
    ServerTags: 'server-tags',
    ServerName: 'server-name',
    InstancePool: 'instance-pool',
    InstanceName: 'instance-name',
    MaxTargets: 'max-targets',
    Waves: 'waves',
    WavePause: 'wave-pause',
    MaxFailures: 'max-failures',
    Verify: 'verify',
    SkipInstalled: 'skip-installed',
    VersionCode: 'version-code',
    Smoke: 'smoke',
    SmokeDuration: 'smoke-duration',
};
const Outputs = {
    Status: 'status',
    Results: 'results',
    ResultsFile: 'results-file',
    Succeeded: 'succeeded',
    Failed: 'failed',
    Running: 'running',
    FailedTargets: 'failed-targets',
    TaskIds: 'task-ids',
    RequestIds: 'request-ids',
    ApkUrl: 'apk-url',
    ObsObject: 'obs-object',
    CredentialsExpiration: 'credentials-expiration',
    Targets: 'targets',
    Halted: 'halted',
    WavesCompleted: 'waves-completed',
    PendingTargets: 'pending-targets',
};
/**
 * action.yml's defaults (test/docs.test.ts keeps this map equal to it), which InputReader falls back to
 * for an empty input. The runner passes them whenever a workflow leaves an input out, so a value equal
 * to its default says nothing about what the user asked for.
 */
const InputDefaults = {
    [Inputs.FastInstall]: 'false',
    [Inputs.PreInstall]: 'false',
    [Inputs.Wait]: 'true',
    [Inputs.WaitTimeout]: '30m',
    [Inputs.PollInterval]: '5s',
    [Inputs.FailOn]: 'any',
    [Inputs.DryRun]: 'false',
    [Inputs.MaxConcurrency]: '8',
    [Inputs.RequestTimeout]: '30s',
    [Inputs.SessionDuration]: '1h',
    [Inputs.ExportCredentials]: 'false',
    [Inputs.WavePause]: '0s',
    [Inputs.MaxFailures]: '0',
    [Inputs.Verify]: 'false',
    [Inputs.SkipInstalled]: 'false',
    [Inputs.Smoke]: 'false',
    [Inputs.SmokeDuration]: '10s',
};
/** Variables exported by huaweicloud/auth-action; explicit inputs always win over them. */
const EnvFallbacks = {
    [Inputs.AccessKey]: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
    [Inputs.SecretKey]: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
    [Inputs.SecurityToken]: 'HUAWEI_CLOUD_SECURITY_TOKEN',
    [Inputs.Region]: 'HUAWEI_CLOUD_REGION',
    [Inputs.ProjectId]: 'HUAWEI_CLOUD_PROJECT_ID',
};
/** What keyless runs export for later steps: the huaweicloud/auth-action contract. */
const ExportedEnv = {
    AccessKey: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
    SecretKey: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
    SecurityToken: 'HUAWEI_CLOUD_SECURITY_TOKEN',
    Region: 'HUAWEI_CLOUD_REGION',
    ProjectId: 'HUAWEI_CLOUD_PROJECT_ID',
};
const stsDefaultEndpoint = (region) => `https://sts.${region}.myhuaweicloud.com`;
const DEFAULT_KOOPHONE_ENDPOINT = 'https://koophone.myhuaweicloud.com';
const cphDefaultEndpoint = (region) => `https://cph.${region}.myhuaweicloud.com`;
/**
 * Sent on every API and OBS request, so a service's logs (and support) can tell which release called.
 * The bundler inlines the version from package.json: nothing is read from disk at run time.
 */
const USER_AGENT = `cloud-phone-deploy/${package_namespaceObject.rE}`;


/***/ }),

/***/ 206:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ bucketNameProblem),
/* harmony export */   c: () => (/* binding */ objectKeyProblem)
/* harmony export */ });
/**
 * OBS bucket and object-key rules, shared by input validation (operations/rules.ts) and the OBS client:
 * a name that passes validation, and so a dry run, never fails the upload. Sources: OBS "Bucket naming
 * rules" and "Object key" pages (the same rules as esdk-obs-nodejs checks).
 */
/** Why a bucket name is not valid for OBS, or undefined when it is. Completes "Input 'obs-bucket' ...". */
function bucketNameProblem(name) {
    if (name.length < 3 || name.length > 63)
        return 'must be 3 to 63 characters long';
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
        return 'may contain only lowercase letters, digits, hyphens and periods, and must start and end with a letter or digit';
    }
    if (/\.\.|\.-|-\./.test(name))
        return 'must not contain "..", ".-" or "-."';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name))
        return 'must not look like an IP address';
    return undefined;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Why an object key cannot be used, or undefined when it can. */
function objectKeyProblem(key) {
    if (key === '')
        return 'must not be empty';
    if (LONE_SURROGATE.test(key))
        return 'is not valid Unicode';
    if (Buffer.byteLength(key, 'utf8') > 1024)
        return 'must be at most 1024 bytes of UTF-8';
    // A URL parser resolves "." and ".." segments (even encoded ones), so the path sent would not be the one signed.
    if (key.split('/').some((s) => s === '.' || s === '..'))
        return 'must not contain "." or ".." path segments';
    return undefined;
}


/***/ }),

/***/ 66:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yz: () => (/* binding */ parsed),
/* harmony export */   aO: () => (/* binding */ rules),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(455);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(284);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(601);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(318);
/* harmony import */ var _target_list_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(442);







/**
 * The only place that reads inputs. Each getter validates with a zod rule and turns the first
 * failure into an InputError naming the input, the rule and the value (masked for secrets).
 */
class InputReader {
    source;
    env;
    mask;
    secrets = new Set();
    /** Set on an operation's reader: the inputs its declaration lists, the only ones it may read. */
    declared;
    constructor(source, env = {}, 
    /** Registers a value that must never be printed (core.setSecret). */
    mask = () => { }) {
        this.source = source;
        this.env = env;
        this.mask = mask;
    }
    /**
     * A reader of these inputs only, for the operation that declares them: reading any other is a bug
     * (the README would not list it for that operation), thrown at once. Failing may name any input.
     */
    limitedTo(by, names) {
        const limited = new InputReader(this.source, this.env, this.mask);
        limited.secrets = this.secrets;
        limited.declared = { by, names: new Set(names) };
        return limited;
    }
    reads(name) {
        if (this.declared && !this.declared.names.has(name))
            throw new Error(`${this.declared.by} reads input '${name}', which its declaration does not list`);
    }
    /** Trimmed value, falling back to the input's environment variable when the input is empty. */
    raw(name) {
        this.reads(name);
        const value = this.source(name).trim();
        if (value !== '')
            return value;
        const envName = _names_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvFallbacks */ .tj[name];
        return envName ? (this.env[envName] ?? '').trim() : '';
    }
    /**
     * Whether the user gave this input: set, and not to action.yml's default, which the runner passes for
     * every input a workflow leaves out; an environment fallback does not count either.
     */
    isExplicit(name) {
        this.reads(name);
        const value = this.source(name).trim();
        return value !== '' && value !== _names_js__WEBPACK_IMPORTED_MODULE_3__/* .InputDefaults */ .p0[name];
    }
    markSecret(name) {
        this.secrets.add(name);
    }
    fail(name, rule, value) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d(name, rule, value === undefined || value === '' || !this.secrets.has(name) ? value : '***');
    }
    optional(name, rule) {
        const value = this.raw(name);
        if (value === '')
            return undefined;
        return this.check(name, rule, value);
    }
    required(name, rule, where = '') {
        const value = this.raw(name);
        if (value === '')
            this.fail(name, `is required${where}`, value);
        return this.check(name, rule, value);
    }
    /** An empty input takes `fallback`: action.yml's default unless the default depends on other inputs. */
    withDefault(name, rule, fallback = _names_js__WEBPACK_IMPORTED_MODULE_3__/* .InputDefaults */ .p0[name]) {
        if (fallback === undefined)
            throw new Error(`input '${name}' has no default in action.yml`);
        const value = this.raw(name);
        return this.check(name, rule, value === '' ? fallback : value);
    }
    /**
     * A list of target ids, or `@path` to read the list from a file in the workspace: the runner passes
     * inputs as environment variables of at most 128 KiB, about 3,900 server ids.
     */
    targets(name, maxTotal, idRule) {
        let value = this.raw(name);
        if (value === '')
            this.fail(name, 'is required: give at least one id', value);
        // A list file's contents are never echoed: errors name the file and the position of the bad id.
        const file = value.startsWith('@') ? value.slice(1).trim() : undefined;
        if (file !== undefined)
            value = this.readListFile(name, file);
        const shown = (text) => (file === undefined ? text : `@${file}`);
        const parsed = (0,_target_list_js__WEBPACK_IMPORTED_MODULE_6__/* .parseTargetList */ .n)(value);
        if ('error' in parsed)
            this.fail(name, parsed.error, shown(value));
        if (parsed.length === 0)
            this.fail(name, 'must list at least one id', shown(value));
        if (parsed.length > maxTotal)
            this.fail(name, `must list at most ${maxTotal} ids (got ${parsed.length})`);
        parsed.forEach((id, index) => {
            const result = idRule.safeParse(id);
            if (result.success)
                return;
            const rule = result.error.issues[0]?.message ?? 'is not valid';
            if (file === undefined)
                this.fail(name, rule, id);
            this.fail(name, `${rule} (id number ${index + 1} in the list file breaks this rule)`, `@${file}`);
        });
        return parsed;
    }
    /**
     * Reads a list file. Its real path (symlinks resolved) must lie inside GITHUB_WORKSPACE: a workflow
     * input must not make the action read, let alone echo, a file elsewhere on the runner.
     */
    readListFile(name, path) {
        const workspace = this.env.GITHUB_WORKSPACE ?? process.cwd();
        let real;
        let root;
        try {
            root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
            real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path));
        }
        catch (error) {
            this.fail(name, `names a list file that cannot be read (${error.code ?? 'error'})`, `@${path}`);
        }
        const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, real);
        if (inside === '' || inside.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(inside)) {
            this.fail(name, 'must name a list file inside GITHUB_WORKSPACE (symbolic links included)', `@${path}`);
        }
        try {
            // A byte-order mark is how some editors start a UTF-8 file, not part of the first id.
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real, 'utf8').replace(/^\uFEFF/, '');
        }
        catch (error) {
            this.fail(name, `names a list file that cannot be read (${error.code ?? 'error'})`, `@${path}`);
        }
    }
    check(name, rule, value) {
        const result = rule.safeParse(value);
        if (result.success)
            return result.data;
        this.fail(name, result.error.issues[0]?.message ?? 'is not valid', value);
    }
}
/**
 * A rule that parses a string in one step: `parse` gives the value, or the problem, worded to
 * complete "Input 'x' ...". Name T (`parsed<number>(...)`): inferred, it would take `undefined`
 * from the problem branch.
 */
function parsed(parse) {
    return _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((value, ctx) => {
        const result = parse(value);
        if ('value' in result)
            return result.value;
        ctx.issues.push({ code: 'custom', message: result.problem, input: value });
        return _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tmp;
    }));
}
// Rules shared by several operations. Messages complete the sentence "Input 'x' ...".
const rules = {
    boolean: _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .regex */ .yGV(/^(true|false)$/i, { message: "must be 'true' or 'false'" })), _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((v) => v.toLowerCase() === 'true')),
    /** A positive duration of at most `max` (never more than a Node timer holds), e.g. '90s', '15m'. */
    duration: (max) => parsed((v) => {
        const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(v);
        if (ms === undefined || ms <= 0)
            return { problem: "must be a positive duration such as '90s', '15m' or '1h30m'" };
        if (ms > Math.min(max.ms, _duration_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TIMER_MS */ ._o))
            return { problem: `must be at most ${max.text}` };
        return { value: ms };
    }),
    integer: (min, max) => _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .regex */ .yGV(/^\d+$/, { message: `must be a whole number from ${min} to ${max}` })), _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi(Number))
        .check(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .refine */ .YPB((n) => n >= min && n <= max, { message: `must be a whole number from ${min} to ${max}` })),
    text: (maxLength) => _zod_js__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_2__/* .maxLength */ .Ru6(maxLength, { message: `must be at most ${maxLength} characters` })),
    /** A base URL: https, or plain http for a loopback address (the emulator). */
    endpoint: parsed((value) => {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            return { problem: "must be a URL such as 'https://cph.cn-north-4.myhuaweicloud.com'" };
        }
        const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
            return { problem: 'must use https:// (plain http:// is allowed only for a loopback address)' };
        }
        if (url.search || url.hash || url.username || url.password) {
            return { problem: 'must be a base URL without query, fragment or credentials' };
        }
        return { value: url.toString().replace(/\/+$/, '') };
    }),
    choice: (options) => _zod_js__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(options, { message: `must be one of: ${options.join(', ')}` }),
};


/***/ }),

/***/ 190:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ instanceId),
/* harmony export */   Fd: () => (/* binding */ obsTarObject),
/* harmony export */   Il: () => (/* binding */ obsKey),
/* harmony export */   Lu: () => (/* binding */ serverId),
/* harmony export */   Vf: () => (/* binding */ cphApkObject),
/* harmony export */   _8: () => (/* binding */ androidPackage),
/* harmony export */   bG: () => (/* binding */ commandContent),
/* harmony export */   dd: () => (/* binding */ obsBucket),
/* harmony export */   i5: () => (/* binding */ commandContentProblem),
/* harmony export */   kz: () => (/* binding */ MAX_TARGETS),
/* harmony export */   xj: () => (/* binding */ contentSafe),
/* harmony export */   yI: () => (/* binding */ SERVERS_PER_CALL)
/* harmony export */ });
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var _obs_names_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(206);


/** Field rules from the API pages, worded to complete "Input 'x' ...". */
// Android's own rule: at least two segments, each a Java identifier starting with a letter.
const androidPackage = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(100, { message: 'must be at most 100 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, {
    message: "must be a valid Android package name such as 'com.example.app'",
}));
const instanceId = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(32, { message: 'must list ids of at most 32 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }));
const serverId = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(64, { message: 'must list ids of at most 64 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }));
const obsBucket = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .superRefine */ .zni((value, ctx) => {
    const problem = (0,_obs_names_js__WEBPACK_IMPORTED_MODULE_1__/* .bucketNameProblem */ .B)(value);
    if (problem)
        ctx.addIssue({ code: 'custom', message: `is not a valid OBS bucket name: it ${problem}` });
}));
/** An object key CPH can install from: OBS's own key rules plus the characters CPH accepts in obs:// paths. */
const obsKey = (extension, what) => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(1024, { message: 'must be at most 1024 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z0-9./\-_+#=]+$/, { message: 'may contain only letters, digits and . / - _ + # =' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(extension, { message: `must name ${what}` }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .superRefine */ .zni((value, ctx) => {
    const problem = (0,_obs_names_js__WEBPACK_IMPORTED_MODULE_1__/* .objectKeyProblem */ .c)(value);
    if (problem)
        ctx.addIssue({ code: 'custom', message: `is not a valid OBS object key: it ${problem}` });
}));
const obsTarObject = obsKey(/\.tar$/, 'a .tar file (only .tar packages can be pushed)');
/** Most targets one run accepts: far above any fleet we know, low enough to stop a pasted mistake. */
const MAX_TARGETS = 20_000;
/** server_ids per call on the CPH push pages. */
const SERVERS_PER_CALL = 100;
/**
 * `content` of CPH's ADB commands (InstallApk and RunShellCommand pages) and `command` of KooPhone's
 * async command: letters, digits, `_ . / : -`, at most 1,024 bytes. Spaces are added: every page's own
 * example (`-r obs://bucket/app.apk`, `ls /data`) has them. Everything a shell would interpret
 * (; | & $ quotes back-ticks new lines) is outside the set and refused before sending.
 */
const COMMAND_CONTENT_MAX_BYTES = 1024;
const CONTENT_CHAR = /[A-Za-z0-9 _./:-]/;
/** Why `value` is not a valid command content, worded to complete "Input 'x' ...", or undefined. */
function commandContentProblem(value) {
    const bytes = Buffer.byteLength(value);
    if (bytes > COMMAND_CONTENT_MAX_BYTES)
        return `must be at most ${COMMAND_CONTENT_MAX_BYTES} bytes (it is ${bytes})`;
    const chars = [...value];
    const bad = chars.findIndex((ch) => !CONTENT_CHAR.test(ch));
    if (bad < 0)
        return undefined;
    const ch = chars[bad];
    const shown = ch === '\n' ? 'a new line' : ch === '\t' ? 'a tab' : `'${ch}'`;
    return `may contain only letters, digits, spaces and _ . / : - but has ${shown} at position ${bad + 1}`;
}
const commandContent = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .superRefine */ .zni((value, ctx) => {
    const problem = commandContentProblem(value);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
}));
/**
 * The OBS key of an APK that CPH phones install: it travels inside the command content
 * (`-r obs://bucket/key`), so it obeys the content rule, without spaces (they split the content).
 */
const cphApkObject = obsKey(/\.apk$/i, 'an .apk file').check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z0-9_./-]+$/, {
    message: 'may contain only letters, digits and _ . / - when phones or servers install it (CPH puts it in the ADB command content)',
}));
/** Makes text usable in an OBS key that goes into command content: every other character becomes '_'. */
const contentSafe = (text) => 
// A segment of dots alone would be resolved away by URL parsers: OBS would get another key.
text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+$/, (dots) => '_'.repeat(dots.length));


/***/ }),

/***/ 442:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ chunk),
/* harmony export */   n: () => (/* binding */ parseTargetList)
/* harmony export */ });
/**
 * Target ids as users write them: separated by commas, spaces or new lines, or a JSON array so that
 * another step's output (e.g. `failed-targets`, a `fromJSON` list) can be passed straight in.
 * Blanks are dropped and duplicates removed, keeping the first occurrence's order.
 * Returns a string describing the problem when the text looks like JSON but is not an array of strings.
 */
function parseTargetList(text) {
    // ASCII separators only: a no-break or ideographic space inside an id is an error, not a separator.
    const trimmed = asciiTrim(text);
    let items;
    if (trimmed.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch {
            return { error: 'looks like a JSON array but is not valid JSON' };
        }
        if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
            return { error: 'must be a JSON array of strings' };
        }
        items = parsed.map((item) => asciiTrim(item));
    }
    else {
        items = trimmed.split(/[ \t\r\n,]+/);
    }
    return [...new Set(items.filter((item) => item !== ''))];
}
function asciiTrim(text) {
    return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   ad: () => (/* binding */ maskUrlQuery),
/* harmony export */   sx: () => (/* binding */ redactBody)
/* harmony export */ });
/**
 * Query parameters of a pre-signed OBS URL are credentials (AccessKeyId, Signature, the security
 * token...). Anything we print or report shows the URL with every query value replaced.
 */
function redactUrl(text) {
    try {
        const url = new URL(text);
        if (!url.search)
            return text;
        const names = [...url.searchParams.keys()];
        return `${url.origin}${url.pathname}?${names.map((n) => `${encodeURIComponent(n)}=***`).join('&')}`;
    }
    catch {
        return text.replace(/\?.*$/, '?***');
    }
}
/** Masks the value of every secret-looking field in an object about to be shown (dry-run, debug). */
function redactBody(value) {
    if (typeof value === 'string')
        return /^https?:\/\/.*\?/.test(value) ? redactUrl(value) : value;
    if (Array.isArray(value))
        return value.map(redactBody);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactBody(v)]));
    }
    return value;
}
/** Registers the query values of a pre-signed URL as secrets, so the runner masks them wherever they appear. */
function maskUrlQuery(text, mask) {
    try {
        for (const value of new URL(text).searchParams.values()) {
            if (value.length >= 6) {
                mask(value);
                // The runner masks the literal text: cover the encoded form as it appears in the URL too.
                if (encodeURIComponent(value) !== value)
                    mask(encodeURIComponent(value));
            }
        }
    }
    catch {
        // Not a URL: validation reports it.
    }
}


/***/ }),

/***/ 168:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   Np: () => (/* binding */ cap),
/* harmony export */   Rm: () => (/* binding */ log),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   p7: () => (/* binding */ markdownText)
/* harmony export */ });
/* unused harmony exports oneLine, forgetSecrets */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(476);

/**
 * The only way text reaches the log. Everything we print may carry text from outside (APK contents,
 * service answers, files, inputs), so every line goes through one gate that:
 *  - replaces each line break the runner or a log viewer honours (CR, LF, VT, FF, NEL U+0085, U+2028,
 *    U+2029) and every other control or bidi-override character by a visible escape, so no text can start
 *    a line and thus a runner command (`::cmd::`, `::stop-commands::`, `##[cmd]`);
 *  - breaks a command marker at the start of the line (the runner ignores leading whitespace);
 *  - replaces every registered secret by *** (the runner masks them too, but only in the log it shows,
 *    not in outputs, files or the summary, which use `redactSecrets` below).
 * Below it, @actions/core speaks the runner protocol (command escaping, GITHUB_OUTPUT, the summary file).
 */
/** Line breaks (including Unicode ones), C0/C1 controls but tab, and bidi overrides (Trojan Source). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r' };
/** One line of plain text: every unsafe character shown as an escape such as \n or \u2028. */
function oneLine(text) {
    return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A command marker at the start of a line (after the whitespace the runner trims) loses its meaning. */
function defuse(line) {
    return /^\s*(::|##\[)/.test(line) ? `\u00b7${line}` : line;
}
const secrets = new Set();
let secretPattern;
/** Registers a value that must never be shown: masked by the runner and redacted by us everywhere. */
function registerSecret(value) {
    // Short values would redact ordinary words: the runner itself ignores masks of one or two characters.
    if (value.length < 3 || secrets.has(value))
        return;
    secrets.add(value);
    secretPattern = undefined;
    // A multi-line secret is masked line by line, as the runner does for each line it prints.
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(value);
    for (const part of value.split(/\r?\n/))
        if (part !== value && part.length >= 3)
            registerSecret(part);
}
/** Test hook: forget the secrets registered so far. */
function forgetSecrets() {
    secrets.clear();
    secretPattern = undefined;
}
/** Query strings of URLs carry signatures and tokens: `?a=1&b=2` becomes `?a=***&b=***`. */
const SIGNED_QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*\?)([^\s#"'<>]*)/gi;
/**
 * Removes every registered secret and every URL query value from text we are about to show anywhere
 * (log, outputs, results file, summary, annotations). Done before any truncation, so a cut can never
 * leave part of a secret behind.
 */
function redactSecrets(text) {
    let out = text.replace(SIGNED_QUERY, (_, head, query) => {
        const names = query.split('&').map((pair) => pair.split('=')[0]);
        return `${head}${names.map((n) => `${n}=***`).join('&')}`;
    });
    // A query parameter whose URL was broken up (a space, a quote) still carries a signature or a token.
    out = out.replace(/([?&][A-Za-z0-9_.-]+=)(?!\*\*\*)[^&\s#"'<>]+/g, '$1***');
    // user:password@ in any URL.
    out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, '$1***@');
    if (secrets.size === 0)
        return out;
    secretPattern ??= new RegExp([...secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'), 'g');
    return out.replace(secretPattern, '***');
}
/** Cut after redaction, so a cut never leaves part of a secret; never inside a surrogate pair. */
function cap(text, max) {
    const chars = Array.from(text);
    return chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
}
/** Untrusted text as one safe log line. */
function safeLine(text) {
    return defuse(oneLine(redactSecrets(text)));
}
/** Several lines we chose to print together (dry-run requests); each one is made safe on its own. */
function safeLines(text) {
    return text.split('\n').map(safeLine).join('\n');
}
function safeProperties(p) {
    return p.title === undefined ? p : { ...p, title: safeLine(p.title) };
}
const log = {
    info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(safeLine(message)),
    /** For text we lay out over several lines ourselves: each line is still made safe. */
    block: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(safeLines(message)),
    debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(safeLine(message)),
    warning: (message, properties = {}) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(safeLine(message), safeProperties(properties)),
    error: (message, properties = {}) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(safeLine(message), safeProperties(properties)),
    notice: (message, properties = {}) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(safeLine(message), safeProperties(properties)),
    /** A phase of the run, folded in the log (inputs, upload, submit, wait, report). */
    group: (name, work) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(safeLine(name), work),
    /**
     * Appends Markdown to the job summary (to the log when there is none). Callers build it from our own
     * text and markdownText/markdownCode of anything from outside.
     */
    summary: async (markdown) => {
        if (process.env.GITHUB_STEP_SUMMARY)
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown, true).write();
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(safeLines(markdown));
    },
    /** Logs one ::error:: line and makes the step fail. */
    fail: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(safeLine(message)),
};
/** Every line break a renderer might honour, Unicode ones included; CRLF counts once. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
/**
 * What CommonMark/GFM gives a meaning to inside a line, escaped with a backslash (`<`, `>`, `&`, `"` become
 * entities). Line-start syntax (`#`, `-`, `1.`, `>`, `|---|`) needs no escape: the text never starts a line.
 * Escaping `[` and `]` rules out links and images (`![..](..)`), `$` rules out GitHub's math. An `_` between two
 * letters or digits cannot open or close emphasis, so `INSTALL_FAILED` stays as it is.
 */
const MARKDOWN_PUNCTUATION = /[\\`*[\]|~$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Untrusted text as one line of job-summary Markdown that renders as exactly that text: no heading,
 * table row, list, image, link, autolink, raw HTML or code span can be formed, and line breaks become
 * `<br>` so the text never starts a Markdown line of its own. It may itself start a line (a quote, a
 * cell), so whatever would open a block there (indent, `#`, `-`, `+`, `=`, `1.`) is escaped. Secrets
 * are redacted first.
 */
function markdownText(text) {
    return redactSecrets(text)
        .split(LINE_BREAK)
        .map((line) => oneLine(line
        .replace(/[&<>"]/g, (c) => HTML[c])
        .replace(MARKDOWN_PUNCTUATION, '\\$&')
        // GFM autolinks bare URLs, www. names and e-mail addresses even in escaped text: break the pattern.
        .replace(/:\/\//g, ':\u200b//')
        .replace(/(www)\./gi, '$1\u200b.')
        .replace(/@/g, '\u200b@')))
        .join('<br>')
        .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
        .replace(/^([#+\-=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}
/**
 * Untrusted text shown as code (ids, error codes): an HTML <code> element around the escaped text, so no
 * backtick in it can close the span early and no `|` can split a table cell.
 */
function markdownCode(text) {
    return `<code>${markdownText(text)}</code>`;
}


/***/ }),

/***/ 808:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  defaultObjectKey: () => (/* binding */ defaultObjectKey),
  readApk: () => (/* binding */ readApk),
  uploadApk: () => (/* binding */ uploadApk)
});

// EXTERNAL MODULE: ./src/auth/credentials.ts
var credentials = __nccwpck_require__(787);
// EXTERNAL MODULE: ./src/inputs/names.ts + 1 modules
var names = __nccwpck_require__(284);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __nccwpck_require__(601);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __nccwpck_require__(318);
// EXTERNAL MODULE: ./src/http/timing.ts
var timing = __nccwpck_require__(568);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __nccwpck_require__(549);
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/obs/signature.ts
/**
 * OBS request signing: the `OBS` header form (`Authorization: OBS AK:Signature`) and the query form
 * of pre-signed URLs (`AccessKeyId`, `Expires`, `Signature`). Written from Huawei's OBS API
 * reference ("User Signature Authentication"); test/obs.test.ts checks both forms against the
 * official SDK (`esdk-obs-nodejs`) for random buckets, keys, times and tokens.
 *
 *   StringToSign = VERB \n Content-MD5 \n Content-Type \n Date (or Expires) \n
 *                  CanonicalizedHeaders CanonicalizedResource
 *   Signature    = base64(HMAC-SHA1(SK, UTF-8 of StringToSign))
 *
 * - CanonicalizedHeaders: every `x-obs-*` header as `lowercase-name:value\n`, sorted by name.
 * - CanonicalizedResource: `/bucket/key` with the key percent-encoded per segment exactly as it is
 *   sent in the path, then the signed sub-resources (`?partNumber=1&uploadId=...`, `?uploads`),
 *   sorted by name, with their decoded values; an empty value is signed as the bare name.
 * - Query form: Date becomes the Expires value (epoch seconds); a security token travels as the
 *   `x-obs-security-token` query parameter and is signed as a sub-resource.
 */

const HEADER_PREFIX = 'x-obs-';
const SECURITY_TOKEN = 'x-obs-security-token';
/**
 * Query parameters that are part of the resource being signed (lower-case). The OBS reference
 * lists many more (acl, cors, lifecycle...); these are the ones an object upload or download can
 * carry. Any other query parameter is sent but not signed, as OBS expects.
 */
const SUB_RESOURCES = new Set([
    'acl',
    'append',
    'metadata',
    'partnumber',
    'position',
    'response-cache-control',
    'response-content-disposition',
    'response-content-encoding',
    'response-content-language',
    'response-content-type',
    'response-expires',
    'uploadid',
    'uploads',
    'versionid',
    SECURITY_TOKEN,
]);
/** encodeURIComponent, plus the five characters it leaves alone that OBS expects encoded: ! ' ( ) *. */
function uriEncode(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
/** The object key as it appears in the request path: each `/`-separated segment percent-encoded. */
function encodeKey(key) {
    return key.split('/').map(uriEncode).join('/');
}
function byName(a, b) {
    if (a[0] !== b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
/** `/bucket/encoded-key` plus the signed sub-resources of `query` (decoded name/value pairs). */
function canonicalResource(bucket, key, query = []) {
    const signed = [...query].filter(([name]) => SUB_RESOURCES.has(name.toLowerCase())).sort(byName);
    const sub = signed.map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&');
    return `/${bucket}/${encodeKey(key)}${sub === '' ? '' : `?${sub}`}`;
}
function stringToSign({ method, headers, dateOrExpires, resource }) {
    const lower = new Map();
    for (const [name, value] of Object.entries(headers))
        lower.set(name.toLowerCase(), value);
    const obsHeaders = [...lower.entries()].filter(([name]) => name.startsWith(HEADER_PREFIX)).sort(byName);
    return ([
        method.toUpperCase(),
        lower.get('content-md5') ?? '',
        lower.get('content-type') ?? '',
        dateOrExpires,
    ].join('\n') +
        '\n' +
        obsHeaders.map(([name, value]) => `${name}:${value}\n`).join('') +
        resource);
}
function sign(secretKey, text) {
    return (0,external_node_crypto_.createHmac)('sha1', secretKey).update(text, 'utf8').digest('base64');
}
/** Returns the headers to send: the given ones plus Date, the security token if any, and Authorization. */
function signHeaders(req, creds, now = new Date()) {
    if (!creds.accessKey || !creds.secretKey)
        throw new Error('OBS credentials are empty');
    const headers = {};
    for (const [name, value] of Object.entries(req.headers ?? {})) {
        const lower = name.toLowerCase();
        if (lower !== 'authorization' && lower !== 'date' && lower !== SECURITY_TOKEN)
            headers[name] = value;
    }
    headers.Date = now.toUTCString();
    if (creds.securityToken)
        headers[SECURITY_TOKEN] = creds.securityToken;
    const text = stringToSign({
        method: req.method,
        headers,
        dateOrExpires: headers.Date,
        resource: canonicalResource(req.bucket, req.key, req.query ?? []),
    });
    headers.Authorization = `OBS ${creds.accessKey}:${sign(creds.secretKey, text)}`;
    return headers;
}
/**
 * The query string (without `?`) of a pre-signed URL for `method` on `/bucket/key`, valid until
 * `expires` (epoch seconds). Parameters are in the SDK's order (sorted by name, Signature last).
 *
 * Every value is encoded with encodeURIComponent, `/` included. The SDK leaves `/` bare in
 * values; both decode to the same parameters. We encode it so that the text of each value in the
 * URL is exactly `encodeURIComponent(value)`, one of the two forms redact.ts registers with the
 * runner's masking: with a bare `/`, a Signature like `ab/c=` would appear as `ab/c%3D`, a form
 * the runner would not mask.
 */
function presignQuery(method, bucket, key, expires, creds) {
    if (!creds.accessKey || !creds.secretKey)
        throw new Error('OBS credentials are empty');
    const params = [
        ['AccessKeyId', creds.accessKey],
        ['Expires', String(expires)],
    ];
    if (creds.securityToken)
        params.push([SECURITY_TOKEN, creds.securityToken]);
    params.sort(byName);
    const text = stringToSign({
        method,
        headers: {},
        dateOrExpires: String(expires),
        resource: canonicalResource(bucket, key, params),
    });
    params.push(['Signature', sign(creds.secretKey, text)]);
    return params.map(([name, value]) => `${name}=${uriEncode(value)}`).join('&');
}

;// CONCATENATED MODULE: ./src/obs/endpoint.ts
/**
 * Where an OBS object lives: the endpoint as the user gave it, and the URL of an object in it.
 * Real endpoints address buckets virtual-hosted (`bucket.obs.region.myhuaweicloud.com`), as OBS
 * recommends; an IP address or localhost has no bucket subdomains, so it takes the path style.
 */


/** The public OBS endpoint of a region, e.g. https://obs.cn-north-4.myhuaweicloud.com. */
function obsEndpointForRegion(region) {
    return `https://obs.${region}.myhuaweicloud.com`;
}
function parseEndpoint(endpoint) {
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new RangeError(`OBS endpoint "${endpoint}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new RangeError(`OBS endpoint "${endpoint}" must be an http(s) URL`);
    }
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
        throw new RangeError(`OBS endpoint "${endpoint}" must be scheme://host[:port] only`);
    }
    const bare = url.hostname.replace(/^\[|\]$/g, '');
    return { protocol: url.protocol, host: url.host, pathStyle: (0,external_node_net_namespaceObject.isIP)(bare) !== 0 || bare === 'localhost' };
}
/** The URL of an object, with `rawQuery` (already encoded) appended. */
function objectUrl(endpoint, bucket, key, rawQuery = '') {
    const { protocol, host, pathStyle } = endpoint;
    const origin = pathStyle ? `${protocol}//${host}/${bucket}` : `${protocol}//${bucket}.${host}`;
    return `${origin}/${encodeKey(key)}${rawQuery === '' ? '' : `?${rawQuery}`}`;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: ./src/http/error-mapping.ts
var error_mapping = __nccwpck_require__(985);
;// CONCATENATED MODULE: ./src/obs/file.ts
/**
 * Reading the file to upload. Every failure says which file could not be read; a file that ends
 * sooner than its size changed while it was read.
 */



const MiB = 1024 * 1024;
function unreadable(file, cause) {
    return new Error(`Cannot read the file to upload, ${file}: ${cause.message}`, { cause });
}
async function fileSize(file) {
    try {
        const info = await (0,promises_namespaceObject.stat)(file);
        if (!info.isFile())
            throw new Error('not a regular file');
        return info.size;
    }
    catch (e) {
        throw unreadable(file, e);
    }
}
async function openFile(file) {
    try {
        return await (0,promises_namespaceObject.open)(file, 'r');
    }
    catch (e) {
        throw unreadable(file, e);
    }
}
/** Fills `buffer` from `position` of the file. */
async function readAt(file, handle, buffer, position) {
    let done = 0;
    try {
        while (done < buffer.length) {
            const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
            if (bytesRead === 0)
                throw new Error(`the file ended at ${position + done} bytes (it shrank while read)`);
            done += bytesRead;
        }
    }
    catch (e) {
        throw unreadable(file, e);
    }
}
async function readWhole(file, size) {
    const handle = await openFile(file);
    try {
        const data = Buffer.allocUnsafe(size);
        await readAt(file, handle, data, 0);
        return data;
    }
    finally {
        await handle.close();
    }
}
/** Hex MD5 of the first `size` bytes of a file. */
async function hashFile(file, size, signal) {
    // The disk reads the next 4 MiB while the current ones are hashed: the hash alone sets the pace.
    // Two buffers take turns: a fresh 4 MiB buffer per read cost a page fault per 4 KiB, about as
    // much CPU as the hash itself on a small VM.
    const chunk = 4 * MiB;
    const handle = await openFile(file);
    const hash = (0,external_node_crypto_.createHash)('md5');
    const buffers = [
        Buffer.allocUnsafeSlow(Math.min(chunk, size)),
        Buffer.allocUnsafeSlow(Math.min(chunk, size)),
    ];
    const readChunk = async (start, turn) => {
        const data = buffers[turn % 2].subarray(0, Math.min(chunk, size - start));
        await readAt(file, handle, data, start);
        return data;
    };
    let next = size > 0 ? readChunk(0, 0) : undefined;
    try {
        for (let start = 0, turn = 0; next; start += chunk, turn++) {
            if (signal?.aborted)
                throw (0,error_mapping/* cancelledError */.YQ)(`hashing ${file}`);
            const data = await next;
            next = start + chunk < size ? readChunk(start + chunk, turn + 1) : undefined;
            hash.update(data);
        }
        return hash.digest('hex');
    }
    finally {
        // A read still under way (after a cancel) must settle before its handle closes.
        await next?.catch(() => undefined);
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/obs/md5.ts
/**
 * The MD5 of what is uploaded, in the forms OBS takes it: Content-MD5 (base64) on every request that
 * carries bytes, so that OBS checks each one, and the hex MD5 of the whole object as metadata,
 * because a multipart ETag is not the MD5 of the object.
 */
/**
 * The user-defined metadata that holds the hex MD5 of the whole object (sent and returned as
 * `x-obs-meta-md5`; OBS API reference, "Uploading Objects - PUT": x-obs-meta-*).
 */
const MD5_METADATA_HEADER = 'x-obs-meta-md5';
/** Content-MD5 takes the base64 of the digest; the action computes lowercase hex. */
function contentMd5Header(md5) {
    if (/^[0-9a-fA-F]{32}$/.test(md5))
        return Buffer.from(md5, 'hex').toString('base64');
    if (/^[A-Za-z0-9+/]{22}==$/.test(md5))
        return md5;
    throw new RangeError(`contentMd5 must be 32 hex digits or the base64 of 16 bytes, got "${md5}"`);
}
/** Lowercase hex of an MD5 given in either form. */
function hexMd5(md5) {
    return Buffer.from(contentMd5Header(md5), 'base64').toString('hex');
}
function changedFile(file, expected, actual) {
    return new Error(`The file to upload, ${file}, changed while it was read: its MD5 was ${expected}, the bytes read have ${actual}. Nothing was stored.`);
}

;// CONCATENATED MODULE: ./src/obs/head.ts
/**
 * What OBS already holds under a key: a HEAD, read for the size and for the MD5 this action stores
 * as metadata, so that a re-run of the same file can skip the upload.
 */


/**
 * The object's size and stored MD5, or undefined when there is no such object. Any other answer
 * (AccessDenied for a key that may only write, for instance) is an ObsError.
 */
function headObject(requests, target) {
    const action = `OBS check of obs://${target.bucket}/${target.key}`;
    return requests.retrying(target.signal, async () => {
        const answer = await requests.send({ ...target, method: 'HEAD', action });
        if (answer.status === 404) {
            const error = requests.failure(action, answer);
            // A missing bucket is the user's mistake, not a missing object.
            if (error.details.code === 'NoSuchBucket')
                throw error;
            return undefined;
        }
        if (answer.status !== 200)
            throw requests.failure(action, answer);
        const length = (0,error_mapping/* headerValue */.Z)(answer.headers, 'content-length');
        const md5 = (0,error_mapping/* headerValue */.Z)(answer.headers, MD5_METADATA_HEADER)?.trim().toLowerCase();
        const etag = (0,error_mapping/* headerValue */.Z)(answer.headers, 'etag');
        return {
            size: Number(length ?? NaN),
            ...(md5 !== undefined && /^[0-9a-f]{32}$/.test(md5) ? { md5 } : {}),
            ...(etag !== undefined ? { etag } : {}),
        };
    });
}

;// CONCATENATED MODULE: ./src/obs/xml.ts
/**
 * The little XML OBS needs: read one element's text from a small, flat answer, and escape text.
 * OBS answers (errors, InitiateMultipartUploadResult, CompleteMultipartUploadResult) are flat
 * enough that a full parser is not worth a dependency in the bundle.
 */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlUnescape(s) {
    return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, e) => {
        if (!e.startsWith('#'))
            return ENTITIES[e] ?? whole;
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
function xmlEscape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Text of the first `<tag>...</tag>`, unescaped and trimmed; undefined when absent or empty. */
function xmlText(xml, tag) {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
    if (!m)
        return undefined;
    const text = xmlUnescape(m[1] ?? '').trim();
    return text === '' ? undefined : text;
}

;// CONCATENATED MODULE: ./src/obs/errors.ts



/** What usually causes each OBS error code, for the person reading the failed run. */
const OBS_HINTS = {
    AccessDenied: 'OBS refused access: give the access key OBS write permission on the bucket (IAM policy or bucket policy), and check that the bucket belongs to this account.',
    AllAccessDisabled: 'All access to this bucket has been disabled: check the bucket in the OBS console.',
    BadDigest: 'The bytes OBS received do not match their MD5: the file changed during the upload or was corrupted in transit.',
    EntityTooLarge: 'The object is larger than OBS accepts in a single request.',
    EntityTooSmall: 'A multipart part other than the last is smaller than the OBS minimum of 100 KB.',
    InvalidAccessKeyId: 'OBS does not know this access key: check access-key, and that the key is active.',
    InvalidBucketName: 'The bucket name is not valid for OBS.',
    InvalidPart: 'A multipart part is missing or its ETag does not match; the upload was aborted.',
    InvalidPartOrder: 'Multipart parts were not listed in ascending order; this is a bug in the action.',
    InvalidToken: 'The security token is invalid: check security-token.',
    NoSuchBucket: 'The bucket does not exist at this OBS endpoint: check obs-bucket and that the OBS endpoint (or region) is the bucket’s region.',
    NoSuchKey: 'The object does not exist.',
    NoSuchUpload: 'The multipart upload no longer exists (it was aborted or expired).',
    PermanentRedirect: 'The bucket is in another region: use the OBS endpoint of the bucket’s region.',
    RequestTimeTooSkewed: 'The runner clock differs from OBS time by more than 15 minutes: fix the runner clock.',
    ServiceUnavailable: 'OBS is temporarily unavailable; retry later.',
    SignatureDoesNotMatch: 'OBS rejected the signature: check secret-key (and security-token for temporary credentials).',
    SlowDown: 'OBS is throttling requests: lower the upload concurrency or retry later.',
    TokenRefreshRequired: 'The temporary credentials have expired: get a new security token.',
};
function obsHint(code, status) {
    if (code === 'AccessDenied' || (status === 403 && !(code && OBS_HINTS[code]))) {
        return (0,http_errors/* withPermissionsPage */.iw)(OBS_HINTS.AccessDenied);
    }
    if (code && OBS_HINTS[code])
        return OBS_HINTS[code];
    if (status === 429 || status === 503)
        return OBS_HINTS.SlowDown;
    return undefined;
}
/**
 * An ApiError whose hint and message come from the OBS table above: the generic table in
 * src/http/errors.ts would explain a 403 as an API-gateway credential problem.
 */
class ObsError extends http_errors/* ApiError */.hD {
    constructor(details, reason) {
        super(details, reason, obsHint);
    }
}
/**
 * What an OBS error answer says about itself: the XML body, or for a HEAD (which has no body) the
 * x-obs-error-* headers.
 */
function obsFields(headers, body) {
    return {
        code: xmlText(body, 'Code') ?? (0,error_mapping/* headerValue */.Z)(headers, 'x-obs-error-code'),
        message: xmlText(body, 'Message') ?? (0,error_mapping/* headerValue */.Z)(headers, 'x-obs-error-message'),
        requestId: xmlText(body, 'RequestId') ??
            (0,error_mapping/* headerValue */.Z)(headers, 'x-obs-request-id') ??
            (0,error_mapping/* headerValue */.Z)(headers, 'x-amz-request-id'),
    };
}
/** An error body OBS may also send with HTTP 200 (a failed CompleteMultipartUpload). */
function isErrorBody(body) {
    return /^\s*(<\?xml[^>]*\?>\s*)?<Error>/.test(body);
}
/** Turns an OBS answer that failed (status or error body) into an ObsError. */
function responseError(action, status, headers, body) {
    return new ObsError((0,error_mapping/* answerDetails */.ne)(action, { status, headers, body }, obsFields(headers, body)));
}

;// CONCATENATED MODULE: ./src/obs/part-plan.ts
/**
 * How a file is cut into multipart parts. Every part but the last has the part size, except a few
 * smaller ones first (a ramp: 1, 2, 4 MiB before 8 MiB parts). A part's Content-MD5 goes in its
 * headers, so no byte of a part leaves before the whole part is read and hashed: a first 16 MiB
 * part kept the connection idle for about 0.12 s after the upload was started (reading into fresh
 * memory and hashing it), where a 1 MiB part waits a few milliseconds. The parts after the ramp
 * are read while the first ones are sent.
 *
 * 8 MiB parts, as the AWS CLI's default: 4 in flight hold 32 MiB. 16 MiB parts were measured
 * slower on a 2-core machine (each fresh page of part memory costs the kernel a fault), and more
 * requests cost little on connections that are kept alive.
 */
const part_plan_MiB = 1024 * 1024;
const DEFAULT_PART_SIZE_BYTES = 8 * part_plan_MiB;
/** OBS limits (API reference, "Uploading a Part"): 1..10,000 parts of 100 KB..5 GB, the last one smaller. */
const MAX_PARTS = 10_000;
const MIN_PART_SIZE_BYTES = 100 * 1024;
const MAX_PART_SIZE_BYTES = 5 * 1024 * part_plan_MiB;
/** The smallest ramp part: below this, one request per part costs more than the wait it saves. */
const MIN_RAMP_PART_BYTES = part_plan_MiB;
/**
 * The parts of a file: the requested part size, raised (to whole MiB) to stay within 10,000
 * parts, after a ramp of halves of it (from 1 MiB) when the file is large enough and the parts
 * stay within the limit.
 */
function planParts(sizeBytes, partSizeBytes = DEFAULT_PART_SIZE_BYTES) {
    if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE_BYTES) {
        throw new RangeError(`part size must be an integer of at least ${MIN_PART_SIZE_BYTES} bytes`);
    }
    let partSize = partSizeBytes;
    if (Math.ceil(sizeBytes / partSize) > MAX_PARTS)
        partSize = Math.ceil(sizeBytes / MAX_PARTS / part_plan_MiB) * part_plan_MiB;
    if (partSize > MAX_PART_SIZE_BYTES)
        throw new RangeError(`a file of ${sizeBytes} bytes is too large for OBS`);
    const plain = { size: sizeBytes, ramp: [], partSize, count: Math.max(1, Math.ceil(sizeBytes / partSize)) };
    const ramp = [];
    for (let part = Math.floor(partSize / 2); part >= MIN_RAMP_PART_BYTES; part = Math.floor(part / 2))
        ramp.unshift(part);
    const rampBytes = ramp.reduce((sum, part) => sum + part, 0);
    // A file that the ramp alone would cover gains nothing from it.
    if (ramp.length === 0 || sizeBytes <= rampBytes + partSize)
        return plain;
    const count = ramp.length + Math.ceil((sizeBytes - rampBytes) / partSize);
    return count > MAX_PARTS ? plain : { size: sizeBytes, ramp, partSize, count };
}
/** Where part `index` (from 0) starts in the file, and its length. */
function partRange(plan, index) {
    let start = 0;
    for (let i = 0; i < Math.min(index, plan.ramp.length); i++)
        start += plan.ramp[i];
    if (index >= plan.ramp.length)
        start += (index - plan.ramp.length) * plan.partSize;
    const length = index < plan.ramp.length ? plan.ramp[index] : plan.partSize;
    return { start, length: Math.max(0, Math.min(length, plan.size - start)) };
}
/** How the plan reads in a log line: "67 parts: 1 MiB, 2 MiB, 4 MiB, then 8 MiB each". */
function describePlan(plan) {
    if (plan.ramp.length === 0)
        return `${plan.count} parts of ${sizeText(plan.partSize)}`;
    return `${plan.count} parts: ${plan.ramp.map(sizeText).join(', ')}, then ${sizeText(plan.partSize)} each`;
}
function sizeText(bytes) {
    if (bytes % part_plan_MiB === 0)
        return `${bytes / part_plan_MiB} MiB`;
    return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

// EXTERNAL MODULE: ./src/http/exchange.ts + 2 modules
var exchange = __nccwpck_require__(875);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __nccwpck_require__(902);
// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __nccwpck_require__(361);
;// CONCATENATED MODULE: ./src/obs/requests.ts








/**
 * A request that carries a body may take the request timeout plus the time to send the body at
 * this rate: an 8 MiB part gets about 80 s more. It only bounds a server that reads trickle by
 * trickle; a stalled connection is caught sooner by the socket inactivity timeout.
 */
const MIN_UPLOAD_BYTES_PER_SECOND = 100 * 1024;
/** OBS answers we read are small XML documents. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Codes OBS documents as worth repeating the request for, on top of every service's transient failures. */
const RETRIED_CODES = new Set([
    // The bytes were damaged on the way: they are sent again from the buffer that was hashed.
    'BadDigest',
    'RequestTimeout',
    'InternalError',
    'ServiceUnavailable',
    'SlowDown',
]);
/**
 * Every OBS request here may be repeated: writing the same bytes again is idempotent, and an answer
 * OBS could not produce whole (an unreadable body) says nothing about the next one.
 */
function isObsRetryable(error) {
    const { code, unparseable } = error.details;
    return (0,retry/* isTransientFailure */.R)(error) || unparseable === true || (code !== undefined && RETRIED_CODES.has(code));
}
class ObsRequests {
    config;
    endpoint;
    credentials;
    connections = new exchange/* Connections */.UQ(true);
    constructor(config, endpoint, credentials) {
        this.config = config;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }
    /** Retries `attempt` under OBS's policy; `signal` is the run's, or a narrower one. */
    retrying(signal, attempt, attempts = this.config.maxAttempts ?? 4) {
        const policy = {
            attempts,
            retryable: isObsRetryable,
            baseDelayMs: this.config.retryBaseDelayMs ?? 500,
            signal,
            debug: this.config.debug,
        };
        return (0,retry/* withRetries */.L)(policy, attempt);
    }
    /** One signed request and its answer. Network failures become ApiErrors; HTTP statuses are the caller's. */
    async send(c) {
        const query = c.query ?? [];
        const rawQuery = query.map(([n, v]) => (v === '' ? n : `${n}=${uriEncode(v)}`)).join('&');
        const url = objectUrl(this.endpoint, c.bucket, c.key, rawQuery);
        const bytes = c.body === undefined ? 0 : Buffer.byteLength(c.body);
        const headers = signHeaders({ method: c.method, bucket: c.bucket, key: c.key, query, headers: c.headers }, await this.credentials());
        const started = (0,timing/* now */.tB)();
        try {
            const answer = await (0,exchange/* exchange */.cv)(this.connections, {
                method: c.method,
                url: new URL(url),
                headers,
                ...(c.body === undefined ? {} : { body: c.body }),
                timeoutMs: this.config.requestTimeoutMs + Math.ceil((bytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000),
                idleTimeoutMs: this.config.requestTimeoutMs,
                signal: c.signal,
                maxAnswerBytes: MAX_ANSWER_BYTES,
            });
            this.debug(`${c.method} ${(0,redact/* redactUrl */.BO)(url)}${c.note ? ` (${c.note})` : ''} -> HTTP ${answer.status} in ${(0,timing/* now */.tB)() - started} ms`);
            return answer;
        }
        catch (error) {
            const apiError = (0,error_mapping/* exchangeError */.mH)(error, { action: c.action, idempotent: true });
            this.debug(`${c.method} ${(0,redact/* redactUrl */.BO)(url)} -> ${apiError.message}`);
            throw apiError;
        }
    }
    failure(action, answer) {
        return responseError(action, answer.status, answer.headers, answer.body);
    }
    debug(message) {
        this.config.debug?.(message);
    }
    dispose() {
        this.connections.dispose();
    }
}

;// CONCATENATED MODULE: ./src/obs/multipart.ts
/**
 * A multipart upload: start, parts up to `concurrency` at a time (read in order, each with its
 * Content-MD5), completion, and the MD5 of the whole file stored as metadata. Any failure, or a
 * cancelled run, aborts the upload: the parts of an unfinished upload are billed storage.
 */








/** Time the multipart abort may take once the run is cancelled (the runner kills the step 7.5 s after SIGINT). */
const ABORT_BUDGET_MS = 2_500;
async function multipartUpload(requests, target, file, concurrency) {
    const { bucket, key, signal } = target;
    const { plan, expectedMd5 } = file;
    const uploadId = await initiate(requests, target, file.contentType, expectedMd5);
    requests.debug(`multipart upload of ${file.size} bytes to obs://${bucket}/${key}: ${describePlan(plan)}, ${concurrency} at a time`);
    // Stops the other parts as soon as one fails for good, or when the run is cancelled.
    const stop = new AbortController();
    const onOuterAbort = () => stop.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    let md5;
    try {
        const etags = await uploadParts(requests, target, file.reader, plan, uploadId, concurrency, stop);
        md5 = await file.reader.digest();
        // The file changed since it was hashed: its parts are each intact, but not the file we meant.
        if (expectedMd5 !== undefined && md5 !== expectedMd5)
            throw changedFile(file.path, expectedMd5, md5);
        await complete(requests, target, uploadId, etags, file.size);
    }
    catch (error) {
        stop.abort();
        await abortUpload(requests, target, uploadId);
        throw error;
    }
    finally {
        signal?.removeEventListener('abort', onOuterAbort);
    }
    const md5Saved = expectedMd5 !== undefined || (await saveMd5(requests, target, md5));
    return { md5, md5Saved };
}
async function initiate(requests, target, contentType, md5) {
    const action = `OBS multipart upload start for obs://${target.bucket}/${target.key}`;
    const headers = { 'Content-Type': contentType };
    if (md5 !== undefined)
        headers[MD5_METADATA_HEADER] = md5;
    return requests.retrying(target.signal, async () => {
        const query = [['uploads', '']];
        const answer = await requests.send({ ...target, method: 'POST', query, headers, body: '', action });
        if (answer.status !== 200 || isErrorBody(answer.body))
            throw requests.failure(action, answer);
        return carried(action, answer, 'UploadId', xmlText(answer.body, 'UploadId'));
    });
}
/** What a successful answer must carry; without it the answer is one we cannot use. */
function carried(action, answer, name, value) {
    if (value)
        return value;
    throw new ObsError({ action, status: answer.status, unparseable: true }, `the answer has no ${name}`);
}
async function uploadParts(requests, target, reader, plan, uploadId, concurrency, stop) {
    const etags = new Array(plan.count);
    let next = 0;
    let firstError;
    const worker = async () => {
        while (firstError === undefined && !stop.signal.aborted && next < plan.count) {
            const index = next++;
            try {
                // Reads are queued in the order parts are claimed, so the file is read once, in order.
                const part = await reader.read(index);
                if (stop.signal.aborted)
                    break;
                try {
                    etags[index] = await uploadPart(requests, target, uploadId, index + 1, plan.count, part, stop.signal);
                }
                finally {
                    reader.release(part);
                }
            }
            catch (error) {
                if (firstError === undefined)
                    firstError = error;
                stop.abort();
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, plan.count) }, worker));
    if (firstError !== undefined)
        throw firstError;
    if (stop.signal.aborted)
        throw (0,error_mapping/* cancelledError */.YQ)(`OBS upload of obs://${target.bucket}/${target.key}`);
    return etags;
}
async function uploadPart(requests, target, uploadId, partNumber, count, part, signal) {
    const action = `OBS upload of part ${partNumber}/${count} of obs://${target.bucket}/${target.key}`;
    // OBS refuses a part whose bytes do not match (BadDigest), so a part corrupted on the way is retried, never stored.
    const headers = { 'Content-MD5': part.contentMd5 };
    return requests.retrying(signal, async () => {
        const answer = await requests.send({
            ...target,
            method: 'PUT',
            query: [
                ['partNumber', String(partNumber)],
                ['uploadId', uploadId],
            ],
            headers,
            body: part.data,
            action,
            signal,
            note: `part ${partNumber}/${count}, ${part.data.length} bytes`,
        });
        if (answer.status !== 200)
            throw requests.failure(action, answer);
        return carried(action, answer, 'ETag', (0,error_mapping/* headerValue */.Z)(answer.headers, 'etag'));
    });
}
async function complete(requests, target, uploadId, etags, size) {
    const action = `OBS multipart upload completion for obs://${target.bucket}/${target.key}`;
    const xml = '<CompleteMultipartUpload>' +
        etags
            .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlEscape(etag)}</ETag></Part>`)
            .join('') +
        '</CompleteMultipartUpload>';
    // After an attempt whose fate is unknown, "NoSuchUpload" may mean that attempt completed it.
    let ambiguous = false;
    await requests.retrying(target.signal, async () => {
        let answer;
        try {
            const headers = { 'Content-Type': 'application/xml' };
            const query = [['uploadId', uploadId]];
            answer = await requests.send({ ...target, method: 'POST', query, headers, body: xml, action });
        }
        catch (error) {
            if (error instanceof http_errors/* ApiError */.hD && error.details.network !== 'connect')
                ambiguous = true;
            throw error;
        }
        if (answer.status === 200 && !isErrorBody(answer.body))
            return;
        const error = requests.failure(action, answer);
        if (ambiguous && error.details.code === 'NoSuchUpload' && (await sizeOf(requests, target)) === size) {
            requests.debug(`${action}: an earlier attempt completed the upload`);
            return;
        }
        if (isObsRetryable(error))
            ambiguous = true;
        throw error;
    });
}
/** The size of an object, or undefined when it cannot be read. */
async function sizeOf(requests, target) {
    try {
        return (await headObject(requests, target))?.size;
    }
    catch {
        return undefined;
    }
}
/**
 * Best effort, even after cancellation. After a cancel it gets ABORT_BUDGET_MS in all, so the run
 * still reports and exits before the runner kills it.
 */
async function abortUpload(requests, target, uploadId) {
    const action = `OBS multipart upload abort for obs://${target.bucket}/${target.key}`;
    const budget = target.signal?.aborted ? AbortSignal.timeout(ABORT_BUDGET_MS) : undefined;
    try {
        await requests.retrying(budget, async () => {
            const query = [['uploadId', uploadId]];
            const answer = await requests.send({ ...target, method: 'DELETE', query, action, signal: budget });
            if (answer.status !== 204 && answer.status !== 200)
                throw requests.failure(action, answer);
        }, 2);
        requests.debug(`${action}: aborted`);
    }
    catch (error) {
        requests.debug(`${action}: ${error.message}`);
    }
}
/**
 * Stores the MD5 of an object uploaded before its MD5 was known (OBS API reference, "Modifying
 * Object Metadata": PUT /key?metadata with x-obs-metadata-directive REPLACE_NEW, which keeps the
 * metadata not named, such as Content-Type). Best effort: the object is complete either way, but
 * the next run cannot recognise it and uploads it again.
 */
async function saveMd5(requests, target, md5) {
    const action = `OBS metadata update of obs://${target.bucket}/${target.key}`;
    const headers = { 'x-obs-metadata-directive': 'REPLACE_NEW', [MD5_METADATA_HEADER]: md5 };
    try {
        await requests.retrying(target.signal, async () => {
            const query = [['metadata', '']];
            const answer = await requests.send({ ...target, method: 'PUT', query, headers, body: '', action });
            if (answer.status !== 200)
                throw requests.failure(action, answer);
        });
        return true;
    }
    catch (error) {
        if (error instanceof http_errors/* ApiError */.hD && error.details.network === 'aborted')
            throw error;
        requests.debug(`${action}: ${error.message}`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/inputs/obs-names.ts
var obs_names = __nccwpck_require__(206);
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/obs/part-hasher.ts
/**
 * A worker thread hashes each part twice, its own MD5 for Content-MD5 and into the MD5 of the whole
 * file, while the main thread keeps the parts in flight fed: hashing 16 MiB blocks for tens of
 * milliseconds, during which every other connection would starve. Parts live in shared memory,
 * so the worker answers a part's MD5 as soon as it has it and feeds the whole-file MD5 while the
 * part is already being sent; the caller reuses a part's memory only once both are done. The
 * worker's code is inline so that the bundle stays one file.
 *
 * A thread takes 50 to 120 ms to start on a busy 2-core machine, longer than the run takes from
 * deciding to upload to starting the upload. Until it says it is ready, the main thread computes
 * the Content-MD5 of the parts itself (the first ones are small: see part-plan.ts), so the upload
 * never waits for the thread; the thread still feeds the whole-file MD5 with every part, in order.
 */


const HASH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const whole = createHash('md5');
parentPort.on('message', (m) => {
  if (m.done) return parentPort.postMessage({ md5: whole.digest('hex') });
  const bytes = new Uint8Array(m.buffer, 0, m.length);
  if (!m.feedOnly) parentPort.postMessage({ part: createHash('md5').update(bytes).digest('base64') });
  whole.update(bytes);
  parentPort.postMessage({ fed: true });
});
parentPort.postMessage({ ready: true });`;
function startThread() {
    const thread = { worker: new external_node_worker_threads_namespaceObject.Worker(HASH_WORKER, { eval: true }), ready: false };
    thread.worker.once('message', (m) => (thread.ready = m.ready === true));
    return thread;
}
/** A thread started ahead by startHashingThread, not yet taken by a PartHasher. */
let spare;
/**
 * Starts the next upload's hashing thread now, so that it is ready sooner. Until it is taken it
 * does not keep the process alive, so an upload that never comes (a small file sent in one PUT,
 * a failure before) costs nothing more.
 */
function startHashingThread() {
    if (spare)
        return;
    const thread = startThread();
    thread.worker.unref();
    // A thread that fails before it is taken is not handed out; one that fails after is the taker's.
    thread.worker.on('error', () => undefined);
    thread.worker.once('exit', () => {
        if (spare === thread)
            spare = undefined;
    });
    spare = thread;
}
/** Whether a thread started ahead is waiting to be taken. */
function hasSpareThread() {
    return spare !== undefined;
}
function takeThread() {
    const thread = spare ?? startThread();
    spare = undefined;
    thread.worker.ref();
    return thread;
}
class PartHasher {
    thread = takeThread();
    /** Answers come back in the order they are expected: a part's MD5, then its feeding, per part. */
    waiting = [];
    failed;
    constructor() {
        this.thread.worker.on('message', (m) => {
            if (!m.ready)
                this.waiting.shift()?.resolve(m);
        });
        this.thread.worker.on('error', (e) => this.fail(e));
        this.thread.worker.on('exit', () => this.fail(new Error('the hashing thread stopped')));
    }
    fail(error) {
        this.failed ??= error;
        for (const w of this.waiting.splice(0))
            w.reject(error);
    }
    expect() {
        if (this.failed)
            return Promise.reject(this.failed);
        return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    }
    /**
     * Parts must be added in file order: the whole file's MD5 is computed in that order. `contentMd5`
     * settles first; `fed` once the whole-file MD5 has read the bytes. The caller must not write to
     * `buffer` before `fed`.
     */
    add(buffer, length) {
        const feedOnly = !this.thread.ready;
        const contentMd5 = feedOnly
            ? Promise.resolve((0,external_node_crypto_.createHash)('md5')
                .update(new Uint8Array(buffer, 0, length))
                .digest('base64'))
            : this.expect().then((m) => m.part);
        // Never rejects: once the thread has failed it reads nothing more, so the memory is free again.
        const fed = this.expect().then(() => undefined, () => undefined);
        if (!this.failed)
            this.thread.worker.postMessage({ buffer, length, feedOnly });
        return { contentMd5, fed };
    }
    /** Hex MD5 of everything added; call once, after the last part. */
    async digest() {
        const answer = this.expect();
        if (!this.failed)
            this.thread.worker.postMessage({ done: true });
        return (await answer).md5;
    }
    async close() {
        this.thread.worker.removeAllListeners('exit');
        await this.thread.worker.terminate();
    }
}

;// CONCATENATED MODULE: ./src/obs/part-reader.ts



class PartReader {
    file;
    handle;
    plan;
    slots;
    hasher;
    queue = Promise.resolve();
    nextIndex = 0;
    /** Reads asked for so far: the next one asked for is of part `queued`. */
    queued = 0;
    /** Reads asked for before the upload claimed them (prefetch): handed out once, to read(i). */
    started = new Map();
    /**
     * Part buffers are reused, one per part in flight: a fresh 16 MiB buffer for every part cost
     * the kernel a page fault per 4 KiB and the collector its sweeps, 1.3 s of CPU of 4.2 s for a
     * 512 MiB upload, taken from the upload on a 2-core runner. They are shared with the hashing
     * thread, which reads a part while it is sent.
     */
    free = [];
    allocated = 0;
    waitingForBuffer = [];
    /** When the whole-file MD5 has read each buffer's current part. */
    fed = new WeakMap();
    constructor(file, handle, plan, slots, hasher) {
        this.file = file;
        this.handle = handle;
        this.plan = plan;
        this.slots = slots;
        this.hasher = hasher;
    }
    /**
     * `slots`: how many parts may be held at once (read, hashing or being sent). `hasher` is the
     * hashing thread unless a test gives its own.
     */
    static async open(file, plan, slots, hasher = new PartHasher()) {
        try {
            return new PartReader(file, await openFile(file), plan, Math.max(1, slots), hasher);
        }
        catch (error) {
            await hasher.close();
            throw error;
        }
    }
    /**
     * Starts reading and hashing the first parts, as many as may be held at once, before the upload
     * asks for them, so that they are ready when the upload has been started; read(i) then answers
     * them.
     */
    prefetch() {
        for (let index = this.queued; index < Math.min(this.slots, this.plan.count); index++) {
            const early = this.readNext(index);
            early.catch(() => undefined); // read(i) reports it, if the upload goes ahead
            this.started.set(index, early);
        }
    }
    read(index) {
        const early = this.started.get(index);
        if (early) {
            this.started.delete(index);
            return early;
        }
        return this.readNext(index);
    }
    readNext(index) {
        this.queued++;
        const read = this.queue.then(async () => {
            if (index !== this.nextIndex)
                throw new Error(`part ${index + 1} read out of order`);
            const { start, length } = partRange(this.plan, index);
            const buffer = await this.buffer();
            const data = Buffer.from(buffer, 0, length);
            await readAt(this.file, this.handle, data, start);
            this.nextIndex++;
            const { contentMd5, fed } = this.hasher.add(buffer, data.length);
            this.fed.set(buffer, fed);
            return { data, contentMd5 };
        });
        this.queue = read.catch(() => undefined);
        return read.then(async ({ data, contentMd5 }) => ({ data, contentMd5: await contentMd5 }));
    }
    /** Gives a part's memory back once its bytes are sent, or will never be. */
    release(part) {
        const buffer = part.data.buffer;
        if (!(buffer instanceof SharedArrayBuffer) ||
            part.data.byteOffset !== 0 ||
            buffer.byteLength !== this.plan.partSize)
            return;
        void (this.fed.get(buffer) ?? Promise.resolve()).then(() => {
            const waiter = this.waitingForBuffer.shift();
            if (waiter)
                waiter(buffer);
            else
                this.free.push(buffer);
        });
    }
    buffer() {
        const reused = this.free.pop();
        if (reused)
            return Promise.resolve(reused);
        if (this.allocated < this.slots) {
            this.allocated++;
            return Promise.resolve(new SharedArrayBuffer(this.plan.partSize));
        }
        return new Promise((resolve) => this.waitingForBuffer.push(resolve));
    }
    /** Hex MD5 of the whole file; once, after the last part. */
    digest() {
        return this.hasher.digest();
    }
    async close() {
        await Promise.allSettled([this.handle.close(), this.hasher.close()]);
    }
}

;// CONCATENATED MODULE: ./src/obs/presign.ts
/**
 * Pre-signed GET URLs (query authentication: AccessKeyId, Expires, Signature, plus
 * x-obs-security-token for temporary credentials), which the phones download the APK from.
 */


/** Every query value is a credential: mask the URL before it can reach a log. */
function presignedGetUrl(endpoint, object, expiresInSeconds, now, creds) {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1) {
        throw new RangeError(`expiresInSeconds must be a positive integer, got ${expiresInSeconds}`);
    }
    const { bucket, key } = object;
    const expires = Math.floor(now.getTime() / 1000) + expiresInSeconds;
    return objectUrl(endpoint, bucket, key, presignQuery('GET', bucket, key, expires, creds));
}

;// CONCATENATED MODULE: ./src/obs/single-put.ts
/** A file below the multipart threshold: read whole, hashed, and sent in one PUT that carries its MD5. */



async function putFile(requests, target, file) {
    const data = await readWhole(file.path, file.size);
    const md5 = (0,external_node_crypto_.createHash)('md5').update(data).digest('hex');
    if (file.expectedMd5 !== undefined && md5 !== file.expectedMd5)
        throw changedFile(file.path, file.expectedMd5, md5);
    const action = `OBS upload of obs://${target.bucket}/${target.key}`;
    const headers = {
        'Content-Type': file.contentType,
        'Content-MD5': contentMd5Header(md5),
        [MD5_METADATA_HEADER]: md5,
    };
    await requests.retrying(target.signal, async () => {
        const body = data.length === 0 ? '' : data;
        const note = `${data.length} bytes`;
        const answer = await requests.send({ ...target, method: 'PUT', headers, body, action, note });
        if (answer.status !== 200)
            throw requests.failure(action, answer);
    });
    return md5;
}

;// CONCATENATED MODULE: ./src/obs/client.ts
/**
 * A small OBS client: upload a local file (one PUT, or a parallel multipart upload for large
 * files), skip the upload when the same bytes are already there, and create pre-signed download
 * URLs. Written from Huawei's OBS API reference; the official SDK (`esdk-obs-nodejs`) is only a
 * test oracle, never bundled.
 *
 * The file is read once, in order: each part (or the whole file for a single PUT) is read into
 * memory, hashed for its own Content-MD5 and for the MD5 of the whole file, and sent from that
 * buffer, so OBS checks every byte it stores and the MD5 the action reports describes exactly the
 * bytes uploaded. Memory is bounded by `concurrency` parts (4 x 8 MiB by default), or one file
 * below the multipart threshold (64 MiB). The MD5 is stored as object metadata (`x-obs-meta-md5`)
 * because a multipart ETag is not the MD5 of the object.
 */














const client_MiB = 1024 * 1024;
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 64 * client_MiB;
/** A single PUT takes at most 5 GB; larger files always go multipart. */
const MAX_SINGLE_PUT_BYTES = 5 * 1024 * client_MiB;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
class ObsClient {
    config;
    endpoint;
    creds;
    constructor(config) {
        this.config = config;
        this.endpoint = parseEndpoint(config.endpoint);
        this.creds = {
            accessKey: config.accessKey,
            secretKey: config.secretKey,
            ...(config.securityToken ? { securityToken: config.securityToken } : {}),
        };
    }
    /** The URL of an object, with `rawQuery` (already encoded) appended. */
    objectUrl(bucket, key, rawQuery = '') {
        return objectUrl(this.endpoint, bucket, key, rawQuery);
    }
    /** A pre-signed GET URL valid for expiresInSeconds. Every query value is a credential. */
    presignGetUrl(bucket, key, expiresInSeconds, now = new Date(), creds = this.creds) {
        checkNames(bucket, key);
        return presignedGetUrl(this.endpoint, { bucket, key }, expiresInSeconds, now, creds);
    }
    /** The object's size and stored MD5, or undefined when there is no such object. */
    async headObject(bucket, key) {
        checkNames(bucket, key);
        return this.withRequests((requests) => headObject(requests, { bucket, key, signal: this.config.signal }));
    }
    /**
     * Uploads a file unless the object already holds the same bytes: a HEAD first, and when the
     * object has the file's size and an MD5 in its metadata, the file is hashed and compared. Only a
     * match skips the upload; an object without our metadata, of another size or MD5, or one we may
     * not read, is overwritten. The file is read once whatever happens, except when an object of the
     * same size turns out to differ: then it is hashed, and read again to upload it.
     */
    async ensureUploaded(bucket, key, filePath, options = {}) {
        checkNames(bucket, key);
        // One set of connections for the HEAD and the upload: the upload starts on the HEAD's
        // connection, without a new TCP and TLS handshake before its first request.
        return this.withFile(filePath, options, (file) => this.withRequests((requests) => this.ensure(requests, bucket, key, file, options)));
    }
    async ensure(requests, bucket, key, file, options) {
        const { size, path } = file;
        let existing;
        try {
            existing = await headObject(requests, { bucket, key, signal: this.config.signal });
        }
        catch (error) {
            // A key may be allowed to write objects and not to read them: then upload without looking.
            if (!(error instanceof http_errors/* ApiError */.hD) || error.details.status !== 403)
                throw error;
            this.debug(`cannot check obs://${bucket}/${key} before uploading (${error.message}): uploading`);
        }
        if (existing && existing.size === size && existing.md5 !== undefined) {
            const md5 = options.contentMd5
                ? hexMd5(options.contentMd5)
                : await hashFile(path, size, this.config.signal);
            if (md5 === existing.md5) {
                this.debug(`obs://${bucket}/${key} already holds these ${size} bytes (md5 ${md5})`);
                return { uploaded: false, bytes: size, md5 };
            }
            this.debug(`obs://${bucket}/${key} has another MD5 (${existing.md5}): uploading`);
            const known = { ...options, contentMd5: md5 };
            return { uploaded: true, ...(await this.send(requests, bucket, key, file, known)) };
        }
        if (existing) {
            this.debug(`obs://${bucket}/${key} exists with ${existing.size} bytes and ${existing.md5 ? `md5 ${existing.md5}` : 'no stored MD5'}: uploading`);
        }
        return { uploaded: true, ...(await this.send(requests, bucket, key, file, options)) };
    }
    /**
     * Uploads a local file. Files of at least multipartThresholdBytes use a multipart upload whose
     * parts go up to `concurrency` at a time, read in order from the file; the upload is aborted if
     * a part or the completion fails. Smaller files use one PUT. Every request that carries bytes
     * carries their Content-MD5. Requests are retried on 5xx, 429 and connection failures (sending
     * the same bytes again is idempotent).
     */
    async upload(bucket, key, filePath, options = {}) {
        checkNames(bucket, key);
        return this.withFile(filePath, options, (file) => this.withRequests((requests) => this.send(requests, bucket, key, file, options)));
    }
    /**
     * Runs `work` with the file to upload. A file that goes multipart gets its reader here, and its
     * first part is read and hashed at once, beside whatever `work` does before sending (the HEAD,
     * the multipart start), so the upload starts without waiting for it; if nothing is uploaded,
     * that read is the only one wasted.
     */
    async withFile(path, options, work) {
        const size = await fileSize(path);
        const plan = multipartPlan(size, options);
        if (!plan)
            return work({ path, size });
        const reader = await PartReader.open(path, plan, this.concurrency);
        reader.prefetch();
        try {
            return await work({ path, size, parts: { plan, reader } });
        }
        finally {
            await reader.close();
        }
    }
    get concurrency() {
        return Math.max(1, Math.floor(this.config.concurrency));
    }
    /** One PUT, or a multipart upload when the file has parts. */
    async send(requests, bucket, key, file, options) {
        const { path, size, parts } = file;
        const expectedMd5 = options.contentMd5 ? hexMd5(options.contentMd5) : undefined;
        const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
        const target = { bucket, key, signal: this.config.signal };
        const started = (0,timing/* now */.tB)();
        let result;
        if (!parts) {
            const md5 = await putFile(requests, target, { path, size, contentType, expectedMd5 });
            result = { multipart: false, parts: 1, bytes: size, md5, md5Saved: true };
        }
        else {
            const multipartFile = { path, size, ...parts, contentType, expectedMd5 };
            const { md5, md5Saved } = await multipartUpload(requests, target, multipartFile, this.concurrency);
            result = { multipart: true, parts: parts.plan.count, bytes: size, md5, md5Saved };
        }
        this.debug(`uploaded ${size} bytes to obs://${bucket}/${key} in ${(0,timing/* now */.tB)() - started} ms`);
        return result;
    }
    /** Connections live as long as one operation: kept alive between its requests, closed after. */
    async withRequests(work) {
        const requests = new ObsRequests(this.config, this.endpoint, () => this.config.credentials ? this.config.credentials() : this.creds);
        try {
            return await work(requests);
        }
        finally {
            requests.dispose();
        }
    }
    debug(message) {
        this.config.debug?.(message);
    }
}
/**
 * Gets ready to upload the file at `path` soon: a file that will go up in parts gets its hashing
 * thread started now, so that the thread is ready by the time the upload starts. A file sent in one
 * PUT, or one that cannot be read (the upload will say why), gets nothing: an idle thread costs
 * tens of milliseconds of CPU and several MiB.
 */
async function prepareToUpload(path, options = {}) {
    const size = await fileSize(path).catch(() => undefined);
    if (size !== undefined && multipartPlan(size, options))
        startHashingThread();
}
/** The parts of a file that goes multipart, or undefined for one PUT. */
function multipartPlan(size, options) {
    const threshold = options.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES;
    const multipart = size > 0 && (size >= threshold || size > MAX_SINGLE_PUT_BYTES);
    return multipart ? planParts(size, options.partSizeBytes) : undefined;
}
function checkNames(bucket, key) {
    const bucketProblem = (0,obs_names/* bucketNameProblem */.B)(bucket);
    if (bucketProblem)
        throw new RangeError(`OBS bucket name "${bucket}" ${bucketProblem}`);
    const keyProblem = (0,obs_names/* objectKeyProblem */.c)(key);
    if (keyProblem)
        throw new RangeError(`OBS object key "${key}" ${keyProblem}`);
}

;// CONCATENATED MODULE: ./src/obs/index.ts




// The name rules live with the input rules so that validation and this client share them.



// EXTERNAL MODULE: ./src/operations/install-app/params.ts
var install_app_params = __nccwpck_require__(128);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __nccwpck_require__(190);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/apk/size.ts
/** One MB as the Cloud Phone APIs count it: 1024 * 1024 bytes (a mebibyte), not 1,000,000. */
const BYTES_PER_MB = 1024 * 1024;
/** Whole MB (of 1024 * 1024 bytes), rounded up: 1 byte is 1, exactly 1 MB is 1, 1 MB + 1 byte is 2, 0 bytes is 0. */
function wholeMegabytes(sizeBytes) {
    return Math.ceil(sizeBytes / BYTES_PER_MB);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./src/apk/locate.ts
/**
 * Finds the one file `apk-path` names. Globbing uses @actions/glob, the toolkit's own matcher (the syntax users know
 * from actions/upload-artifact; minimatch underneath). Node's fs.glob would avoid a dependency but only exists from
 * Node 22, and the action declares Node 20. It is loaded only when `apk-path` is not a file's path as it stands
 * (eager mode: kept inside dist/index.js, run only when imported), so a release workflow that names its APK does not
 * pay for minimatch's start-up.
 */





/** The input's name (to move into constants.ts `Inputs` with the rest of the apk-path wiring). */
const APK_PATH_INPUT = names/* Inputs */.G0.ApkPath;
/** How many matches an error lists before "and N more". */
const MAX_LISTED = 10;
const IS_WINDOWS = process.platform === 'win32';
/**
 * Escapes glob characters so a literal directory (the cwd) can prefix a pattern; the same rules as
 * @actions/glob's own internal escape (`[` only when a `]` follows in the segment, `\` on POSIX).
 */
function escapeGlob(literal) {
    return (IS_WINDOWS ? literal : literal.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/**
 * An absolute glob for `pattern` relative to `cwd`. @actions/glob resolves relative patterns against
 * process.cwd() and rejects `..` segments, so leading `..` are folded into the (escaped) base directory here.
 */
function absolutePattern(pattern, cwd) {
    if (external_node_path_default().isAbsolute(pattern))
        return external_node_path_default().normalize(pattern);
    let base = external_node_path_default().resolve(cwd);
    const segments = external_node_path_default().normalize(pattern).split((external_node_path_default()).sep);
    while (segments[0] === '..' || segments[0] === '.') {
        if (segments.shift() === '..')
            base = external_node_path_default().dirname(base);
    }
    const rest = segments.join((external_node_path_default()).sep);
    return rest === '' ? base : `${escapeGlob(base)}${(external_node_path_default()).sep}${rest}`;
}
async function isFile(file) {
    try {
        return (await (0,promises_namespaceObject.stat)(file)).isFile();
    }
    catch {
        return false;
    }
}
/**
 * The matches less each `NAME-unsigned.apk` that has another match in its folder: the Android Gradle plugin names
 * a release build without a signingConfig `app-release-unsigned.apk`, and a signed one `app-release.apk`, so a
 * pattern like `app/build/outputs/apk/release/*.apk` can see both after a signing step.
 */
function withoutUnsignedSiblings(matches) {
    const unsigned = (file) => file.toLowerCase().endsWith('-unsigned.apk');
    const folders = new Set(matches.filter((file) => !unsigned(file)).map((file) => external_node_path_default().dirname(file)));
    return matches.filter((file) => !unsigned(file) || !folders.has(external_node_path_default().dirname(file)));
}
/**
 * The absolute path of the single file `pattern` names. `pattern` is a path or a glob relative to `cwd` (default
 * process.cwd()); it must match exactly one file, or one besides `*-unsigned.apk` files in its folder (`info`
 * then says which it took). Throws InputError('apk-path', ...) that lists what matched (at
 * most MAX_LISTED names, then "and N more") or says nothing matched.
 */
async function locateApk(pattern, cwd = process.cwd(), info = () => { }) {
    const trimmed = pattern.trim();
    if (trimmed === '')
        throw new errors/* InputError */.d(APK_PATH_INPUT, 'must name the APK file (a path or a glob)', pattern);
    if (/[\r\n]/.test(trimmed)) {
        throw new errors/* InputError */.d(APK_PATH_INPUT, 'must be one path or glob on a single line', pattern);
    }
    // `~/...` is the home directory, as in @actions/glob (which we hand absolute patterns only).
    const expanded = /^~([/\\]|$)/.test(trimmed) ? (0,external_node_os_.homedir)() + trimmed.slice(1) : trimmed;
    // A path that exists is taken as is, even when its name holds glob characters (app[release].apk).
    const literal = external_node_path_default().resolve(cwd, expanded);
    if (await isFile(literal))
        return literal;
    let matches;
    try {
        const { create } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 427));
        const globber = await create(absolutePattern(expanded, cwd), {
            matchDirectories: false,
            // A directory name must not stand for every file below it: `apk-path: build/outputs` is an error, not a search.
            implicitDescendants: false,
        });
        matches = await globber.glob();
    }
    catch (error) {
        throw new errors/* InputError */.d(APK_PATH_INPUT, `is not a usable path or glob: ${error.message}`, pattern);
    }
    matches = [...new Set(matches)].sort();
    if (matches.length === 1)
        return matches[0];
    const signed = withoutUnsignedSiblings(matches);
    if (signed.length === 1) {
        const taken = signed[0];
        const left = matches.filter((file) => file !== taken).map((file) => external_node_path_default().relative(cwd, file) || file);
        info(`apk-path matched ${matches.length} files: took ${external_node_path_default().relative(cwd, taken) || taken}, left out ${left.join(', ')} (named unsigned, beside it)`);
        return taken;
    }
    if (matches.length === 0) {
        const directory = (await (0,promises_namespaceObject.stat)(literal).catch(() => undefined))?.isDirectory();
        throw new errors/* InputError */.d(APK_PATH_INPUT, directory
            ? 'must name a file, but it names a directory'
            : `must match exactly one file, but nothing matched (searched from ${external_node_path_default().resolve(cwd)})`, pattern);
    }
    const shown = matches.slice(0, MAX_LISTED).map((file) => external_node_path_default().relative(cwd, file) || file);
    const more = matches.length > MAX_LISTED ? ` and ${matches.length - MAX_LISTED} more` : '';
    throw new errors/* InputError */.d(APK_PATH_INPUT, `must match exactly one file, but it matched ${matches.length}: ${shown.join(', ')}${more}`, pattern);
}

;// CONCATENATED MODULE: ./src/apk/axml.ts
/**
 * Android binary XML ("AXML"), the compiled form of AndroidManifest.xml inside an APK. Layout as in AOSP's
 * frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h (all little-endian):
 *
 *   ResChunk_header      u16 type, u16 headerSize, u32 size            every chunk starts with one
 *   RES_XML_TYPE         the whole file: header, then child chunks
 *   RES_STRING_POOL_TYPE u32 stringCount, styleCount, flags (UTF8_FLAG 0x100), stringsStart, stylesStart,
 *                        then u32 offsets; UTF-16 strings: u16 length (0x8000 = one more u16), units, u16 0;
 *                        UTF-8 strings: UTF-16 length (1-2 bytes), UTF-8 byte length (1-2 bytes), bytes, 0
 *   RES_XML_RESOURCE_MAP u32 resource ids, one per attribute-name string index (android:versionName is 0x0101021c)
 *   RES_XML_START_ELEMENT node header (line, comment), then u32 ns, name, u16 attributeStart, attributeSize,
 *                        attributeCount, ...; each attribute: u32 ns, name, rawValue, Res_value (u16 size, u8 0,
 *                        u8 dataType, u32 data)
 *
 * Every offset and length is checked against the buffer: a malformed file raises AxmlError, never reads outside it.
 */
class AxmlError extends Error {
    name = 'AxmlError';
}
const ChunkType = {
    StringPool: 0x0001,
    Xml: 0x0003,
    XmlStartNamespace: 0x0100,
    XmlEndNamespace: 0x0101,
    XmlStartElement: 0x0102,
    XmlEndElement: 0x0103,
    XmlCdata: 0x0104,
    XmlResourceMap: 0x0180,
};
/** Res_value data types (the ones we interpret; colours, dimensions and the like are carried as raw data). */
const ValueType = {
    Null: 0x00,
    Reference: 0x01,
    Attribute: 0x02,
    String: 0x03,
    Float: 0x04,
    DynamicReference: 0x07,
    DynamicAttribute: 0x08,
    IntDec: 0x10,
    IntHex: 0x11,
    IntBoolean: 0x12,
};
/** "No string" in any string reference. */
const NO_ENTRY = 0xffffffff;
const UTF8_FLAG = 0x100;
const CHUNK_HEADER_SIZE = 8;
const STRING_POOL_HEADER_SIZE = 28;
const NODE_HEADER_SIZE = 16;
const ATTR_EXT_SIZE = 20;
const ATTRIBUTE_SIZE = 20;
function readChunk(buf, start, limit, what) {
    if (start + CHUNK_HEADER_SIZE > limit)
        throw new AxmlError(`${what} at byte ${start} is truncated`);
    const type = buf.readUInt16LE(start);
    const headerSize = buf.readUInt16LE(start + 2);
    const size = buf.readUInt32LE(start + 4);
    if (headerSize < CHUNK_HEADER_SIZE || size < headerSize || start + size > limit) {
        throw new AxmlError(`${what} at byte ${start} (type 0x${type.toString(16)}) has an invalid size (header ${headerSize}, chunk ${size}, ${limit - start} bytes left)`);
    }
    return { type, headerSize, start, end: start + size };
}
/** A string pool chunk; strings are decoded on first use (a large manifest's pool can hold thousands). */
class StringPool {
    buf;
    count;
    utf8;
    offsetsAt;
    stringsStart;
    stringsEnd;
    cache = new Map();
    constructor(buf, chunk) {
        this.buf = buf;
        if (chunk.headerSize < STRING_POOL_HEADER_SIZE)
            throw new AxmlError('the string pool header is too short');
        const at = chunk.start;
        this.count = buf.readUInt32LE(at + 8);
        const styleCount = buf.readUInt32LE(at + 12);
        this.utf8 = (buf.readUInt32LE(at + 16) & UTF8_FLAG) !== 0;
        const stringsStart = buf.readUInt32LE(at + 20);
        const stylesStart = buf.readUInt32LE(at + 24);
        this.offsetsAt = at + chunk.headerSize;
        if (this.offsetsAt + this.count * 4 > chunk.end)
            throw new AxmlError('the string pool offsets overrun the chunk');
        this.stringsStart = at + stringsStart;
        this.stringsEnd = styleCount > 0 && stylesStart > stringsStart ? at + stylesStart : chunk.end;
        if (this.count > 0 && (this.stringsStart < this.offsetsAt || this.stringsEnd > chunk.end)) {
            throw new AxmlError('the string pool data lies outside its chunk');
        }
    }
    /** The string at `index`, or undefined for NO_ENTRY. Throws AxmlError for an index or string out of bounds. */
    get(index) {
        if (index === NO_ENTRY)
            return undefined;
        if (index >= this.count)
            throw new AxmlError(`string index ${index} is out of range (pool of ${this.count})`);
        const cached = this.cache.get(index);
        if (cached !== undefined)
            return cached;
        const at = this.stringsStart + this.buf.readUInt32LE(this.offsetsAt + index * 4);
        const value = this.utf8 ? this.readUtf8(at, index) : this.readUtf16(at, index);
        this.cache.set(index, value);
        return value;
    }
    need(at, bytes, index) {
        if (at < this.stringsStart || at + bytes > this.stringsEnd) {
            throw new AxmlError(`string ${index} runs outside the string pool`);
        }
    }
    readUtf16(at, index) {
        this.need(at, 2, index);
        let length = this.buf.readUInt16LE(at);
        at += 2;
        if (length & 0x8000) {
            this.need(at, 2, index);
            length = ((length & 0x7fff) << 16) | this.buf.readUInt16LE(at);
            at += 2;
        }
        this.need(at, length * 2, index);
        return this.buf.toString('utf16le', at, at + length * 2);
    }
    readUtf8(at, index) {
        // First the length in UTF-16 units (unused: we decode the bytes), then the length in bytes.
        at += this.readUtf8Length(at, index).size;
        const { value: byteLength, size } = this.readUtf8Length(at, index);
        at += size;
        this.need(at, byteLength, index);
        return this.buf.toString('utf8', at, at + byteLength);
    }
    readUtf8Length(at, index) {
        this.need(at, 1, index);
        const first = this.buf.readUInt8(at);
        if ((first & 0x80) === 0)
            return { value: first, size: 1 };
        this.need(at, 2, index);
        return { value: ((first & 0x7f) << 8) | this.buf.readUInt8(at + 1), size: 2 };
    }
}
/**
 * The start elements of a binary XML document, in document order, decoded lazily: stop iterating after the
 * first and nothing past it is parsed. Throws AxmlError on anything malformed it has to read.
 */
function* startElements(buf) {
    // AOSP ResXMLTree::setTo checks the header's sizes only, never its type: an APK whose first chunk has
    // another type still installs, so it is read the same way here (the chunk type is not checked).
    let root;
    try {
        root = readChunk(buf, 0, buf.length, 'the document header');
    }
    catch (error) {
        if (buf.length >= 1 && buf[0] === 0x3c /* '<' */) {
            throw new AxmlError('it is plain-text XML, not the compiled binary XML an APK holds');
        }
        throw error;
    }
    let pool;
    let resourceMap;
    for (let at = root.start + root.headerSize; at < root.end;) {
        const chunk = readChunk(buf, at, root.end, 'a chunk');
        at = chunk.end;
        if (chunk.type === ChunkType.StringPool) {
            // Like Android's parser, the first string pool is the document's.
            pool ??= new StringPool(buf, chunk);
        }
        else if (chunk.type === ChunkType.XmlResourceMap) {
            resourceMap ??= readResourceMap(buf, chunk);
        }
        else if (chunk.type === ChunkType.XmlStartElement) {
            if (!pool)
                throw new AxmlError('an element comes before the string pool');
            yield readStartElement(buf, chunk, pool, resourceMap);
        }
    }
}
function readResourceMap(buf, chunk) {
    const count = Math.floor((chunk.end - chunk.start - chunk.headerSize) / 4);
    const ids = new Uint32Array(count);
    for (let i = 0; i < count; i++)
        ids[i] = buf.readUInt32LE(chunk.start + chunk.headerSize + i * 4);
    return ids;
}
function readStartElement(buf, chunk, pool, resourceMap) {
    if (chunk.headerSize < NODE_HEADER_SIZE)
        throw new AxmlError('an element node header is too short');
    const ext = chunk.start + chunk.headerSize;
    if (ext + ATTR_EXT_SIZE > chunk.end)
        throw new AxmlError('an element chunk is truncated');
    const name = pool.get(buf.readUInt32LE(ext + 4));
    if (name === undefined)
        throw new AxmlError('an element has no name');
    const attributeStart = buf.readUInt16LE(ext + 8);
    const attributeSize = buf.readUInt16LE(ext + 10);
    const attributeCount = buf.readUInt16LE(ext + 12);
    if (attributeCount > 0 && attributeSize < ATTRIBUTE_SIZE)
        throw new AxmlError('attribute records are too short');
    if (ext + attributeStart + attributeCount * attributeSize > chunk.end) {
        throw new AxmlError(`the attributes of <${name}> overrun its chunk`);
    }
    const attributes = [];
    for (let i = 0; i < attributeCount; i++) {
        const at = ext + attributeStart + i * attributeSize;
        const nameIndex = buf.readUInt32LE(at + 4);
        const attributeName = pool.get(nameIndex);
        if (attributeName === undefined)
            throw new AxmlError(`an attribute of <${name}> has no name`);
        const type = buf.readUInt8(at + 15);
        const data = buf.readUInt32LE(at + 16);
        const resourceId = resourceMap && nameIndex < resourceMap.length ? resourceMap[nameIndex] : undefined;
        attributes.push({
            namespace: pool.get(buf.readUInt32LE(at)),
            name: attributeName,
            resourceId: resourceId || undefined,
            rawValue: pool.get(buf.readUInt32LE(at + 8)),
            type,
            data,
            string: type === ValueType.String ? pool.get(data) : undefined,
        });
    }
    return { namespace: pool.get(buf.readUInt32LE(ext)), name, attributes };
}

;// CONCATENATED MODULE: ./src/apk/manifest.ts
/**
 * What we read from an APK's compiled AndroidManifest.xml: package, android:versionName, android:versionCode.
 *
 * Library choice. The npm packages that decode binary AndroidManifest.xml are either unmaintained or heavy for
 * three attributes: adbkit-apkreader (openstf, archived; pulls in bluebird, debug and yauzl 2) and its forks
 * (node-apk-parser, deprecated on npm), app-info-parser (also parses icons and resources; its zip layer is not
 * lazy), node-apk (brings node-forge for certificates). Some shell out to `aapt`, which a runner does not have.
 * The part we need is small and stable: the chunk format has not changed since Android 1.0 and is specified in
 * AOSP's ResourceTypes.h. So `axml.ts` decodes it in about 200 lines (no dependency, a few KB in the ncc bundle),
 * checks every offset, and reads only up to the first element; the zip itself is read with yauzl (`zip.ts`).
 */

const ANDROID_NAMESPACE = 'http://schemas.android.com/apk/res/android';
/** android.R.attr ids: Android itself finds these attributes by id, not by name. */
const ATTR_VERSION_CODE = 0x0101021b;
const ATTR_VERSION_NAME = 0x0101021c;
class ManifestError extends Error {
    name = 'ManifestError';
}
/** Decodes the manifest's root element. Throws ManifestError (malformed binary XML included) with a readable reason. */
function decodeManifest(buf) {
    try {
        const root = startElements(buf).next();
        if (root.done)
            throw new ManifestError('it has no elements');
        const { name, namespace, attributes } = root.value;
        if (name !== 'manifest' || namespace !== undefined) {
            throw new ManifestError(`its root element is <${name}>, not <manifest>`);
        }
        const pkg = attributes.find((a) => a.namespace === undefined && a.name === 'package');
        const packageName = pkg && stringValue(pkg);
        if (!packageName)
            throw new ManifestError('<manifest> has no package attribute');
        const versionName = androidAttribute(attributes, ATTR_VERSION_NAME, 'versionName');
        const versionCode = androidAttribute(attributes, ATTR_VERSION_CODE, 'versionCode');
        const split = attributes.find((a) => a.namespace === undefined && a.name === 'split');
        return {
            packageName,
            versionName: versionName && stringValue(versionName),
            versionCode: versionCode && integerValue(versionCode),
            ...(split ? { split: stringValue(split) ?? '(a resource reference)' } : {}),
        };
    }
    catch (error) {
        if (error instanceof AxmlError)
            throw new ManifestError(error.message, { cause: error });
        throw error;
    }
}
/**
 * An android: attribute. Android matches by resource id (from the resource map), so an attribute with the id wins
 * whatever its name string says (some obfuscators rename them); by name only when the attribute carries no id.
 */
function androidAttribute(attributes, id, name) {
    return (attributes.find((a) => a.resourceId === id) ??
        attributes.find((a) => a.resourceId === undefined && a.namespace === ANDROID_NAMESPACE && a.name === name));
}
function stringValue(attribute) {
    switch (attribute.type) {
        case ValueType.String:
            return attribute.string ?? attribute.rawValue;
        case ValueType.IntDec:
            return attribute.rawValue ?? String(attribute.data | 0);
        case ValueType.IntHex:
            return attribute.rawValue ?? `0x${attribute.data.toString(16)}`;
        default:
            // References (@string/..., ?attr/...) need resources.arsc; null and other types carry no text.
            return undefined;
    }
}
function integerValue(attribute) {
    switch (attribute.type) {
        case ValueType.IntDec:
        case ValueType.IntHex:
            // Android reads versionCode as a Java int.
            return attribute.data | 0;
        case ValueType.String: {
            const text = (attribute.string ?? attribute.rawValue ?? '').trim();
            return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
        }
        default:
            // A reference (@integer/version_code) needs resources.arsc, like a versionName reference.
            return undefined;
    }
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_namespaceObject);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./src/apk/zip.ts


/** Why a zip could not be read; `inspect.ts` turns it into an InputError naming the file. */
class ZipReadError extends Error {
    name = 'ZipReadError';
}
/** Entries bigger than this are refused rather than buffered: a real AndroidManifest.xml is a few KB to a few hundred KB. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
function zip_open(path) {
    return new Promise((resolve, reject) => {
        // lazyEntries: walk the central directory one record at a time and stop at the entry we want;
        // autoClose off: we close the file ourselves once that entry has been read (or on any error).
        yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => error ? reject(error) : resolve(zip));
    }).then((zip) => {
        // findEntry listens for errors while it reads the directory; this keeps a late one from becoming uncaught.
        zip.on('error', () => { });
        return zip;
    });
}
/** Next central-directory entry named `name`, or undefined at the end of the directory. */
function findEntry(zip, name) {
    return new Promise((resolve, reject) => {
        const onEntry = (entry) => {
            if (entry.fileName === name) {
                cleanup();
                resolve(entry);
            }
            else {
                zip.readEntry();
            }
        };
        const onEnd = () => {
            cleanup();
            resolve(undefined);
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        const cleanup = () => {
            zip.off('entry', onEntry);
            zip.off('end', onEnd);
            zip.off('error', onError);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
    });
}
function readEntry(zip, entry) {
    return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
            if (error)
                return reject(error);
            const chunks = [];
            stream.on('data', (chunk) => chunks.push(chunk));
            stream.on('error', reject);
            stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
    });
}
/**
 * The uncompressed bytes of one entry of a zip, or undefined when the zip has no such entry. Only the end of the
 * file, the central directory and that one entry are read. Throws ZipReadError when the file is not a readable zip.
 */
async function readZipEntry(path, name) {
    let zip;
    try {
        zip = await zip_open(path);
        const entry = await findEntry(zip, name);
        if (!entry)
            return undefined;
        if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
            throw new ZipReadError(`${name} is ${entry.uncompressedSize} bytes, more than the ${MAX_ENTRY_BYTES} accepted`);
        }
        // yauzl checks the inflated size against the central directory (validateEntrySizes), so the cap holds.
        const bytes = await readEntry(zip, entry);
        // yauzl leaves CRC-32 checking to its caller. zlib.crc32 exists from Node 20.15 / 22.2 (the action runs on 24).
        const crc32 = (external_node_zlib_default()).crc32;
        if (crc32 && crc32(bytes) !== entry.crc32) {
            throw new ZipReadError(`${name} is damaged: its CRC-32 does not match the zip directory`);
        }
        return bytes;
    }
    catch (error) {
        if (error instanceof ZipReadError)
            throw error;
        throw new ZipReadError(error.message, { cause: error });
    }
    finally {
        zip?.close();
    }
}
/**
 * Where the central directory starts and the names of the entries `keep` accepts, for the signature check. yauzl
 * reads the start from the end record (zip64 included) and keeps it as its read cursor until the first entry is
 * read; @types/yauzl declares that field with the wrong type, hence the check. Entries are walked only when
 * `keep` is given, and only up to the entry count the end record declares.
 */
async function readZipDirectory(path, keep) {
    let zip;
    try {
        zip = await zip_open(path);
        const centralDirectoryOffset = zip.readEntryCursor;
        if (typeof centralDirectoryOffset !== 'number') {
            throw new ZipReadError('the zip reader did not report where the central directory starts');
        }
        const names = [];
        if (keep) {
            const z = zip;
            await new Promise((resolve, reject) => {
                const onEntry = (entry) => {
                    if (keep(entry.fileName))
                        names.push(entry.fileName);
                    z.readEntry();
                };
                const done = (error) => {
                    z.off('entry', onEntry);
                    z.off('end', done);
                    z.off('error', done);
                    if (error)
                        reject(error);
                    else
                        resolve();
                };
                z.on('entry', onEntry);
                z.on('end', done);
                z.on('error', done);
                z.readEntry();
            });
        }
        return { centralDirectoryOffset, names };
    }
    catch (error) {
        if (error instanceof ZipReadError)
            throw error;
        throw new ZipReadError(error.message, { cause: error });
    }
    finally {
        zip?.close();
    }
}

;// CONCATENATED MODULE: ./src/apk/signature.ts
/**
 * Which signature schemes an APK carries. Android refuses to install an APK without one (PackageManager's
 * INSTALL_PARSE_FAILED_NO_CERTIFICATES), so an unsigned build is stopped before it is uploaded. This checks that a
 * signature is there, not that it verifies: the phone does that.
 *
 * Formats, from the Android Open Source Project's "APK Signature Scheme v2" and "v3" pages
 * (source.android.com/docs/security/features/apksigning/v2, /v3) and apksig's V3SchemeConstants:
 * - v2, v3 and v3.1 live in the APK Signing Block, right before the zip central directory:
 *   uint64 size, ID-value pairs (uint64 length, uint32 ID, value), uint64 size again, then the 16 bytes
 *   "APK Sig Block 42". The size counts everything after the first size field.
 * - v1 is JAR signing: META-INF/NAME.SF with its signature block file META-INF/NAME.RSA, .DSA or .EC.
 */


const BLOCK_IDS = new Map([
    [0x7109871a, 'v2'],
    [0xf05368c0, 'v3'],
    [0x1b93ad61, 'v3.1'],
]);
const MAGIC = Buffer.from('APK Sig Block 42', 'latin1');
/** The trailing size field and the magic. */
const FOOTER_BYTES = 8 + 16;
/** Real blocks hold a few certificates and signatures (a few KB, padded to 4 KB); this bounds what is read. */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;
const V1_SIGNATURE_FILE = /^META-INF\/([^/]+)\.SF$/i;
const V1_BLOCK_FILE = /^META-INF\/([^/]+)\.(RSA|DSA|EC)$/i;
/**
 * The schemes found, in the order v2, v3, v3.1, v1; empty for an unsigned APK. The zip's entries are walked for
 * v1 only when the signing block holds no signature. Throws ZipReadError for a file that is not a readable zip or
 * a signing block whose sizes do not add up (Android refuses such an APK too).
 */
async function signatureSchemes(path) {
    const { centralDirectoryOffset } = await readZipDirectory(path);
    const schemes = await signingBlockSchemes(path, centralDirectoryOffset);
    if (schemes.length > 0)
        return schemes;
    const { names } = await readZipDirectory(path, (name) => name.startsWith('META-INF/'));
    return hasV1Signature(names) ? ['v1'] : [];
}
function hasV1Signature(names) {
    const signatureFiles = new Set(names.map((name) => V1_SIGNATURE_FILE.exec(name)?.[1]?.toUpperCase()).filter(Boolean));
    return names.some((name) => {
        const base = V1_BLOCK_FILE.exec(name)?.[1]?.toUpperCase();
        return base !== undefined && signatureFiles.has(base);
    });
}
async function signingBlockSchemes(path, centralDirectoryOffset) {
    if (centralDirectoryOffset < FOOTER_BYTES + 8)
        return [];
    const file = await (0,promises_namespaceObject.open)(path, 'r').catch((error) => {
        throw new ZipReadError(error.message, { cause: error });
    });
    try {
        const footer = Buffer.alloc(FOOTER_BYTES);
        await file.read(footer, 0, FOOTER_BYTES, centralDirectoryOffset - FOOTER_BYTES);
        if (!footer.subarray(8).equals(MAGIC))
            return [];
        const damaged = (why) => {
            throw new ZipReadError(`its APK Signing Block is damaged: ${why}`);
        };
        const size = footer.readBigUInt64LE(0);
        if (size < BigInt(FOOTER_BYTES) || size + 8n > BigInt(centralDirectoryOffset)) {
            damaged(`its size (${size} bytes) does not fit before the central directory`);
        }
        if (size > BigInt(MAX_BLOCK_BYTES))
            damaged(`it is ${size} bytes, more than the ${MAX_BLOCK_BYTES} accepted`);
        const start = centralDirectoryOffset - Number(size) - 8;
        // The leading size field and the pairs; the footer is already read.
        const block = Buffer.alloc(Number(size) + 8 - FOOTER_BYTES);
        await file.read(block, 0, block.length, start);
        if (block.readBigUInt64LE(0) !== size)
            damaged('its two size fields differ');
        const schemes = new Set();
        // Each pair advances by at least 12 bytes, so the walk ends within the block.
        for (let at = 8; at < block.length;) {
            if (block.length - at < 12)
                damaged(`a pair at byte ${at} is cut short`);
            const length = block.readBigUInt64LE(at);
            if (length < 4n || length > BigInt(block.length - at - 8)) {
                damaged(`a pair at byte ${at} claims ${length} bytes`);
            }
            const scheme = BLOCK_IDS.get(block.readUInt32LE(at + 8));
            if (scheme)
                schemes.add(scheme);
            at += 8 + Number(length);
        }
        return [...BLOCK_IDS.values()].filter((scheme) => schemes.has(scheme));
    }
    catch (error) {
        if (error instanceof ZipReadError)
            throw error;
        throw new ZipReadError(error.message, { cause: error });
    }
    finally {
        await file.close();
    }
}

;// CONCATENATED MODULE: ./src/apk/inspect.ts



// The file's MD5 is read the way an upload's re-run reads it: one implementation, the faster one.






const MANIFEST_ENTRY = 'AndroidManifest.xml';
/**
 * Everything the install APIs need to know about a local APK, read from the file itself. The manifest is read first
 * (a few KB), so a file that is not an APK fails before a possibly large file is hashed. Throws
 * InputError('apk-path', ...) for a missing or unreadable file, a corrupt zip, a zip without AndroidManifest.xml
 * a manifest that cannot be decoded, or an APK without a signature. With `{ md5: false }` the file is not hashed: only its zip directory and
 * manifest are read (a few KB), and the size comes from the file system.
 */
async function inspectApk(file, options = {}) {
    const absolute = external_node_path_default().resolve(file);
    const fail = (rule) => {
        throw new errors/* InputError */.d(APK_PATH_INPUT, rule, absolute);
    };
    const stats = await (0,promises_namespaceObject.stat)(absolute).catch((error) => fail(error.code === 'ENOENT'
        ? 'names a file that does not exist'
        : `names a file that cannot be read: ${error.message}`));
    if (!stats.isFile())
        fail('must name a file, but it names a directory or a special file');
    const manifestBytes = await readZipEntry(absolute, MANIFEST_ENTRY).catch((error) => {
        if (!(error instanceof ZipReadError))
            throw error;
        return fail(`must be an APK, but the file is not a readable zip archive (corrupt or truncated?): ${error.message}`);
    });
    if (!manifestBytes)
        return fail(`must be an APK, but this zip archive has no ${MANIFEST_ENTRY}`);
    const manifest = decode(manifestBytes, fail);
    if (manifest.split !== undefined) {
        // Android installs a split only together with its base APK (install-multiple), which these APIs cannot do.
        fail(`must be a whole APK, but ${external_node_path_default().basename(absolute)} is a split APK (split=${JSON.stringify(manifest.split)}): give the base APK, or build a universal APK (bundletool build-apks --mode=universal)`);
    }
    const signatures = await signatureSchemes(absolute).catch((error) => {
        if (!(error instanceof ZipReadError))
            throw error;
        return fail(`must be an APK that Android can read, but ${error.message}`);
    });
    if (signatures.length === 0) {
        // Android refuses an APK without a signature (INSTALL_PARSE_FAILED_NO_CERTIFICATES): every phone would fail.
        fail(`must be a signed APK, but ${external_node_path_default().basename(absolute)} has no v1, v2 or v3 signature and phones refuse to install it: sign it (a signingConfig in Gradle, or apksigner sign), or point apk-path at the signed build`);
    }
    // The size is the stat's, and the MD5 is of exactly that many bytes: a file that shrinks while
    // it is read fails, one that grows is hashed up to the size reported.
    const md5 = options.md5 === false
        ? undefined
        : await hashFile(absolute, stats.size, undefined).catch((error) => fail(`names a file that cannot be read: ${(error.cause ?? error).message}`));
    return {
        path: absolute,
        fileName: external_node_path_default().basename(absolute),
        sizeBytes: stats.size,
        sizeMb: wholeMegabytes(stats.size),
        ...(md5 !== undefined && { md5 }),
        packageName: manifest.packageName,
        ...(manifest.versionName !== undefined && { versionName: manifest.versionName }),
        ...(manifest.versionCode !== undefined && { versionCode: manifest.versionCode }),
        signatures,
    };
}
function decode(bytes, fail) {
    try {
        return decodeManifest(bytes);
    }
    catch (error) {
        if (!(error instanceof ManifestError))
            throw error;
        return fail(`must be an APK with a valid ${MANIFEST_ENTRY}, but it cannot be decoded: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/operations/install-app/local-apk.ts












/** Temporary keys may live as little as 15 minutes (STS duration_seconds >= 900). */
const SHORTEST_TOKEN_MS = 900_000;
/** install_package_url limit on the KooPhone install page. */
const MAX_INSTALL_URL = 2000;
function defaultObjectKey(packageName, version, file) {
    return [
        'cloud-phone-deploy',
        (0,rules/* contentSafe */.xj)(packageName),
        (0,rules/* contentSafe */.xj)(version ?? 'unversioned'),
        (0,rules/* contentSafe */.xj)(file),
    ].join('/');
}
/**
 * Turns `apk-path` into what the install request needs: package, version, size and MD5 read from the
 * file (explicit inputs win, a different package is an error) and the OBS key it goes to. Local work
 * only: every problem with the file is an input error raised before any request.
 */
async function readApk(params, context) {
    if (!params.apkPath)
        return params;
    const onInstances = params.fleet.type === 'instance';
    const uploads = !(onInstances && params.apkUrl) && !context.dryRun;
    const located = await locateApk(params.apkPath, undefined, (message) => context.info(message));
    // The hashing thread of a large APK starts while the manifest is read and OBS is asked, so that
    // the first part need not wait for it.
    if (uploads)
        await prepareToUpload(located);
    // When the file is uploaded, its MD5 comes from the pass that sends it: the file is read once.
    const apk = await inspectApk(located, { md5: !uploads });
    // What the APK says replaces inputs, so it obeys the same rules they do: checked before it is printed or sent.
    const fromApk = (what, input, rule, value) => {
        const result = rule.safeParse(value);
        if (result.success)
            return;
        throw new errors/* InputError */.d(names/* Inputs */.G0.ApkPath, `names an APK whose ${what} breaks the rule for ${input}: it ${result.error.issues[0]?.message ?? 'is not valid'}`, value);
    };
    fromApk('manifest package', names/* Inputs */.G0.PackageName, rules/* androidPackage */._8, apk.packageName);
    if (apk.versionName !== undefined && params.appVersion === undefined)
        fromApk('manifest versionName', names/* Inputs */.G0.AppVersion, install_app_params/* version */.rE, apk.versionName);
    if (params.fileName === undefined)
        fromApk('file name', names/* Inputs */.G0.FileName, install_app_params/* fileName */.Md, apk.fileName);
    if (params.packageName && params.packageName !== apk.packageName) {
        throw new errors/* InputError */.d(names/* Inputs */.G0.PackageName, `does not match the package of ${apk.fileName} ('${apk.packageName}'): remove the input or fix it`, params.packageName);
    }
    const appVersion = params.appVersion ?? apk.versionName;
    context.info(`APK ${apk.fileName}: ${apk.packageName} ${apk.versionName ?? '(no versionName)'}, ${apk.sizeBytes} bytes${apk.md5 ? `, md5 ${apk.md5}` : ''}`);
    if (onInstances && !appVersion) {
        throw new errors/* InputError */.d(names/* Inputs */.G0.AppVersion, `is required: ${apk.fileName} has no literal versionName in its manifest`, '');
    }
    const resolved = {
        ...params,
        packageName: apk.packageName,
        appVersion,
        sizeMb: params.sizeMb ?? String(apk.sizeMb),
        md5: params.md5 ?? apk.md5,
        fileName: params.fileName ?? apk.fileName,
        versionCode: params.versionCode ?? apk.versionCode,
        apkFile: apk.path,
    };
    if (onInstances && params.apkUrl)
        return resolved;
    const key = params.obs.object ?? defaultObjectKey(apk.packageName, appVersion, apk.fileName);
    context.setOutput(names/* Outputs */.tY.ObsObject, key);
    warnOfShortLivedUrl(resolved, context);
    const endpoint = params.obs.endpoint ?? obsEndpointForRegion(context.settings.region);
    if (context.dryRun) {
        context.info(`dry-run: would upload ${apk.fileName} to obs://${params.obs.bucket}/${key} at ${endpoint}`);
    }
    return {
        ...resolved,
        obs: { ...params.obs, object: key, endpoint },
        ...(context.dryRun && onInstances
            ? { apkUrl: `${endpoint}/${params.obs.bucket}/${key}?(pre-signed at run time)` }
            : {}),
    };
}
function warnOfShortLivedUrl(params, context) {
    const creds = context.settings.credentials;
    if (params.fleet.type !== 'instance' || creds.kind !== 'aksk' || !creds.securityToken)
        return;
    if (params.obs.urlExpiryMs <= SHORTEST_TOKEN_MS)
        return;
    // A URL pre-signed with temporary keys carries the security token, and OBS refuses it once the
    // token expires, whatever its own expiry says (OBS temporary-credential docs).
    context.warning(`The APK download URL is pre-signed with temporary keys (security-token): it stops working when that token expires, which may be before url-expiry (${(0,duration/* formatDuration */.a3)(params.obs.urlExpiryMs)}). Instances that download the APK after that fail. Use keys that outlive the wait, or permanent keys for the upload.`);
}
/**
 * Uploads the APK that readApk() read, unless an object with the same bytes (same size, same MD5 in
 * its metadata) is already there, and pre-signs the download URL KooPhone instances need. Nothing
 * reaches the fleet here; a dry run never gets here.
 */
async function uploadApk(params, context) {
    const onInstances = params.fleet.type === 'instance';
    const { apkFile, fileName: file } = params;
    const { bucket, object: key, endpoint } = params.obs;
    if ((onInstances && params.apkUrl) || context.dryRun || !apkFile)
        return params;
    if (!bucket || !key || !endpoint)
        throw new Error('unreachable: readApk names the object');
    const { settings } = context;
    const creds = settings.credentials;
    if (creds.kind === 'token')
        throw new Error('unreachable: readParams requires keys for uploads');
    const keys = await (0,credentials/* signingKeys */.a)(creds);
    const obs = new ObsClient({
        endpoint,
        ...keys,
        credentials: creds.kind === 'keyless' ? () => (0,credentials/* signingKeys */.a)(creds) : undefined,
        requestTimeoutMs: Math.max(settings.requestTimeoutMs, 120_000),
        // A few parts at a time already fill a runner's uplink; more only adds memory and retries.
        concurrency: Math.min(settings.maxConcurrency, 4),
        signal: context.signal,
        debug: context.debug,
    });
    const started = (0,timing/* now */.tB)();
    const upload = await obs.ensureUploaded(bucket, key, apkFile);
    const elapsed = (0,timing/* now */.tB)() - started;
    if (!upload.uploaded) {
        context.info(`obs://${bucket}/${key} already holds ${file} (same size, md5 ${upload.md5}): already in OBS, not uploaded (${elapsed} ms)`);
    }
    else {
        context.info(`Uploaded ${file} to obs://${bucket}/${key} (${upload.multipart ? `${upload.parts} parts` : 'one request'}, ${elapsed} ms), md5 ${upload.md5}`);
        if (!upload.md5Saved) {
            context.info(`Could not store the MD5 in the metadata of obs://${bucket}/${key} (see the debug log): the next run will upload it again`);
        }
    }
    const uploaded = { ...params, md5: params.md5 ?? upload.md5 };
    if (!onInstances)
        return uploaded;
    return { ...uploaded, apkUrl: await presign(obs, bucket, key, params.obs.urlExpiryMs, context) };
}
/** The download URL of the uploaded APK, valid no longer than the keys that sign it. */
async function presign(obs, bucket, key, urlExpiryMs, context) {
    const creds = context.settings.credentials;
    if (creds.kind === 'token')
        throw new Error('unreachable: readParams requires keys for uploads');
    // A pre-signed URL stops working with the keys that signed it (docs/api.md, "OBS").
    const signer = await (0,credentials/* signingKeys */.a)(creds);
    let expiryMs = urlExpiryMs;
    if (creds.kind === 'keyless' && creds.session) {
        const left = creds.session.expiration.getTime() - Date.now();
        if (left < expiryMs) {
            expiryMs = Math.max(left, 1000);
            context.notice?.(`The download URL is valid for ${(0,duration/* formatDuration */.a3)(expiryMs)}, not ${(0,duration/* formatDuration */.a3)(urlExpiryMs)} (url-expiry): a pre-signed URL cannot outlive the temporary credentials that signed it. Raise session-duration if jobs may start later than that.`);
        }
    }
    const url = obs.presignGetUrl(bucket, key, Math.ceil(expiryMs / 1000), new Date(), signer);
    (0,redact/* maskUrlQuery */.ad)(url, context.mask);
    if (url.length > MAX_INSTALL_URL) {
        // Temporary credentials put their security token in the URL, which then no longer fits.
        throw new errors/* InputError */.d(creds.kind === 'keyless' ? names/* Inputs */.G0.AgencyUrn : names/* Inputs */.G0.SecurityToken, `gives temporary keys whose security token makes the pre-signed URL ${url.length} characters long, over KooPhone's limit of ${MAX_INSTALL_URL}: upload with permanent keys, or pass apk-url`);
    }
    context.setOutput(names/* Outputs */.tY.ApkUrl, url);
    context.info(`Pre-signed download URL: ${(0,redact/* redactUrl */.BO)(url)}`);
    return url;
}


/***/ }),

/***/ 128:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Md: () => (/* binding */ fileName),
/* harmony export */   U_: () => (/* binding */ readInstallParams),
/* harmony export */   rE: () => (/* binding */ version)
/* harmony export */ });
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var _inputs_fleet_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(405);
/* harmony import */ var _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(284);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(66);
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(190);
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(361);






const apkUrl = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(2000, { message: 'must be at most 2000 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((v) => /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http(s) download URL of the APK',
}));
const version = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(100, { message: 'must be at most 100 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^\S+$/, { message: 'must not contain spaces' }));
const fileName = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(100, { message: 'must be at most 100 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[^/\\]+$/, { message: 'must be a file name without a directory' }), 
// eslint-disable-next-line no-control-regex
_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/, {
    message: 'must not contain line breaks or other control characters',
}));
const sizeMb = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[1-9]\d{0,5}$/, {
    message: 'must be the APK size in whole megabytes (a positive whole number)',
}));
const md5 = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(200, { message: 'must be at most 200 characters' }), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^\S+$/, {
    message: 'must not contain spaces',
}));
const apkPath = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[^\n\r]+$/, { message: 'must be one path or glob on one line' }));
const obsApkObject = (0,_inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .obsKey */ .Il)(/\.apk$/i, 'an .apk file');
// pm install options: -r is always sent; these are the extra ones a user may add.
const installFlags = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^(-[A-Za-z]+|--[a-z][a-z-]*)(\s+(-[A-Za-z]+|--[a-z][a-z-]*))*$/, {
    message: "must be pm install options such as '-d -g' (dash-led words only)",
}));
const urlExpiry = _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .rules */ .aO.duration({ ms: 7 * 86_400_000, text: '7 days' }).check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((ms) => ms >= 60_000 && ms <= 7 * 86_400_000, {
    message: 'must be a duration from 1m to 7 days (168h)',
}));
/** Reads the install inputs and the rules that tie them to the fleet kind and to each other. */
function readInstallParams(reader, common) {
    const fleet = (0,_inputs_fleet_js__WEBPACK_IMPORTED_MODULE_1__/* .readFleet */ .p9)(reader, ['instance', 'phone', 'server']);
    const onInstances = fleet.type === 'instance';
    const path = reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkPath, apkPath);
    const url = reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkUrl, apkUrl);
    if (url)
        (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .maskUrlQuery */ .ad)(url, reader.mask);
    const params = {
        fleet,
        apkPath: path,
        apkUrl: url,
        packageName: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.PackageName, _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .androidPackage */ ._8),
        appVersion: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AppVersion, version),
        sizeMb: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkSizeMb, sizeMb),
        md5: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkMd5, md5),
        fileName: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FileName, fileName),
        fastInstall: reader.withDefault(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FastInstall, _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .rules */ .aO.boolean),
        obs: {
            bucket: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsBucket, _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .obsBucket */ .dd),
            object: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsObject, obsApkObject),
            endpoint: reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsEndpoint, _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .rules */ .aO.endpoint),
            // The service downloads the APK when the job runs, which may be late in a long wait.
            urlExpiryMs: reader.withDefault(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.UrlExpiry, urlExpiry, `${Math.min(common.waitTimeoutMs + 3_600_000, 7 * 86_400_000)}ms`),
        },
        installFlags: (reader.optional(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.InstallFlags, installFlags) ?? '').split(/\s+/).filter(Boolean),
    };
    refuseUnused(reader, params);
    checkObsSource(reader, common, params);
    return onInstances && !path ? { ...params, fileName: checkDownload(reader, params) } : params;
}
/** An input the chosen target kind does not send is refused, never ignored. */
function refuseUnused(reader, params) {
    const { fleet, apkPath: path } = params;
    const onInstances = fleet.type === 'instance';
    if (!onInstances) {
        for (const name of [
            _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FastInstall,
            _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkSizeMb,
            _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkMd5,
            _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.UrlExpiry,
            ...(path === undefined ? [_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AppVersion, _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FileName] : []),
        ]) {
            if (reader.isExplicit(name))
                reader.fail(name, `is not used by install-app on CPH ${fleet.type}s, which install from obs://obs-bucket/obs-object with pm install: it is used by install-app on KooPhone instances${name === _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AppVersion || name === _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FileName ? ', and names the uploaded object when apk-path is given' : ''}. Remove it`, reader.raw(name));
        }
    }
    if (onInstances && reader.isExplicit(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.InstallFlags))
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.InstallFlags, 'is not used by install-app on KooPhone instances (its install call takes no pm options): it is used by install-app on CPH phones and servers. Remove it', reader.raw(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.InstallFlags));
    const uploads = path !== undefined && (!onInstances || params.apkUrl === undefined);
    // The upload's inputs mean nothing when nothing is uploaded: refused rather than ignored.
    if (uploads)
        return;
    const unused = onInstances
        ? [_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsBucket, _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsObject, _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsEndpoint, _inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.UrlExpiry]
        : [_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsEndpoint];
    for (const name of unused) {
        if (reader.isExplicit(name))
            reader.fail(name, `is not used here: install-app uses it to upload apk-path to OBS${onInstances ? ' for KooPhone instances, and this run installs from apk-url' : ', and this run installs an object already in OBS'}. Remove it`, reader.raw(name));
    }
}
/** CPH installs from OBS, and an upload of apk-path needs a bucket, keys and an OBS endpoint. */
function checkObsSource(reader, common, params) {
    const onInstances = params.fleet.type === 'instance';
    const { apkPath: path, apkUrl: url } = params;
    if (!onInstances && params.obs.object !== undefined) {
        const checked = _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .cphApkObject */ .Vf.safeParse(params.obs.object);
        if (!checked.success)
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsObject, checked.error.issues[0]?.message ?? 'is invalid', params.obs.object);
    }
    if (!onInstances && url) {
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkUrl, 'is for KooPhone instances: CPH phones and servers install from OBS, so give obs-bucket and obs-object (or apk-path to upload the file)', url);
    }
    const uploads = path !== undefined && (!onInstances || url === undefined);
    if (!onInstances || uploads) {
        if (!params.obs.bucket) {
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsBucket, uploads
                ? 'is required to upload apk-path to OBS'
                : 'is required: CPH installs the APK from obs://obs-bucket/obs-object', '');
        }
        if (!uploads && !params.obs.object)
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsObject, 'is required: the key of the APK in obs-bucket', '');
    }
    if (uploads) {
        if (common.credentials.kind === 'token') {
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AuthToken, 'cannot upload to OBS: apk-path needs access-key and secret-key, or keyless authentication (OBS does not take IAM tokens)');
        }
        if (!params.obs.endpoint && !common.region) {
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Region, 'is required to upload apk-path to OBS, unless obs-endpoint is given', '');
        }
        const elsewhere = !params.obs.endpoint && common.region ? obsOffDefaultDomain(common.region) : undefined;
        if (elsewhere)
            reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ObsEndpoint, elsewhere, '');
    }
}
/**
 * KooPhone without apk-path downloads apk-url, and the request must describe the APK: returns its file
 * name, file-name or the URL's last segment.
 */
function checkDownload(reader, params) {
    const download = params.apkUrl ??
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkUrl, 'is required: give apk-url, or apk-path to upload the APK from the runner', '');
    if (!params.packageName)
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.PackageName, 'is required (or give apk-path to read it from the APK)', '');
    if (!params.appVersion)
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AppVersion, 'is required (or give apk-path to read it from the APK)', '');
    if (!params.sizeMb)
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ApkSizeMb, 'is required (or give apk-path to read it from the APK)', '');
    const name = params.fileName ?? decodeURIComponent(new URL(download).pathname.split('/').pop() ?? '');
    if (name === '')
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FileName, 'is required when apk-url does not end in a file name', '');
    if (!fileName.safeParse(name).success) {
        reader.fail(_inputs_names_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.FileName, 'taken from apk-url must be a file name of at most 100 characters', name);
    }
    return name;
}
/**
 * Regions with a three-digit number (eu-west-101...) belong to Huawei Cloud sites outside
 * myhuaweicloud.com (Europe: myhuaweicloud.eu), so obs.{region}.myhuaweicloud.com does not exist
 * there. Inferred from the published endpoint lists: such regions must name obs-endpoint.
 */
function obsOffDefaultDomain(region) {
    if (!/-\d{3}$/.test(region))
        return undefined;
    const example = region.startsWith('eu-')
        ? `https://obs.${region}.myhuaweicloud.eu`
        : `the OBS endpoint of ${region} from Huawei Cloud's endpoint list`;
    return `is required to upload apk-path in region ${region}: its OBS is not under myhuaweicloud.com, so give obs-endpoint (e.g. ${example})`;
}


/***/ }),

/***/ 455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  tmp: () => (/* reexport */ NEVER),
  YOg: () => (/* reexport */ array),
  k5n: () => (/* reexport */ schemas_enum),
  Ru6: () => (/* reexport */ _maxLength),
  BpQ: () => (/* reexport */ _minLength),
  cl6: () => (/* reexport */ schemas_nullish),
  aig: () => (/* reexport */ schemas_number),
  Ikc: () => (/* reexport */ object),
  FsL: () => (/* reexport */ pipe),
  YPB: () => (/* reexport */ refine),
  yGV: () => (/* reexport */ _regex),
  YjP: () => (/* reexport */ schemas_string),
  zni: () => (/* reexport */ superRefine),
  pdi: () => (/* reexport */ transform),
  KCZ: () => (/* reexport */ union)
});

// UNUSED EXPORTS: $brand, $input, $output, INVALID, TimePrecision, ZodCompileAsyncError, ZodCompileUnsupportedError, ZodMiniAny, ZodMiniArray, ZodMiniBase64, ZodMiniBase64URL, ZodMiniBigInt, ZodMiniBigIntFormat, ZodMiniBoolean, ZodMiniCIDRv4, ZodMiniCIDRv6, ZodMiniCUID, ZodMiniCUID2, ZodMiniCatch, ZodMiniCodec, ZodMiniCreditCard, ZodMiniCustom, ZodMiniCustomStringFormat, ZodMiniDate, ZodMiniDefault, ZodMiniDiscriminatedUnion, ZodMiniE164, ZodMiniEmail, ZodMiniEmoji, ZodMiniEnum, ZodMiniExactOptional, ZodMiniFile, ZodMiniFunction, ZodMiniGUID, ZodMiniIBAN, ZodMiniIPv4, ZodMiniIPv6, ZodMiniISODate, ZodMiniISODateTime, ZodMiniISODuration, ZodMiniISOTime, ZodMiniIntersection, ZodMiniJWT, ZodMiniKSUID, ZodMiniLazy, ZodMiniLiteral, ZodMiniMAC, ZodMiniMap, ZodMiniNaN, ZodMiniNanoID, ZodMiniNever, ZodMiniNonOptional, ZodMiniNull, ZodMiniNullable, ZodMiniNumber, ZodMiniNumberFormat, ZodMiniObject, ZodMiniOptional, ZodMiniPipe, ZodMiniPrefault, ZodMiniPromise, ZodMiniReadonly, ZodMiniRecord, ZodMiniSet, ZodMiniString, ZodMiniStringFormat, ZodMiniSuccess, ZodMiniSymbol, ZodMiniTemplateLiteral, ZodMiniTransform, ZodMiniTuple, ZodMiniType, ZodMiniULID, ZodMiniURL, ZodMiniUUID, ZodMiniUndefined, ZodMiniUnion, ZodMiniUnknown, ZodMiniVoid, ZodMiniXID, ZodMiniXor, _default, _function, any, base64, base64url, bigint, boolean, catch, catchall, check, cidrv4, cidrv6, clone, codec, coerce, compile, config, core, creditCard, cuid, cuid2, currencyCode, custom, date, decode, decodeAsync, deepPartial, describe, discriminatedUnion, e164, email, emoji, encode, encodeAsync, endsWith, exactOptional, exactPartial, extend, file, flattenError, float32, float64, formatError, function, getDiscriminatedOption, globalRegistry, gt, gte, guid, hash, hex, hostname, httpUrl, iban, includes, input, instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6, iso, json, jwt, keyof, ksuid, lazy, length, literal, locales, looseObject, looseRecord, lowercase, lt, lte, mac, map, maxSize, maximum, memoizer, merge, meta, mime, minSize, minimum, multipleOf, nan, nanoid, nativeEnum, negative, never, nonnegative, nonoptional, nonpositive, normalize, null, nullable, omit, optional, output, overwrite, parse, parseAsync, partial, partialRecord, pick, positive, prefault, prettifyError, promise, properties, property, readonly, record, regexes, registry, required, safeDecode, safeDecodeAsync, safeEncode, safeEncodeAsync, safeExtend, safeParse, safeParseAsync, set, size, startsWith, strictObject, stringFormat, stringbool, success, symbol, templateLiteral, toJSONSchema, toLowerCase, toUpperCase, toZod, treeifyError, trim, tuple, uint32, uint64, ulid, undefined, unknown, uppercase, url, util, uuid, uuidv4, uuidv6, uuidv7, validate, validateAsync, void, withParser, xid, xor, z

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/util.js

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function util_isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ (/* unused pure expression or super */ null && (cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
})));
function isPlainObject(o) {
    if (util_isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (util_isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (/* unused pure expression or super */ null && ((() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))()));
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function util_issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/core.js
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const core_globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(core_globalConfig, newConfig);
    return core_globalConfig;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckGreaterThan = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMultipleOf = 
/*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : util.floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = util.NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? util.codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = util.getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.lowercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckUpperCase = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.uppercase);
    $ZodCheckStringFormat.init(inst, def);
})));
const $ZodCheckIncludes = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = util.escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckStartsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${util.escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckEndsWith = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${util.escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...util.prefixIssues(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    util.hide(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
})));
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
})));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = (/* unused pure expression or super */ null && (`^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`));
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = (/* unused pure expression or super */ null && (`(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`));
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ (/* unused pure expression or super */ null && (regexes_anchor(dateSource)));
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    checks.$ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
})));
const $ZodGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.guid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = regexes.uuid(v));
    }
    else
        def.pattern ?? (def.pattern = regexes.uuid());
    $ZodStringFormat.init(inst, def);
})));
const $ZodEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.email);
    $ZodStringFormat.init(inst, def);
})));
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === regexes.httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.emoji());
    $ZodStringFormat.init(inst, def);
})));
const $ZodNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? regexes.nanoid : regexes.nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
})));
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cuid2);
    $ZodStringFormat.init(inst, def);
})));
const $ZodULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ulid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.xid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ksuid);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODateTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.datetime(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.date);
    $ZodStringFormat.init(inst, def);
})));
const $ZodISOTime = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.time(def));
    $ZodStringFormat.init(inst, def);
})));
const $ZodISODuration = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.duration);
    $ZodStringFormat.init(inst, def);
})));
const $ZodIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv4);
    $ZodStringFormat.init(inst, def);
})));
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv4);
    $ZodStringFormat.init(inst, def);
})));
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.e164);
    $ZodStringFormat.init(inst, def);
})));
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNumberFormat", (inst, def) => {
    checks.$ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
})));
const $ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
})));
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
})));
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = util_isObject;
    const catchall = def.catchall;
    let value;
    const memo = core_globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = util.cached(() => normalizeDef(def));
    const memo = core.globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : util.esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = util.isObject;
    const jit = !core.globalConfig.jitless;
    const allowsEval = util.allowsEval;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
})));
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
})));
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (util.isPlainObject(a) && util.isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (util.aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = util.aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (util.aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
})));
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...util.prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...util.prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...util.prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && regexes.number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...util.prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
})));
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? util.escapeRegex(o) : o ? util.escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
})));
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
})));
const $ZodNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
})));
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
})));
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
})));
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(util_issue(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var registries_a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new checks.$ZodCheckLessThan({
        check: "less_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new checks.$ZodCheckGreaterThan({
        check: "greater_than",
        ...util.normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new checks.$ZodCheckMultipleOf({
        check: "multiple_of",
        ...util.normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new checks.$ZodCheckLengthEquals({
        check: "length_equals",
        ...util.normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new checks.$ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new checks.$ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new checks.$ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...util.normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new checks.$ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...util.normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new checks.$ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...util.normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new checks.$ZodCheckProperties({
        check: "properties",
        shape,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new checks.$ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => util.slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(util_issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer);
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.invalid")));
const COMPILE_FALLBACK = /* @__PURE__ */ (/* unused pure expression or super */ null && (Symbol.for("zod.compile.fallback")));
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core.$ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/schemas.js




const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own(this, "with", value);
    },
    parse(data, params) {
        return parse_parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parse_parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniStringFormat", (inst, def) => {
    core.$ZodStringFormat.init(inst, def);
    ZodMiniString.init(inst, def);
})));
const ZodMiniEmail = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmail", (inst, def) => {
    core.$ZodEmail.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_email(params) {
    return core._email(ZodMiniEmail, params);
}
const ZodMiniGUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniGUID", (inst, def) => {
    core.$ZodGUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_guid(params) {
    return core._guid(ZodMiniGUID, params);
}
const ZodMiniUUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUUID", (inst, def) => {
    core.$ZodUUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_uuid(params) {
    return core._uuid(ZodMiniUUID, params);
}
// @__NO_SIDE_EFFECTS__
function uuidv4(params) {
    return core._uuidv4(ZodMiniUUID, params);
}
// ZodMiniUUIDv6
// @__NO_SIDE_EFFECTS__
function uuidv6(params) {
    return core._uuidv6(ZodMiniUUID, params);
}
// ZodMiniUUIDv7
// @__NO_SIDE_EFFECTS__
function uuidv7(params) {
    return core._uuidv7(ZodMiniUUID, params);
}
const ZodMiniURL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniURL", (inst, def) => {
    core.$ZodURL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function url(params) {
    return core._url(ZodMiniURL, params);
}
// @__NO_SIDE_EFFECTS__
function httpUrl(params) {
    return core._url(ZodMiniURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEmoji = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniEmoji", (inst, def) => {
    core.$ZodEmoji.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_emoji(params) {
    return core._emoji(ZodMiniEmoji, params);
}
const ZodMiniNanoID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNanoID", (inst, def) => {
    core.$ZodNanoID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_nanoid(params) {
    return core._nanoid(ZodMiniNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodMiniCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodMiniCUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID", (inst, def) => {
    core.$ZodCUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function schemas_cuid(params) {
    return core._cuid(ZodMiniCUID, params);
}
const ZodMiniCUID2 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCUID2", (inst, def) => {
    core.$ZodCUID2.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cuid2(params) {
    return core._cuid2(ZodMiniCUID2, params);
}
const ZodMiniULID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniULID", (inst, def) => {
    core.$ZodULID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ulid(params) {
    return core._ulid(ZodMiniULID, params);
}
const ZodMiniXID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXID", (inst, def) => {
    core.$ZodXID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_xid(params) {
    return core._xid(ZodMiniXID, params);
}
const ZodMiniKSUID = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniKSUID", (inst, def) => {
    core.$ZodKSUID.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ksuid(params) {
    return core._ksuid(ZodMiniKSUID, params);
}
const ZodMiniIPv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv4", (inst, def) => {
    core.$ZodIPv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv4(params) {
    return core._ipv4(ZodMiniIPv4, params);
}
const ZodMiniIPv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIPv6", (inst, def) => {
    core.$ZodIPv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_ipv6(params) {
    return core._ipv6(ZodMiniIPv6, params);
}
const ZodMiniCIDRv4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv4", (inst, def) => {
    core.$ZodCIDRv4.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv4(params) {
    return core._cidrv4(ZodMiniCIDRv4, params);
}
const ZodMiniCIDRv6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCIDRv6", (inst, def) => {
    core.$ZodCIDRv6.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_cidrv6(params) {
    return core._cidrv6(ZodMiniCIDRv6, params);
}
const ZodMiniMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMAC", (inst, def) => {
    core.$ZodMAC.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_mac(params) {
    return core._mac(ZodMiniMAC, params);
}
const ZodMiniBase64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64", (inst, def) => {
    core.$ZodBase64.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64(params) {
    return core._base64(ZodMiniBase64, params);
}
const ZodMiniBase64URL = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBase64URL", (inst, def) => {
    core.$ZodBase64URL.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_base64url(params) {
    return core._base64url(ZodMiniBase64URL, params);
}
const ZodMiniE164 = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniE164", (inst, def) => {
    core.$ZodE164.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_e164(params) {
    return core._e164(ZodMiniE164, params);
}
const ZodMiniCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_creditCard(params) {
    return core._creditCard(ZodMiniCreditCard, params);
}
const ZodMiniIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_iban(params) {
    return core._iban(ZodMiniIBAN, params);
}
const ZodMiniJWT = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniJWT", (inst, def) => {
    core.$ZodJWT.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function jwt(params) {
    return core._jwt(ZodMiniJWT, params);
}
const ZodMiniCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCustomStringFormat", (inst, def) => {
    core.$ZodCustomStringFormat.init(inst, def);
    ZodMiniStringFormat.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodMiniCustomStringFormat, format, fnOrRegex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hostname(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hostname", regexes.hostname, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_hex(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "hex", regexes.hex, _params);
}
// @__NO_SIDE_EFFECTS__
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodMiniCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
// @__NO_SIDE_EFFECTS__
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    // check for unrecognized format
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodMiniCustomStringFormat, format, regex, params);
}
const ZodMiniNumber = /*@__PURE__*/ $constructor("ZodMiniNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function schemas_number(params) {
    return _number(ZodMiniNumber, params);
}
const ZodMiniNumberFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNumberFormat", (inst, def) => {
    core.$ZodNumberFormat.init(inst, def);
    ZodMiniNumber.init(inst, def);
})));
function schemas_int(params) {
    return core._int(ZodMiniNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodMiniNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodMiniNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodMiniNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodMiniNumberFormat, params);
}
const ZodMiniBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBoolean", (inst, def) => {
    core.$ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_boolean(params) {
    return core._boolean(ZodMiniBoolean, params);
}
const ZodMiniBigInt = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigInt", (inst, def) => {
    core.$ZodBigInt.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_bigint(params) {
    return core._bigint(ZodMiniBigInt, params);
}
const ZodMiniBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodMiniBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodMiniBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodMiniBigIntFormat, params);
}
const ZodMiniSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function symbol(params) {
    return core._symbol(ZodMiniSymbol, params);
}
const ZodMiniUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_undefined(params) {
    return core._undefined(ZodMiniUndefined, params);
}

const ZodMiniNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_null(params) {
    return core._null(ZodMiniNull, params);
}

const ZodMiniAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function any() {
    return core._any(ZodMiniAny);
}
const ZodMiniUnknown = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniUnknown", (inst, def) => {
    core.$ZodUnknown.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function unknown() {
    return core._unknown(ZodMiniUnknown);
}
const ZodMiniNever = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNever", (inst, def) => {
    core.$ZodNever.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function never(params) {
    return core._never(ZodMiniNever, params);
}
const ZodMiniVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_void(params) {
    return core._void(ZodMiniVoid, params);
}

const ZodMiniDate = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDate", (inst, def) => {
    core.$ZodDate.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_date(params) {
    return core._date(ZodMiniDate, params);
}
const ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
    $ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...normalizeParams(params),
    });
}
// .keyof
// @__NO_SIDE_EFFECTS__
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
    $ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
// strictObject
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: never(),
        ...util.normalizeParams(params),
    });
}
// looseObject
// @__NO_SIDE_EFFECTS__
function looseObject(shape, params) {
    return new ZodMiniObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...util.normalizeParams(params),
    });
}
// object methods
// @__NO_SIDE_EFFECTS__
function schemas_extend(schema, shape) {
    return util.extend(schema, shape);
}
// @__NO_SIDE_EFFECTS__
function schemas_safeExtend(schema, shape) {
    return util.safeExtend(schema, shape);
}
/**
 * @deprecated Use [`z.extend(A, B.shape)`](https://zod.dev/api?id=extend) instead.
 */
// @__NO_SIDE_EFFECTS__
function schemas_merge(a, b) {
    return util.merge(a, b);
}
// @__NO_SIDE_EFFECTS__
function schemas_pick(schema, mask) {
    return util.pick(schema, mask);
}
// .omit
// @__NO_SIDE_EFFECTS__
function schemas_omit(schema, mask) {
    return util.omit(schema, mask);
}
// @__NO_SIDE_EFFECTS__
function schemas_partial(schema, mask) {
    const def = schema._zod.def;
    if (def.type !== "tuple")
        return util.partial(ZodMiniOptional, schema, mask);
    // a refinement was authored against the full arity; partialing would run it on a shorter array
    if (def.checks?.length)
        throw new Error(".partial() cannot be used on tuple schemas containing refinements");
    return util.clone(schema, {
        ...def,
        items: def.items.map((item) => new ZodMiniOptional({ type: "optional", innerType: item })),
    });
}
// @__NO_SIDE_EFFECTS__
function exactPartial(schema, mask) {
    return util.partial(ZodMiniExactOptional, schema, mask, "exactPartial");
}
// @__NO_SIDE_EFFECTS__
function schemas_required(schema, mask) {
    return util.required(ZodMiniNonOptional, schema, mask);
}
// @__NO_SIDE_EFFECTS__
function catchall(inst, catchall) {
    // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
    return inst.clone(util.mergeDefs(inst._zod.def, { catchall: catchall }));
}
const ZodMiniUnion = /*@__PURE__*/ $constructor("ZodMiniUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
    return new ZodMiniUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodMiniXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniXor", (inst, def) => {
    ZodMiniUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodMiniXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodMiniDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
    core.$ZodDiscriminatedUnion.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
    return new ZodMiniDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodMiniIntersection = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniIntersection", (inst, def) => {
    core.$ZodIntersection.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function intersection(left, right) {
    return new ZodMiniIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodMiniTuple = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTuple", (inst, def) => {
    core.$ZodTuple.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodMiniTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodMiniRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniRecord", (inst, def) => {
    core.$ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...util.normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function partialRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMiniMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniMap", (inst, def) => {
    core.$ZodMap.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function map(keyType, valueType, params) {
    return new ZodMiniMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSet", (inst, def) => {
    core.$ZodSet.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function set(valueType, params) {
    return new ZodMiniSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}

// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLiteral", (inst, def) => {
    core.$ZodLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
    return new ZodMiniLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
const ZodMiniFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function file(params) {
    return core._file(ZodMiniFile, params);
}
const ZodMiniTransform = /*@__PURE__*/ $constructor("ZodMiniTransform", (inst, def) => {
    $ZodTransform.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
    return new ZodMiniTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniExactOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniExactOptional", (inst, def) => {
    core.$ZodExactOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function exactOptional(innerType) {
    return new ZodMiniExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniNullable = /*@__PURE__*/ $constructor("ZodMiniNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
    return new ZodMiniNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
// @__NO_SIDE_EFFECTS__
function schemas_nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodMiniDefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniDefault", (inst, def) => {
    core.$ZodDefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_default(innerType, defaultValue) {
    return new ZodMiniDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniPrefault = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPrefault", (inst, def) => {
    core.$ZodPrefault.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function prefault(innerType, defaultValue) {
    return new ZodMiniPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
const ZodMiniNonOptional = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNonOptional", (inst, def) => {
    core.$ZodNonOptional.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nonoptional(innerType, params) {
    return new ZodMiniNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...util.normalizeParams(params),
    });
}
const ZodMiniSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function success(innerType) {
    return new ZodMiniSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodMiniCatch = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCatch", (inst, def) => {
    core.$ZodCatch.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function schemas_catch(innerType, catchValue) {
    return new ZodMiniCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : core.util.constantCatch(catchValue)),
    });
}

const ZodMiniNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function nan(params) {
    return core._nan(ZodMiniNaN, params);
}
const ZodMiniPipe = /*@__PURE__*/ $constructor("ZodMiniPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
    return new ZodMiniPipe({
        type: "pipe",
        in: in_,
        out: out,
    });
}
const ZodMiniCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniCodec", (inst, def) => {
    ZodMiniPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function codec(in_, out, params) {
    return new ZodMiniCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
// @__NO_SIDE_EFFECTS__
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodMiniCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodMiniReadonly = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniReadonly", (inst, def) => {
    core.$ZodReadonly.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function readonly(innerType) {
    return new ZodMiniReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodMiniTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function templateLiteral(parts, params) {
    return new ZodMiniTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodMiniLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// export function lazy<T extends object>(getter: () => T): T {
//   return util.createTransparentProxy<T>(getter);
// }
// @__NO_SIDE_EFFECTS__
function schemas_lazy(getter) {
    return new ZodMiniLazy({
        type: "lazy",
        getter: getter,
    });
}

const ZodMiniPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function promise(innerType) {
    return new ZodMiniPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
});
// custom checks
// @__NO_SIDE_EFFECTS__
function check(fn, params) {
    const ch = new core.$ZodCheck({
        check: "custom",
        ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// ZodCustom custom schema
// @__NO_SIDE_EFFECTS__
function custom(fn, _params) {
    return core._custom(ZodMiniCustom, fn ?? (() => true), _params);
}
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return _refine(ZodMiniCustom, fn, _params);
}
// superRefine
// @__NO_SIDE_EFFECTS__
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
// instanceof
class schemas_Class {
    constructor(..._args) { }
}
// @__NO_SIDE_EFFECTS__
function _instanceof(cls, params = {}) {
    const inst = custom((data) => data instanceof cls, params);
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodMiniCodec,
    Boolean: ZodMiniBoolean,
    String: ZodMiniString,
}, ...args);
// @__NO_SIDE_EFFECTS__
function json() {
    const jsonSchema = schemas_lazy(() => {
        return union([schemas_string(), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
const ZodMiniFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMiniFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodMiniType.init(inst, def);
})));
// @__NO_SIDE_EFFECTS__
function _function(params) {
    return new ZodMiniFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}


;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/checks.js


;// CONCATENATED MODULE: ./node_modules/zod/v4/mini/external.js









/** A special constant with type `never` */
// export const NEVER = {} as never;
// iso


// coerce


;// CONCATENATED MODULE: ./node_modules/zod/mini/index.js




;// CONCATENATED MODULE: ./src/zod.ts
/**
 * zod's small API (zod/mini): the full one cost every run about 20 ms of start-up for chained
 * methods the action does not need. zod/mini registers no messages of its own, so the English
 * ones, which the action's errors quote, are registered here once. Import it as a namespace
 * (`import * as z`) and only name its members: the bundler then keeps only what is used (the
 * other locales alone are 400 KB).
 */


config(en());



/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 476:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ExitCode: () => (/* binding */ ExitCode),
  addPath: () => (/* binding */ addPath),
  debug: () => (/* binding */ debug),
  endGroup: () => (/* binding */ endGroup),
  error: () => (/* binding */ error),
  exportVariable: () => (/* binding */ exportVariable),
  getBooleanInput: () => (/* binding */ getBooleanInput),
  getIDToken: () => (/* binding */ getIDToken),
  getInput: () => (/* binding */ getInput),
  getMultilineInput: () => (/* binding */ getMultilineInput),
  getState: () => (/* binding */ getState),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  isDebug: () => (/* binding */ isDebug),
  markdownSummary: () => (/* reexport */ markdownSummary),
  notice: () => (/* binding */ notice),
  platform: () => (/* reexport */ platform_namespaceObject),
  saveState: () => (/* binding */ saveState),
  setCommandEcho: () => (/* binding */ setCommandEcho),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  startGroup: () => (/* binding */ startGroup),
  summary: () => (/* reexport */ summary),
  toPlatformPath: () => (/* reexport */ toPlatformPath),
  toPosixPath: () => (/* reexport */ toPosixPath),
  toWin32Path: () => (/* reexport */ toWin32Path),
  warning: () => (/* binding */ warning)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __nccwpck_require__(61);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new lib.HttpClient('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 427:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  create: () => (/* binding */ create)
});

// UNUSED EXPORTS: hashFiles

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var lib_core = __nccwpck_require__(476);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(896);
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-glob-options-helper.js

/**
 * Returns a copy with defaults filled in.
 */
function getOptions(copy) {
    const result = {
        followSymbolicLinks: true,
        implicitDescendants: true,
        matchDirectories: true,
        omitBrokenSymbolicLinks: true,
        excludeHiddenFiles: false
    };
    if (copy) {
        if (typeof copy.followSymbolicLinks === 'boolean') {
            result.followSymbolicLinks = copy.followSymbolicLinks;
            lib_core.debug(`followSymbolicLinks '${result.followSymbolicLinks}'`);
        }
        if (typeof copy.implicitDescendants === 'boolean') {
            result.implicitDescendants = copy.implicitDescendants;
            lib_core.debug(`implicitDescendants '${result.implicitDescendants}'`);
        }
        if (typeof copy.matchDirectories === 'boolean') {
            result.matchDirectories = copy.matchDirectories;
            lib_core.debug(`matchDirectories '${result.matchDirectories}'`);
        }
        if (typeof copy.omitBrokenSymbolicLinks === 'boolean') {
            result.omitBrokenSymbolicLinks = copy.omitBrokenSymbolicLinks;
            lib_core.debug(`omitBrokenSymbolicLinks '${result.omitBrokenSymbolicLinks}'`);
        }
        if (typeof copy.excludeHiddenFiles === 'boolean') {
            result.excludeHiddenFiles = copy.excludeHiddenFiles;
            lib_core.debug(`excludeHiddenFiles '${result.excludeHiddenFiles}'`);
        }
    }
    return result;
}
//# sourceMappingURL=internal-glob-options-helper.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path-helper.js


const IS_WINDOWS = process.platform === 'win32';
/**
 * Similar to path.dirname except normalizes the path separators and slightly better handling for Windows UNC paths.
 *
 * For example, on Linux/macOS:
 * - `/               => /`
 * - `/hello          => /`
 *
 * For example, on Windows:
 * - `C:\             => C:\`
 * - `C:\hello        => C:\`
 * - `C:              => C:`
 * - `C:hello         => C:`
 * - `\               => \`
 * - `\hello          => \`
 * - `\\hello         => \\hello`
 * - `\\hello\world   => \\hello\world`
 */
function dirname(p) {
    // Normalize slashes and trim unnecessary trailing slash
    p = safeTrimTrailingSeparator(p);
    // Windows UNC root, e.g. \\hello or \\hello\world
    if (IS_WINDOWS && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
        return p;
    }
    // Get dirname
    let result = external_path_.dirname(p);
    // Trim trailing slash for Windows UNC root, e.g. \\hello\world\
    if (IS_WINDOWS && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
        result = safeTrimTrailingSeparator(result);
    }
    return result;
}
/**
 * Roots the path if not already rooted. On Windows, relative roots like `\`
 * or `C:` are expanded based on the current working directory.
 */
function ensureAbsoluteRoot(root, itemPath) {
    external_assert_(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
    external_assert_(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Already rooted
    if (hasAbsoluteRoot(itemPath)) {
        return itemPath;
    }
    // Windows
    if (IS_WINDOWS) {
        // Check for itemPath like C: or C:foo
        if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
            let cwd = process.cwd();
            external_assert_(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            // Drive letter matches cwd? Expand to cwd
            if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
                // Drive only, e.g. C:
                if (itemPath.length === 2) {
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}`;
                }
                // Drive + path, e.g. C:foo
                else {
                    if (!cwd.endsWith('\\')) {
                        cwd += '\\';
                    }
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
                }
            }
            // Different drive
            else {
                return `${itemPath[0]}:\\${itemPath.substr(2)}`;
            }
        }
        // Check for itemPath like \ or \foo
        else if (normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
            const cwd = process.cwd();
            external_assert_(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            return `${cwd[0]}:\\${itemPath.substr(1)}`;
        }
    }
    external_assert_(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
    // Otherwise ensure root ends with a separator
    if (root.endsWith('/') || (IS_WINDOWS && root.endsWith('\\'))) {
        // Intentionally empty
    }
    else {
        // Append separator
        root += external_path_.sep;
    }
    return root + itemPath;
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\\hello\share` and `C:\hello` (and using alternate separator).
 */
function hasAbsoluteRoot(itemPath) {
    external_assert_(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS) {
        // E.g. \\hello\share or C:\hello
        return itemPath.startsWith('\\\\') || /^[A-Z]:\\/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\`, `\hello`, `\\hello\share`, `C:`, and `C:\hello` (and using alternate separator).
 */
function hasRoot(itemPath) {
    external_assert_(itemPath, `isRooted parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS) {
        // E.g. \ or \hello or \\hello
        // E.g. C: or C:\hello
        return itemPath.startsWith('\\') || /^[A-Z]:/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * Removes redundant slashes and converts `/` to `\` on Windows
 */
function normalizeSeparators(p) {
    p = p || '';
    // Windows
    if (IS_WINDOWS) {
        // Convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // Remove redundant slashes
        const isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading \\ for UNC
    }
    // Remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
/**
 * Normalizes the path separators and trims the trailing separator (when safe).
 * For example, `/foo/ => /foo` but `/ => /`
 */
function safeTrimTrailingSeparator(p) {
    // Short-circuit if empty
    if (!p) {
        return '';
    }
    // Normalize separators
    p = normalizeSeparators(p);
    // No trailing slash
    if (!p.endsWith(external_path_.sep)) {
        return p;
    }
    // Check '/' on Linux/macOS and '\' on Windows
    if (p === external_path_.sep) {
        return p;
    }
    // On Windows check if drive root. E.g. C:\
    if (IS_WINDOWS && /^[A-Z]:\\$/i.test(p)) {
        return p;
    }
    // Otherwise trim trailing slash
    return p.substr(0, p.length - 1);
}
//# sourceMappingURL=internal-path-helper.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-match-kind.js
/**
 * Indicates whether a pattern matches a path
 */
var MatchKind;
(function (MatchKind) {
    /** Not matched */
    MatchKind[MatchKind["None"] = 0] = "None";
    /** Matched if the path is a directory */
    MatchKind[MatchKind["Directory"] = 1] = "Directory";
    /** Matched if the path is a regular file */
    MatchKind[MatchKind["File"] = 2] = "File";
    /** Matched */
    MatchKind[MatchKind["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));
//# sourceMappingURL=internal-match-kind.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern-helper.js


const internal_pattern_helper_IS_WINDOWS = process.platform === 'win32';
/**
 * Given an array of patterns, returns an array of paths to search.
 * Duplicates and paths under other included paths are filtered out.
 */
function getSearchPaths(patterns) {
    // Ignore negate patterns
    patterns = patterns.filter(x => !x.negate);
    // Create a map of all search paths
    const searchPathMap = {};
    for (const pattern of patterns) {
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        searchPathMap[key] = 'candidate';
    }
    const result = [];
    for (const pattern of patterns) {
        // Check if already included
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        if (searchPathMap[key] === 'included') {
            continue;
        }
        // Check for an ancestor search path
        let foundAncestor = false;
        let tempKey = key;
        let parent = dirname(tempKey);
        while (parent !== tempKey) {
            if (searchPathMap[parent]) {
                foundAncestor = true;
                break;
            }
            tempKey = parent;
            parent = dirname(tempKey);
        }
        // Include the search pattern in the result
        if (!foundAncestor) {
            result.push(pattern.searchPath);
            searchPathMap[key] = 'included';
        }
    }
    return result;
}
/**
 * Matches the patterns against the path
 */
function internal_pattern_helper_match(patterns, itemPath) {
    let result = MatchKind.None;
    for (const pattern of patterns) {
        if (pattern.negate) {
            result &= ~pattern.match(itemPath);
        }
        else {
            result |= pattern.match(itemPath);
        }
    }
    return result;
}
/**
 * Checks whether to descend further into the directory
 */
function internal_pattern_helper_partialMatch(patterns, itemPath) {
    return patterns.some(x => !x.negate && x.partialMatch(itemPath));
}
//# sourceMappingURL=internal-pattern-helper.js.map
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const esm_path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? esm_path.win32.sep : esm_path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path.js



const internal_path_IS_WINDOWS = process.platform === 'win32';
/**
 * Helper class for parsing paths into segments
 */
class Path {
    /**
     * Constructs a Path
     * @param itemPath Path or array of segments
     */
    constructor(itemPath) {
        this.segments = [];
        // String
        if (typeof itemPath === 'string') {
            external_assert_(itemPath, `Parameter 'itemPath' must not be empty`);
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
            // Not rooted
            if (!hasRoot(itemPath)) {
                this.segments = itemPath.split(external_path_.sep);
            }
            // Rooted
            else {
                // Add all segments, while not at the root
                let remaining = itemPath;
                let dir = dirname(remaining);
                while (dir !== remaining) {
                    // Add the segment
                    const basename = external_path_.basename(remaining);
                    this.segments.unshift(basename);
                    // Truncate the last segment
                    remaining = dir;
                    dir = dirname(remaining);
                }
                // Remainder is the root
                this.segments.unshift(remaining);
            }
        }
        // Array
        else {
            // Must not be empty
            external_assert_(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
            // Each segment
            for (let i = 0; i < itemPath.length; i++) {
                let segment = itemPath[i];
                // Must not be empty
                external_assert_(segment, `Parameter 'itemPath' must not contain any empty segments`);
                // Normalize slashes
                segment = normalizeSeparators(itemPath[i]);
                // Root segment
                if (i === 0 && hasRoot(segment)) {
                    segment = safeTrimTrailingSeparator(segment);
                    external_assert_(segment === dirname(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
                    this.segments.push(segment);
                }
                // All other segments
                else {
                    // Must not contain slash
                    external_assert_(!segment.includes(external_path_.sep), `Parameter 'itemPath' contains unexpected path separators`);
                    this.segments.push(segment);
                }
            }
        }
    }
    /**
     * Converts the path to it's string representation
     */
    toString() {
        // First segment
        let result = this.segments[0];
        // All others
        let skipSlash = result.endsWith(external_path_.sep) || (internal_path_IS_WINDOWS && /^[A-Z]:$/i.test(result));
        for (let i = 1; i < this.segments.length; i++) {
            if (skipSlash) {
                skipSlash = false;
            }
            else {
                result += external_path_.sep;
            }
            result += this.segments[i];
        }
        return result;
    }
}
//# sourceMappingURL=internal-path.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern.js







const internal_pattern_IS_WINDOWS = process.platform === 'win32';
class Pattern {
    constructor(patternOrNegate, isImplicitPattern = false, segments, homedir) {
        /**
         * Indicates whether matches should be excluded from the result set
         */
        this.negate = false;
        // Pattern overload
        let pattern;
        if (typeof patternOrNegate === 'string') {
            pattern = patternOrNegate.trim();
        }
        // Segments overload
        else {
            // Convert to pattern
            segments = segments || [];
            external_assert_(segments.length, `Parameter 'segments' must not empty`);
            const root = Pattern.getLiteral(segments[0]);
            external_assert_(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
            pattern = new Path(segments).toString().trim();
            if (patternOrNegate) {
                pattern = `!${pattern}`;
            }
        }
        // Negate
        while (pattern.startsWith('!')) {
            this.negate = !this.negate;
            pattern = pattern.substr(1).trim();
        }
        // Normalize slashes and ensures absolute root
        pattern = Pattern.fixupPattern(pattern, homedir);
        // Segments
        this.segments = new Path(pattern).segments;
        // Trailing slash indicates the pattern should only match directories, not regular files
        this.trailingSeparator = normalizeSeparators(pattern)
            .endsWith(external_path_.sep);
        pattern = safeTrimTrailingSeparator(pattern);
        // Search path (literal path prior to the first glob segment)
        let foundGlob = false;
        const searchSegments = this.segments
            .map(x => Pattern.getLiteral(x))
            .filter(x => !foundGlob && !(foundGlob = x === ''));
        this.searchPath = new Path(searchSegments).toString();
        // Root RegExp (required when determining partial match)
        this.rootRegExp = new RegExp(Pattern.regExpEscape(searchSegments[0]), internal_pattern_IS_WINDOWS ? 'i' : '');
        this.isImplicitPattern = isImplicitPattern;
        // Create minimatch
        const minimatchOptions = {
            dot: true,
            nobrace: true,
            nocase: internal_pattern_IS_WINDOWS,
            nocomment: true,
            noext: true,
            nonegate: true
        };
        pattern = internal_pattern_IS_WINDOWS ? pattern.replace(/\\/g, '/') : pattern;
        this.minimatch = new Minimatch(pattern, minimatchOptions);
    }
    /**
     * Matches the pattern against the specified path
     */
    match(itemPath) {
        // Last segment is globstar?
        if (this.segments[this.segments.length - 1] === '**') {
            // Normalize slashes
            itemPath = normalizeSeparators(itemPath);
            // Append a trailing slash. Otherwise Minimatch will not match the directory immediately
            // preceding the globstar. For example, given the pattern `/foo/**`, Minimatch returns
            // false for `/foo` but returns true for `/foo/`. Append a trailing slash to handle that quirk.
            if (!itemPath.endsWith(external_path_.sep) && this.isImplicitPattern === false) {
                // Note, this is safe because the constructor ensures the pattern has an absolute root.
                // For example, formats like C: and C:foo on Windows are resolved to an absolute root.
                itemPath = `${itemPath}${external_path_.sep}`;
            }
        }
        else {
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
        }
        // Match
        if (this.minimatch.match(itemPath)) {
            return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
        }
        return MatchKind.None;
    }
    /**
     * Indicates whether the pattern may match descendants of the specified path
     */
    partialMatch(itemPath) {
        // Normalize slashes and trim unnecessary trailing slash
        itemPath = safeTrimTrailingSeparator(itemPath);
        // matchOne does not handle root path correctly
        if (dirname(itemPath) === itemPath) {
            return this.rootRegExp.test(itemPath);
        }
        return this.minimatch.matchOne(itemPath.split(internal_pattern_IS_WINDOWS ? /\\+/ : /\/+/), this.minimatch.set[0], true);
    }
    /**
     * Escapes glob patterns within a path
     */
    static globEscape(s) {
        return (internal_pattern_IS_WINDOWS ? s : s.replace(/\\/g, '\\\\')) // escape '\' on Linux/macOS
            .replace(/(\[)(?=[^/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
            .replace(/\?/g, '[?]') // escape '?'
            .replace(/\*/g, '[*]'); // escape '*'
    }
    /**
     * Normalizes slashes and ensures absolute root
     */
    static fixupPattern(pattern, homedir) {
        // Empty
        external_assert_(pattern, 'pattern cannot be empty');
        // Must not contain `.` segment, unless first segment
        // Must not contain `..` segment
        const literalSegments = new Path(pattern).segments.map(x => Pattern.getLiteral(x));
        external_assert_(literalSegments.every((x, i) => (x !== '.' || i === 0) && x !== '..'), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
        // Must not contain globs in root, e.g. Windows UNC path \\foo\b*r
        external_assert_(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
        // Normalize slashes
        pattern = normalizeSeparators(pattern);
        // Replace leading `.` segment
        if (pattern === '.' || pattern.startsWith(`.${external_path_.sep}`)) {
            pattern = Pattern.globEscape(process.cwd()) + pattern.substr(1);
        }
        // Replace leading `~` segment
        else if (pattern === '~' || pattern.startsWith(`~${external_path_.sep}`)) {
            homedir = homedir || external_os_.homedir();
            external_assert_(homedir, 'Unable to determine HOME directory');
            external_assert_(hasAbsoluteRoot(homedir), `Expected HOME directory to be a rooted path. Actual '${homedir}'`);
            pattern = Pattern.globEscape(homedir) + pattern.substr(1);
        }
        // Replace relative drive root, e.g. pattern is C: or C:foo
        else if (internal_pattern_IS_WINDOWS &&
            (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', pattern.substr(0, 2));
            if (pattern.length > 2 && !root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(2);
        }
        // Replace relative root, e.g. pattern is \ or \foo
        else if (internal_pattern_IS_WINDOWS && (pattern === '\\' || pattern.match(/^\\[^\\]/))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', '\\');
            if (!root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(1);
        }
        // Otherwise ensure absolute root
        else {
            pattern = ensureAbsoluteRoot(Pattern.globEscape(process.cwd()), pattern);
        }
        return normalizeSeparators(pattern);
    }
    /**
     * Attempts to unescape a pattern segment to create a literal path segment.
     * Otherwise returns empty string.
     */
    static getLiteral(segment) {
        let literal = '';
        for (let i = 0; i < segment.length; i++) {
            const c = segment[i];
            // Escape
            if (c === '\\' && !internal_pattern_IS_WINDOWS && i + 1 < segment.length) {
                literal += segment[++i];
                continue;
            }
            // Wildcard
            else if (c === '*' || c === '?') {
                return '';
            }
            // Character set
            else if (c === '[' && i + 1 < segment.length) {
                let set = '';
                let closed = -1;
                for (let i2 = i + 1; i2 < segment.length; i2++) {
                    const c2 = segment[i2];
                    // Escape
                    if (c2 === '\\' && !internal_pattern_IS_WINDOWS && i2 + 1 < segment.length) {
                        set += segment[++i2];
                        continue;
                    }
                    // Closed
                    else if (c2 === ']') {
                        closed = i2;
                        break;
                    }
                    // Otherwise
                    else {
                        set += c2;
                    }
                }
                // Closed?
                if (closed >= 0) {
                    // Cannot convert
                    if (set.length > 1) {
                        return '';
                    }
                    // Convert to literal
                    if (set) {
                        literal += set;
                        i = closed;
                        continue;
                    }
                }
                // Otherwise fall thru
            }
            // Append
            literal += c;
        }
        return literal;
    }
    /**
     * Escapes regexp special characters
     * https://javascript.info/regexp-escaping
     */
    static regExpEscape(s) {
        return s.replace(/[[\\^$.|?*+()]/g, '\\$&');
    }
}
//# sourceMappingURL=internal-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-search-state.js
class SearchState {
    constructor(path, level) {
        this.path = path;
        this.level = level;
    }
}
//# sourceMappingURL=internal-search-state.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-globber.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __asyncValues = (undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};
var __await = (undefined && undefined.__await) || function (v) { return this instanceof __await ? (this.v = v, this) : new __await(v); }
var __asyncGenerator = (undefined && undefined.__asyncGenerator) || function (thisArg, _arguments, generator) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var g = generator.apply(thisArg, _arguments || []), i, q = [];
    return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function () { return this; }, i;
    function awaitReturn(f) { return function (v) { return Promise.resolve(v).then(f, reject); }; }
    function verb(n, f) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; if (f) i[n] = f(i[n]); } }
    function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
    function step(r) { r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r); }
    function fulfill(value) { resume("next", value); }
    function reject(value) { resume("throw", value); }
    function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
};








const internal_globber_IS_WINDOWS = process.platform === 'win32';
class DefaultGlobber {
    constructor(options) {
        this.patterns = [];
        this.searchPaths = [];
        this.options = getOptions(options);
    }
    getSearchPaths() {
        // Return a copy
        return this.searchPaths.slice();
    }
    glob() {
        return __awaiter(this, void 0, void 0, function* () {
            var _a, e_1, _b, _c;
            const result = [];
            try {
                for (var _d = true, _e = __asyncValues(this.globGenerator()), _f; _f = yield _e.next(), _a = _f.done, !_a; _d = true) {
                    _c = _f.value;
                    _d = false;
                    const itemPath = _c;
                    result.push(itemPath);
                }
            }
            catch (e_1_1) { e_1 = { error: e_1_1 }; }
            finally {
                try {
                    if (!_d && !_a && (_b = _e.return)) yield _b.call(_e);
                }
                finally { if (e_1) throw e_1.error; }
            }
            return result;
        });
    }
    globGenerator() {
        return __asyncGenerator(this, arguments, function* globGenerator_1() {
            // Fill in defaults options
            const options = getOptions(this.options);
            // Implicit descendants?
            const patterns = [];
            for (const pattern of this.patterns) {
                patterns.push(pattern);
                if (options.implicitDescendants &&
                    (pattern.trailingSeparator ||
                        pattern.segments[pattern.segments.length - 1] !== '**')) {
                    patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat('**')));
                }
            }
            // Push the search paths
            const stack = [];
            for (const searchPath of getSearchPaths(patterns)) {
                lib_core.debug(`Search path '${searchPath}'`);
                // Exists?
                try {
                    // Intentionally using lstat. Detection for broken symlink
                    // will be performed later (if following symlinks).
                    yield __await(external_fs_.promises.lstat(searchPath));
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        continue;
                    }
                    throw err;
                }
                stack.unshift(new SearchState(searchPath, 1));
            }
            // Search
            const traversalChain = []; // used to detect cycles
            while (stack.length) {
                // Pop
                const item = stack.pop();
                // Match?
                const match = internal_pattern_helper_match(patterns, item.path);
                const partialMatch = !!match || internal_pattern_helper_partialMatch(patterns, item.path);
                if (!match && !partialMatch) {
                    continue;
                }
                // Stat
                const stats = yield __await(DefaultGlobber.stat(item, options, traversalChain)
                // Broken symlink, or symlink cycle detected, or no longer exists
                );
                // Broken symlink, or symlink cycle detected, or no longer exists
                if (!stats) {
                    continue;
                }
                // Hidden file or directory?
                if (options.excludeHiddenFiles && external_path_.basename(item.path).match(/^\./)) {
                    continue;
                }
                // Directory
                if (stats.isDirectory()) {
                    // Matched
                    if (match & MatchKind.Directory && options.matchDirectories) {
                        yield yield __await(item.path);
                    }
                    // Descend?
                    else if (!partialMatch) {
                        continue;
                    }
                    // Push the child items in reverse
                    const childLevel = item.level + 1;
                    const childItems = (yield __await(external_fs_.promises.readdir(item.path))).map(x => new SearchState(external_path_.join(item.path, x), childLevel));
                    stack.push(...childItems.reverse());
                }
                // File
                else if (match & MatchKind.File) {
                    yield yield __await(item.path);
                }
            }
        });
    }
    /**
     * Constructs a DefaultGlobber
     */
    static create(patterns, options) {
        return __awaiter(this, void 0, void 0, function* () {
            const result = new DefaultGlobber(options);
            if (internal_globber_IS_WINDOWS) {
                patterns = patterns.replace(/\r\n/g, '\n');
                patterns = patterns.replace(/\r/g, '\n');
            }
            const lines = patterns.split('\n').map(x => x.trim());
            for (const line of lines) {
                // Empty or comment
                if (!line || line.startsWith('#')) {
                    continue;
                }
                // Pattern
                else {
                    result.patterns.push(new Pattern(line));
                }
            }
            result.searchPaths.push(...getSearchPaths(result.patterns));
            return result;
        });
    }
    static stat(item, options, traversalChain) {
        return __awaiter(this, void 0, void 0, function* () {
            // Note:
            // `stat` returns info about the target of a symlink (or symlink chain)
            // `lstat` returns info about a symlink itself
            let stats;
            if (options.followSymbolicLinks) {
                try {
                    // Use `stat` (following symlinks)
                    stats = yield external_fs_.promises.stat(item.path);
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        if (options.omitBrokenSymbolicLinks) {
                            lib_core.debug(`Broken symlink '${item.path}'`);
                            return undefined;
                        }
                        throw new Error(`No information found for the path '${item.path}'. This may indicate a broken symbolic link.`);
                    }
                    throw err;
                }
            }
            else {
                // Use `lstat` (not following symlinks)
                stats = yield external_fs_.promises.lstat(item.path);
            }
            // Note, isDirectory() returns false for the lstat of a symlink
            if (stats.isDirectory() && options.followSymbolicLinks) {
                // Get the realpath
                const realPath = yield external_fs_.promises.realpath(item.path);
                // Fixup the traversal chain to match the item level
                while (traversalChain.length >= item.level) {
                    traversalChain.pop();
                }
                // Test for a cycle
                if (traversalChain.some((x) => x === realPath)) {
                    lib_core.debug(`Symlink cycle detected for path '${item.path}' and realpath '${realPath}'`);
                    return undefined;
                }
                // Update the traversal chain
                traversalChain.push(realPath);
            }
            return stats;
        });
    }
}
//# sourceMappingURL=internal-globber.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(982);
// EXTERNAL MODULE: external "stream"
var external_stream_ = __nccwpck_require__(203);
// EXTERNAL MODULE: external "util"
var external_util_ = __nccwpck_require__(23);
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-hash-files.js
var internal_hash_files_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var internal_hash_files_asyncValues = (undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};






function hashFiles(globber_1, currentWorkspace_1) {
    return internal_hash_files_awaiter(this, arguments, void 0, function* (globber, currentWorkspace, verbose = false) {
        var _a, e_1, _b, _c;
        var _d;
        const writeDelegate = verbose ? core.info : core.debug;
        let hasMatch = false;
        const githubWorkspace = currentWorkspace
            ? currentWorkspace
            : ((_d = process.env['GITHUB_WORKSPACE']) !== null && _d !== void 0 ? _d : process.cwd());
        const result = crypto.createHash('sha256');
        let count = 0;
        try {
            for (var _e = true, _f = internal_hash_files_asyncValues(globber.globGenerator()), _g; _g = yield _f.next(), _a = _g.done, !_a; _e = true) {
                _c = _g.value;
                _e = false;
                const file = _c;
                writeDelegate(file);
                if (!file.startsWith(`${githubWorkspace}${path.sep}`)) {
                    writeDelegate(`Ignore '${file}' since it is not under GITHUB_WORKSPACE.`);
                    continue;
                }
                if (fs.statSync(file).isDirectory()) {
                    writeDelegate(`Skip directory '${file}'.`);
                    continue;
                }
                const hash = crypto.createHash('sha256');
                const pipeline = util.promisify(stream.pipeline);
                yield pipeline(fs.createReadStream(file), hash);
                result.write(hash.digest());
                count++;
                if (!hasMatch) {
                    hasMatch = true;
                }
            }
        }
        catch (e_1_1) { e_1 = { error: e_1_1 }; }
        finally {
            try {
                if (!_e && !_a && (_b = _f.return)) yield _b.call(_f);
            }
            finally { if (e_1) throw e_1.error; }
        }
        result.end();
        if (hasMatch) {
            writeDelegate(`Found ${count} files to hash.`);
            return result.digest('hex');
        }
        else {
            writeDelegate(`No matches found for glob`);
            return '';
        }
    });
}
//# sourceMappingURL=internal-hash-files.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/glob.js
var glob_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Constructs a globber
 *
 * @param patterns  Patterns separated by newlines
 * @param options   Glob options
 */
function create(patterns, options) {
    return glob_awaiter(this, void 0, void 0, function* () {
        return yield DefaultGlobber.create(patterns, options);
    });
}
/**
 * Computes the sha256 hash of a glob
 *
 * @param patterns  Patterns separated by newlines
 * @param currentWorkspace  Workspace used when matching files
 * @param options   Glob options
 * @param verbose   Enables verbose logging
 */
function glob_hashFiles(patterns_1) {
    return glob_awaiter(this, arguments, void 0, function* (patterns, currentWorkspace = '', options, verbose = false) {
        let followSymbolicLinks = true;
        if (options && typeof options.followSymbolicLinks === 'boolean') {
            followSymbolicLinks = options.followSymbolicLinks;
        }
        const globber = yield create(patterns, { followSymbolicLinks });
        return _hashFiles(globber, currentWorkspace, verbose);
    });
}
//# sourceMappingURL=glob.js.map

/***/ }),

/***/ 61:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Headers: () => (/* binding */ Headers),
  HttpClient: () => (/* binding */ HttpClient),
  HttpClientError: () => (/* binding */ HttpClientError),
  HttpClientResponse: () => (/* binding */ HttpClientResponse),
  HttpCodes: () => (/* binding */ HttpCodes),
  MediaTypes: () => (/* binding */ MediaTypes),
  getProxyUrl: () => (/* binding */ lib_getProxyUrl),
  isHttps: () => (/* binding */ isHttps)
});

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./packages/undici-unused/index.js
// @actions/http-client imports ProxyAgent from undici for the method getAgentDispatcher alone, which nothing
// in the action calls (test/e2e-bundle.test.ts checks the bundle for callers). Should that change, this
// error names the cause instead of a request quietly skipping the proxy.
class ProxyAgent {
  constructor() {
    throw new Error(
      'cloud-phone-deploy bundles no undici (packages/undici-unused): HttpClient.getAgentDispatcher is not supported',
    );
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var src_core = __nccwpck_require__(476);
// EXTERNAL MODULE: ./src/http/timing.ts
var timing = __nccwpck_require__(568);
// EXTERNAL MODULE: ./src/zod.ts + 15 modules
var zod = __nccwpck_require__(455);
// EXTERNAL MODULE: ./src/inputs/names.ts + 1 modules
var names = __nccwpck_require__(284);
// EXTERNAL MODULE: ./src/inputs/reader.ts
var inputs_reader = __nccwpck_require__(66);
;// CONCATENATED MODULE: ./src/inputs/keyless.ts



// URN forms of IAM v5 (inferred from the console and the SDK's examples: iam::<account>:agency:<name>,
// iam::<account>:identity-provider:<name>); checked loosely, but a swapped pair is caught.
const urn = (kind, example) => zod/* string */.YjP().check(zod/* maxLength */.Ru6(1500, { message: 'must be at most 1500 characters' }), zod/* regex */.yGV(new RegExp(`^iam::[A-Za-z0-9]{1,64}:${kind}:[^\\s]+$`), {
    message: `must be the URN of an IAM ${kind === 'agency' ? 'agency' : 'identity provider'}, such as '${example}'`,
}));
const AGENCY_URN = urn('agency', 'iam::<account-id>:agency:cloud-phone-deploy');
// No official page fixes an OIDC provider URN's shape: refuse only what is certainly wrong (spaces,
// an agency URN given in its place), and let STS judge the rest.
const PROVIDER_URN = zod/* string */.YjP().check(zod/* maxLength */.Ru6(1500, { message: 'must be at most 1500 characters' }), zod/* regex */.yGV(/^\S+$/, {
    message: "must be the URN of an IAM identity provider, such as 'iam::<account-id>:identity-provider:github-actions'",
}), zod/* refine */.YPB((v) => !/^iam::[^:]*:agency:/.test(v), {
    message: 'must be the URN of an IAM identity provider, not of an agency: give that one as agency-urn',
}));
/**
 * Regions with an STS endpoint in Huawei's SDK region tables (StsRegion of the Java and Python SDKs;
 * the Go SDK adds cn-north-9 and cn-south-4). STS may be called at any regional endpoint (IAM page
 * iam_01_1237), but a region missing here (cn-east-2, cn-east-4, af-north-1, la-north-2,
 * ru-northwest-2...) has no host we know of: sts-endpoint must then be given.
 */
const STS_REGIONS = new Set([
    'cn-north-4',
    'cn-north-9',
    'cn-south-1',
    'cn-south-4',
    'cn-east-3',
    'cn-southwest-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'sa-brazil-1',
    'la-south-2',
    'af-south-1',
    'tr-west-1',
]);
/** A documented STS region near each region the tables leave out, to suggest. */
const NEAR_STS = {
    'cn-east-2': 'cn-east-3',
    'cn-east-4': 'cn-east-3',
    'af-north-1': 'af-south-1',
    'la-north-2': 'la-south-2',
};
// STS accepts 900 s to 12 h (API page AssumeAgencyWithOIDC); the agency's own maximum may be lower.
const SESSION_DURATION = inputs_reader/* rules */.aO.duration({ ms: 5 * 86_400_000, text: '120h' }).check(zod/* refine */.YPB((ms) => ms >= 900_000 && ms <= 43_200_000, {
    message: 'must be a duration from 15m to 12h (the range STS accepts)',
}));
// agency_session_name: 2..128 characters (API page); the character set is inferred (as for AssumeAgency).
const SESSION_NAME_CHARS = /[^\w+=,.@-]/g;
const SESSION_NAME = zod/* string */.YjP()
    .check(zod/* regex */.yGV(/^[\w+=,.@-]{2,128}$/, { message: 'must be 2 to 128 letters, digits or _ + = , . @ -' }));
const AUDIENCE = zod/* string */.YjP()
    .check(zod/* maxLength */.Ru6(1000, { message: 'must be at most 1000 characters' }), zod/* regex */.yGV(/^[^\s,]+$/, { message: 'must be one audience, without spaces or commas' }));
const KEY_INPUTS = [names/* Inputs */.G0.AccessKey, names/* Inputs */.G0.SecretKey, names/* Inputs */.G0.SecurityToken, names/* Inputs */.G0.AuthToken];
/**
 * Keyless authentication is chosen by giving agency-urn. Returns undefined when it is not, after
 * making sure no keyless-only input was given on its own.
 */
function readKeyless(reader, region, env) {
    const agencyUrn = reader.optional(names/* Inputs */.G0.AgencyUrn, AGENCY_URN);
    const providerUrn = reader.optional(names/* Inputs */.G0.IdentityProviderUrn, PROVIDER_URN);
    const exportCredentials = reader.withDefault(names/* Inputs */.G0.ExportCredentials, inputs_reader/* rules */.aO.boolean);
    if (agencyUrn === undefined) {
        if (providerUrn !== undefined)
            reader.fail(names/* Inputs */.G0.AgencyUrn, 'is required with identity-provider-urn: give both for keyless authentication, or neither', '');
        if (exportCredentials)
            reader.fail(names/* Inputs */.G0.ExportCredentials, 'exports the temporary keys of keyless authentication: give agency-urn and identity-provider-urn, or remove it', 'true');
        for (const name of [
            names/* Inputs */.G0.OidcAudience,
            names/* Inputs */.G0.SessionDuration,
            names/* Inputs */.G0.SessionName,
            names/* Inputs */.G0.StsEndpoint,
        ]) {
            if (reader.isExplicit(name))
                reader.fail(name, 'is for keyless authentication: give agency-urn and identity-provider-urn too, or remove it');
        }
        return undefined;
    }
    if (providerUrn === undefined)
        reader.fail(names/* Inputs */.G0.IdentityProviderUrn, 'is required with agency-urn: the URN of the OIDC identity provider the agency trusts', '');
    for (const name of KEY_INPUTS) {
        if (reader.isExplicit(name))
            reader.fail(name, `cannot be combined with agency-urn (keyless authentication): remove ${name}, or remove agency-urn to use keys`);
    }
    const stsEndpoint = reader.optional(names/* Inputs */.G0.StsEndpoint, inputs_reader/* rules */.aO.endpoint) ??
        (region === undefined
            ? reader.fail(names/* Inputs */.G0.Region, 'is required for keyless authentication unless sts-endpoint is given: STS is called in this region', '')
            : STS_REGIONS.has(region)
                ? (0,names/* stsDefaultEndpoint */.Fi)(region)
                : reader.fail(names/* Inputs */.G0.StsEndpoint, `is required in region ${region}: Huawei's SDKs list no STS endpoint there. STS can be called at any regional endpoint, e.g. ${(0,names/* stsDefaultEndpoint */.Fi)(NEAR_STS[region] ?? 'cn-north-4')}`, ''));
    return {
        agencyUrn,
        providerUrn,
        audience: reader.optional(names/* Inputs */.G0.OidcAudience, AUDIENCE),
        durationSeconds: Math.round(reader.withDefault(names/* Inputs */.G0.SessionDuration, SESSION_DURATION) / 1000),
        sessionName: reader.optional(names/* Inputs */.G0.SessionName, SESSION_NAME) ?? defaultSessionName(env),
        stsEndpoint,
        exportCredentials,
        ignoredEnv: KEY_INPUTS.map((name) => names/* EnvFallbacks */.tj[name]).filter((v) => v !== undefined && (env[v] ?? '').trim() !== ''),
    };
}
/** `<owner>-<repo>-<run id>`, cleaned to the API's characters and cut to 128 keeping the run id. */
function defaultSessionName(env) {
    const run = (env.GITHUB_RUN_ID ?? '').replace(SESSION_NAME_CHARS, '');
    const repo = (env.GITHUB_REPOSITORY ?? '').replace(SESSION_NAME_CHARS, '-').replace(/^-+|-+$/g, '');
    const tail = run ? `-${run.slice(0, 40)}` : '';
    const name = `${repo.slice(0, 128 - tail.length)}${tail}`.replace(/^-+/, '');
    return name.length >= 2 ? name : 'cloud-phone-deploy';
}

;// CONCATENATED MODULE: ./src/inputs/common.ts




// Region numbers run to three digits (eu-west-101, ap-southeast-101...).
const REGION = zod/* string */.YjP().check(zod/* regex */.yGV(/^[a-z]{2,4}(-[a-z]+)+-\d{1,3}$/, {
    message: "must be a Huawei Cloud region id such as 'cn-north-4' or 'ap-southeast-1'",
}));
const PROJECT_ID = zod/* string */.YjP().check(zod/* regex */.yGV(/^[0-9a-zA-Z-]{1,64}$/, {
    message: 'must be a project id (letters and digits, as shown under My Credentials > API Credentials in the console)',
}));
/**
 * Upper bounds (README, Inputs). wait-timeout: 5 days, the longest a self-hosted runner job may run
 * (GitHub-hosted jobs stop at 6 h). poll-interval: 1 h, longer would miss whole deployments.
 * request-timeout: 10 min, far beyond any answer the APIs document.
 */
const DURATION_MAX = {
    waitTimeout: { ms: 5 * 86_400_000, text: '120h (5 days, the longest a self-hosted runner job may run)' },
    pollInterval: { ms: 3_600_000, text: '1h' },
    requestTimeout: { ms: 600_000, text: '10m' },
};
const SECRET = zod/* string */.YjP().check(zod/* maxLength */.Ru6(4096, { message: 'must be at most 4096 characters' }));
/** Reads the inputs every operation shares: credentials, where to call, how to wait. */
function readCommonSettings(reader, source, env) {
    const region = reader.optional(names/* Inputs */.G0.Region, REGION);
    const credentials = readCredentials(reader, region, env);
    const projectId = reader.optional(names/* Inputs */.G0.ProjectId, PROJECT_ID);
    const explicitEndpoint = reader.optional(names/* Inputs */.G0.Endpoint, inputs_reader/* rules */.aO.endpoint);
    const common = {
        credentials,
        region,
        projectId,
        explicitEndpoint,
        wait: reader.withDefault(names/* Inputs */.G0.Wait, inputs_reader/* rules */.aO.boolean),
        waitTimeoutMs: reader.withDefault(names/* Inputs */.G0.WaitTimeout, inputs_reader/* rules */.aO.duration(DURATION_MAX.waitTimeout)),
        pollIntervalMs: reader.withDefault(names/* Inputs */.G0.PollInterval, inputs_reader/* rules */.aO.duration(DURATION_MAX.pollInterval)),
        failOn: reader.withDefault(names/* Inputs */.G0.FailOn, inputs_reader/* rules */.aO.choice(['any', 'all', 'never'])),
        dryRun: reader.withDefault(names/* Inputs */.G0.DryRun, inputs_reader/* rules */.aO.boolean),
        maxConcurrency: reader.withDefault(names/* Inputs */.G0.MaxConcurrency, inputs_reader/* rules */.aO.integer(1, 64)),
        requestTimeoutMs: reader.withDefault(names/* Inputs */.G0.RequestTimeout, inputs_reader/* rules */.aO.duration(DURATION_MAX.requestTimeout)),
    };
    if (common.pollIntervalMs < 1000)
        reader.fail(names/* Inputs */.G0.PollInterval, 'must be at least 1s', source(names/* Inputs */.G0.PollInterval));
    return common;
}
function readCredentials(reader, region, env) {
    const keyless = readKeyless(reader, region, env);
    if (keyless)
        return { kind: 'keyless', keyless };
    const token = reader.optional(names/* Inputs */.G0.AuthToken, SECRET);
    const explicitKeys = reader.isExplicit(names/* Inputs */.G0.AccessKey) || reader.isExplicit(names/* Inputs */.G0.SecretKey);
    if (token !== undefined) {
        if (explicitKeys) {
            reader.fail(names/* Inputs */.G0.AuthToken, 'cannot be combined with access-key/secret-key: choose one way to authenticate');
        }
        if (reader.isExplicit(names/* Inputs */.G0.SecurityToken)) {
            reader.fail(names/* Inputs */.G0.SecurityToken, 'goes with access-key/secret-key (temporary keys), not with auth-token');
        }
        return { kind: 'token', token };
    }
    const accessKey = reader.optional(names/* Inputs */.G0.AccessKey, SECRET);
    const secretKey = reader.optional(names/* Inputs */.G0.SecretKey, SECRET);
    const securityToken = reader.optional(names/* Inputs */.G0.SecurityToken, SECRET);
    if (accessKey === undefined && secretKey === undefined) {
        reader.fail(names/* Inputs */.G0.AccessKey, 'is required: give access-key and secret-key (or run huaweicloud/auth-action first, which sets HUAWEI_CLOUD_ACCESS_KEY_ID and HUAWEI_CLOUD_SECRET_ACCESS_KEY), or give auth-token');
    }
    if (accessKey === undefined)
        reader.fail(names/* Inputs */.G0.AccessKey, 'is required when secret-key is given', '');
    if (secretKey === undefined)
        reader.fail(names/* Inputs */.G0.SecretKey, 'is required when access-key is given', '');
    return { kind: 'aksk', accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
}
/**
 * export-credentials without operation: only what keyless authentication needs. Read here, on the
 * start-up side, so that the lazily loaded keyless code shares no zod-using module with it.
 */
function readAuthOnlySettings(source, env = process.env, maskSecret = () => { }) {
    const reader = new inputs_reader/* InputReader */.i_(source, env, maskSecret);
    const region = reader.optional(names/* Inputs */.G0.Region, REGION);
    const keyless = readKeyless(reader, region, env);
    if (!keyless)
        throw new Error('unreachable: export-credentials requires agency-urn');
    return {
        keyless,
        region,
        projectId: reader.optional(names/* Inputs */.G0.ProjectId, PROJECT_ID),
        dryRun: reader.withDefault(names/* Inputs */.G0.DryRun, inputs_reader/* rules */.aO.boolean),
        requestTimeoutMs: reader.withDefault(names/* Inputs */.G0.RequestTimeout, inputs_reader/* rules */.aO.duration(DURATION_MAX.requestTimeout)),
    };
}

// EXTERNAL MODULE: ./src/log/untrusted.ts
var untrusted = __nccwpck_require__(168);
;// CONCATENATED MODULE: ./src/report/annotations.ts

const MAX_ANNOTATIONS = 10;
/** One annotation per failed target, capped, so the run page points at what went wrong. */
function annotate(report) {
    const failed = report.jobs.filter((j) => j.status === 'failed' || j.status === 'unknown');
    for (const job of failed.slice(0, MAX_ANNOTATIONS)) {
        const what = job.stage
            ? `${job.targetType} ${job.target} (${job.stage})`
            : job.fanOut === 'phone' && job.server
                ? `${job.targetType} ${job.target} (server ${job.server})`
                : `${job.targetType} ${job.target}`;
        const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ') || job.status;
        untrusted/* log */.Rm.error(`${report.operation} on ${what}: ${(0,untrusted/* cap */.Np)((0,untrusted/* redactSecrets */.fp)(why), 1000)}`, {
            title: `Cloud Phone Deploy: ${job.status}`,
        });
    }
    if (failed.length > MAX_ANNOTATIONS) {
        untrusted/* log */.Rm.error(`…and ${failed.length - MAX_ANNOTATIONS} more failed targets: see the job summary and the results output.`);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/run/outcome.ts
function countJobs(jobs) {
    const counts = { total: jobs.length, succeeded: 0, failed: 0, running: 0, unknown: 0, skipped: 0 };
    for (const job of jobs) {
        if (job.status === 'succeeded')
            counts.succeeded++;
        else if (job.status === 'skipped')
            counts.skipped++;
        else if (job.status === 'running')
            counts.running++;
        else
            counts.failed++;
        if (job.status === 'unknown')
            counts.unknown++;
    }
    return counts;
}
function runStatus(counts, end) {
    if (end === 'halted')
        return end;
    // Not waiting, but nothing was started: every submit was refused, so the run failed.
    if (end === 'submitted' && counts.total > 0 && counts.failed === counts.total)
        return 'failed';
    if (end === 'dry-run' || end === 'submitted' || end === 'cancelled' || end === 'timed-out')
        return end;
    if (end === 'gave-up')
        return 'failed';
    if (counts.running > 0)
        return 'timed-out';
    if (counts.failed === 0)
        return 'succeeded';
    return counts.succeeded > 0 ? 'partial' : 'failed';
}
/**
 * Whether the step fails, per fail-on. A cancelled run always fails: the runner expects it to stop.
 * `failed` and `timed-out` fail unless fail-on is never: either nothing succeeded or we cannot say.
 */
function stepFails(status, counts, failOn) {
    if (status === 'cancelled')
        return true;
    if (failOn === 'never')
        return false;
    if (status === 'timed-out' || status === 'failed' || status === 'halted')
        return true;
    return failOn === 'any' && counts.failed > 0;
}
/**
 * Failed targets, ready to paste back into the input they came from (one per target even with several
 * jobs): deploy-app-version stages count for their server; an ADB command sent to servers lists its
 * failed phones, for `phones:`, and leaves out servers where no phone got a job (they are in `results`).
 */
function failedTargets(jobs) {
    const phonesOfServers = jobs.some((j) => j.fanOut === 'phone');
    return [
        ...new Set(jobs
            .filter((j) => j.status === 'failed' || j.status === 'unknown')
            .filter((j) => !(phonesOfServers && j.fanOut === 'server'))
            .map((j) => (j.stage ? (j.server ?? j.target) : j.target))),
    ];
}
/**
 * Targets whose outcome this run could not learn: still running when it ended (timed out, cancelled,
 * not waiting) or never started (a halted rollout). A re-run with these finishes the job; for installs,
 * `skip-installed: true` then leaves out the ones that completed meanwhile.
 */
function pendingTargets(jobs, notStarted = []) {
    const running = jobs
        .filter((j) => j.status === 'running')
        .map((j) => (j.stage ? (j.server ?? j.target) : j.target));
    return [...new Set([...notStarted, ...running])];
}

;// CONCATENATED MODULE: ./src/report/outputs.ts







/** GitHub takes at most 1 MB for one output: stay well inside it. */
const MAX_RESULTS_OUTPUT_BYTES = 900_000;
/** Longest error message or job output kept per record: one huge answer must not crowd out the others. */
const MAX_RECORD_TEXT = 16_384;
/** Service text as it goes into `results` and the results file: secrets redacted, then capped. */
function serviceText(text, max = MAX_RECORD_TEXT) {
    const clean = (0,untrusted/* redactSecrets */.fp)(text ?? '');
    return clean.length > max ? `${clean.slice(0, max)}… (${clean.length - max} more characters)` : clean;
}
function resultRecord(job) {
    return {
        target: serviceText(job.target, 256),
        target_type: job.targetType,
        job_id: serviceText(job.jobId, 256),
        status: job.status,
        error_code: serviceText(job.errorCode, 256),
        error_message: serviceText(job.errorMessage),
        output: serviceText(job.output),
        ...(job.installedVersionCode !== undefined
            ? { installed_version_code: String(job.installedVersionCode) }
            : {}),
        ...(job.smoke ? { smoke: job.smoke } : {}),
        ...(job.crash !== undefined ? { crash: serviceText(job.crash) } : {}),
        ...(job.stage
            ? {
                stage: serviceText(job.stage, 256),
                server: serviceText(job.server, 256),
                app_version_id: serviceText(job.appVersionId, 256),
            }
            : {}),
        ...(job.fanOut ? { server: serviceText(job.server, 256) } : {}),
    };
}
/**
 * Sets every output of action.yml, on every run, so a later step never reads a missing one. Results
 * that would not fit in one output go to a file; `results` then says so.
 */
function setOutputs(report, tempDir = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()) {
    const counts = countJobs(report.jobs);
    const records = report.jobs.map(resultRecord);
    const full = JSON.stringify(records);
    const file = (0,external_node_path_.join)(tempDir, `cloud-phone-deploy-results-${process.pid}-${Date.now()}.json`);
    let written = file;
    try {
        // The results can hold what jobs printed: readable by the runner's user only.
        (0,external_node_fs_.writeFileSync)(file, full, { mode: 0o600 });
    }
    catch (error) {
        // A missing or full RUNNER_TEMP must not cost the other outputs.
        untrusted/* log */.Rm.warning(`Could not write the results file: ${error.message}`);
        written = '';
    }
    const given = (name) => report.operationOutputs?.[name] ?? '';
    const { waves } = report;
    // One entry per output: the type refuses a missing or an unknown one.
    const values = {
        [names/* Outputs */.tY.Status]: report.status,
        [names/* Outputs */.tY.Results]: fitResults(records, full),
        [names/* Outputs */.tY.ResultsFile]: written,
        [names/* Outputs */.tY.Succeeded]: String(counts.succeeded),
        [names/* Outputs */.tY.Failed]: String(counts.failed),
        [names/* Outputs */.tY.Running]: String(counts.running),
        [names/* Outputs */.tY.FailedTargets]: fitFailedTargets(failedTargets(report.jobs)),
        [names/* Outputs */.tY.TaskIds]: JSON.stringify(report.batchIdsOutput === 'task-ids' ? report.batchIds : []),
        [names/* Outputs */.tY.RequestIds]: JSON.stringify(report.batchIdsOutput === 'request-ids' ? report.batchIds : []),
        [names/* Outputs */.tY.ApkUrl]: given(names/* Outputs */.tY.ApkUrl),
        [names/* Outputs */.tY.ObsObject]: given(names/* Outputs */.tY.ObsObject),
        [names/* Outputs */.tY.CredentialsExpiration]: report.credentialsExpiration?.toISOString() ?? '',
        [names/* Outputs */.tY.Targets]: JSON.stringify(report.targets ?? []),
        [names/* Outputs */.tY.Halted]: String(waves?.halted ?? false),
        [names/* Outputs */.tY.WavesCompleted]: String(waves?.completed ?? 0),
        // Every run derives it: its running jobs, and the targets a rollout did not start.
        [names/* Outputs */.tY.PendingTargets]: JSON.stringify(pendingTargets(report.jobs, waves?.notStarted ?? [])),
    };
    for (const [name, value] of Object.entries(values))
        src_core.setOutput(name, value);
    return counts;
}
/** Keeps failures first when trimming: they are what the next step acts on. */
function fitResults(records, full) {
    if (Buffer.byteLength(full) <= MAX_RESULTS_OUTPUT_BYTES)
        return full;
    const ordered = [...records].sort((a, b) => Number(a.status === 'succeeded') - Number(b.status === 'succeeded'));
    const kept = [];
    let size = 2;
    for (const record of ordered) {
        const text = JSON.stringify(record);
        // Bytes, not characters: service messages may be Chinese, three bytes a character.
        const bytes = Buffer.byteLength(text) + 1;
        // One oversized record must not push out the smaller ones after it.
        if (size + bytes > MAX_RESULTS_OUTPUT_BYTES)
            continue;
        kept.push(text);
        size += bytes;
    }
    untrusted/* log */.Rm.warning(`The results of ${records.length} jobs exceed GitHub's 1 MB output limit: 'results' holds ${kept.length} of them (failures first); all are in the file named by 'results-file'.`);
    return `[${kept.join(',')}]`;
}
/** 20,000 ids of 64 characters would pass the output limit: keep whole ids that fit, and say so. */
function fitFailedTargets(targets) {
    const full = targets.join(',');
    if (Buffer.byteLength(full) <= MAX_RESULTS_OUTPUT_BYTES)
        return full;
    let size = 0;
    let count = 0;
    for (const target of targets) {
        size += Buffer.byteLength(target) + 1;
        if (size > MAX_RESULTS_OUTPUT_BYTES)
            break;
        count++;
    }
    untrusted/* log */.Rm.warning(`The ${targets.length} failed targets exceed GitHub's 1 MB output limit: 'failed-targets' lists the first ${count}; all are in the file named by 'results-file'.`);
    return targets.slice(0, count).join(',');
}

// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __nccwpck_require__(601);
// EXTERNAL MODULE: ./src/inputs/target-list.ts
var target_list = __nccwpck_require__(442);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __nccwpck_require__(190);
;// CONCATENATED MODULE: ./src/operations/cph-commands.ts


/**
 * CPH's ADB command API (`phones/commands`): asynchronous, polled like any CPH job. Its answer is one
 * PhoneJob row per phone with no server id (SDK InstallApkResponse, RunShellCommandResponse), so
 * servers go one per call: that is the only way to tell which server each phone was reached through.
 */
function cphCommandCalls(fleet, command, content) {
    if (fleet.type === 'phone') {
        return (0,target_list/* chunk */.i)(fleet.ids, rules/* SERVERS_PER_CALL */.yI).map((targets) => ({
            path: '/phones/commands',
            body: { command, content, phone_ids: targets },
            targets,
        }));
    }
    return fleet.ids.map((server) => ({
        path: '/phones/commands',
        body: { command, content, server_ids: [server] },
        targets: [server],
        answersPerPhone: true,
    }));
}

// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __nccwpck_require__(549);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
// EXTERNAL MODULE: ./src/http/error-mapping.ts
var error_mapping = __nccwpck_require__(985);
// EXTERNAL MODULE: ./src/http/exchange.ts + 2 modules
var exchange = __nccwpck_require__(875);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __nccwpck_require__(902);
// EXTERNAL MODULE: ./src/auth/credentials.ts
var credentials = __nccwpck_require__(787);
;// CONCATENATED MODULE: ./src/api/signer.ts
/**
 * Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), written from the API reference.
 *
 * Wire conventions this module assumes (the transport must follow them):
 * - `url.pathname` is the path as sent. It is percent-decoded to bytes before being re-encoded,
 *   so `/a%20b` and `/a b` sign the same. The Go and Python signers also sign the decoded path
 *   (the Node.js SDK does not, and double-encodes `%`). An encoded `%2F` counts as a separator.
 * - `url.search` is the query as sent, decoded with URLSearchParams semantics: `+` means a space.
 *   The safest wire form never contains a literal `+` or space: send `%20` and `%2B`.
 */

const ALGORITHM = 'SDK-HMAC-SHA256';
const DATE_HEADER = 'X-Sdk-Date';
const TOKEN_HEADER = 'X-Security-Token';
/** `YYYYMMDDTHHMMSSZ` in UTC. */
function formatSdkDate(d) {
    // toISOString throws on an invalid date, which is what we want.
    return d
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
}
/** Adds `host` from `url.host` unless a Host header is given; `X-Sdk-Date` must be in `headers`. */
function canonicalRequest(method, url, headers, body) {
    const normalized = normalizeHeaders(headers);
    if (!normalized.has('host'))
        normalized.set('host', url.host);
    const names = [...normalized.keys()].sort(compareCodeUnits);
    const canonicalHeaders = names.map((name) => `${name}:${normalized.get(name)}\n`).join('');
    const signedHeaders = names.join(';');
    const canonical = [
        method.toUpperCase(),
        canonicalUri(url.pathname),
        canonicalQuery(url.searchParams),
        canonicalHeaders,
        signedHeaders,
        sha256Hex(body),
    ].join('\n');
    return { canonical, signedHeaders };
}
/**
 * Returns a new header object: the input headers (values trimmed, any stale Authorization or
 * X-Sdk-Date dropped) plus `X-Sdk-Date`, `X-Security-Token` when the credentials carry one, and
 * `Authorization`. Host is signed from `url.host` but only returned if it was passed in.
 */
function signRequest(req, creds, now = new Date()) {
    if (!creds.accessKey || !creds.secretKey)
        throw new Error('AK/SK credentials are empty');
    const date = formatSdkDate(now);
    const replaced = new Set(['authorization', DATE_HEADER.toLowerCase()]);
    if (creds.securityToken)
        replaced.add(TOKEN_HEADER.toLowerCase());
    const out = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (!replaced.has(name.toLowerCase()))
            out[name] = value.trim();
    }
    out[DATE_HEADER] = date;
    if (creds.securityToken)
        out[TOKEN_HEADER] = creds.securityToken;
    const { canonical, signedHeaders } = canonicalRequest(req.method, req.url, out, req.body);
    const stringToSign = [ALGORITHM, date, sha256Hex(canonical)].join('\n');
    const signature = (0,external_node_crypto_.createHmac)('sha256', creds.secretKey).update(stringToSign, 'utf8').digest('hex');
    out['Authorization'] =
        `${ALGORITHM} Access=${creds.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return out;
}
function normalizeHeaders(headers) {
    const map = new Map();
    for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        // Two spellings of one header would be sent as two headers and could never verify.
        if (map.has(lower))
            throw new Error(`Header "${lower}" is given more than once`);
        map.set(lower, value.trim());
    }
    return map;
}
function canonicalUri(pathname) {
    const encoded = encodeBytes(percentDecode(pathname), true);
    return encoded.endsWith('/') ? encoded : `${encoded}/`;
}
function canonicalQuery(params) {
    // Sorted on the decoded strings (UTF-16 order), as the official Node.js SDK does.
    return [...params]
        .sort(([an, av], [bn, bv]) => compareCodeUnits(an, bn) || compareCodeUnits(av, bv))
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
        .join('&');
}
function percentEncode(s) {
    return encodeBytes(Buffer.from(s, 'utf8'), false);
}
function encodeBytes(bytes, keepSlash) {
    let out = '';
    for (const b of bytes) {
        if (isUnreserved(b) || (keepSlash && b === 0x2f))
            out += String.fromCharCode(b);
        else
            out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
function isUnreserved(b) {
    return ((b >= 0x41 && b <= 0x5a) || // A-Z
        (b >= 0x61 && b <= 0x7a) || // a-z
        (b >= 0x30 && b <= 0x39) || // 0-9
        b === 0x2d || // -
        b === 0x2e || // .
        b === 0x5f || // _
        b === 0x7e // ~
    );
}
/** Decodes %XX escapes to raw bytes; a `%` not followed by two hex digits stays literal. */
function percentDecode(s) {
    const input = Buffer.from(s, 'utf8');
    const out = Buffer.alloc(input.length);
    let n = 0;
    for (let i = 0; i < input.length; i++) {
        const b = input[i];
        if (b === 0x25 && i + 2 < input.length && isHex(input[i + 1]) && isHex(input[i + 2])) {
            out[n++] = parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16);
            i += 2;
        }
        else {
            out[n++] = b;
        }
    }
    return out.subarray(0, n);
}
function isHex(b) {
    return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}
function compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data, 'utf8').digest('hex');
}

;// CONCATENATED MODULE: ./src/api/transport.ts








/**
 * The API families' side of the HTTP layer (src/http): signs (or adds the token), adds a fresh
 * x-request-id, parses JSON, and gives the retry loop the rule of what is safe to retry.
 *
 * GETs are idempotent: retried on throttling, 5xx, network failures and unparseable bodies.
 * POSTs start jobs: retried only on answers that prove the service did not act: throttling
 * (429/APIGW.0308/APIG.0308), 503, or a connection refused before anything was sent. Every attempt
 * keeps one x-request-id so that logs and support can trace the submit, but no Huawei source says a
 * repeated x-request-id de-duplicates a submit, and nothing here relies on it: an ambiguous failure
 * (timeout, reset, other 5xx) is never retried, and its targets are reported `unknown`.
 */
class Transport {
    config;
    // Polls reuse connections; a submit gets a fresh one, since a reset on a stale kept-alive socket
    // would look like an ambiguous failure of a job that was never sent.
    polls = new exchange/* Connections */.UQ(true);
    submits = new exchange/* Connections */.UQ(false);
    maxAttempts;
    constructor(config) {
        this.config = config;
        // Polls are retried briefly here and again by the next poll round, so a flaky gateway costs one
        // round, and a dead one ends the run after a few rounds instead of minutes of backoff.
        this.maxAttempts = config.maxAttempts ?? { submit: 4, poll: 3 };
    }
    dispose() {
        this.polls.dispose();
        this.submits.dispose();
    }
    async send(request, interpret) {
        const requestId = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
        const isSubmit = request.method !== 'GET' && !request.readOnly;
        const { signal, deadline, debug } = this.config;
        return (0,retry/* withRetries */.L)({
            attempts: isSubmit ? this.maxAttempts.submit : this.maxAttempts.poll,
            retryable: isSubmit ? isSafeToResubmit : isTransient,
            baseDelayMs: this.config.baseDelayMs ?? 500,
            signal,
            deadline,
            debug,
        }, async () => interpret(await this.attempt(request, requestId), request.action));
    }
    async attempt(request, requestId) {
        const url = new URL(this.config.baseUrl + request.path);
        for (const [name, value] of Object.entries(request.query ?? {}))
            url.searchParams.set(name, value);
        if (request.requestIdInQuery)
            url.searchParams.set('x-request-id', requestId);
        const body = request.body === undefined ? '' : JSON.stringify(request.body);
        let headers = { 'x-request-id': requestId };
        if (body !== '')
            headers['Content-Type'] = 'application/json';
        const creds = this.config.credentials;
        if (creds.kind === 'token') {
            headers['X-Auth-Token'] = creds.token;
        }
        else {
            if (this.config.projectIdHeader)
                headers['X-Project-Id'] = this.config.projectIdHeader;
            headers = signRequest({ method: request.method, url, headers, body }, await (0,credentials/* signingKeys */.a)(creds));
        }
        const started = (0,timing/* now */.tB)();
        let answer;
        try {
            answer = await (0,exchange/* exchange */.cv)(request.method === 'GET' ? this.polls : this.submits, {
                method: request.method,
                url,
                headers,
                ...(body === '' ? {} : { body }),
                timeoutMs: this.config.requestTimeoutMs,
                signal: this.config.signal,
                maxAnswerBytes: MAX_RESPONSE_BYTES,
            });
        }
        catch (error) {
            throw (0,error_mapping/* exchangeError */.mH)(error, { action: request.action, requestId });
        }
        const { status, body: text } = answer;
        this.config.debug?.(`${request.method} ${url.pathname}${url.search} -> HTTP ${status} in ${(0,timing/* now */.tB)() - started} ms (x-request-id ${requestId})`);
        let parsed;
        let unparseable = false;
        try {
            parsed = text === '' ? undefined : JSON.parse(text);
        }
        catch {
            unparseable = true;
        }
        const details = (0,error_mapping/* answerDetails */.ne)(request.action, answer, (0,error_mapping/* errorFields */.au)(parsed), requestId);
        if (status < 200 || status >= 300)
            throw new errors/* ApiError */.hD(details);
        const { action, requestId: reportedId, retryAfterMs } = details;
        if (unparseable || parsed === undefined) {
            throw new errors/* ApiError */.hD({ action, status, requestId: reportedId, retryAfterMs, unparseable: true }, `the response was not JSON (${(0,error_mapping/* describeBody */.MP)(text)})`);
        }
        return { status, body: parsed, requestId: reportedId };
    }
}
/** Transient for an idempotent poll: throttling, server errors, network trouble, garbage bodies. */
function isTransient(error) {
    const { code, unparseable } = error.details;
    if ((0,retry/* isTransientFailure */.R)(error) || unparseable)
        return true;
    return (0,errors/* isThrottled */.B5)(code) || code === 'KOOPHONE.API.9999' || code === 'CPS.0003';
}
/**
 * A failure of the path to the service rather than of the service: no connection, a lost or timed-out
 * connection, or a gateway that could not reach the backend. Polling rides these out until wait-timeout.
 */
function isOutage(error) {
    const { status, network } = error.details;
    if (network)
        return network === 'connect' || network === 'reset' || network === 'timeout';
    return status === 502 || status === 503 || status === 504;
}
/** Safe to send a submit again: the service certainly did not start anything. */
function isSafeToResubmit(error) {
    const { status, code, network } = error.details;
    return network === 'connect' || status === 429 || status === 503 || (0,errors/* isThrottled */.B5)(code);
}
/**
 * Largest response body we read. The biggest documented answer (a ListJobs page of 100 jobs with their
 * output) is far below; a larger body is a broken or hostile service and is not held in memory.
 */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

;// CONCATENATED MODULE: ./src/run/poll.ts



/**
 * The gap before the next poll: the configured interval for the first minute, where most jobs end
 * and a quick answer matters, then doubling each further minute up to 15 s (or the interval, if
 * larger), so long deployments cost few requests yet finish is noticed within seconds.
 */
function pollDelay(intervalMs, elapsedMs) {
    const cap = Math.max(intervalMs, 15_000);
    if (elapsedMs <= 60_000)
        return intervalMs;
    return Math.min(cap, Math.round(intervalMs * 2 ** ((elapsedMs - 60_000) / 60_000)));
}
/** Polls until every job is final, the deadline passes, or the run is cancelled. */
async function waitForJobs(jobs, family, options) {
    const now = options.now ?? timing/* now */.tB;
    const started = now();
    const maxFailures = options.maxConsecutiveFailures ?? 5;
    let rounds = 0;
    let failures = 0;
    // Consecutive rounds lost to an outage: they never end the wait, they only slow the next round.
    let outageRounds = 0;
    let outage;
    // Rounds start on a schedule counted from the start of the previous round, so the time a round
    // takes (100 requests for 10,000 targets) does not stretch the gaps; a late round is followed at once.
    let roundStart = started;
    for (;;) {
        const pending = jobs.filter((job) => job.status === 'running' && job.jobId);
        if (pending.length === 0)
            return { end: 'done', rounds };
        const remaining = options.deadline - now();
        if (remaining <= 0)
            return { end: 'timed-out', rounds, ...(outageRounds ? { outage } : {}) };
        const gap = pollDelay(options.intervalMs, roundStart - started);
        const due = roundStart +
            (outageRounds
                ? Math.max(gap, (0,timing/* backoffDelay */.EY)(outageRounds, options.intervalMs, Math.max(options.intervalMs, 15_000)))
                : gap);
        await (0,timing/* sleep */.yy)(Math.min(due - now(), remaining), options.signal);
        if (options.signal?.aborted)
            return { end: 'cancelled', rounds };
        roundStart = now();
        rounds++;
        try {
            // A cancelled run must not wait for a slow status call to come back.
            await raceAbort(family.pollRound(pending), options.signal);
            failures = 0;
            outageRounds = 0;
            options.onRound?.();
        }
        catch (error) {
            if (options.signal?.aborted)
                return { end: 'cancelled', rounds };
            if (!(error instanceof errors/* ApiError */.hD))
                throw error;
            // The jobs run on in the service whatever the network does: ride out an outage until the deadline.
            if (isOutage(error)) {
                outageRounds++;
                outage = error;
                continue;
            }
            // Credentials that worked for the submit fail now: more rounds would fail alike.
            if (error.isAuthFailure)
                return { end: 'gave-up', rounds, error };
            failures++;
            if (failures >= maxFailures)
                return { end: 'gave-up', rounds, error };
        }
    }
}
function raceAbort(work, signal) {
    if (!signal)
        return work;
    let onAbort = () => { };
    const aborted = new Promise((resolve) => {
        onAbort = () => resolve();
        signal.addEventListener('abort', onAbort, { once: true });
    });
    // One listener per round, removed when the round ends: a long wait must not pile them up.
    return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

;// CONCATENATED MODULE: ./src/run/submit.ts


/**
 * Sends every call, a few at a time. A failed call only affects its own targets: the others are still
 * submitted and polled. A credential or permission error stops further submits, which would fail alike.
 */
async function submitAll(calls, route, family, options) {
    const outcome = { jobs: [], batchIds: [], errors: [] };
    const perCall = await (0,timing/* mapLimit */.sf)(calls, options.concurrency, async (call) => {
        const skipped = outcome.authError
            ? `not submitted: an earlier call was refused (${outcome.authError.details.code ?? `HTTP ${outcome.authError.details.status}`})`
            : options.signal?.aborted
                ? 'not submitted: the run was cancelled'
                : options.deadline !== undefined && (options.now ?? timing/* now */.tB)() >= options.deadline
                    ? 'not submitted: wait-timeout passed before this call could be sent'
                    : undefined;
        if (skipped)
            return failAll(call, route, 'failed', undefined, skipped);
        try {
            // On cancel the transport abandons an in-flight submit (unknown) and sends nothing new (failed).
            const batch = await family.submit(call, route);
            outcome.batchIds.push(batch.id);
            return batch.jobs;
        }
        catch (error) {
            if (!(error instanceof errors/* ApiError */.hD))
                throw error;
            outcome.errors.push(`${call.targets.length} target(s): ${error.message}`);
            if (error.isAuthFailure)
                outcome.authError ??= error;
            return error.mayHaveActed
                ? failAll(call, route, 'unknown', error.details.code, `the submit failed ambiguously and may have started this job: ${error.message}`)
                : failAll(call, route, 'failed', error.details.code, error.message);
        }
    });
    outcome.jobs = perCall.flat();
    return outcome;
}
function failAll(call, route, status, errorCode, errorMessage) {
    return call.targets.map((target) => ({
        target,
        targetType: route.targetType,
        status,
        errorCode,
        errorMessage,
        ...(call.answersPerPhone ? { server: target, fanOut: 'server' } : {}),
    }));
}

;// CONCATENATED MODULE: ./src/run/smoke.ts






/**
 * The smoke check after an install: launch the app, wait on the runner, ask whether its process is still
 * there, and read the crash log of the targets where it is not. Each step is one command, within the
 * content rule of both command APIs (letters, digits, space, `_ . / : -`, no shell operators), sent to
 * all targets of a wave in batches, as the version query of `verify` is.
 */
/**
 * The launch. `monkey -p <package> -c android.intent.category.LAUNCHER 1` rather than
 * `am start -W -n <package>/<activity>`: monkey asks the package manager for the package's launcher
 * activity itself, as the home screen does, so the check works for every install source (apk-url and
 * obs-object give no manifest to read) and for manifests whose launcher is an activity-alias, a
 * disabled activity or a name only resources resolve. `am start` would need the action to repeat that
 * resolution from the binary manifest, and would start an activity the device itself would not pick.
 * What `-W` adds (the launch's timing) is not what the check is about: whether the process survives
 * smoke-duration is decided by `pidof` afterwards.
 */
function launchCommand(packageName) {
    return `monkey -p ${packageName} -c android.intent.category.LAUNCHER 1`;
}
/** toybox `pidof`: the process ids of processes of that name (an app's main process is named after its package). */
function processQuery(packageName) {
    return `pidof ${packageName}`;
}
/**
 * `logcat -t` counts log entries, not printed lines, and AndroidRuntime logs a whole Java crash (FATAL
 * EXCEPTION, Process:, the exception and its stack) as one entry, each of its lines printed under the same
 * header. The services return at most 1,024 bytes of a command's output: asking for more entries would
 * fill the answer with older crashes (the buffer keeps them since boot) and cut the newest away. The
 * newest entry is the one the launch most likely made; when it is another app's, the report says so.
 */
const CRASH_ENTRIES = 1;
function crashLogQuery() {
    return `logcat -d -b crash -t ${CRASH_ENTRIES}`;
}
/** Bytes of `execute_msg` the services return at most: an answer this long may have been cut. */
const OUTPUT_CAP_BYTES = 1024;
/** What the monkey job says about the launch. */
function interpretLaunch(job, packageName) {
    if (!job)
        return { kind: 'unknown', reason: 'the launch started no job on this target' };
    const output = (job.output ?? '').trim();
    if (job.status === 'running')
        return { kind: 'unknown', reason: 'the launch did not finish in time' };
    if (job.status === 'unknown')
        return { kind: 'unknown', reason: `the launch may not have been sent: ${job.errorMessage ?? ''}` };
    if (job.status === 'failed') {
        // Refused before any job existed, with no service code: cancelled or out of time, not the app's doing.
        if (!job.jobId && !job.errorCode)
            return { kind: 'unknown', reason: `the launch was not sent: ${job.errorMessage ?? ''}` };
        const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
        return {
            kind: 'not-started',
            reason: `the launch of ${packageName} failed${why ? `: ${why}` : ''}`,
            ...(output ? { output } : {}),
        };
    }
    // monkey's own errors start with "** " (AOSP Monkey.java): "** No activities found to run, monkey
    // aborted." when the package has no launcher activity (or is not installed), "** Error: ..." otherwise.
    const errors = output.split(/\r?\n/).filter((line) => /^\*\* /.test(line.trim()));
    if (errors.length || /No activities found|monkey aborted/.test(output)) {
        const said = errors.length ? errors.map((l) => l.trim()).join(' ') : 'monkey aborted';
        return {
            kind: 'not-started',
            reason: `${packageName} did not start: ${said}`,
            output,
        };
    }
    // An image without monkey, or a shell that may not run it: the launch never happened.
    if (!/Events injected/.test(output) && /not found|inaccessible|Permission denied/i.test(output))
        return { kind: 'not-started', reason: `${packageName} could not be launched: ${output}`, output };
    // "Events injected: 1" confirms the launch, but a long package name can push it past the 1,024 bytes
    // the service keeps: an answer without an error is taken as launched, and pidof decides.
    return { kind: 'launched' };
}
/** What `pidof <package>` answered: process ids, nothing (no such process), or something else. */
function interpretProcess(job) {
    if (!job)
        return { kind: 'unknown', reason: 'the process check started no job on this target' };
    if (job.status === 'running')
        return { kind: 'unknown', reason: 'the process check did not finish in time' };
    const output = job.output ?? '';
    const text = output.trim();
    if (job.status !== 'succeeded') {
        // pidof exits 1 when nothing matches; no page says whether that fails the job, and a failed job
        // cannot be told from a service failure (its codes are generic): "we could not tell" is not a pass.
        const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
        return {
            kind: 'unknown',
            reason: `the process check failed${why ? `: ${why}` : ''}${text ? ` (output: ${text})` : ''}`,
        };
    }
    if (Buffer.byteLength(output) >= OUTPUT_CAP_BYTES)
        return { kind: 'unknown', reason: 'the answer of pidof was cut at the service limit' };
    if (text === '')
        return { kind: 'gone' };
    if (/^\d+(\s+\d+)*$/.test(text))
        return { kind: 'running' };
    if (/not found|inaccessible|No such file/i.test(text))
        return { kind: 'unknown', reason: `the image has no pidof: ${text}` };
    return { kind: 'unknown', reason: `pidof answered something that is not a process id: ${text}` };
}
/** `threadtime`, logcat's default format: `MM-DD hh:mm:ss.mmm  PID  TID L TAG: message`. */
const THREADTIME = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d+\s+(\d+)\s+\d+\s+[VDIWEFA]\s+(.*?)\s*: (.*)$/;
/**
 * The lines of a `logcat -b crash` answer about this package: every line of a process whose crash names
 * it, by the Java form (`Process: <package>, PID: <n>`, from RuntimeInit) or the native one (`Fatal
 * signal ... pid <n> (<package>)` from libc, `>>> <package> <<<` from the crash dumper). Lines of other
 * apps' crashes are left out, so nothing another app logged is reported as this one's.
 */
function crashExcerpt(output, packageName) {
    const lines = output.split(/\r?\n/);
    const pids = new Set();
    for (const line of lines) {
        const m = THREADTIME.exec(line);
        if (!m)
            continue;
        const [, pid, , message] = m;
        const java = /^Process: ([^,\s]+), PID: (\d+)/.exec(message);
        if (java && java[1] === packageName)
            pids.add(java[2]);
        const native = /Fatal signal .* pid (\d+) \(([^)\s]+)\)/.exec(message);
        if (native && native[2] === packageName)
            pids.add(native[1]);
        if (message.includes(`>>> ${packageName} <<<`))
            pids.add(pid);
    }
    return lines.filter((line) => {
        const m = THREADTIME.exec(line);
        return m !== null && pids.has(m[1]);
    });
}
/** The message of a crash line, without logcat's header: what the summary shows. */
function crashMessage(line) {
    const m = THREADTIME.exec(line);
    return m ? `${m[2]}: ${m[3]}` : line;
}
/**
 * Smoke-checks the jobs whose install succeeded (and passed verify): every target ends with `smoke` set,
 * and those that failed it with status `failed` and a SMOKE_* code. Returns 'cancelled' when the run was
 * cancelled on the way.
 */
async function smokeCheck(jobs, packageName, ctx) {
    if (jobs.length === 0)
        return 'done';
    const fail = (job, result, reason) => {
        job.status = 'failed';
        job.smoke = result;
        job.errorCode = result === 'not-started' ? 'SMOKE_NOT_STARTED' : 'SMOKE_UNKNOWN';
        job.errorMessage = reason;
    };
    ctx.info(`Smoke check: launching ${packageName} on ${jobs.length} target(s)...`);
    const launches = await runOnTargets(jobs.map((j) => j.target), launchCommand(packageName), 'launch', ctx);
    const launched = [];
    for (const job of jobs) {
        const launch = interpretLaunch(launches.get(job.target), packageName);
        if (launch.kind === 'launched') {
            launched.push(job);
            continue;
        }
        fail(job, launch.kind, launch.reason);
        if (launch.output !== undefined)
            job.output = launch.output;
    }
    if (ctx.signal?.aborted) {
        for (const job of launched)
            fail(job, 'unknown', 'the run was cancelled before the app was checked');
        return 'cancelled';
    }
    if (launched.length === 0)
        return 'done';
    // One wait for the whole wave, on the runner: a device-side sleep would hold a job per target.
    const waitMs = Math.min(ctx.smokeMs, Math.max(0, ctx.deadline - (0,timing/* now */.tB)()));
    ctx.info(`Smoke check: ${launched.length} app(s) launched; waiting ${(0,duration/* formatDuration */.a3)(ctx.smokeMs)} before checking they still run...`);
    await (0,timing/* sleep */.yy)(waitMs, ctx.signal);
    if (ctx.signal?.aborted) {
        for (const job of launched)
            fail(job, 'unknown', 'the run was cancelled during the smoke wait');
        return 'cancelled';
    }
    if (waitMs < ctx.smokeMs) {
        for (const job of launched)
            fail(job, 'unknown', `wait-timeout passed before smoke-duration (${(0,duration/* formatDuration */.a3)(ctx.smokeMs)}) ended`);
        return 'done';
    }
    const processes = await runOnTargets(launched.map((j) => j.target), processQuery(packageName), 'process check', ctx);
    const gone = [];
    for (const job of launched) {
        const found = interpretProcess(processes.get(job.target));
        if (found.kind === 'running')
            job.smoke = 'passed';
        else if (found.kind === 'gone')
            gone.push(job);
        else
            fail(job, 'unknown', found.reason);
    }
    if (gone.length === 0)
        return ctx.signal?.aborted ? 'cancelled' : 'done';
    ctx.info(`Smoke check: ${gone.length} app(s) no longer run; reading their crash logs...`);
    const logs = await runOnTargets(gone.map((j) => j.target), crashLogQuery(), 'crash log read', ctx);
    for (const job of gone) {
        const log = logs.get(job.target);
        const excerpt = log?.status === 'succeeded' ? crashExcerpt(log.output ?? '', packageName) : [];
        job.status = 'failed';
        job.smoke = 'crashed';
        job.errorCode = 'SMOKE_CRASHED';
        job.crash = excerpt.join('\n');
        const gap = `${packageName} was not running ${(0,duration/* formatDuration */.a3)(ctx.smokeMs)} after its launch`;
        const cause = excerpt.find((line) => !/FATAL EXCEPTION|Process: /.test(line));
        job.errorMessage =
            log?.status !== 'succeeded'
                ? `${gap}; the crash log could not be read`
                : cause
                    ? `${gap}: ${crashMessage(cause)}`
                    : excerpt.length
                        ? `${gap} (it crashed: see the crash log excerpt)`
                        : `${gap}; the newest entry of the crash log is not about it`;
    }
    return ctx.signal?.aborted ? 'cancelled' : 'done';
}
/** async-command takes 32 instances a call (stricter of two pages, as run-command uses). */
const INSTANCES_PER_CALL = 32;
/** The calls that send one shell command to these targets: 32 instances or 100 phones a call. */
function smokeCalls(targets, command, targetType) {
    return targetType === 'instance'
        ? (0,target_list/* chunk */.i)(targets, INSTANCES_PER_CALL).map((ids) => ({
            path: '/v1/instances/async-command',
            body: { command, instance_ids: ids },
            targets: ids,
        }))
        : cphCommandCalls({ type: 'phone', ids: targets }, 'shell', command);
}
/**
 * What a dry run shows: the three commands, sent after the installs of each wave to the targets whose
 * install succeeded (the crash log read only where the app is gone). Phones of listed servers are known
 * only from the install's answer, so they appear as a placeholder per server.
 */
function plannedSmoke(packageName, targets, targetType) {
    const ids = targetType === 'server' ? targets.map((server) => `(each phone of ${server} that installed)`) : targets;
    const type = targetType === 'instance' ? 'instance' : 'phone';
    const commands = [launchCommand(packageName), processQuery(packageName), crashLogQuery()];
    return {
        calls: commands.flatMap((command) => smokeCalls(ids, command, type)),
        note: `Smoke check after each wave's installs: '${commands[0]}', then, after the smoke-duration wait, '${commands[1]}', and '${commands[2]}' where the app no longer runs.`,
    };
}
/** Sends one command to every target in batches and waits for its jobs; the job of each target. */
async function runOnTargets(targets, command, what, ctx) {
    const route = ctx.targetType === 'instance'
        ? { family: 'koophone', targetType: 'instance', title: `KooPhone smoke ${what}` }
        : { family: 'cph', targetType: 'phone', title: `CPH smoke ${what}` };
    const calls = smokeCalls(targets, command, ctx.targetType);
    ctx.onBatch?.(calls.length);
    const submitted = await submitAll(calls, route, ctx.family, {
        concurrency: ctx.concurrency,
        signal: ctx.signal,
        deadline: ctx.deadline,
    });
    await waitForJobs(submitted.jobs, ctx.family, {
        intervalMs: ctx.pollIntervalMs,
        deadline: ctx.deadline,
        signal: ctx.signal,
    });
    return new Map(submitted.jobs.map((job) => [job.target, job]));
}

;// CONCATENATED MODULE: ./src/report/summary.ts




/** GitHub takes at most 1 MiB for a step summary: stay well inside it. */
const MAX_SUMMARY_BYTES = 900_000;
const MAX_FAILURE_ROWS = 2_000;
const MAX_SUCCESS_ROWS = 500;
/** The step summary: headline, counts, notes, the wave table and the per-target tables. */
function writeSummary(report, counts) {
    return untrusted/* log */.Rm.summary(summaryMarkdown(report, counts));
}
const ICON = {
    succeeded: '✅',
    partial: '⚠️',
    failed: '❌',
    'timed-out': '⏱️',
    cancelled: '🛑',
    submitted: '📨',
    'dry-run': '📝',
    halted: '🛑',
};
const HEADLINE = {
    succeeded: 'succeeded',
    partial: 'partly failed',
    failed: 'failed',
    'timed-out': 'timed out',
    cancelled: 'was cancelled',
    submitted: 'submitted (not waiting)',
    'dry-run': 'dry run: nothing was sent',
    halted: 'halted: the rollout stopped after too many failures',
};
function summaryMarkdown(report, counts = countJobs(report.jobs)) {
    const lines = [];
    lines.push(`## ${ICON[report.status]} Cloud Phone Deploy: \`${report.operation}\` ${HEADLINE[report.status]}`, '');
    if (report.status !== 'dry-run') {
        const parts = [
            `**${counts.succeeded}** succeeded`,
            `**${counts.failed}** failed`,
            `**${counts.running}** running`,
        ];
        if (counts.unknown)
            parts.push(`**${counts.unknown}** unknown`);
        if (counts.skipped)
            parts.push(`**${counts.skipped}** skipped`);
        lines.push(`${parts.join(' · ')} · ${counts.total} jobs · ${(0,duration/* formatDuration */.a3)(report.elapsedMs)}`, '');
    }
    // Notes quote service messages: shown as text, never as Markdown.
    for (const note of report.notes)
        lines.push(`> ${(0,untrusted/* markdownText */.p7)(note)}`, '');
    lines.push(...waveTable(report.waves?.rows ?? []));
    if (report.plannedRequests) {
        lines.push(`### Requests that would be sent (${report.plannedRequests.length})`, '');
        for (const request of report.plannedRequests.slice(0, 20))
            lines.push('```', request, '```');
        if (report.plannedRequests.length > 20)
            lines.push(`_…and ${report.plannedRequests.length - 20} more._`);
        lines.push('');
    }
    const tail = [];
    if (report.batchIds.length) {
        const label = report.batchIdsOutput === 'task-ids' ? 'KooPhone task ids' : 'CPH request ids';
        const shown = report.batchIds
            .slice(0, 50)
            .map((id) => (0,untrusted/* markdownCode */.D9)(id))
            .join(', ');
        tail.push(`${label}: ${shown}${report.batchIds.length > 50 ? ` and ${report.batchIds.length - 50} more` : ''}`, '');
    }
    // Tables fill what the byte limit leaves: failures first, then the folded successes.
    let budget = MAX_SUMMARY_BYTES - byteSize(lines) - byteSize(tail);
    const grouped = report.jobs.some((j) => j.stage)
        ? 'stage'
        : report.jobs.some((j) => j.fanOut)
            ? 'server'
            : undefined;
    const failed = report.jobs.filter((j) => j.status !== 'succeeded');
    const succeeded = report.jobs.filter((j) => j.status === 'succeeded');
    const smoke = report.jobs.some((j) => j.smoke);
    const crashes = crashSection(report.jobs);
    if (crashes.length) {
        lines.push(...crashes);
        budget -= byteSize(crashes);
    }
    if (failed.length && report.status !== 'dry-run') {
        const rows = table(failed, grouped, true, MAX_FAILURE_ROWS, budget - SUCCESS_RESERVE_BYTES, smoke);
        lines.push(`### Not succeeded (${failed.length})`, '', ...rows, '');
        budget -= byteSize(rows) + 100;
    }
    if (succeeded.length) {
        const rows = table(succeeded, grouped, false, MAX_SUCCESS_ROWS, budget - 200, smoke);
        lines.push(`<details><summary>Succeeded (${succeeded.length})</summary>`, '', ...rows, '', '</details>', '');
    }
    const text = [...lines, ...tail].join('\n');
    if (Buffer.byteLength(text) <= MAX_SUMMARY_BYTES)
        return text;
    // Only very long notes can get here: cut by bytes, whatever the characters.
    const cut = Buffer.from(text)
        .subarray(0, MAX_SUMMARY_BYTES - 200)
        .toString('utf8');
    return `${cut}\n\n_Summary cut at GitHub's size limit; every job is in the file named by the results-file output._\n`;
}
/** Room kept for the successes table when failures would fill the summary. */
const SUCCESS_RESERVE_BYTES = 50_000;
function byteSize(lines) {
    return lines.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
}
function table(jobs, grouped, withErrors, maxRows, maxBytes, withSmoke = false) {
    const rows = grouped
        ? [...jobs].sort((a, b) => (a.server ?? a.target).localeCompare(b.server ?? b.target))
        : jobs;
    const head = grouped === 'stage'
        ? ['Server', 'Stage', 'Target', 'Status']
        : grouped === 'server'
            ? ['Server', 'Target', 'Status']
            : ['Target', 'Status'];
    if (withSmoke)
        head.push('Smoke');
    if (withErrors)
        head.push('Error');
    head.push('Output');
    const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
    let size = byteSize(out) + 200; // the "...and N more" line
    let shown = 0;
    for (const job of rows) {
        if (shown >= maxRows)
            break;
        const cells = grouped === 'stage'
            ? [code(job.server ?? job.target), cell(job.stage ?? ''), code(job.target), job.status]
            : grouped === 'server'
                ? [code(job.server ?? job.target), code(job.target), job.status]
                : [code(job.target), job.status];
        if (withSmoke)
            cells.push(job.smoke ?? '');
        if (withErrors) {
            const error = [job.errorCode && code(job.errorCode), job.errorMessage && cell(job.errorMessage)];
            cells.push(error.filter(Boolean).join(' '));
        }
        cells.push(cell(job.output ?? ''));
        const line = `| ${cells.join(' | ')} |`;
        size += Buffer.byteLength(line) + 1;
        if (size > maxBytes)
            break;
        out.push(line);
        shown++;
    }
    if (rows.length > shown)
        out.push('', `_…and ${rows.length - shown} more: see the results-file output._`);
    return out;
}
function code(text) {
    return (0,untrusted/* markdownCode */.D9)((0,untrusted/* cap */.Np)(text, 200));
}
function cell(text) {
    return (0,untrusted/* markdownText */.p7)((0,untrusted/* cap */.Np)((0,untrusted/* redactSecrets */.fp)(text), 300));
}
const MAX_CRASHES_SHOWN = 20;
const CRASH_LINES_SHOWN = 6;
/**
 * Smoke checks that found the app gone: the first lines of each crash, as the device logged them, shown
 * as text (the crash log is the app's own output: untrusted). Every excerpt is in `results` (`crash`).
 */
function crashSection(jobs) {
    const crashed = jobs.filter((j) => j.smoke === 'crashed');
    if (crashed.length === 0)
        return [];
    const out = [`### Crashes (${crashed.length})`, ''];
    for (const job of crashed.slice(0, MAX_CRASHES_SHOWN)) {
        const lines = (job.crash ?? '').split('\n').filter(Boolean);
        const shown = lines
            .slice(0, CRASH_LINES_SHOWN)
            .map((line) => (0,untrusted/* cap */.Np)((0,untrusted/* redactSecrets */.fp)(crashMessage(line)), 200))
            .join('\n');
        out.push(`- ${code(job.target)}: ${shown ? (0,untrusted/* markdownText */.p7)(shown) : '_no crash of this app in the newest crash log entry_'}${lines.length > CRASH_LINES_SHOWN ? ` <br>_…${lines.length - CRASH_LINES_SHOWN} more line(s) in results._` : ''}`);
    }
    if (crashed.length > MAX_CRASHES_SHOWN)
        out.push('', `_…and ${crashed.length - MAX_CRASHES_SHOWN} more: see the results output._`);
    out.push('');
    return out;
}
/** The per-wave table shown above the per-target tables. */
function waveTable(rows) {
    if (rows.length === 0)
        return [];
    const out = [
        '### Waves',
        '',
        '| Wave | Targets | Succeeded | Failed | Skipped | Time |',
        '|---|---|---|---|---|---|',
    ];
    for (const r of rows) {
        const failed = r.running ? `${r.failed} (+${r.running} running)` : String(r.failed);
        out.push(`| ${r.wave} | ${r.targets} | ${r.succeeded} | ${failed} | ${r.skipped} | ${(0,duration/* formatDuration */.a3)(r.elapsedMs)} |`);
    }
    out.push('');
    return out;
}

;// CONCATENATED MODULE: ./src/api/response.ts

/**
 * Validates a response body against its documented shape. A mismatch names the field and the
 * request id and counts as unparseable: polls retry it, a submit reports its targets as unknown.
 * Extra fields are ignored (zod objects strip them), so additions on the service side do not break us.
 */
function parseBody(schema, response, action) {
    const result = schema.safeParse(response.body);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(body)';
    throw new errors/* ApiError */.hD({ action, status: response.status, requestId: response.requestId, unparseable: true }, `unexpected response: field '${field}' ${issue?.message ?? 'is invalid'}`);
}

;// CONCATENATED MODULE: ./src/api/cph.ts


const nullableText = zod/* pipe */.FsL(zod/* nullish */.cl6(zod/* string */.YjP()), zod/* transform */.pdi((v) => v || undefined));
const submitJob = zod/* object */.Ikc({
    job_id: nullableText,
    job_type: zod/* nullish */.cl6(zod/* number */.aig()),
    server_id: nullableText,
    phone_id: nullableText,
    app_version_id: nullableText,
    error_code: nullableText,
    error_msg: nullableText,
});
const submitBody = zod/* object */.Ikc({ request_id: zod/* string */.YjP().check(zod/* minLength */.BpQ(1)), jobs: zod/* array */.YOg(submitJob) });
const listedJob = zod/* object */.Ikc({
    job_id: zod/* string */.YjP(),
    status: zod/* nullish */.cl6(zod/* union */.KCZ([zod/* number */.aig(), zod/* string */.YjP()])),
    server_id: nullableText,
    phone_id: nullableText,
    error_code: nullableText,
    error_msg: nullableText,
    execute_msg: nullableText,
});
const listBody = zod/* object */.Ikc({ jobs: zod/* array */.YOg(listedJob) });
/** ListJobs limits, from the API reference. */
const LIST_JOBS_MAX_REQUEST_IDS = 20;
const LIST_JOBS_PAGE = 100;
/** Java SDK ListJobsRequest: `offset` is at most 8096, so one listing reaches 8,100 jobs (offsets 0..8000). */
const LIST_JOBS_MAX_OFFSET = 8096;
const LIST_JOBS_MAX_JOBS = Math.floor(LIST_JOBS_MAX_OFFSET / LIST_JOBS_PAGE) * LIST_JOBS_PAGE + LIST_JOBS_PAGE;
class CphClient {
    transport;
    projectId;
    constructor(transport, projectId) {
        this.transport = transport;
        this.projectId = projectId;
    }
    /** Path relative to /v1/{project_id}/cloud-phone. */
    submit(path, body, action) {
        return this.transport.send({ method: 'POST', path: this.base(path), body, action }, (response, a) => parseBody(submitBody, response, a));
    }
    /**
     * Every job of up to 20 submits, paging through ListJobs. With `expected` (how many jobs those
     * submits started) it stops as soon as all are seen, saving the trailing empty page.
     */
    async listJobs(requestIds, expected = Infinity) {
        const jobs = [];
        // Also bounded when the service keeps answering full pages: never past the offset it accepts.
        for (let offset = 0; offset <= LIST_JOBS_MAX_OFFSET; offset += LIST_JOBS_PAGE) {
            const page = await this.transport.send({
                method: 'GET',
                path: this.base('/jobs'),
                query: { request_ids: requestIds.join(','), offset: String(offset), limit: String(LIST_JOBS_PAGE) },
                action: 'CPH ListJobs',
            }, (response, a) => parseBody(listBody, response, a).jobs);
            jobs.push(...page);
            if (page.length < LIST_JOBS_PAGE || jobs.length >= expected)
                return jobs;
        }
        return jobs;
    }
    base(path) {
        return `/v1/${encodeURIComponent(this.projectId)}/cloud-phone${path}`;
    }
}

;// CONCATENATED MODULE: ./src/api/koophone.ts




const koophone_nullableText = zod/* pipe */.FsL(zod/* nullish */.cl6(zod/* string */.YjP()), zod/* transform */.pdi((v) => v ?? undefined));
const cmdJobs = zod/* array */.YOg(zod/* object */.Ikc({ instance_id: zod/* string */.YjP(), job_id: zod/* string */.YjP() }));
const taskData = zod/* object */.Ikc({ task_id: zod/* string */.YjP().check(zod/* minLength */.BpQ(1)), cmd_jobs: cmdJobs });
// The install page nests the task under data.data; the async-command page does not. Accept both,
// unwrapping first so that a validation error still names the field that is wrong.
const koophone_submitBody = zod/* object */.Ikc({
    data: zod/* pipe */.FsL(zod/* transform */.pdi((d) => d !== null && typeof d === 'object' && 'data' in d ? d.data : d), taskData),
});
const taskBody = zod/* object */.Ikc({
    data: zod/* object */.Ikc({
        jobs: zod/* array */.YOg(zod/* object */.Ikc({
            job_id: zod/* string */.YjP(),
            status: zod/* nullish */.cl6(zod/* union */.KCZ([zod/* number */.aig(), zod/* string */.YjP()])),
            error_code: koophone_nullableText,
            error_msg: koophone_nullableText,
            execute_msg: koophone_nullableText,
        })),
    }),
});
/** KooPhone signals most failures with HTTP 200 and error_code other than "0". */
function checkErrorCode(response, action) {
    const body = response.body;
    if (body?.error_code === '0' || body?.error_code === 0)
        return;
    const { code, message } = (0,error_mapping/* errorFields */.au)(response.body);
    throw new errors/* ApiError */.hD({
        action,
        status: response.status,
        code,
        serviceMessage: message ?? 'error_code missing from the response',
        requestId: response.requestId,
        unparseable: code === undefined ? true : undefined,
    });
}
/**
 * ListInstances (batch-query) puts its code inside `data` (Java SDK ListInstancesResponse, whose only
 * field is `data`, an InstanceBatchQueryRspData with error_code and error_msg); the other KooPhone
 * calls put it at the top. A code may come at either level: a code other than "0" at either is a
 * failure, and at least one of them must be there.
 */
function checkNestedErrorCode(response, action) {
    const body = response.body;
    const data = body?.data !== null && typeof body?.data === 'object'
        ? body.data
        : undefined;
    const levels = [body, data].filter((b) => b !== undefined && b.error_code != null);
    const ok = (code) => code === '0' || code === 0;
    if (levels.length > 0 && levels.every((b) => ok(b.error_code)))
        return;
    const failing = levels.find((b) => !ok(b.error_code));
    checkErrorCode({ ...response, body: failing ?? response.body }, action);
}
class KooPhoneClient {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    submit(path, body, action) {
        return this.transport.send({ method: 'POST', path, body, action }, (response, a) => {
            checkErrorCode(response, a);
            return parseBody(koophone_submitBody, response, a).data;
        });
    }
    getTask(taskId) {
        const action = `KooPhone GetTask ${taskId}`;
        return this.transport.send({ method: 'GET', path: `/v1/instances/tasks/${encodeURIComponent(taskId)}`, action }, (response, a) => {
            checkErrorCode(response, a);
            return parseBody(taskBody, response, a).data.jobs;
        });
    }
}

;// CONCATENATED MODULE: ./src/api/jobs.ts
/** Job status codes shared by both API families: 2 succeeded, -1 failed, anything else still running. */
function statusFromCode(code) {
    const n = typeof code === 'string' ? Number(code) : code;
    if (n === 2)
        return 'succeeded';
    if (n === -1)
        return 'failed';
    return 'running';
}
function applyReport(job, report) {
    job.status = statusFromCode(report.status);
    job.errorCode = report.error_code;
    job.errorMessage = report.error_msg;
    job.output = report.execute_msg;
}
/**
 * KooPhone GetTask job states. The newest Java SDK (JobDetail.status) gives install tasks 0 (not run
 * yet), 1 (running), 2 (succeeded) and 3 (failed), and commands 1, 2 and -1 (failed); the API pages still
 * say 1/2/-1 for both, so both readings are taken. Any other value is final and reported with its value:
 * polling it as running would wait for the deadline on a job that may long have ended.
 */
function applyKooPhoneReport(job, report) {
    const raw = report.status;
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    applyReport(job, report);
    if (n === null || n === undefined || n === 0 || n === 1)
        job.status = 'running';
    else if (n === 2)
        job.status = 'succeeded';
    else if (n === 3 || n === -1)
        job.status = 'failed';
    else {
        job.status = 'unknown';
        job.errorMessage = `KooPhone reported job status ${JSON.stringify(raw)}, which is none of the documented states (0, 1 running; 2 succeeded; 3, -1 failed): check the job ${job.jobId ?? ''} in the console${report.error_msg ? `. The service said: ${report.error_msg}` : ''}`;
    }
}

;// CONCATENATED MODULE: ./src/api/family.ts



/** Groups jobs by the batch that created them, so one status call covers a whole batch. */
function byBatch(jobs) {
    const groups = new Map();
    for (const job of jobs) {
        if (!job.batchId)
            continue;
        const group = groups.get(job.batchId);
        if (group)
            group.push(job);
        else
            groups.set(job.batchId, [job]);
    }
    return groups;
}
/**
 * Polls each group (a KooPhone task, a set of CPH request ids) on its own, so that one group's
 * failure never stops the others. An answer that settles the group (KOOPHONE.API.1323, the task does
 * not exist; a ListJobs 400) fails that group's jobs with its code. A transient failure leaves them
 * pending for the next round; only when no group could be polled does the round count as failed.
 * Credential failures concern every group: they end the round at once.
 */
async function pollGroups(groups, concurrency, jobsOf, poll) {
    let transient;
    let answered = 0;
    await (0,timing/* mapLimit */.sf)(groups, concurrency, async (group) => {
        try {
            await poll(group);
            answered++;
        }
        catch (error) {
            // A cancelled run's abandoned request says nothing about the group: its jobs stay as they were.
            const cancelled = error instanceof errors/* ApiError */.hD && ['aborted', 'abandoned'].includes(error.details.network ?? '');
            if (!(error instanceof errors/* ApiError */.hD) || error.isAuthFailure || cancelled)
                throw error;
            if (isTransient(error)) {
                transient ??= error;
                return;
            }
            answered++;
            for (const job of jobsOf(group)) {
                job.status = 'failed';
                job.errorCode = error.details.code;
                job.errorMessage = `polling failed: ${error.message}`;
            }
        }
    });
    if (transient && answered === 0)
        throw transient;
}
/**
 * The one place where rows a service returns are matched to what we asked for. `keyOf` says which
 * expected job a row is (undefined: a target we did not ask about); each key is taken once. Anything
 * else is dropped with a debug line, so each target appears in `results` exactly as often as expected.
 * To accept a new kind of row (e.g. one per phone of a server we targeted), extend its `keyOf`.
 */
function matchRows(rows, keyOf, describe, debug = () => { }) {
    const seen = new Set();
    const kept = [];
    for (const row of rows) {
        const key = keyOf(row);
        if (key === undefined)
            debug(`ignored a row for a target this run did not ask about: ${describe(row)}`);
        else if (seen.has(key))
            debug(`ignored a duplicate row: ${describe(row)}`);
        else {
            seen.add(key);
            kept.push(row);
        }
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/api/cph-jobs.ts



/** deploy-app-version returns three kinds of job (API reference). */
const STAGES = {
    30: 'deploy app on server',
    31: 'pull version package',
    32: 'install on phone',
};
function toJob(job, requestId) {
    const failed = Boolean(job.error_code) || !job.job_id;
    return {
        target: job.phone_id ?? job.server_id ?? '(unnamed)',
        targetType: job.phone_id ? 'phone' : 'server',
        jobId: job.job_id,
        batchId: requestId,
        // A job refused at submit (e.g. CPS.0097) will never run: final now, never polled.
        status: failed ? 'failed' : 'running',
        errorCode: job.error_code,
        errorMessage: job.error_msg ?? (failed && !job.error_code ? 'CPH returned no job id' : undefined),
        ...(job.job_type != null ? { stage: STAGES[job.job_type] ?? `job type ${job.job_type}` } : {}),
        ...(job.job_type != null && job.server_id ? { server: job.server_id } : {}),
        ...(job.job_type != null && job.app_version_id ? { appVersionId: job.app_version_id } : {}),
    };
}
/**
 * An ADB command sent with `server_ids` fans out to the servers' phones, and the answer holds one
 * PhoneJob per phone, without server id (SDK PhoneJob; Terraform reads `jobs[*].phone_id` even for
 * server_ids). Calls carry one server (see cphCommandCalls), so every phone row belongs to it. A
 * server fails as a whole only when the answer has no phone of it, or a row for the server itself
 * carries an error.
 */
function perPhoneJobs(servers, answer, requestId, debug) {
    const only = servers.length === 1 ? servers[0] : undefined;
    const asked = new Set(servers);
    // A phone row belongs to the one server of the call; a server row must name a server we asked for.
    const rows = matchRows(answer, (row) => {
        if (row.server_id && !asked.has(row.server_id))
            return undefined;
        return row.phone_id ? `phone/${row.phone_id}` : row.server_id && `server/${row.server_id}`;
    }, (row) => `server ${row.server_id ?? '-'}, phone ${row.phone_id ?? '-'}, job ${row.job_id ?? '-'}`, debug);
    const jobs = [];
    const covered = new Set();
    for (const row of rows) {
        if (row.phone_id) {
            const server = row.server_id ?? only;
            if (server)
                covered.add(server);
            jobs.push({ ...toJob(row, requestId), ...(server ? { server } : {}), fanOut: 'phone' });
        }
        else if (row.server_id) {
            covered.add(row.server_id);
            jobs.push({ ...toJob(row, requestId), server: row.server_id, fanOut: 'server' });
        }
    }
    for (const server of servers) {
        if (covered.has(server))
            continue;
        jobs.push({
            target: server,
            targetType: 'server',
            server,
            batchId: requestId,
            status: 'failed',
            errorMessage: 'CPH accepted the request but started no job on any phone of this server',
            fanOut: 'server',
        });
    }
    return jobs;
}
/**
 * Which expected job a submit row is. Commands: one row per target asked for. deploy-app-version: one
 * row per stage of each server asked for and version, and one per phone (stage 32) of those servers
 * and version.
 */
function rowKey(job, asked) {
    if (job.job_type != null) {
        if (!job.server_id || !asked.has(job.server_id))
            return undefined;
        // Each version of a several-version deploy has its own pull and install rows: the version is part
        // of which job a row is.
        return `${job.job_type}/${job.app_version_id ?? ''}/${job.phone_id ?? job.server_id}`;
    }
    const target = job.phone_id ?? job.server_id;
    return target && asked.has(target) ? target : undefined;
}
/**
 * Request ids grouped for ListJobs: at most 20 a call, and no more jobs together than one listing
 * reaches under the SDK's offset limit. A request with more jobs than that is listed alone; the
 * jobs past the limit stay running until the deadline (one submit names at most 100 targets, so only
 * a very large deploy-app-version gets there).
 */
function listingGroups(requestIds, jobsOf) {
    const groups = [];
    let current = [];
    let jobs = 0;
    for (const id of requestIds) {
        const n = jobsOf(id);
        if (current.length > 0 &&
            (current.length >= LIST_JOBS_MAX_REQUEST_IDS || jobs + n > LIST_JOBS_MAX_JOBS)) {
            groups.push(current);
            current = [];
            jobs = 0;
        }
        current.push(id);
        jobs += n;
    }
    if (current.length > 0)
        groups.push(current);
    return groups;
}
function cphFamily(client, concurrency, debug) {
    // Jobs each submit started, so a listing can stop once it has seen them all.
    const started = new Map();
    return {
        batchIdsOutput: 'request-ids',
        async submit(call, route) {
            const result = await client.submit(call.path, call.body, route.title);
            if (call.answersPerPhone) {
                const jobs = perPhoneJobs(call.targets, result.jobs, result.request_id, debug);
                started.set(result.request_id, jobs.filter((j) => j.jobId).length);
                return { id: result.request_id, jobs };
            }
            const asked = new Set(call.targets);
            const rows = matchRows(result.jobs, (job) => rowKey(job, asked), (job) => `server ${job.server_id ?? '-'}, phone ${job.phone_id ?? '-'}, job ${job.job_id ?? '-'} (type ${job.job_type ?? '-'})`, debug);
            const jobs = rows.map((job) => toJob(job, result.request_id));
            started.set(result.request_id, jobs.filter((j) => j.jobId).length);
            const covered = new Set(jobs.map((j) => j.server ?? j.target));
            for (const server of rows.map((j) => j.server_id))
                if (server)
                    covered.add(server);
            for (const target of call.targets) {
                if (covered.has(target))
                    continue;
                jobs.push({
                    target,
                    targetType: route.targetType,
                    batchId: result.request_id,
                    status: 'failed',
                    errorMessage: 'CPH accepted the request but started no job for this target',
                });
            }
            return { id: result.request_id, jobs };
        },
        // ListJobs takes up to 20 request ids per call: one paged listing covers many submits.
        async pollRound(pending) {
            const groups = byBatch(pending);
            await pollGroups(listingGroups([...groups.keys()], (id) => started.get(id) ?? 0), concurrency, (requestIds) => requestIds.flatMap((id) => groups.get(id) ?? []), async (requestIds) => {
                const reported = new Map((await client.listJobs(requestIds, requestIds.reduce((n, id) => n + (started.get(id) ?? Infinity), 0))).map((j) => [j.job_id, j]));
                for (const requestId of requestIds) {
                    for (const job of groups.get(requestId) ?? []) {
                        const update = job.jobId ? reported.get(job.jobId) : undefined;
                        if (update)
                            applyReport(job, update);
                    }
                }
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/api/koophone-jobs.ts


function kooPhoneFamily(client, concurrency, debug) {
    return {
        batchIdsOutput: 'task-ids',
        async submit(call, route) {
            const result = await client.submit(call.path, call.body, route.title);
            const asked = new Set(call.targets);
            const rows = matchRows(result.cmd_jobs, (j) => (asked.has(j.instance_id) ? j.instance_id : undefined), (j) => `instance ${j.instance_id}, job ${j.job_id}`, debug);
            const jobIds = new Map(rows.map((j) => [j.instance_id, j.job_id]));
            const jobs = call.targets.map((target) => {
                const jobId = jobIds.get(target);
                return jobId
                    ? { target, targetType: 'instance', jobId, batchId: result.task_id, status: 'running' }
                    : {
                        target,
                        targetType: 'instance',
                        batchId: result.task_id,
                        status: 'failed',
                        errorMessage: 'KooPhone accepted the task but started no job for this instance',
                    };
            });
            return { id: result.task_id, jobs };
        },
        // GetTask reports a whole task; its jobs carry no instance id, so match them through job_id.
        async pollRound(pending) {
            await pollGroups([...byBatch(pending)], concurrency, ([, jobs]) => jobs, async ([taskId, jobs]) => {
                const reported = new Map((await client.getTask(taskId)).map((j) => [j.job_id, j]));
                for (const job of jobs) {
                    const update = job.jobId ? reported.get(job.jobId) : undefined;
                    if (update)
                        applyKooPhoneReport(job, update);
                }
            });
        },
    };
}

;// CONCATENATED MODULE: ./src/api/families.ts




function createFamilyClient(family, settings, transport, debug) {
    if (family === 'koophone')
        return kooPhoneFamily(new KooPhoneClient(transport), settings.maxConcurrency, debug);
    // settings guarantees a project id for CPH operations.
    return cphFamily(new CphClient(transport, settings.projectId ?? ''), settings.maxConcurrency, debug);
}
/** The path prefix a family's calls go under, for showing dry-run requests. */
function pathPrefix(family, settings) {
    return family === 'cph' ? `/v1/${settings.projectId}/cloud-phone` : '';
}

// EXTERNAL MODULE: ./src/inputs/errors.ts
var inputs_errors = __nccwpck_require__(318);
;// CONCATENATED MODULE: ./src/api/fleet-lists.ts







/**
 * The read-only list calls a selection needs (SDK models ListCloudPhoneServers, ListCloudPhones,
 * ListResourceInstances, KooPhone ListInstances). Every call pages; none is made per target, and
 * every listing is bounded (Pager).
 */
/** Page sizes: the largest each call documents. */
const SERVERS_PAGE = 100;
/** ListCloudPhones allows `limit` up to 200 (current API page and SDK ListCloudPhonesRequest). */
const PHONES_PAGE = 200;
const RESOURCES_PAGE = 1000;
/** ListInstances documents no maximum page size; 100 is what the other lists allow (inferred). */
const INSTANCES_PAGE = 100;
const fleet_lists_text = zod/* pipe */.FsL(zod/* nullish */.cl6(zod/* string */.YjP()), zod/* transform */.pdi((v) => v ?? ''));
const fleet_lists_status = zod/* nullish */.cl6(zod/* union */.KCZ([zod/* number */.aig(), zod/* string */.YjP()]));
// Ids from the service go into requests, outputs and the summary: they must look like ids.
const id = zod/* string */.YjP()
    .check(zod/* regex */.yGV(/^[A-Za-z0-9_-]{1,64}$/, { message: 'is not an id of letters, digits, - and _' }));
const serversBody = zod/* object */.Ikc({
    count: zod/* nullish */.cl6(zod/* number */.aig()),
    servers: zod/* array */.YOg(zod/* object */.Ikc({ server_id: id, server_name: fleet_lists_text, status: fleet_lists_status })),
});
const resourcesBody = zod/* object */.Ikc({
    total_count: zod/* nullish */.cl6(zod/* number */.aig()),
    resources: zod/* array */.YOg(zod/* object */.Ikc({ resource_id: id, resource_name: fleet_lists_text })),
});
const phonesBody = zod/* object */.Ikc({
    count: zod/* nullish */.cl6(zod/* number */.aig()),
    phones: zod/* array */.YOg(zod/* object */.Ikc({ phone_id: id, server_id: id, phone_name: fleet_lists_text, status: fleet_lists_status })),
});
// Java SDK ListInstancesResponse: everything, error_code included, inside `data` (InstanceBatchQueryRspData).
const instancesBody = zod/* object */.Ikc({
    data: zod/* object */.Ikc({
        total_count: zod/* nullish */.cl6(zod/* number */.aig()),
        result: zod/* array */.YOg(zod/* object */.Ikc({ instance_id: id, instance_name: fleet_lists_text, running_status: fleet_lists_status })),
    }),
});
const num = (v) => v === null || v === undefined || v === '' ? undefined : Number(v);
/** Why a listing stopped before its end: the selection is unusable, and nothing may be sent. */
class ListingError extends Error {
    listing;
    reason;
    constructor(listing, reason) {
        super(`${listing} stopped: ${reason}. Nothing was sent`);
        this.listing = listing;
        this.reason = reason;
        this.name = 'ListingError';
    }
}
/**
 * One paged listing, bounded whatever the service answers: it stops at a page that brings no id it
 * has not seen (a service repeating its last page would otherwise be asked forever), at the action's
 * cap of listed entries, and at the deadline.
 */
class Pager {
    listing;
    bounds;
    seen = new Set();
    constructor(listing, bounds) {
        this.listing = listing;
        this.bounds = bounds;
    }
    /** Before asking for another page. */
    next() {
        if (this.bounds.deadline !== undefined && (0,timing/* now */.tB)() >= this.bounds.deadline)
            throw new ListingError(this.listing, 'wait-timeout passed before the listing ended');
    }
    /** Adds a page; returns the entries new to this listing. */
    add(page, where) {
        const fresh = page.filter((entry) => !this.seen.has(entry.id));
        if (page.length > 0 && fresh.length === 0)
            throw new ListingError(this.listing, `the service returned a page seen before (${where})`);
        for (const entry of fresh)
            this.seen.add(entry.id);
        if (this.seen.size > rules/* MAX_TARGETS */.kz)
            throw new ListingError(this.listing, `it listed more than ${rules/* MAX_TARGETS */.kz} entries, the action's cap`);
        return fresh;
    }
}
class FleetLister {
    transport;
    projectId;
    concurrency;
    bounds;
    /** Targets (phones or instances) kept so far by all listings of this selection. */
    kept = 0;
    constructor(transport, projectId, concurrency, bounds = {}) {
        this.transport = transport;
        this.projectId = projectId;
        this.concurrency = concurrency;
        this.bounds = bounds;
    }
    /** Servers carrying the tags (keys AND, values OR), in the service's order. */
    async serversByTags(tags) {
        const listing = 'CPH list servers by tag';
        const pager = new Pager(listing, this.bounds);
        const out = [];
        for (let offset = 0;; offset += RESOURCES_PAGE) {
            pager.next();
            const page = await this.transport.send({
                method: 'POST',
                path: `/v1/${encodeURIComponent(this.projectId)}/cph-server/resource_instances/action`,
                // The SDK model types offset and limit as strings.
                body: {
                    action: 'filter',
                    offset: String(offset),
                    limit: String(RESOURCES_PAGE),
                    tags: [...tags].map(([key, values]) => ({ key, values })),
                },
                action: listing,
                readOnly: true,
            }, (response, a) => parseBody(resourcesBody, response, a));
            out.push(...pager.add(page.resources.map((r) => ({ id: r.resource_id, name: r.resource_name })), `offset ${offset}`));
            if (page.resources.length < RESOURCES_PAGE || out.length >= (page.total_count ?? Infinity))
                return out;
        }
    }
    /** Servers whose name contains `filter` (CPH's server_name is a substring filter), or every server. */
    async serversByName(filter) {
        const listing = 'CPH list servers';
        const pager = new Pager(listing, this.bounds);
        const out = [];
        for (let offset = 0;; offset += SERVERS_PAGE) {
            pager.next();
            const query = { offset: String(offset), limit: String(SERVERS_PAGE) };
            if (filter)
                query.server_name = filter;
            const page = await this.get('/cloud-phone/servers', query, listing, serversBody);
            out.push(...pager.add(page.servers.map((s) => ({ id: s.server_id, name: s.server_name, status: num(s.status) })), `offset ${offset}`));
            if (page.servers.length < SERVERS_PAGE || out.length >= (page.count ?? Infinity))
                return out;
        }
    }
    /**
     * The phones of these servers, grouped in the servers' order. One paged listing of every phone when
     * that takes fewer calls than one listing per server (the first page's `count` tells); else per server.
     */
    async phonesOf(servers) {
        const listing = 'CPH list phones';
        const wanted = new Set(servers);
        const byServer = new Map(servers.map((s) => [s, []]));
        const all = new Pager(listing, this.bounds);
        all.next();
        const first = await this.phonePage(0);
        const total = first.count ?? undefined;
        if (total !== undefined && total <= rules/* MAX_TARGETS */.kz && Math.ceil(total / PHONES_PAGE) <= servers.length) {
            // The first page gave the total: ask for the other pages side by side, then read them in order.
            const offsets = [];
            if (first.phones.length >= PHONES_PAGE)
                for (let offset = PHONES_PAGE; offset < total; offset += PHONES_PAGE)
                    offsets.push(offset);
            all.next();
            const pages = [
                first,
                ...(await (0,timing/* mapLimit */.sf)(offsets, this.concurrency, (offset) => this.phonePage(offset))),
            ];
            pages.forEach((page, i) => {
                const fresh = all.add(page.phones.map(toPhone), `offset ${i * PHONES_PAGE}`);
                const mine = fresh.filter((p) => wanted.has(p.server));
                this.keep(listing, mine.length);
                for (const p of mine)
                    byServer.get(p.server).push(p);
            });
        }
        else {
            await (0,timing/* mapLimit */.sf)(servers, this.concurrency, async (server) => {
                const name = `${listing} of server ${server}`;
                const pager = new Pager(name, this.bounds);
                for (let offset = 0;; offset += PHONES_PAGE) {
                    pager.next();
                    const page = await this.phonePage(offset, server);
                    const fresh = pager.add(page.phones.map(toPhone), `offset ${offset}`);
                    this.keep(name, fresh.length);
                    byServer.get(server).push(...fresh);
                    if (page.phones.length < PHONES_PAGE || (page.count != null && offset + PHONES_PAGE >= page.count))
                        return;
                }
            });
        }
        return servers.flatMap((s) => byServer.get(s) ?? []);
    }
    /**
     * KooPhone instances of a pool and/or whose name the service matches with `name` (how it matches
     * is not documented). `keep` tells which entries are targets, for the max-targets bound.
     */
    async instances(filters, keep = () => true) {
        const listing = 'KooPhone list instances';
        const pager = new Pager(listing, this.bounds);
        const out = [];
        for (let pageNo = 1;; pageNo++) {
            pager.next();
            const query = { page_no: String(pageNo), page_size: String(INSTANCES_PAGE) };
            if (filters.pool !== undefined)
                query.pool_name = filters.pool;
            if (filters.name !== undefined)
                query.instance_name = filters.name;
            const page = await this.transport.send({ method: 'GET', path: '/v1/instances/batch-query', query, action: listing, requestIdInQuery: true }, (response, a) => {
                checkNestedErrorCode(response, a);
                return parseBody(instancesBody, response, a).data;
            });
            const fresh = pager.add(page.result.map((i) => ({ id: i.instance_id, name: i.instance_name, status: num(i.running_status) })), `page_no ${pageNo}`);
            this.keep(listing, fresh.filter(keep).length);
            out.push(...fresh);
            if (page.result.length < INSTANCES_PAGE || out.length >= (page.total_count ?? Infinity))
                return out;
        }
    }
    /** Counts targets found; past max-targets the selection is refused before the listing goes on. */
    keep(listing, count) {
        this.kept += count;
        const max = this.bounds.maxTargets;
        if (max !== undefined && this.kept > max)
            throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.MaxTargets, `is ${max}, but the selection has more than ${max} targets (${listing} stopped there): nothing was sent. Narrow the selection or raise max-targets`);
    }
    phonePage(offset, server) {
        const query = { offset: String(offset), limit: String(PHONES_PAGE) };
        if (server)
            query.server_id = server;
        return this.get('/cloud-phone/phones', query, 'CPH list phones', phonesBody);
    }
    get(path, query, action, schema) {
        return this.transport.send({ method: 'GET', path: `/v1/${encodeURIComponent(this.projectId)}${path}`, query, action }, (response, a) => parseBody(schema, response, a));
    }
}
function toPhone(p) {
    return { id: p.phone_id, name: p.phone_name, status: num(p.status), server: p.server_id };
}

// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __nccwpck_require__(361);
// EXTERNAL MODULE: ./src/inputs/fleet.ts
var fleet = __nccwpck_require__(405);
;// CONCATENATED MODULE: ./src/operations/operation.ts
/**
 * Turns a declaration into an entry of the operation list. The parameter type stays inside: what
 * `read` returns has its parameters bound, so no caller ever holds them untyped.
 */
function defineOperation(spec) {
    return {
        name: spec.name,
        inputs: spec.inputs,
        outputs: spec.outputs ?? [],
        read: (reader, common) => bind(spec, spec.readParams(reader.limitedTo(spec.name, spec.inputs), common)),
    };
}
function bind(spec, params) {
    const { resolve, prepare, installs } = spec;
    return {
        name: spec.name,
        route: spec.route(params),
        fleet: params.fleet,
        ...(spec.singleWave ? { singleWave: true } : {}),
        resolve: async (context) => (resolve ? bind(spec, await resolve(params, context)) : bind(spec, params)),
        prepare: async (context) => (prepare ? bind(spec, await prepare(params, context)) : bind(spec, params)),
        targets: () => params.fleet?.ids ?? spec.targets?.(params) ?? [],
        buildCalls: (common, targets) => spec.buildCalls(targets && params.fleet ? { ...params, fleet: { ...params.fleet, ids: targets } } : params, common),
        ...(installs ? { installs: () => installs(params) } : {}),
    };
}

;// CONCATENATED MODULE: ./src/operations/server-batch.ts





function serverBatch(batch) {
    const body = batch.body ?? ((fields, serverIds) => ({ ...fields, server_ids: serverIds }));
    return defineOperation({
        name: batch.name,
        inputs: [names/* Inputs */.G0.Servers, names/* Inputs */.G0.ServerTags, names/* Inputs */.G0.ServerName, ...batch.inputs],
        // One call per 100 servers, no waves: the README offers waves on instances and phones.
        singleWave: true,
        route: () => ({ title: batch.title, family: 'cph', targetType: 'server' }),
        readParams: (reader) => ({
            fleet: (0,fleet/* readFleet */.p9)(reader, ['server']),
            fields: batch.readFields(reader),
        }),
        buildCalls: ({ fleet, fields }) => (0,target_list/* chunk */.i)(fleet.ids, rules/* SERVERS_PER_CALL */.yI).map((targets) => ({
            path: batch.path,
            body: body(fields, targets),
            targets,
        })),
    });
}

;// CONCATENATED MODULE: ./src/operations/deploy-app-version.ts



const appVersionId = zod/* string */.YjP()
    .check(zod/* maxLength */.Ru6(64, { message: 'must list ids of at most 64 characters' }), zod/* regex */.yGV(/^[A-Za-z0-9_-]+$/, { message: 'must list ids made of letters, digits, - and _' }));
// The per-call server limit is not documented for this call; the 100 of the other CPH calls is used.
const deployAppVersion = serverBatch({
    name: 'deploy-app-version',
    title: 'CPH deploy app version',
    path: '/servers/action',
    inputs: [names/* Inputs */.G0.AppVersionIds],
    readFields: (reader) => ({ app_version_ids: reader.targets(names/* Inputs */.G0.AppVersionIds, 100, appVersionId) }),
    body: (fields, serverIds) => ({ batch_deploy_app_version: { ...fields, server_ids: serverIds } }),
});

// EXTERNAL MODULE: ./src/operations/install-app/params.ts
var params = __nccwpck_require__(128);
;// CONCATENATED MODULE: ./src/operations/install-app/index.ts








/**
 * The content of CPH's install command, as sent: `pm install` options and the OBS key together must obey
 * the command content rule, checked once the APK has named the key, before any request.
 */
function cphCommandContent(params) {
    const flags = ['-r', ...params.installFlags.filter((f) => f !== '-r')].join(' ');
    const content = `${flags} obs://${params.obs.bucket}/${params.obs.object}`;
    const problem = (0,rules/* commandContentProblem */.i5)(content);
    if (problem)
        throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.ObsObject, `leads to a CPH install command whose content ${problem}`, content);
    return content;
}
/** Per-call limit of instance_id_list (KooPhone install page). */
const install_app_INSTANCES_PER_CALL = 100;
const installApp = defineOperation({
    name: 'install-app',
    inputs: [
        ...fleet/* FLEET_INPUTS */.JI,
        names/* Inputs */.G0.ApkPath,
        names/* Inputs */.G0.ApkUrl,
        names/* Inputs */.G0.PackageName,
        names/* Inputs */.G0.AppVersion,
        names/* Inputs */.G0.ApkSizeMb,
        names/* Inputs */.G0.ApkMd5,
        names/* Inputs */.G0.FileName,
        names/* Inputs */.G0.FastInstall,
        names/* Inputs */.G0.ObsBucket,
        names/* Inputs */.G0.ObsObject,
        names/* Inputs */.G0.ObsEndpoint,
        names/* Inputs */.G0.UrlExpiry,
        names/* Inputs */.G0.InstallFlags,
    ],
    outputs: [names/* Outputs */.tY.ApkUrl, names/* Outputs */.tY.ObsObject],
    readParams: params/* readInstallParams */.U_,
    route: ({ fleet }) => fleet.type === 'instance'
        ? { title: 'KooPhone install app', family: 'koophone', targetType: 'instance' }
        : { title: 'CPH install app', family: 'cph', targetType: fleet.type },
    // Only runs with apk-path need the APK reader and the OBS client: keep them out of every start-up.
    async resolve(params, context) {
        const resolved = params.apkPath
            ? await (await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 808))).readApk(params, context)
            : params;
        if (resolved.fleet.type !== 'instance')
            cphCommandContent(resolved);
        return resolved;
    },
    async prepare(params, context) {
        if (!params.apkPath)
            return params;
        const { uploadApk } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 808));
        return uploadApk(params, context);
    },
    buildCalls(params) {
        if (params.fleet.type !== 'instance')
            return cphCommandCalls(params.fleet, 'install', cphCommandContent(params));
        const body = {
            fast_install: params.fastInstall ? '1' : '0',
            object_name: params.packageName,
            file_name: params.fileName,
            object_version: params.appVersion,
            object_size: params.sizeMb,
            biz_type: 'apk',
            content_type: 'application/octet-stream',
            content_md5: params.md5 ?? '',
            install_package_url: params.apkUrl,
        };
        return (0,target_list/* chunk */.i)(params.fleet.ids, install_app_INSTANCES_PER_CALL).map((targets) => ({
            path: '/v1/instances/app/install',
            body: { ...body, instance_id_list: targets },
            targets,
        }));
    },
    installs: (params) => ({
        packageName: params.packageName,
        versionCode: params.versionCode,
        fromApk: params.apkPath !== undefined,
    }),
});

;// CONCATENATED MODULE: ./src/operations/push-shared-app.ts




const pushSharedApp = serverBatch({
    name: 'push-shared-app',
    title: 'CPH push shared app',
    path: '/phones/share-apps',
    inputs: [names/* Inputs */.G0.PackageName, names/* Inputs */.G0.PreInstall, names/* Inputs */.G0.ObsBucket, names/* Inputs */.G0.ObsObject],
    readFields: (reader) => ({
        package_name: reader.required(names/* Inputs */.G0.PackageName, rules/* androidPackage */._8),
        // An integer on this API, unlike KooPhone's string flags.
        pre_install_app: reader.withDefault(names/* Inputs */.G0.PreInstall, inputs_reader/* rules */.aO.boolean) ? 1 : 0,
        bucket_name: reader.required(names/* Inputs */.G0.ObsBucket, rules/* obsBucket */.dd),
        object_path: reader.required(names/* Inputs */.G0.ObsObject, rules/* obsTarObject */.Fd),
    }),
});

;// CONCATENATED MODULE: ./src/operations/push-shared-files.ts



const pushSharedFiles = serverBatch({
    name: 'push-shared-files',
    title: 'CPH push shared files',
    path: '/phones/share-files',
    inputs: [names/* Inputs */.G0.ObsBucket, names/* Inputs */.G0.ObsObject],
    readFields: (reader) => ({
        bucket_name: reader.required(names/* Inputs */.G0.ObsBucket, rules/* obsBucket */.dd),
        object_path: reader.required(names/* Inputs */.G0.ObsObject, rules/* obsTarObject */.Fd),
    }),
});

;// CONCATENATED MODULE: ./src/operations/run-command.ts






/** Per-call limit of instance_ids on the async-command page (a newer page says 100; the stricter wins). */
const run_command_INSTANCES_PER_CALL = 32;
const runCommand = defineOperation({
    name: 'run-command',
    inputs: [names/* Inputs */.G0.Command, ...fleet/* FLEET_INPUTS */.JI],
    readParams(reader) {
        return {
            command: reader.required(names/* Inputs */.G0.Command, rules/* commandContent */.bG),
            fleet: (0,fleet/* readFleet */.p9)(reader, ['instance', 'phone', 'server']),
        };
    },
    route: ({ fleet }) => fleet.type === 'instance'
        ? { title: 'KooPhone async command', family: 'koophone', targetType: 'instance' }
        : { title: 'CPH shell command', family: 'cph', targetType: fleet.type },
    buildCalls({ command, fleet }) {
        if (fleet.type !== 'instance')
            return cphCommandCalls(fleet, 'shell', command);
        return (0,target_list/* chunk */.i)(fleet.ids, run_command_INSTANCES_PER_CALL).map((targets) => ({
            path: '/v1/instances/async-command',
            body: { command, instance_ids: targets },
            targets,
        }));
    },
});

;// CONCATENATED MODULE: ./src/operations/index.ts







/** Every operation the action offers. */
const operations = [installApp, runCommand, pushSharedApp, pushSharedFiles, deployAppVersion];
const operationNames = operations.map((op) => op.name);
/** The operation the `operation` input names. */
function chooseOperation(reader) {
    const name = reader.required(names/* Inputs */.G0.Operation, inputs_reader/* rules */.aO.choice(operationNames));
    const operation = operations.find((op) => op.name === name);
    if (!operation)
        throw new Error(`unreachable: ${name} is one of the operation names`);
    return operation;
}

;// CONCATENATED MODULE: ./src/inputs/waves.ts
const AMOUNT = /^(\d+(?:\.\d+)?)(%?)$/;
function parseAmount(text) {
    const m = AMOUNT.exec(text.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    if (m[2] === '%')
        return n > 0 && n <= 100 ? { percent: n } : undefined;
    return Number.isInteger(n) ? { count: n } : undefined;
}
/** `1, 10%, 50%`: sizes separated by commas; each at least one target. Returns an error text when invalid. */
function parseWaves(text) {
    const parts = text.split(',').map((p) => p.trim());
    const sizes = [];
    for (const part of parts) {
        const amount = parseAmount(part);
        if (!amount || ('count' in amount && amount.count < 1)) {
            return `must list wave sizes separated by commas, each a whole number of targets (at least 1) or a percentage up to 100%, such as '1, 10%, 100%' (got '${part}')`;
        }
        sizes.push(amount);
    }
    return sizes;
}

;// CONCATENATED MODULE: ./src/inputs/rollout.ts




const wavesRule = (0,inputs_reader/* parsed */.Yz)((value) => {
    const waves = parseWaves(value);
    return typeof waves === 'string' ? { problem: waves } : { value: waves };
});
const thresholdRule = (0,inputs_reader/* parsed */.Yz)((value) => {
    const amount = parseAmount(value);
    return amount
        ? { value: amount }
        : { problem: "must be a whole number of targets or a percentage such as '0', '5' or '10%'" };
});
const pauseDuration = inputs_reader/* rules */.aO.duration({ ms: 5 * 86_400_000, text: '120h' });
const pauseRule = (0,inputs_reader/* parsed */.Yz)((value) => {
    if (/^0+(ms|s|m|h)?$/.test(value.trim()))
        return { value: 0 };
    const ms = pauseDuration.safeParse(value);
    return ms.success ? { value: ms.data } : { problem: "must be a duration such as '0s', '30s' or '5m'" };
});
// Android's versionCode is a positive Java int.
const versionCodeRule = inputs_reader/* rules */.aO.integer(1, 2_147_483_647);
// Long enough for an app that crashes a few seconds into its start, short enough that a wave is not held for long.
const smokeDurationRule = inputs_reader/* rules */.aO.duration({ ms: 5 * 60_000, text: '5m' });
/** Reads the rollout inputs and the rules that tie them to the operation and to `wait`. */
function readRollout(reader, common, operation) {
    const { fleet } = operation;
    const settings = {
        maxTargets: reader.optional(names/* Inputs */.G0.MaxTargets, inputs_reader/* rules */.aO.integer(1, rules/* MAX_TARGETS */.kz)),
        waves: reader.optional(names/* Inputs */.G0.Waves, wavesRule),
        wavePauseMs: reader.withDefault(names/* Inputs */.G0.WavePause, pauseRule),
        maxFailures: reader.withDefault(names/* Inputs */.G0.MaxFailures, thresholdRule),
        verify: reader.withDefault(names/* Inputs */.G0.Verify, inputs_reader/* rules */.aO.boolean),
        skipInstalled: reader.withDefault(names/* Inputs */.G0.SkipInstalled, inputs_reader/* rules */.aO.boolean),
        versionCode: reader.optional(names/* Inputs */.G0.VersionCode, versionCodeRule),
    };
    const smoke = reader.withDefault(names/* Inputs */.G0.Smoke, inputs_reader/* rules */.aO.boolean);
    const smokeMs = reader.withDefault(names/* Inputs */.G0.SmokeDuration, smokeDurationRule);
    if (smoke)
        settings.smokeMs = smokeMs;
    if (settings.waves && (!fleet || operation.singleWave)) {
        reader.fail(names/* Inputs */.G0.Waves, 'works with install-app and run-command, which run on instances or phones', reader.raw(names/* Inputs */.G0.Waves));
    }
    if (settings.waves && !common.wait) {
        reader.fail(names/* Inputs */.G0.Waves, 'needs wait: true: each wave is waited for before the next one starts', reader.raw(names/* Inputs */.G0.Waves));
    }
    if (reader.isExplicit(names/* Inputs */.G0.MaxFailures) && !settings.waves) {
        reader.fail(names/* Inputs */.G0.MaxFailures, 'needs waves: failures are counted after each wave', reader.raw(names/* Inputs */.G0.MaxFailures));
    }
    if (reader.isExplicit(names/* Inputs */.G0.WavePause) && !settings.waves) {
        reader.fail(names/* Inputs */.G0.WavePause, 'needs waves', reader.raw(names/* Inputs */.G0.WavePause));
    }
    for (const [name, on] of [
        [names/* Inputs */.G0.Verify, settings.verify],
        [names/* Inputs */.G0.SkipInstalled, settings.skipInstalled],
    ]) {
        if (!on)
            continue;
        if (!operation.installs)
            reader.fail(name, 'works with install-app only', 'true');
        if (fleet?.type === 'server') {
            reader.fail(name, 'asks each phone for its installed version: list phones, or select servers with server-tags or server-name (they expand to their phones)', 'true');
        }
        if (name === names/* Inputs */.G0.Verify && !common.wait)
            reader.fail(name, 'needs wait: true', 'true');
    }
    if (settings.versionCode !== undefined && !operation.installs)
        reader.fail(names/* Inputs */.G0.VersionCode, 'works with install-app only', reader.raw(names/* Inputs */.G0.VersionCode));
    readSmokeRules(reader, common, operation, smoke);
    return settings;
}
/** smoke launches what install-app installed: it needs the package name and the wait, before anything is sent. */
function readSmokeRules(reader, common, operation, smoke) {
    if (!smoke) {
        if (reader.isExplicit(names/* Inputs */.G0.SmokeDuration))
            reader.fail(names/* Inputs */.G0.SmokeDuration, 'needs smoke: true', reader.raw(names/* Inputs */.G0.SmokeDuration));
        return;
    }
    if (!operation.installs)
        reader.fail(names/* Inputs */.G0.Smoke, 'works with install-app only', 'true');
    if (!common.wait)
        reader.fail(names/* Inputs */.G0.Smoke, 'needs wait: true: the app is launched once its install has finished', 'true');
    const app = operation.installs();
    if (!app.packageName && !app.fromApk) {
        reader.fail(names/* Inputs */.G0.PackageName, 'is required with smoke: the app is launched and looked for by this name (or give apk-path to read it from the APK)', '');
    }
}

;// CONCATENATED MODULE: ./src/operations/settings.ts





/** Reads every input into one validated settings object. Throws InputError before anything is sent. */
function readSettings(source, env = process.env, maskSecret = () => { }) {
    const reader = new inputs_reader/* InputReader */.i_(source, env, maskSecret);
    // Masked before anything is read, so that no message, not even an error, can show them.
    for (const name of [names/* Inputs */.G0.AccessKey, names/* Inputs */.G0.SecretKey, names/* Inputs */.G0.SecurityToken, names/* Inputs */.G0.AuthToken]) {
        reader.markSecret(name);
        const value = reader.raw(name);
        if (value !== '')
            maskSecret(value);
    }
    const chosen = chooseOperation(reader);
    refuseOtherOperationsInputs(reader, chosen.name, chosen.inputs);
    const common = readCommonSettings(reader, source, env);
    const operation = chosen.read(reader, common);
    const rollout = readRollout(reader, common, operation);
    const endpoint = resolveEndpoint(reader, operation.route.family, common);
    return { ...common, operation, endpoint, rollout };
}
/**
 * No input is silently ignored: one that only other operations read is an error, before anything is
 * sent, naming the operations that use it. Defaults the runner fills in and environment fallbacks do
 * not count as given.
 */
function refuseOtherOperationsInputs(reader, chosen, own) {
    const mine = new Set(own);
    const users = new Map();
    for (const op of operations)
        for (const name of op.inputs)
            if (!mine.has(name))
                users.set(name, [...(users.get(name) ?? []), op.name]);
    for (const [name, ops] of users) {
        if (reader.isExplicit(name))
            reader.fail(name, `is not used by ${chosen}: only ${ops.join(', ')} ${ops.length > 1 ? 'use' : 'uses'} it. Remove it, or choose that operation`, reader.raw(name));
    }
}
function resolveEndpoint(reader, family, { explicitEndpoint: explicit, region, projectId, credentials }) {
    if (family === 'koophone') {
        // KooPhone has one region, cn-south-1 (the Java SDK's only KooPhone region, whose project it
        // looks up by region name); signed calls name that region's project in X-Project-Id.
        if (credentials.kind === 'aksk' && projectId === undefined) {
            reader.fail(names/* Inputs */.G0.ProjectId, "is required for KooPhone with access-key/secret-key: give the project id of region cn-south-1 (KooPhone's region), from the console under My Credentials > API Credentials, or set HUAWEI_CLOUD_PROJECT_ID", '');
        }
        return explicit ?? names/* DEFAULT_KOOPHONE_ENDPOINT */.KT;
    }
    if (projectId === undefined) {
        reader.fail(names/* Inputs */.G0.ProjectId, 'is required for Cloud Phone (CPH) operations: find it in the console under My Credentials > API Credentials for your region, or set HUAWEI_CLOUD_PROJECT_ID', '');
    }
    if (explicit)
        return explicit;
    if (region === undefined) {
        reader.fail(names/* Inputs */.G0.Region, "is required for Cloud Phone (CPH) operations unless endpoint is given: use the region of your servers, e.g. 'cn-north-4' (or set HUAWEI_CLOUD_REGION)", '');
    }
    return (0,names/* cphDefaultEndpoint */.oy)(region);
}

;// CONCATENATED MODULE: ./src/run/verify.ts




/** async-command takes 32 instances a call (stricter of two pages, as run-command uses). */
const verify_INSTANCES_PER_CALL = 32;
/** The command, within the content rule of both command APIs (letters, digits, space, _ . / : -). */
function versionQuery(packageName) {
    return `pm list packages --show-versioncode ${packageName}`;
}
/**
 * Reads `pm list packages` output. The filter matches substrings, so only the line naming exactly
 * this package counts; output is cut at 1,024 bytes by the service, so a cut last line is ignored.
 */
function parseVersion(output, packageName) {
    for (const line of output.split(/\r?\n/)) {
        const m = /^package:(\S+) versionCode:(\d+)\s*$/.exec(line.trim());
        if (m && m[1] === packageName)
            return { kind: 'installed', versionCode: Number(m[2]) };
    }
    return { kind: 'missing' };
}
/** Asks every target, in batches (one command call per 32 instances or 100 phones), which versionCode it has. */
async function queryVersions(targets, packageName, ctx) {
    const result = new Map();
    if (targets.length === 0)
        return result;
    const command = versionQuery(packageName);
    const route = ctx.targetType === 'instance'
        ? { family: 'koophone', targetType: 'instance', title: 'KooPhone version query' }
        : { family: 'cph', targetType: 'phone', title: 'CPH version query' };
    const calls = ctx.targetType === 'instance'
        ? (0,target_list/* chunk */.i)(targets, verify_INSTANCES_PER_CALL).map((ids) => ({
            path: '/v1/instances/async-command',
            body: { command, instance_ids: ids },
            targets: ids,
        }))
        : cphCommandCalls({ type: 'phone', ids: targets }, 'shell', command);
    ctx.onBatch?.(calls.length);
    const submitted = await submitAll(calls, route, ctx.family, {
        concurrency: ctx.concurrency,
        signal: ctx.signal,
        deadline: ctx.deadline,
    });
    const waited = await waitForJobs(submitted.jobs, ctx.family, {
        intervalMs: ctx.pollIntervalMs,
        deadline: ctx.deadline,
        signal: ctx.signal,
    });
    for (const job of submitted.jobs)
        result.set(job.target, interpret(job, packageName, waited.end));
    for (const target of targets) {
        if (!result.has(target))
            result.set(target, { kind: 'unknown', reason: 'the query started no job on this target' });
    }
    return result;
}
function interpret(job, packageName, end) {
    if (job.status === 'succeeded')
        return parseVersion(job.output ?? '', packageName);
    if (job.status === 'running')
        return { kind: 'unknown', reason: `the version query did not finish (${end})` };
    const why = [job.errorCode, job.errorMessage].filter(Boolean).join(': ');
    return { kind: 'unknown', reason: `the version query failed${why ? `: ${why}` : ''}` };
}

;// CONCATENATED MODULE: ./src/run/waves.ts
function amountOf(amount, whole) {
    if ('count' in amount)
        return amount.count;
    // Rounded up, on integers, so 10% of 2,000 is 200 and not 201 from floating-point noise.
    return Math.ceil((Math.round(amount.percent * 1000) * whole) / 100_000);
}
/**
 * Splits `total` ordered targets into waves: each size is a count or a percentage of all targets
 * (rounded up, at least 1), and the last size repeats until every target is covered.
 */
function planWaves(total, sizes) {
    const out = [];
    let covered = 0;
    for (let i = 0; covered < total; i++) {
        const size = Math.max(1, amountOf(sizes[Math.min(i, sizes.length - 1)], total));
        const n = Math.min(size, total - covered);
        out.push(n);
        covered += n;
    }
    return out;
}
/** Failures a rollout tolerates after `attempted` targets: a count, or a percentage of them rounded down. */
function allowedFailures(threshold, attempted) {
    if ('count' in threshold)
        return threshold.count;
    return Math.floor((Math.round(threshold.percent * 1000) * attempted) / 100_000);
}

;// CONCATENATED MODULE: ./src/run/rollout.ts











/**
 * What verify and skip-installed compare against: the version-code input, else the APK's own
 * versionCode. Asked once the operation is resolved, before any request: a missing one is an input error.
 */
function expectedVersion(settings) {
    const { rollout, operation } = settings;
    if (!rollout.verify && !rollout.skipInstalled)
        return undefined;
    // readRollout takes verify and skip-installed only from an operation that installs.
    const app = operation.installs?.() ?? { fromApk: false };
    const packageName = app.packageName ??
        (() => {
            throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.PackageName, 'is required with verify or skip-installed: the phones are asked for this package (or give apk-path to read it from the APK)', '');
        })();
    const versionCode = rollout.versionCode ?? app.versionCode;
    if (versionCode === undefined) {
        throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.VersionCode, app.fromApk
            ? 'is required with verify or skip-installed: the APK has no literal android:versionCode in its manifest'
            : 'is required with verify or skip-installed (or give apk-path to read it from the APK)', '');
    }
    return { packageName, versionCode };
}
/**
 * The package smoke launches: package-name, else the APK's own. Asked once the operation is resolved,
 * before any request: a missing one is an input error.
 */
function smokePackage(settings) {
    if (settings.rollout.smokeMs === undefined)
        return undefined;
    const packageName = settings.operation.installs?.().packageName;
    if (!packageName)
        throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.PackageName, 'is required with smoke: the app is launched and looked for by this name (or give apk-path to read it from the APK)', '');
    return packageName;
}
/**
 * Runs the operation on `targets` in waves (one wave of all targets without `waves`): each wave is
 * submitted, waited for and verified before the next starts; too many failures halt the rollout.
 */
async function runRollout(targets, ctx) {
    const { settings, signal } = ctx;
    const { rollout } = settings;
    const sizes = rollout.waves ? planWaves(targets.length, rollout.waves) : [targets.length];
    const result = { jobs: [], batchIds: [], end: 'done', notes: [] };
    const rows = [];
    let offset = 0;
    let attempted = 0;
    let failures = 0;
    let completed = 0;
    let stopReason;
    if (rollout.waves)
        ctx.info(`Rolling out to ${targets.length} target(s) in ${sizes.length} wave(s): ${sizes.join(', ')}`);
    for (const [index, size] of sizes.entries()) {
        if (index > 0 && rollout.wavePauseMs > 0) {
            ctx.info(`Pausing ${(0,duration/* formatDuration */.a3)(rollout.wavePauseMs)} before wave ${index + 1}...`);
            await (0,timing/* sleep */.yy)(Math.min(rollout.wavePauseMs, Math.max(0, ctx.deadline - (0,timing/* now */.tB)())), signal);
        }
        if (signal.aborted) {
            result.end = 'cancelled';
            stopReason = 'not started: the run was cancelled';
            break;
        }
        if (index > 0 && (0,timing/* now */.tB)() >= ctx.deadline) {
            result.end = 'timed-out';
            stopReason = 'not started: wait-timeout passed';
            break;
        }
        const wave = targets.slice(offset, offset + size);
        offset += size;
        const waveStarted = (0,timing/* now */.tB)();
        if (rollout.waves)
            ctx.info(`Wave ${index + 1} of ${sizes.length}: ${wave.length} target(s)`);
        const before = { jobs: [...result.jobs], batchIds: [...result.batchIds] };
        const pass = await runPass(wave, {
            ...ctx,
            track: (jobs, batchIds) => ctx.track?.([...before.jobs, ...jobs], [...before.batchIds, ...batchIds]),
        });
        result.jobs.push(...pass.jobs);
        result.batchIds.push(...pass.batchIds);
        result.notes.push(...pass.notes);
        const c = countJobs(pass.jobs);
        rows.push({
            wave: index + 1,
            targets: wave.length,
            succeeded: c.succeeded,
            failed: c.failed,
            skipped: c.skipped,
            running: c.running,
            elapsedMs: (0,timing/* now */.tB)() - waveStarted,
        });
        result.end = pass.end;
        if (pass.end !== 'done' && pass.end !== 'submitted') {
            stopReason =
                pass.end === 'cancelled'
                    ? 'not started: the run was cancelled'
                    : `not started: the rollout stopped in wave ${index + 1} (${pass.end})`;
            break;
        }
        completed++;
        if (!rollout.waves)
            continue;
        attempted += wave.length - c.skipped;
        failures += c.failed;
        const allowed = allowedFailures(rollout.maxFailures, attempted);
        if (failures > allowed && offset < targets.length) {
            result.end = 'halted';
            stopReason = `not started: rollout halted after wave ${index + 1}`;
            result.notes.push(`Rollout halted after wave ${index + 1}: ${failures} failure(s) among ${attempted} target(s) attempted, more than max-failures allows (${allowed}). ${targets.length - offset} target(s) were not started; they are in the pending-targets output.`);
            break;
        }
    }
    const pending = targets.slice(offset);
    const { targetType } = settings.operation.route;
    for (const target of pending) {
        result.jobs.push({ target, targetType, status: 'skipped', errorMessage: stopReason ?? 'not started' });
    }
    if (rollout.waves)
        result.waves = { rows, halted: result.end === 'halted', completed, notStarted: pending };
    return result;
}
/** One "skip what is there, submit, wait, verify" pass over a list of targets. */
async function runPass(targets, ctx) {
    const { settings, family, signal, expected, smoke } = ctx;
    const { operation } = settings;
    const { route } = operation;
    const pass = { jobs: [], batchIds: [], end: 'done', notes: [] };
    const query = {
        family,
        targetType: route.targetType === 'instance' ? 'instance' : 'phone',
        concurrency: settings.maxConcurrency,
        pollIntervalMs: settings.pollIntervalMs,
        deadline: ctx.deadline,
        signal,
    };
    let toSend = targets;
    if (expected && settings.rollout.skipInstalled && targets.length) {
        ctx.info(`Asking ${targets.length} target(s) which versionCode of ${expected.packageName} they have...`);
        const found = await queryVersions(targets, expected.packageName, query);
        toSend = [];
        for (const target of targets) {
            const installed = found.get(target);
            if (installed?.kind === 'installed' && installed.versionCode >= expected.versionCode) {
                pass.jobs.push({
                    target,
                    targetType: query.targetType,
                    status: 'skipped',
                    errorMessage: `already at versionCode ${installed.versionCode}`,
                    installedVersionCode: installed.versionCode,
                });
            }
            else {
                toSend.push(target);
            }
        }
        if (pass.jobs.length)
            ctx.info(`${pass.jobs.length} target(s) already have versionCode ${expected.versionCode} or higher: skipped.`);
    }
    if (toSend.length === 0)
        return pass;
    const calls = operation.buildCalls(settings, toSend);
    ctx.info(`${route.title}: submitting ${toSend.length} ${route.targetType}(s) in ${calls.length} call(s)...`);
    ctx.track?.([
        ...pass.jobs,
        ...calls.flatMap((call) => call.targets.map((target) => ({
            target,
            targetType: route.targetType,
            status: 'unknown',
            errorMessage: 'the run stopped while this target was being submitted',
        }))),
    ], []);
    const submitted = await untrusted/* log */.Rm.group(`Submit ${toSend.length} ${route.targetType}(s)`, () => submitAll(calls, route, family, {
        concurrency: settings.maxConcurrency,
        signal,
        deadline: ctx.deadline,
    }));
    pass.batchIds.push(...submitted.batchIds);
    pass.notes.push(...submitted.errors.map((e) => `Submit failed for ${e}`));
    if (submitted.jobs.some((j) => j.status === 'unknown')) {
        pass.notes.push('Targets marked unknown were in a submit whose answer was lost: the service may have started their jobs. They were not resubmitted, to avoid installing twice. Check them in the console (or re-run with failed-targets) before retrying.');
    }
    pass.jobs.push(...submitted.jobs);
    ctx.track?.(pass.jobs, pass.batchIds);
    if (!settings.wait) {
        pass.end = signal.aborted ? 'cancelled' : 'submitted';
        return pass;
    }
    if (signal.aborted) {
        pass.end = 'cancelled';
        return pass;
    }
    let lastLine = '';
    const waited = await untrusted/* log */.Rm.group('Wait', () => waitForJobs(submitted.jobs, family, {
        intervalMs: settings.pollIntervalMs,
        deadline: ctx.deadline,
        signal,
        onRound: () => {
            const c = countJobs(submitted.jobs);
            const line = `${c.succeeded} succeeded, ${c.failed} failed, ${c.running} running`;
            if (line !== lastLine)
                ctx.info(`[${(0,duration/* formatDuration */.a3)((0,timing/* now */.tB)() - ctx.started)}] ${line}`);
            lastLine = line;
        },
    }));
    pass.end = waited.end;
    if (waited.error?.isAuthFailure) {
        pass.notes.push(`Polling was refused although the submit was accepted: ${waited.error.message}. Signed requests are valid only within 15 minutes of the service's clock, so a runner clock that drifted (or a token that expired during the wait) fails like this. The jobs go on in the service; check them with the ids below.`);
    }
    else if (waited.error) {
        pass.notes.push(`Stopped polling after repeated failures: ${waited.error.message}`);
    }
    if (waited.outage) {
        pass.notes.push(`The service could not be reached while waiting (last error: ${waited.outage.message}).`);
    }
    if (expected && settings.rollout.verify && waited.end === 'done') {
        const installed = submitted.jobs.filter((j) => j.status === 'succeeded');
        if (installed.length) {
            ctx.info(`Verifying ${installed.length} install(s): asking each target for its versionCode...`);
            const found = await queryVersions(installed.map((j) => j.target), expected.packageName, query);
            for (const job of installed)
                verifyJob(job, found.get(job.target), expected);
            if (signal.aborted)
                pass.end = 'cancelled';
        }
    }
    const smokeMs = settings.rollout.smokeMs;
    // After verify: only what installed (at the expected version) is launched; skipped targets never are.
    const installed = submitted.jobs.filter((j) => j.status === 'succeeded');
    if (smoke && smokeMs !== undefined && pass.end === 'done' && installed.length) {
        const end = await untrusted/* log */.Rm.group(`Smoke check (${installed.length} target(s))`, () => smokeCheck(installed, smoke, { ...query, smokeMs, info: ctx.info }));
        if (end === 'cancelled')
            pass.end = 'cancelled';
    }
    return pass;
}
function verifyJob(job, found, expected) {
    if (found?.kind === 'installed') {
        job.installedVersionCode = found.versionCode;
        if (found.versionCode >= expected.versionCode)
            return;
        job.status = 'failed';
        job.errorCode = 'VERIFY_VERSION_MISMATCH';
        job.errorMessage = `installed ${found.versionCode}, expected ${expected.versionCode}`;
        return;
    }
    job.status = 'failed';
    if (found?.kind === 'missing') {
        job.errorCode = 'VERIFY_NOT_INSTALLED';
        job.errorMessage = `${expected.packageName} is not installed`;
    }
    else {
        job.errorCode = 'VERIFY_FAILED';
        job.errorMessage = found?.reason ?? 'the target was not asked';
    }
}

;// CONCATENATED MODULE: ./src/run/select.ts



/**
 * Resolves a selection into ids with read-only list calls (also in a dry run); an explicit list passes
 * through. max-targets is checked here, before anything is sent.
 */
async function selectFleet(settings, transport, info, deadline) {
    const { fleet } = settings.operation;
    const listed = settings.operation.targets();
    let selected = { all: listed, running: listed, skipped: [] };
    if (fleet?.selection) {
        const what = describeSelection(fleet.selection);
        info(`Selecting ${fleet.type}s by ${what}...`);
        const bounds = { maxTargets: settings.rollout.maxTargets, deadline };
        const lister = new FleetLister(transport, settings.projectId ?? '', settings.maxConcurrency, bounds);
        const resolved = await resolveSelection(fleet.selection, lister, fleet.type, info);
        selected = {
            all: resolved.all,
            running: resolved.running,
            skipped: resolved.skipped,
            filters: what,
            description: `Selected by ${what}: ${resolved.all.length} ${fleet.type}(s), ${resolved.running.length} running${resolved.skipped.length ? `, ${resolved.skipped.length} not running (skipped)` : ''}.`,
        };
        info(selected.description ?? '');
    }
    const max = settings.rollout.maxTargets;
    if (max !== undefined && selected.all.length > max) {
        throw new inputs_errors/* InputError */.d(names/* Inputs */.G0.MaxTargets, `is ${max}, but the run has ${selected.all.length} targets${fleet?.selection ? ' (the selection found that many)' : ''}: nothing was sent. Narrow the selection or raise max-targets`);
    }
    return selected;
}
function describeSelection(selection) {
    if (selection.family === 'koophone') {
        return [
            selection.pool !== undefined && `pool_name=${selection.pool}`,
            selection.instanceName !== undefined && `instance name ${selection.instanceName}`,
        ]
            .filter(Boolean)
            .join(', ');
    }
    return [
        selection.tags && [...selection.tags].map(([k, v]) => `${k}=${v.join('|')}`).join(' and '),
        selection.serverName !== undefined && `server name ${selection.serverName}`,
    ]
        .filter(Boolean)
        .join(', ');
}
/** ListPhones `status` 2 and batch-query `running_status` 2 mean running (API reference). */
const RUNNING = 2;
/** ListCloudPhoneServers `status` 5: the server is normal (SDK Server.status). */
const SERVER_RUNNING = 5;
const PHONE_STATES = {
    0: 'creating',
    1: 'creating',
    3: 'resetting',
    4: 'restarting',
    6: 'frozen',
    7: 'stopping',
    8: 'stopped',
};
const INSTANCE_STATES = {
    0: 'unknown',
    1: 'stopped',
    3: 'going offline',
    4: 'starting',
    5: 'shut down',
};
const SERVER_STATES = { 2: 'abnormal', 8: 'frozen', 10: 'shut down' };
function namePattern(text) {
    const glob = text.includes('*');
    const parts = text.split('*');
    const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    return {
        text,
        glob,
        matches: (name) => re.test(name),
        literal: parts.reduce((a, b) => (b.length > a.length ? b : a), ''),
    };
}
/** Keeps the entries whose whole name matches; says in the log how many near matches were left out. */
function byWholeName(found, pattern, what, input, info) {
    const kept = found.filter((entry) => pattern.matches(entry.name));
    const near = found.filter((entry) => !pattern.matches(entry.name));
    if (near.length > 0) {
        const shown = near.slice(0, 5).map((entry) => entry.name);
        info(`${input} '${pattern.text}' selects ${pattern.glob ? 'names matching the glob' : 'that whole name'}: left out ${near.length} ${what}(s) the service listed with a near name (${shown.join(', ')}${near.length > shown.length ? ', ...' : ''}). Use a * (e.g. '${pattern.text.replace(/\*?$/, '*')}') to select more.`);
    }
    return kept;
}
/** Runs the list calls of a selection and splits what they found into running and skipped targets. */
async function resolveSelection(selection, lister, targetType = selection.family === 'koophone' ? 'instance' : 'phone', info = () => { }) {
    let found;
    if (selection.family === 'koophone') {
        const name = selection.instanceName !== undefined ? namePattern(selection.instanceName) : undefined;
        // A glob cannot go to a filter whose matching is unknown: list the pool (or all) and match here.
        const listed = await lister.instances({ pool: selection.pool, name: name && !name.glob ? name.text : undefined }, (entry) => !name || name.matches(entry.name));
        found = name ? byWholeName(listed, name, 'instance', 'instance-name', info) : listed;
    }
    else {
        let servers = selection.tags ? await lister.serversByTags(selection.tags) : undefined;
        if (selection.serverName !== undefined) {
            const name = namePattern(selection.serverName);
            const named = byWholeName(await lister.serversByName(name.literal || undefined), name, 'server', 'server-name', info);
            const byId = new Map(named.map((s) => [s.id, s]));
            servers = servers ? servers.filter((s) => byId.has(s.id)).map((s) => byId.get(s.id)) : named;
        }
        const unique = [...new Map((servers ?? []).map((s) => [s.id, s])).values()];
        if (targetType === 'server')
            found = unique;
        else
            found = unique.length ? await lister.phonesOf(unique.map((s) => s.id)) : [];
    }
    const seen = new Set();
    const resolved = { all: [], running: [], skipped: [] };
    for (const target of found) {
        if (seen.has(target.id))
            continue;
        seen.add(target.id);
        resolved.all.push(target.id);
        // The tag listing gives no server status: such a server is a target, and the service judges it.
        const running = targetType === 'server'
            ? target.status === undefined || target.status === SERVER_RUNNING
            : target.status === RUNNING;
        if (running) {
            resolved.running.push(target.id);
            continue;
        }
        const states = targetType === 'phone' ? PHONE_STATES : targetType === 'server' ? SERVER_STATES : INSTANCE_STATES;
        const field = targetType === 'instance' ? 'running_status' : 'status';
        const state = target.status === undefined
            ? `no ${field}`
            : `${field} ${target.status}${states[target.status] ? ` (${states[target.status]})` : target.status < 0 ? ' (failed)' : ''}`;
        resolved.skipped.push({
            target: target.id,
            targetType,
            status: 'skipped',
            errorMessage: `not running: ${state}`,
        });
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/run/pipeline.ts















/** Ends a run before anything reached the fleet; every target is then listed as not submitted. */
class Stop extends Error {
    note;
    failure;
    status;
    reason;
    jobs;
    constructor(
    /** The summary's note. */
    note, 
    /** The ::error:: line. */
    failure, status = 'failed', 
    /** Why each target was not submitted. */
    reason = failure, 
    /** The targets' rows, when they are not simply "not submitted" (a selection's skipped ones). */
    jobs) {
        super(note);
        this.note = note;
        this.failure = failure;
        this.status = status;
        this.reason = reason;
        this.jobs = jobs;
    }
}
/**
 * The run, as a fixed plan: settings, local resolution (the APK), auth, selection, upload, plan (waves
 * and calls), then submit, wait, verify per wave. Whatever ends it comes back as one Conclusion; only
 * a bug throws.
 */
async function runPipeline(progress, source, signal) {
    try {
        const settings = await readInputs(progress, source);
        return await deploy(progress, settings, signal);
    }
    catch (error) {
        if (!(error instanceof Stop))
            throw error;
        return stopped(progress, error);
    }
}
async function readInputs(progress, source) {
    try {
        // Secrets are registered as they are read, before anything else is printed.
        const settings = await untrusted/* log */.Rm.group('Inputs', async () => readSettings(source, process.env, untrusted/* registerSecret */.cl));
        const { route } = settings.operation;
        Object.assign(progress, {
            settings,
            operation: settings.operation.name,
            batchIdsOutput: route.family === 'cph' ? 'request-ids' : 'task-ids',
            targetType: route.targetType,
            targets: settings.operation.targets(),
        });
        return settings;
    }
    catch (error) {
        if (error instanceof inputs_errors/* InputError */.d)
            throw new Stop(`Nothing was sent: ${error.message}`, error.message);
        throw error;
    }
}
/** Runs a step that sends nothing to the fleet; what ends the run there becomes a Stop. */
async function beforeSending(signal, what, step) {
    try {
        return await step();
    }
    catch (error) {
        if (error instanceof Stop)
            throw error;
        if (signal.aborted) {
            const why = 'the run was cancelled';
            throw new Stop(`Nothing was sent to the fleet: ${why}`, 'The run was cancelled before anything was sent to the fleet.', 'cancelled', why);
        }
        if (!(error instanceof inputs_errors/* InputError */.d) && !(error instanceof errors/* ApiError */.hD) && !(error instanceof ListingError))
            throw error;
        const why = error instanceof inputs_errors/* InputError */.d ? error.message : `${what}: ${error.message}`;
        throw new Stop(`Nothing was sent to the fleet: ${why}`, why);
    }
}
async function deploy(progress, read, signal) {
    const context = prepareContext(progress, read, signal);
    let settings = await beforeSending(signal, 'reading the APK', async () => {
        const operation = await untrusted/* log */.Rm.group('APK', () => read.operation.resolve(context(read)));
        return { ...read, operation };
    });
    const checked = await beforeSending(signal, 'checking the inputs', async () => ({
        expected: expectedVersion(settings),
        smoke: smokePackage(settings),
    }));
    settings = await authenticate(progress, settings, signal);
    const transport = new Transport({
        baseUrl: settings.endpoint,
        credentials: settings.credentials,
        // As the SDK's BasicCredentials: every AK/SK-signed call names its project, CPH included.
        projectIdHeader: settings.projectId,
        requestTimeoutMs: settings.requestTimeoutMs,
        signal,
        deadline: progress.started + settings.waitTimeoutMs,
        debug: (message) => untrusted/* log */.Rm.debug(message),
    });
    try {
        const deadline = progress.started + settings.waitTimeoutMs;
        // The annotation says why a selection failed: the listing, the service's code and message, or the bound it hit.
        const selected = await beforeSending(signal, 'selecting the targets failed', () => selectFleet(settings, transport, (message) => untrusted/* log */.Rm.info(message), deadline));
        progress.selected = selected.all;
        progress.targets = settings.operation.fleet ? selected.running : selected.all;
        noneRunning(settings, selected);
        if (settings.dryRun)
            return dryRun(progress, settings, selected, checked.smoke);
        const prepared = settings.operation.prepare
            ? await beforeSending(signal, 'the upload failed', () => untrusted/* log */.Rm.group('Upload', () => settings.operation.prepare(context(settings))))
            : settings.operation;
        settings = { ...settings, operation: prepared };
        return await roll(progress, settings, selected, { ...checked, transport, signal });
    }
    finally {
        transport.dispose();
    }
}
/** A selection that found no running target ends the run (a dry run reports what it found). */
function noneRunning(settings, selected) {
    const { fleet } = settings.operation;
    if (!fleet?.selection || selected.running.length > 0)
        return;
    if (selected.all.length > 0 && settings.dryRun)
        return;
    const why = `No running ${fleet.type} matched the selection (${selected.filters ?? 'no filter'}${selected.all.length ? `; ${selected.all.length} matched, none running` : ''}): nothing was sent. Check the selection inputs.`;
    throw new Stop(`${selected.description ?? ''} ${why}`.trim(), why, 'failed', why, selected.skipped);
}
/** What an operation's own steps get: the log, the mask, and its declared outputs. */
function prepareContext(progress, read, signal) {
    return (settings) => ({
        settings,
        dryRun: read.dryRun,
        signal,
        info: (message) => untrusted/* log */.Rm.info(message),
        warning: (message) => untrusted/* log */.Rm.warning(message),
        debug: (message) => untrusted/* log */.Rm.debug(message),
        notice: (message) => untrusted/* log */.Rm.notice(message),
        mask: untrusted/* registerSecret */.cl,
        setOutput: (name, value) => (progress.operationOutputs[name] = value),
    });
}
/** Keyless runs exchange the workflow's token first: the upload and every call sign with those keys. */
async function authenticate(progress, settings, signal) {
    const { credentials } = settings;
    if (credentials.kind !== 'keyless')
        return settings;
    const { startKeyless } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 300));
    // A dry run that resolves a selection needs keys for its read-only list calls.
    const lists = Boolean(settings.operation.fleet?.selection);
    const keyless = await startKeyless({ ...settings, keyless: credentials.keyless }, signal, process.env, lists);
    if (!keyless.ok)
        throw new Stop(`Nothing was sent to the fleet: ${keyless.message}`, keyless.message);
    progress.credentialsExpiration = keyless.session?.expiration;
    return { ...settings, credentials: { ...credentials, session: keyless.session } };
}
/** The report every end shares; `jobs`, `status` and the notes say how this one went. */
function reportOf(progress, rest) {
    return {
        operation: progress.operation,
        batchIds: progress.batchIds,
        batchIdsOutput: progress.batchIdsOutput,
        elapsedMs: (0,timing/* now */.tB)() - progress.started,
        targets: progress.selected,
        operationOutputs: progress.operationOutputs,
        credentialsExpiration: progress.credentialsExpiration,
        ...rest,
    };
}
function stopped(progress, stop) {
    const report = reportOf(progress, {
        status: stop.status,
        jobs: stop.jobs ?? notSubmitted(progress, `not submitted: ${stop.reason}`),
        batchIds: [],
        notes: [stop.note],
    });
    return { report, failure: stop.failure, settings: progress.settings };
}
/** Every target the run was asked to reach, as failed before anything was sent. */
function notSubmitted(progress, reason) {
    const targetType = progress.targetType ?? 'instance';
    return progress.targets.map((target) => ({ target, targetType, status: 'failed', errorMessage: reason }));
}
async function dryRun(progress, settings, selected, smokePackage) {
    const { operation } = settings;
    const calls = progress.targets.length === 0 ? [] : operation.buildCalls(settings, progress.targets);
    const waves = settings.rollout.waves
        ? planWaves(progress.targets.length, settings.rollout.waves)
        : undefined;
    const smoke = smokePackage
        ? plannedSmoke(smokePackage, progress.targets, operation.route.targetType)
        : undefined;
    const planned = describeCalls([...calls, ...(smoke?.calls ?? [])], settings);
    await untrusted/* log */.Rm.group(`Requests that would be sent (${planned.length})`, async () => {
        for (const text of planned)
            untrusted/* log */.Rm.block(`dry-run: would send\n${text}`);
    });
    const report = reportOf(progress, {
        status: 'dry-run',
        jobs: selected.skipped,
        notes: [
            ...(selected.description ? [selected.description] : []),
            ...(operation.fleet?.selection
                ? [
                    `Dry run: the selection was resolved with read-only list calls${settings.credentials.kind === 'keyless' ? ", after exchanging the workflow's token for temporary keys" : ''}; nothing was sent to the fleet.`,
                ]
                : []),
            ...(waves ? [`Waves: ${waves.join(', ')} target(s).`] : []),
            ...(smoke ? [smoke.note] : []),
            `Validated ${calls.reduce((n, c) => n + c.targets.length, 0)} ${operation.route.targetType}(s) in ${calls.length} call(s) to ${settings.endpoint}. Secrets and signed URL parameters are masked.`,
        ],
        plannedRequests: planned,
    });
    return { report, settings };
}
/** The exact requests a run would send, with credentials shown as placeholders. */
function describeCalls(calls, settings) {
    const auth = settings.credentials.kind === 'token'
        ? 'X-Auth-Token: ***'
        : settings.credentials.kind === 'keyless'
            ? 'Authorization: SDK-HMAC-SHA256 Access=*** (temporary), SignedHeaders=..., Signature=***\nX-Security-Token: ***'
            : 'Authorization: SDK-HMAC-SHA256 Access=***, SignedHeaders=..., Signature=***';
    return calls.map((call) => {
        const url = `${settings.endpoint}${pathPrefix(settings.operation.route.family, settings)}${call.path}`;
        return [`POST ${url}`, auth, JSON.stringify((0,redact/* redactBody */.sx)(call.body), null, 2)].join('\n');
    });
}
/** Submits, waits for and verifies each wave, and says how the run ended. */
async function roll(progress, settings, selected, { expected, smoke, transport, signal }) {
    const family = createFamilyClient(settings.operation.route.family, settings, transport, (m) => untrusted/* log */.Rm.debug(m));
    const rollout = await runRollout(progress.targets, {
        settings,
        family,
        expected,
        smoke,
        deadline: progress.started + settings.waitTimeoutMs,
        signal,
        started: progress.started,
        info: (message) => untrusted/* log */.Rm.info(message),
        track: (jobs, batchIds) => {
            progress.jobs = [...selected.skipped, ...jobs];
            progress.batchIds = batchIds;
        },
    });
    const { end, notes } = rollout;
    if (end === 'timed-out') {
        notes.push(`wait-timeout (${(0,duration/* formatDuration */.a3)(settings.waitTimeoutMs)}) passed with jobs still running. They go on in the service; raise wait-timeout or check them later with the ids below.`);
    }
    if (end === 'cancelled') {
        notes.push('The workflow was cancelled. Jobs already submitted go on running in the service: its API offers no way to cancel them. The ones still running are listed below.');
    }
    const jobs = [...selected.skipped, ...rollout.jobs];
    const report = reportOf(progress, {
        status: runStatus(countJobs(jobs), end),
        jobs,
        batchIds: rollout.batchIds,
        batchIdsOutput: family.batchIdsOutput,
        notes: [...(selected.description ? [selected.description] : []), ...notes],
        waves: rollout.waves,
    });
    return { report, settings };
}

;// CONCATENATED MODULE: ./src/main.ts










/** Grace between the first signal and a forced exit: the runner's own SIGKILL comes 7.5 s after SIGINT. */
const CANCEL_GRACE_MS = 4_000;
/**
 * The action's entry point: inputs -> auth -> selection -> plan -> submit, wait and verify per wave ->
 * report. Every end, a crash included, goes through finish() once. Never throws.
 */
async function run() {
    if (src_core.getInput(names/* Inputs */.G0.Operation) === '' && /^true$/i.test(src_core.getInput(names/* Inputs */.G0.ExportCredentials))) {
        const { runAuthOnly } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 300));
        return runAuthOnly(() => readAuthOnlySettings((name) => src_core.getInput(name), process.env, untrusted/* registerSecret */.cl));
    }
    const progress = {
        started: (0,timing/* now */.tB)(),
        operation: /^[a-z-]{1,40}$/.test(src_core.getInput(names/* Inputs */.G0.Operation))
            ? src_core.getInput(names/* Inputs */.G0.Operation)
            : 'deploy',
        batchIdsOutput: 'task-ids',
        targets: [],
        batchIds: [],
        operationOutputs: {},
    };
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (!controller.signal.aborted)
            untrusted/* log */.Rm.warning(`Received ${signal}: stopping and reporting what is still running.`);
        controller.abort();
        // The runner kills the step 7.5 s after SIGINT: whatever is still open must not hold the report.
        setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let conclusion;
    try {
        conclusion = await runPipeline(progress, (name) => src_core.getInput(name), controller.signal);
    }
    catch (error) {
        conclusion = crashed(progress, error);
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
    await finish(conclusion);
    // Abandoned requests may still hold sockets or timers; a cancelled run must end now.
    if (controller.signal.aborted)
        process.exit(1);
}
/**
 * Any failure we did not foresee still ends like every other run: all outputs, the summary and one
 * ::error:: line saying what happened, never a stack trace. Targets whose fate we cannot know are
 * `unknown` once a submit may have gone out, else not submitted.
 */
function crashed(progress, error) {
    const { what, message } = bug(error);
    return {
        report: {
            operation: progress.operation,
            status: 'failed',
            jobs: progress.jobs ?? notSubmitted(progress, `not submitted: ${what}`),
            batchIds: progress.batchIds,
            batchIdsOutput: progress.batchIdsOutput,
            elapsedMs: (0,timing/* now */.tB)() - progress.started,
            notes: [message],
            targets: progress.selected,
            operationOutputs: progress.operationOutputs,
            credentialsExpiration: progress.credentialsExpiration,
        },
        failure: message,
    };
}
function bug(error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    untrusted/* log */.Rm.debug(error instanceof Error ? (error.stack ?? what) : what);
    const message = `Cloud Phone Deploy stopped on an unexpected error (${what}). This is a bug in the action: please report it with the log.`;
    return { what, message };
}
/**
 * Writes every output and the summary, then the annotations and the closing line. `failure` is the one
 * ::error:: line when the cause is known; without settings (the inputs were not read) the step fails.
 */
async function finish({ report, failure, settings }) {
    let counts;
    try {
        counts = await untrusted/* log */.Rm.group('Report', async () => {
            const counted = setOutputs(report);
            await writeSummary(report, counted);
            return counted;
        });
    }
    catch (error) {
        // Writing the report failed (full disk, missing GITHUB_OUTPUT): the ::error:: line still says why.
        untrusted/* log */.Rm.fail(bug(error).message);
        return;
    }
    // Annotations and the closing lines stay outside the folded group, where a reader looks first.
    if (failure !== undefined) {
        untrusted/* log */.Rm.fail(failure);
        return;
    }
    annotate(report);
    untrusted/* log */.Rm.info(`${report.operation}: ${report.status} (${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.running} running)`);
    if (settings && !stepFails(report.status, counts, settings.failOn))
        return;
    untrusted/* log */.Rm.fail(`${report.operation} ${report.status}: ${counts.failed} failed, ${counts.running} still running.`);
}

;// CONCATENATED MODULE: ./src/index.ts

void run();

