/**
 * Badge rules: organisation admins' rules as data (YAML), a pure {@link Evaluator}, and awarding through the ports
 * {@link AwardBadge}, {@link FindBadge} and {@link RevokeBadge}, which the issuer implements. Nothing here may know
 * what a credential is.
 */
package org.saypro.dcop.community.badges;
