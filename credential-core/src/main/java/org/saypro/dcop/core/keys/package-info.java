/**
 * Signing keys: generation, their public JWKs, and sealing private keys under a key-encryption key (AES-GCM).
 * Types holding private material never print it and never leave the issuing side.
 */
package org.saypro.dcop.core.keys;
