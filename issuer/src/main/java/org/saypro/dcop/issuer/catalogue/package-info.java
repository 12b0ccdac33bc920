/**
 * Each organisation's qualification catalogue, mappings between qualifications frameworks, and awarding a
 * qualification to a learner as an Open Badges 3.0 AchievementCredential, one at a time or from a CSV file.
 */
package org.saypro.dcop.issuer.catalogue;
