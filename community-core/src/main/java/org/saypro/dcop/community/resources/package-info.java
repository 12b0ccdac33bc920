/**
 * The resource library: uploaded files with metadata and versions, sniffed before they are stored, reviewed by the
 * coordinators of their working group before publication, searched and counted when downloaded. Files live behind
 * {@link org.saypro.dcop.community.resources.ResourceStore}; only generated keys ever name them.
 */
package org.saypro.dcop.community.resources;
