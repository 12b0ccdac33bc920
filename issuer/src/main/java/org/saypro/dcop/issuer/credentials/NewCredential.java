package org.saypro.dcop.issuer.credentials;

/** A credential stored by an issuing transaction, with the position of its request in the call that asked for it. */
public record NewCredential(int request, StoredCredential credential) {}
