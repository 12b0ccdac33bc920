/**
 * Forums: categories (general or per working group), threads, replies, accepted answers, reactions, moderation and
 * search. Post HTML comes only from {@link org.saypro.dcop.community.forums.MarkdownRenderer}; nothing else here
 * may build HTML.
 */
package org.saypro.dcop.community.forums;
