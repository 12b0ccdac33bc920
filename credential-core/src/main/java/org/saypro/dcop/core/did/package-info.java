/**
 * DID documents and resolution: the {@link org.saypro.dcop.core.did.ResolveDid} port, the pure methods
 * (did:key, did:jwk) and did:web's URL mapping. Network access belongs to adapters, not here.
 */
package org.saypro.dcop.core.did;
