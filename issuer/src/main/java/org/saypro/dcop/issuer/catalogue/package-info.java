/**
 * Each organisation's qualification catalogue, mappings between qualifications frameworks, and awarding a
 * qualification to a learner as an Open Badges 3.0 AchievementCredential, one at a time, from a CSV file,
 * or when a community badge rule is met ({@code CatalogueBadges}, the adapter of community-core's badge ports).
 */
package org.saypro.dcop.issuer.catalogue;
