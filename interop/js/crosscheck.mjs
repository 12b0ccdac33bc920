// Cross-checks DCoP Credentials' Data Integrity proofs with an independent implementation (Digital Bazaar's
// jsonld-signatures, data-integrity and the rdfc cryptosuites), offline: the document loader serves only the
// contexts bundled in credential-core and the DID documents given on the command line.
//
//   node crosscheck.mjs verify <credential.json> <did-document.json>   -> {"verified": true|false, "error": ...}
//   node crosscheck.mjs sign <unsigned-credential.json>                -> the credential, issued by a new did:key
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const here = path.dirname(fileURLToPath(import.meta.url));
const contextDir = path.resolve(here, '../../credential-core/src/main/resources/contexts');
const CONTEXT_FILES = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json'
};
const documents = new Map();
for(const [url, file] of Object.entries(CONTEXT_FILES)) {
  documents.set(url, JSON.parse(fs.readFileSync(path.join(contextDir, file), 'utf8')));
}

// Only the Multikey methods matter to Data Integrity; the document is reduced to them and their relationships.
function addDidDocument(doc) {
  const multikeys = doc.verificationMethod.filter(m => m.type === 'Multikey');
  const ids = new Set(multikeys.map(m => m.id));
  const keep = list => (list || []).filter(id => ids.has(id));
  const reduced = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: doc.id, verificationMethod: multikeys,
    assertionMethod: keep(doc.assertionMethod), authentication: keep(doc.authentication)
  };
  documents.set(doc.id, reduced);
  for(const m of multikeys) {
    documents.set(m.id, {'@context': 'https://w3id.org/security/multikey/v1', ...m});
  }
}

function addDidKey(did) {
  const fingerprint = did.slice('did:key:'.length);
  const id = `${did}#${fingerprint}`;
  addDidDocument({id: did, verificationMethod: [{id, type: 'Multikey', controller: did,
    publicKeyMultibase: fingerprint}], assertionMethod: [id], authentication: [id]});
}

async function documentLoader(url) {
  if(url.startsWith('did:key:') && !documents.has(url.split('#')[0])) {
    addDidKey(url.split('#')[0]);
  }
  if(documents.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
  }
  throw new Error(`refusing to load ${url}: offline, not bundled`);
}

const purpose = () => new jsigs.purposes.AssertionProofPurpose();
const [command, ...files] = process.argv.slice(2);
const read = file => JSON.parse(fs.readFileSync(file, 'utf8'));

if(command === 'verify') {
  const credential = read(files[0]);
  addDidDocument(read(files[1]));
  const cryptosuite = credential.proof.cryptosuite === 'ecdsa-rdfc-2019' ? ecdsaRdfc2019 : eddsaRdfc2022;
  const result = await jsigs.verify(credential, {
    suite: new DataIntegrityProof({cryptosuite}), purpose: purpose(), documentLoader});
  console.log(JSON.stringify({verified: result.verified, error: result.error ? String(result.error) : null}));
} else if(command === 'sign') {
  const credential = read(files[0]);
  const key = await Ed25519Multikey.generate();
  key.controller = `did:key:${key.publicKeyMultibase}`;
  key.id = `${key.controller}#${key.publicKeyMultibase}`;
  credential.issuer = key.controller;
  const signed = await jsigs.sign(credential, {
    suite: new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022}),
    purpose: purpose(), documentLoader});
  console.log(JSON.stringify(signed));
} else {
  console.error('usage: node crosscheck.mjs verify <credential.json> <did-document.json> | sign <credential.json>');
  process.exit(2);
}
