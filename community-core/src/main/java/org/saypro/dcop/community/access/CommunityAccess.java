package org.saypro.dcop.community.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.users.Membership;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.community.channels.Channel;
import org.saypro.dcop.community.impact.Framework;
import org.saypro.dcop.community.impact.OrgUnit;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * The one place community authorisation is decided. Like {@link Authorizer}, each method returns the caller or ends
 * the request: 401 without a sign-in, 403 for a refusal. Platform admins may do everything a coordinator may.
 */
@Singleton
public class CommunityAccess {

  private final Authorizer authorizer;
  private final UserStore users;
  private final JdbcOperations jdbc;

  CommunityAccess(Authorizer authorizer, UserStore users, JdbcOperations jdbc) {
    this.authorizer = authorizer;
    this.users = users;
    this.jdbc = jdbc;
  }

  public Caller signedIn(@Nullable Authentication authentication) {
    return authorizer.signedIn(authentication);
  }

  /** A coordinator of the group, or a platform admin: schedules its webinars, takes attendance, runs projects. */
  @Transactional(readOnly = true)
  public Caller coordinator(@Nullable Authentication authentication, String group) {
    Caller caller = authorizer.signedIn(authentication);
    if (!caller.platformAdmin() && !coordinates(caller.user().id(), group)) {
      throw forbidden("only coordinators of the " + group + " group may do this");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean coordinates(UUID user, String group) {
    return Rows.one(jdbc, "select 1 from group_coordinator where group_slug = ? and user_id = ?", s -> {
      s.setString(1, group);
      s.setObject(2, user);
    }, r -> true).isPresent();
  }

  /**
   * A platform admin, or an admin of an organisation the nominee belongs to: organisations put forward their own
   * people as coordinators, and cannot name someone else's.
   */
  @Transactional(readOnly = true)
  public Caller coordinatorAppointer(@Nullable Authentication authentication, UUID nominee) {
    Caller caller = authorizer.signedIn(authentication);
    if (caller.platformAdmin()) {
      return caller;
    }
    Set<UUID> administered = caller.memberships().stream().filter(m -> m.role() == Role.ORG_ADMIN)
        .map(Membership::organisationId).collect(Collectors.toSet());
    if (users.memberships(nominee).stream().noneMatch(m -> administered.contains(m.organisationId()))) {
      throw forbidden("only platform admins, or admins of the nominee's organisation, may set coordinators");
    }
    return caller;
  }

  /** A member of the project, a coordinator of its group, or a platform admin: logs activities and outputs. */
  @Transactional(readOnly = true)
  public Caller projectMember(@Nullable Authentication authentication, UUID project, String group) {
    Caller caller = authorizer.signedIn(authentication);
    if (caller.platformAdmin() || coordinates(caller.user().id(), group)) {
      return caller;
    }
    boolean member = Rows.one(jdbc, "select 1 from project_member where project_id = ? and user_id = ?", s -> {
      s.setObject(1, project);
      s.setObject(2, caller.user().id());
    }, r -> true).isPresent();
    if (!member) {
      throw forbidden("only members of the project may report on it");
    }
    return caller;
  }

  /**
   * A forum moderator: a coordinator of the category's group, or a platform admin. General categories (no group)
   * are moderated by platform admins only.
   */
  @Transactional(readOnly = true)
  public Caller forumModerator(@Nullable Authentication authentication, Optional<String> group) {
    Caller caller = authorizer.signedIn(authentication);
    if (!moderates(caller, group)) {
      throw forbidden("only moderators of this forum category may do this");
    }
    return caller;
  }

  /** Whether the caller moderates a forum category of that group (none: a general category). */
  @Transactional(readOnly = true)
  public boolean moderates(Caller caller, Optional<String> group) {
    return caller.platformAdmin() || group.filter(g -> coordinates(caller.user().id(), g)).isPresent();
  }

  /**
   * A reader of the flag queue: a moderator of at least one forum category, so a coordinator of some group or a
   * platform admin. 403 for everyone else; which flags they see is {@link #moderatedGroups}.
   */
  @Transactional(readOnly = true)
  public Caller flagQueueReader(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    if (!readsFlagQueue(caller)) {
      throw forbidden("only forum moderators (group coordinators and platform admins) read the flag queue");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean readsFlagQueue(Caller caller) {
    return coordinatedGroups(caller).map(groups -> !groups.isEmpty()).orElse(true);
  }

  /**
   * The groups whose forum categories the caller moderates; empty for a platform admin, who moderates every
   * category, general ones included.
   */
  @Transactional(readOnly = true)
  public Optional<Set<String>> moderatedGroups(Caller caller) {
    return coordinatedGroups(caller);
  }

  /** The thread's author or one of its moderators: they choose the accepted answer. */
  @Transactional(readOnly = true)
  public Caller threadOwner(@Nullable Authentication authentication, UUID author, Optional<String> group) {
    Caller caller = authorizer.signedIn(authentication);
    if (!caller.user().id().equals(author) && !moderates(caller, group)) {
      throw forbidden("only the thread's author or its moderators may accept an answer");
    }
    return caller;
  }

  /**
   * SQL that is true when the user is a member of the channel: the one definition of channel membership. The checks
   * below use it, and so does every query that lists, searches or mails channel content, so the filter is applied
   * inside the query and never to a page of results afterwards. Membership is read live (group_member,
   * group_coordinator, project_member, team_channel_member): a removed member loses access with the next request.
   * Platform admins are not members by office: a private channel is private from them too.
   *
   * @param channel the alias of a team_channel row in the query
   * @param user a SQL expression of the user's id (a column or a cast parameter)
   */
  public static String channelMembership(String channel, String user) {
    return "(case " + channel + ".kind"
        + " when 'task-force' then exists (select 1 from team_channel_member cm where cm.channel_id = " + channel
        + ".id and cm.user_id = " + user + ")"
        + " when 'project' then exists (select 1 from project_member pm where pm.project_id = " + channel
        + ".project_id and pm.user_id = " + user + ")"
        + " else exists (select 1 from group_coordinator gc where gc.group_slug = " + channel + ".group_slug"
        + " and gc.user_id = " + user + ") or (" + channel + ".audience = 'members' and exists (select 1 from"
        + " group_member gm where gm.group_slug = " + channel + ".group_slug and gm.user_id = " + user + ")) end)";
  }

  /**
   * SQL that is true when the channel appears in the user's channel directory: they are a member, or it is not
   * private. A private channel is absent for everyone else, so they do not learn its name, kind or size.
   */
  public static String channelListed(String channel, String user) {
    return "(not " + channel + ".private or " + channelMembership(channel, user) + ")";
  }

  /** A member of the channel: the only ones who read, post in or search it. */
  @Transactional(readOnly = true)
  public Caller channelMember(@Nullable Authentication authentication, Channel channel) {
    Caller caller = authorizer.signedIn(authentication);
    if (!isChannelMember(caller.user().id(), channel)) {
      // Says nothing of the channel: a non-member must not learn its name or kind from the refusal.
      throw forbidden("only members of the channel may read or post in it");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean isChannelMember(UUID user, Channel channel) {
    return Rows.one(jdbc, "select 1 from team_channel c, (select cast(? as uuid) as uid) me where c.id = ? and "
        + channelMembership("c", "me.uid"), s -> {
          s.setObject(1, user);
          s.setObject(2, channel.id());
        }, r -> true).isPresent();
  }

  /**
   * An admin of a task force (its owner is one): manages its member list. Group and project channels have none:
   * their members are those of the group or project.
   */
  @Transactional(readOnly = true)
  public Caller channelAdmin(@Nullable Authentication authentication, Channel channel) {
    Caller caller = channelMember(authentication, channel);
    boolean admin = channel.taskForce() && Rows.one(jdbc, "select 1 from team_channel_member where channel_id = ?"
        + " and user_id = ? and admin", s -> {
          s.setObject(1, channel.id());
          s.setObject(2, caller.user().id());
        }, r -> true).isPresent();
    if (!admin) {
      throw forbidden(channel.taskForce() ? "only the task force's admins may change its members"
          : "the members of group and project channels are those of the group or project");
    }
    return caller;
  }

  /**
   * A reviewer of the group's library resources: a coordinator of the group, or a platform admin. They approve
   * versions for publication and may read versions that are not published yet.
   */
  @Transactional(readOnly = true)
  public Caller resourceReviewer(@Nullable Authentication authentication, String group) {
    Caller caller = authorizer.signedIn(authentication);
    if (!reviewsResources(caller, group)) {
      throw forbidden("only coordinators of the " + group + " group may review its resources");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean reviewsResources(Caller caller, String group) {
    return caller.platformAdmin() || coordinates(caller.user().id(), group);
  }

  /**
   * Whether the caller may see a resource's unpublished versions: its author and its group's reviewers. Everyone
   * else is told such versions do not exist (404), so drafts leak neither content nor existence.
   */
  @Transactional(readOnly = true)
  public boolean seesUnpublishedResource(Caller caller, UUID author, String group) {
    return caller.user().id().equals(author) || reviewsResources(caller, group);
  }

  /** The groups whose resources the caller reviews; empty for a platform admin, who reviews every group. */
  @Transactional(readOnly = true)
  public Optional<Set<String>> reviewedGroups(Caller caller) {
    return coordinatedGroups(caller);
  }

  /** The groups the caller coordinates; empty for a platform admin, who may act for every group. */
  private Optional<Set<String>> coordinatedGroups(Caller caller) {
    if (caller.platformAdmin()) {
      return Optional.empty();
    }
    return Optional.of(Set.copyOf(Rows.list(jdbc, "select group_slug from group_coordinator where user_id = ?",
        s -> s.setObject(1, caller.user().id()), r -> r.getString(1))));
  }

  /**
   * Manages a results framework (its results, indicators, targets): a platform admin, or a coordinator of the group
   * of the framework's project. Frameworks of no project are the platform's own: platform admins only.
   */
  @Transactional(readOnly = true)
  public Caller impactManager(@Nullable Authentication authentication, Optional<String> projectGroup) {
    Caller caller = authorizer.signedIn(authentication);
    if (!managesImpact(caller, projectGroup)) {
      throw forbidden(projectGroup.isPresent() ? "only coordinators of the " + projectGroup.get()
          + " group may manage this results framework" : "only platform admins manage platform-wide frameworks");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean managesImpact(Caller caller, Optional<String> projectGroup) {
    return caller.platformAdmin() || projectGroup.filter(g -> coordinates(caller.user().id(), g)).isPresent();
  }

  /** Manages the organisation-unit tree: platform admins only, as it is shared by every framework. */
  public Caller orgUnitAdmin(@Nullable Authentication authentication) {
    Caller caller = authorizer.signedIn(authentication);
    if (!caller.platformAdmin()) {
      throw forbidden("only platform admins change the organisation units");
    }
    return caller;
  }

  /**
   * Sees a framework's dashboard and export: its managers, members of its project, and members of the project's
   * funding organisations (funder viewers are who they are for). A platform-wide framework is seen by platform
   * admins and group coordinators. Everyone else is refused.
   */
  @Transactional(readOnly = true)
  public Caller impactViewer(@Nullable Authentication authentication, Framework framework) {
    Caller caller = authorizer.signedIn(authentication);
    if (!seesImpact(caller, framework)) {
      throw forbidden("only the project's people and its funders see this dashboard");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean seesImpact(Caller caller, Framework framework) {
    if (managesImpact(caller, framework.projectGroup())) {
      return true;
    }
    if (framework.projectId().isEmpty()) {
      return Rows.one(jdbc, "select 1 from group_coordinator where user_id = ? limit 1",
          s -> s.setObject(1, caller.user().id()), r -> true).isPresent();
    }
    UUID project = framework.projectId().get();
    return projectMember(caller, project) || Rows.one(jdbc, "select 1 from project_funder f join membership m on"
        + " m.organisation_id = f.organisation_id where f.project_id = ? and m.user_id = ?", s -> {
          s.setObject(1, project);
          s.setObject(2, caller.user().id());
        }, r -> true).isPresent();
  }

  /**
   * Enters data values for the unit: the framework's managers, members of its project, and members of the
   * organisation the unit stands for (a college enters its own figures). Funder viewers only read.
   */
  @Transactional(readOnly = true)
  public Caller impactEntry(@Nullable Authentication authentication, Framework framework, OrgUnit unit) {
    Caller caller = authorizer.signedIn(authentication);
    if (!entersImpact(caller, framework, unit)) {
      throw forbidden("only the framework's managers, the project's members and members of " + unit.name()
          + " enter its values");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean entersImpact(Caller caller, Framework framework, OrgUnit unit) {
    return managesImpact(caller, framework.projectGroup())
        || framework.projectId().filter(p -> projectMember(caller, p)).isPresent()
        || unit.organisationId().flatMap(caller::roleIn).filter(r -> r != Role.FUNDER_VIEWER).isPresent();
  }

  /**
   * May send a file of values to the framework at all: someone who could enter values for some unit. Each row is
   * then checked against its own unit ({@link #entersImpact}).
   */
  @Transactional(readOnly = true)
  public Caller impactImporter(@Nullable Authentication authentication, Framework framework) {
    Caller caller = authorizer.signedIn(authentication);
    if (!importsImpact(caller, framework)) {
      throw forbidden("only the framework's managers, the project's members and members of its units' organisations"
          + " enter values");
    }
    return caller;
  }

  @Transactional(readOnly = true)
  public boolean importsImpact(Caller caller, Framework framework) {
    return managesImpact(caller, framework.projectGroup())
        || framework.projectId().filter(p -> projectMember(caller, p)).isPresent()
        || Rows.one(jdbc, "select 1 from impact_org_unit u join membership m on m.organisation_id = u.organisation_id"
            + " where m.user_id = ? and m.role <> 'funder_viewer' limit 1", s -> s.setObject(1, caller.user().id()),
            r -> true).isPresent();
  }

  /** Corrects values of a locked period: platform admins only (ADR 0026). */
  public boolean unlocksPeriods(Caller caller) {
    return caller.platformAdmin();
  }

  private boolean projectMember(Caller caller, UUID project) {
    return Rows.one(jdbc, "select 1 from project_member where project_id = ? and user_id = ?", s -> {
      s.setObject(1, project);
      s.setObject(2, caller.user().id());
    }, r -> true).isPresent();
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }
}
