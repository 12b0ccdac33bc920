package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyRepository extends GenericRepository<IdempotencyRow, String> {
  Optional<IdempotencyRow> findById(String idempotencyKey);

  IdempotencyRow save(IdempotencyRow row);
}
