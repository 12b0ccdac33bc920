package org.saypro.dcop.accounts.organisations;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of organisations. Callers hold the transaction. */
@Singleton
public class OrganisationStore {

  private static final String COLUMNS = "id, slug, name, kind, description, website, issuer_did, created_at";

  private final JdbcOperations jdbc;

  OrganisationStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the slug or the issuer DID is taken. */
  public boolean insert(Organisation organisation) {
    return jdbc.prepareStatement(
        "insert into organisation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", s -> {
          s.setObject(1, organisation.id());
          s.setString(2, organisation.slug());
          s.setString(3, organisation.name());
          s.setString(4, organisation.kind().label());
          s.setString(5, organisation.description().orElse(null));
          s.setString(6, organisation.website().orElse(null));
          s.setString(7, organisation.issuerDid().orElse(null));
          s.setTimestamp(8, Timestamp.from(organisation.createdAt()));
          return s.executeUpdate() == 1;
        });
  }

  /** Gives an organisation that has none its issuer DID; false when it already has one. */
  public boolean setIssuerDid(UUID id, String did) {
    return jdbc.prepareStatement(
        "update organisation set issuer_did = ? where id = ? and issuer_did is null", s -> {
          s.setString(1, did);
          s.setObject(2, id);
          return s.executeUpdate() == 1;
        });
  }

  public Optional<Organisation> bySlug(String slug) {
    return one("select " + COLUMNS + " from organisation where slug = ?", slug);
  }

  public Optional<Organisation> byId(UUID id) {
    return one("select " + COLUMNS + " from organisation where id = ?", id);
  }

  /** The organisation that issues under this DID. */
  public Optional<Organisation> byIssuerDid(String did) {
    return one("select " + COLUMNS + " from organisation where issuer_did = ?", did);
  }

  public List<Organisation> all() {
    return jdbc.prepareStatement("select " + COLUMNS + " from organisation order by name", s -> {
      List<Organisation> all = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.add(read(r));
        }
      }
      return all;
    });
  }

  private Optional<Organisation> one(String sql, Object key) {
    return jdbc.prepareStatement(sql, s -> {
      s.setObject(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.<Organisation>empty();
      }
    });
  }

  private static Organisation read(ResultSet r) throws SQLException {
    return new Organisation(
        r.getObject(1, UUID.class), r.getString(2), r.getString(3),
        OrganisationKind.fromLabel(r.getString(4)).orElseThrow(), Optional.ofNullable(r.getString(5)),
        Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)), r.getTimestamp(8).toInstant());
  }
}
