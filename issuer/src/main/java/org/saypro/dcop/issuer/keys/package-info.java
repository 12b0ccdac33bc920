/**
 * Custody of the signing keys of every issuer DID hosted here (the service's and each issuing organisation's): the
 * key-encryption key, sealed keys in PostgreSQL, rotation and revocation. Private keys never leave this package in
 * plaintext except to sign.
 */
package org.saypro.dcop.issuer.keys;
