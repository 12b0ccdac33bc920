/**
 * Issuing: key custody, the issuer's DID document, the VC API issue endpoint and credential storage. It depends on
 * credential-core for every rule; it never verifies (that is the verifier module's job).
 */
package org.saypro.dcop.issuer;
