// Preload (node --import): makes chosen file operations fail the way a real system does,
// so that error paths are tested even where they cannot be produced (tests run as root in
// CI, where chmod 000 does not stop reading). Configured by CA_INJECT_FS, a JSON list of
// { op: 'open' | 'stat' | 'read' | 'writeFile' | 'rename' | 'stdin', match: substring of the path, code: 'EACCES' | 'EIO' | …,
// partial?: true (writeFile: half the data is written before the failure) }.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { Readable } from 'node:stream';

const rules = JSON.parse(process.env.CA_INJECT_FS ?? '[]');
const failure = (op, path) => {
  const rule = rules.find((r) => r.op === op && String(path).includes(r.match));
  if (!rule) return null;
  return Object.assign(new Error(`${rule.code}: injected failure, ${op} '${path}'`), { code: rule.code, syscall: op, path: String(path) });
};

const wrapAsync = (obj, name, op) => {
  const original = obj[name];
  obj[name] = async function (path, ...rest) {
    const e = failure(op, path);
    if (e) throw e;
    return original.call(this, path, ...rest);
  };
};
wrapAsync(fs.promises, 'open', 'open');
wrapAsync(fs.promises, 'stat', 'stat');
// writeFile with { partial: true }: half the data reaches the disk, then the disk is full
const writeFile = fs.promises.writeFile;
fs.promises.writeFile = async function (path, data, ...rest) {
  const e = failure('writeFile', path);
  if (!e) return writeFile.call(this, path, data, ...rest);
  const rule = rules.find((r) => r.op === 'writeFile' && String(path).includes(r.match));
  if (rule.partial) await writeFile.call(this, path, String(data).slice(0, String(data).length / 2), ...rest);
  throw e;
};
wrapAsync(fs.promises, 'rename', 'rename');

const createReadStream = fs.createReadStream;
fs.createReadStream = function (path, ...rest) {
  const e = failure('read', path);
  if (!e) return createReadStream.call(this, path, ...rest);
  // a stream that gives a little, then fails like a disk or a network share going away
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.from('author,date,text\n'));
      } else this.destroy(e);
    },
  });
};
syncBuiltinESMExports();

// stdin that breaks after its first bytes (a producer killed, a closed terminal): rule { op: 'stdin', code }
const stdinRule = rules.find((r) => r.op === 'stdin');
if (stdinRule) {
  const original = process.stdin[Symbol.asyncIterator].bind(process.stdin);
  process.stdin[Symbol.asyncIterator] = function () {
    const it = original();
    let calls = 0;
    return {
      next: async () => {
        if (calls++ === 0) return it.next();
        throw Object.assign(new Error(`${stdinRule.code}: injected failure, read`), { code: stdinRule.code, syscall: 'read' });
      },
      return: async () => ({ done: true, value: undefined }),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
}
