/** SQL building blocks the issuer's stores share: bulk rows through PostgreSQL's COPY. */
package org.saypro.dcop.issuer.sql;
