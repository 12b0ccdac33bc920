/**
 * JOSE for VC-JOSE-COSE: Nimbus signers and verifiers (Ed25519 through Bouncy Castle), compact JWS parsing, and the
 * algorithm policy that blocks {@code none}, HMAC confusion and key/algorithm mismatches.
 */
package org.saypro.dcop.core.jose;
