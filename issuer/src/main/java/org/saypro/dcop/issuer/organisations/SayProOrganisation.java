package org.saypro.dcop.issuer.organisations;

import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationKind;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the SayPro organisation at first start, owning the service's own DID, so that every credential issued
 * under that DID belongs to an organisation whose officers may act for it.
 */
@Context
class SayProOrganisation {

  private static final Logger LOG = LoggerFactory.getLogger(SayProOrganisation.class);

  SayProOrganisation(OrganisationStore organisations, IssuerKeyRing keyRing, TransactionOperations<Connection> tx) {
    boolean created = tx.executeWrite(status -> organisations.bySlug(Organisation.SAYPRO_SLUG).isEmpty()
        && organisations.insert(new Organisation(
            UUID.randomUUID(), Organisation.SAYPRO_SLUG, "SayPro", OrganisationKind.SAYPRO,
            Optional.of("SayPro and its Digital Community of Practice"), Optional.empty(),
            Optional.of(keyRing.issuerDid()), Instant.now())));
    if (created) {
      LOG.info("created the SayPro organisation, issuing as {}", keyRing.issuerDid());
    }
  }
}
