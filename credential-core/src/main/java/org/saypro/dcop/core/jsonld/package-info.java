/**
 * JSON-LD processing for Data Integrity: the bundled contexts, a document loader that never goes to the network,
 * and RDF Dataset Canonicalization (RDFC-1.0) through Titanium. Nothing else in the domain needs JSON-LD.
 */
package org.saypro.dcop.core.jsonld;
