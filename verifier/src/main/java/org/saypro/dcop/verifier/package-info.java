/**
 * Verification: the VC API verify endpoint and DID resolution over the network with limits. It holds no signing
 * keys and never depends on the issuer module; a co-located issuer is reached through the HostedDidDocuments port.
 */
package org.saypro.dcop.verifier;
