package org.saypro.dcop.accounts.users;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of users and memberships. Callers hold the transaction. */
@Singleton
public class UserStore {

  private static final String COLUMNS = "id, email, display_name, platform_admin, disabled, created_at";

  /** A user with the stored password hash, for sign-in only. */
  public record WithHash(User user, String passwordHash) {}

  private final JdbcOperations jdbc;

  UserStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the e-mail address (compared case-insensitively) is taken. */
  public boolean insert(User user, String passwordHash) {
    return jdbc.prepareStatement(
        "insert into app_user (" + COLUMNS + ", password_hash) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        s -> {
          s.setObject(1, user.id());
          s.setString(2, user.email());
          s.setString(3, user.displayName());
          s.setBoolean(4, user.platformAdmin());
          s.setBoolean(5, user.disabled());
          s.setTimestamp(6, Timestamp.from(user.createdAt()));
          s.setString(7, passwordHash);
          return s.executeUpdate() == 1;
        });
  }

  public Optional<User> byId(UUID id) {
    return jdbc.prepareStatement("select " + COLUMNS + " from app_user where id = ?", s -> {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.<User>empty();
      }
    });
  }

  public Optional<WithHash> byEmail(String email) {
    return jdbc.prepareStatement(
        "select " + COLUMNS + ", password_hash from app_user where lower(email) = lower(?)", s -> {
          s.setString(1, email);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new WithHash(read(r), r.getString(7))) : Optional.<WithHash>empty();
          }
        });
  }

  public void updatePasswordHash(UUID user, String passwordHash) {
    jdbc.prepareStatement("update app_user set password_hash = ? where id = ?", s -> {
      s.setString(1, passwordHash);
      s.setObject(2, user);
      return s.executeUpdate();
    });
  }

  public boolean anyPlatformAdmin() {
    return jdbc.prepareStatement("select exists (select 1 from app_user where platform_admin)", s -> {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    });
  }

  public List<Membership> memberships(UUID user) {
    return jdbc.prepareStatement(
        "select m.user_id, m.organisation_id, o.slug, m.role from membership m join organisation o"
            + " on o.id = m.organisation_id where m.user_id = ? order by o.slug", s -> {
          s.setObject(1, user);
          List<Membership> all = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              all.add(new Membership(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                  Role.fromLabel(r.getString(4)).orElseThrow()));
            }
          }
          return all;
        });
  }

  /** Sets the user's one role in the organisation; the role it had before, if any. */
  public Optional<Role> setRole(UUID user, UUID organisation, Role role) {
    Optional<Role> before = role(user, organisation);
    jdbc.prepareStatement(
        "insert into membership (user_id, organisation_id, role) values (?, ?, ?)"
            + " on conflict (user_id, organisation_id) do update set role = excluded.role", s -> {
          s.setObject(1, user);
          s.setObject(2, organisation);
          s.setString(3, role.label());
          return s.executeUpdate();
        });
    return before;
  }

  /** The role removed, if the user had one there. */
  public Optional<Role> removeMembership(UUID user, UUID organisation) {
    Optional<Role> before = role(user, organisation);
    jdbc.prepareStatement("delete from membership where user_id = ? and organisation_id = ?", s -> {
      s.setObject(1, user);
      s.setObject(2, organisation);
      return s.executeUpdate();
    });
    return before;
  }

  private Optional<Role> role(UUID user, UUID organisation) {
    return jdbc.prepareStatement(
        "select role from membership where user_id = ? and organisation_id = ? for update", s -> {
          s.setObject(1, user);
          s.setObject(2, organisation);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Role.fromLabel(r.getString(1)) : Optional.<Role>empty();
          }
        });
  }

  private static User read(ResultSet r) throws SQLException {
    return new User(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getBoolean(4), r.getBoolean(5),
        r.getTimestamp(6).toInstant());
  }
}
