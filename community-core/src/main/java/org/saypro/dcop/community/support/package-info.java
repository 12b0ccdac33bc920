/**
 * Small helpers the community's stores and controllers share: reading rows with JDBC and reading fields of JSON
 * requests into field errors. Nothing here knows a community concept.
 */
package org.saypro.dcop.community.support;
