/**
 * Community facts as typed events through a transactional outbox: {@link CommunityEvents#record} writes the event
 * and one delivery row per interested {@link EventSubscriber} in the caller's transaction; {@link EventRelay}
 * delivers them at least once, claiming rows with {@code for update skip locked} so several instances share the work.
 */
package org.saypro.dcop.community.events;
