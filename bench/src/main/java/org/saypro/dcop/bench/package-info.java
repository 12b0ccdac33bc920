/**
 * JMH benchmarks of credential-core's issue and verify pipelines against raw Ed25519, with informational W3C Data
 * Integrity (eddsa-rdfc-2022, ecdsa-rdfc-2019) lines, and the runner that prints their ratios; with {@code --log}, the
 * transparency-log benchmarks (inclusion proofs, log append into PostgreSQL, anchor gas). Measurement only:
 * nothing here is used by the service, and no benchmark runs during the build.
 */
package org.saypro.dcop.bench;
