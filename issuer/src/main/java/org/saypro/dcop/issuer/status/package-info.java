/**
 * Revocation and suspension: Bitstring Status List entries allocated at issuance, signed status list credentials
 * published at {@code /status/<purpose>-<n>}, and status changes that are audited and entered in the transparency log.
 */
package org.saypro.dcop.issuer.status;
