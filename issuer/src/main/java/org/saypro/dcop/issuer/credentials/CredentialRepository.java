package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CredentialRepository extends GenericRepository<CredentialRow, UUID> {
  Optional<CredentialRow> findById(UUID uuid);
}
