/** Serves the DID documents of the issuers hosted here. */
package org.saypro.dcop.issuer.did;
