package org.saypro.dcop.issuer.log;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LogEntryRepository extends GenericRepository<LogEntryRow, Long> {
  LogEntryRow save(LogEntryRow row);

  Optional<LogEntryRow> findByCredentialUuid(UUID credentialUuid);
}
