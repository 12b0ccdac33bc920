/**
 * Custody of the issuer's signing keys: the key-encryption key, sealed keys in PostgreSQL, the key ring loaded at
 * start-up. Private keys never leave this package in plaintext except to sign.
 */
package org.saypro.dcop.issuer.keys;
