/**
 * The VC API issue endpoint and credential storage: idempotent issuing, one transaction per credential, retrieval.
 * Signing rules live in credential-core; this package adds custody, persistence and HTTP.
 */
package org.saypro.dcop.issuer.credentials;
