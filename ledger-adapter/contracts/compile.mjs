// Compiles CheckpointAnchor.sol offline with the solc version pinned in package.json (solc-js, no download) and writes
// the ABI and creation bytecode that the Java adapter loads from the classpath.
//
//   node contracts/compile.mjs                 writes src/main/resources/contracts/CheckpointAnchor.{abi.json,bin}
//   node contracts/compile.mjs --out <dir>     writes the two files into <dir> instead (used by ContractArtifactsTest)
//   node contracts/compile.mjs --check         exits 1 when the committed files differ from a fresh compilation
//
// The settings are fixed so that the output is byte-for-byte reproducible: change them only together with the
// committed artifacts.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');

const CONTRACT = 'CheckpointAnchor';
const SOLC_VERSION = '0.8.37';
const EVM_VERSION = 'shanghai';
const OPTIMIZER_RUNS = 200;

const here = dirname(fileURLToPath(import.meta.url));
const moduleDir = resolve(here, '..');
const committedDir = join(moduleDir, 'src', 'main', 'resources', 'contracts');

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1]) : committedDir;

const actualVersion = solc.version();
if (!actualVersion.startsWith(SOLC_VERSION + '+')) {
  console.error(`solc ${SOLC_VERSION} expected, found ${actualVersion}: run "npm ci" in ledger-adapter`);
  process.exit(2);
}

const sourceName = `${CONTRACT}.sol`;
const input = {
  language: 'Solidity',
  sources: { [sourceName]: { content: readFileSync(join(here, sourceName), 'utf8') } },
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
    outputSelection: { [sourceName]: { [CONTRACT]: ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = output.errors ?? [];
for (const p of problems) console.error(p.formattedMessage ?? p.message);
if (problems.some((p) => p.severity === 'error')) process.exit(1);

const compiled = output.contracts[sourceName][CONTRACT];
const files = {
  [`${CONTRACT}.abi.json`]: JSON.stringify(compiled.abi, null, 2) + '\n',
  [`${CONTRACT}.bin`]: compiled.evm.bytecode.object + '\n',
};

if (check) {
  const stale = Object.entries(files).filter(([name, content]) => {
    const path = join(committedDir, name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });
  for (const [name] of stale) console.error(`stale: ${join(committedDir, name)} (run "npm run compile")`);
  process.exit(stale.length === 0 ? 0 : 1);
}

mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
console.log(`compiled ${sourceName} with solc ${actualVersion} (evm ${EVM_VERSION}, runs ${OPTIMIZER_RUNS}) into ${outDir}`);
