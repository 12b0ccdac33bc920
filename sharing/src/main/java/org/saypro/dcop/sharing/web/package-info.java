/**
 * The pages that share and check credentials: {@code /c/<uuid>} and its downloads, {@code /verify}, and the
 * learner's {@code /my/credentials}. They use the codecs of the sibling packages and the issuer's and verifier's
 * services; nothing here signs a credential except the offline form of one already issued.
 */
package org.saypro.dcop.sharing.web;
