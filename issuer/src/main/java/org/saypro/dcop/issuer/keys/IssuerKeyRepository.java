package org.saypro.dcop.issuer.keys;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IssuerKeyRepository extends GenericRepository<IssuerKeyRow, String> {
  List<IssuerKeyRow> findByIssuerDid(String issuerDid);

  IssuerKeyRow save(IssuerKeyRow row);
}
