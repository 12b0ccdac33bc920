package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists and searches what an issuer DID issued, newest first, a page at a time. A search term matches the
 * credential's UUID exactly, or part of the learner (e-mail or DID), the qualification's code or title.
 */
@Singleton
public class IssuedCredentials {

  public static final int MAX_PAGE = 100;
  private static final int MAX_TERM = 200;
  /** "award:" + the qualification's UUID + ":": the learner key follows (see AwardQualification). */
  private static final int LEARNER_FROM = "award:".length() + 36 + 2;

  private final JdbcOperations jdbc;

  IssuedCredentials(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<IssuedSummary> search(String issuerDid, Optional<String> term, int limit, int offset) {
    if (limit < 1 || limit > MAX_PAGE || offset < 0) {
      throw new IllegalArgumentException("limit is 1 to " + MAX_PAGE + " and offset not negative");
    }
    String cleaned = term.map(String::strip).filter(t -> !t.isEmpty())
        .map(t -> t.length() > MAX_TERM ? t.substring(0, MAX_TERM) : t).orElse("");
    String like = "%" + cleaned.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String learner = "substr(k.idempotency_key, " + LEARNER_FROM + ")";
    return jdbc.prepareStatement("""
        select c.uuid, c.issued_at, c.subject, q.code, q.title, %s as learner,
               coalesce(bool_or(e.is_set) filter (where e.purpose = 'revocation'), false) as revoked,
               coalesce(bool_or(e.is_set) filter (where e.purpose = 'suspension'), false) as suspended,
               count(e.list_id) > 0 as has_status
        from credential c
        left join idempotency_key k on k.credential_uuid = c.uuid and k.idempotency_key like 'award:%%'
        left join qualification q on q.id::text = split_part(k.idempotency_key, ':', 2)
        left join status_entry e on e.credential_uuid = c.uuid
        where c.issuer = ?
          and (? = '' or c.uuid::text = lower(?) or %s ilike ? or q.code ilike ? or q.title ilike ?
               or c.subject ilike ?)
        group by c.uuid, c.issued_at, c.subject, q.code, q.title, k.idempotency_key
        order by c.issued_at desc, c.uuid
        limit ? offset ?""".formatted(learner, learner), s -> {
          int i = 1;
          s.setString(i++, issuerDid);
          s.setString(i++, cleaned);
          s.setString(i++, cleaned);
          for (int n = 0; n < 4; n++) {
            s.setString(i++, like);
          }
          s.setInt(i++, limit);
          s.setInt(i, offset);
          List<IssuedSummary> page = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              page.add(read(r));
            }
          }
          return page;
        });
  }

  private static IssuedSummary read(ResultSet r) throws SQLException {
    Optional<String> subject = Optional.ofNullable(r.getString("subject"));
    Optional<String> learner = Optional.ofNullable(r.getString("learner"))
        .map(l -> l.startsWith("mailto:") ? l.substring("mailto:".length()) : l).or(() -> subject);
    return new IssuedSummary(r.getObject("uuid", UUID.class), r.getTimestamp("issued_at").toInstant(),
        Optional.ofNullable(r.getString("code")), Optional.ofNullable(r.getString("title")), learner,
        r.getBoolean("revoked"), r.getBoolean("suspended"), r.getBoolean("has_status"));
  }
}
