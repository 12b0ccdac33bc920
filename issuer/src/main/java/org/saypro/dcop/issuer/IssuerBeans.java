package org.saypro.dcop.issuer;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.saypro.dcop.core.dataintegrity.DataIntegrity;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;
import org.saypro.dcop.core.validation.CredentialValidator;

/** Domain objects from credential-core that the issuer uses as beans. */
@Factory
class IssuerBeans {
  @Singleton
  CredentialValidator credentialValidator() {
    return CredentialValidator.withBundledSchemas();
  }

  @Singleton
  DataIntegrity dataIntegrity() {
    return new DataIntegrity(RdfCanonicalizer.bundled());
  }
}
