/** One JSON reader and writer for the whole domain, hardened against hostile input. No domain rules here. */
package org.saypro.dcop.core.json;
