/**
 * W3C Data Integrity proofs with the eddsa-rdfc-2022 and ecdsa-rdfc-2019 cryptosuites: proof configuration,
 * canonical hashing, signing and verification. Canonicalization comes from the jsonld package, keys from keys and did.
 */
package org.saypro.dcop.core.dataintegrity;
