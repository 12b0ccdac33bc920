/**
 * The append-only audit log: who did what, for which organisation, with what outcome. Events are written in the
 * transaction of the fact they record; nothing here updates or deletes one (the database refuses it too).
 */
package org.saypro.dcop.accounts.audit;
