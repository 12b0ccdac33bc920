/**
 * Storage of the transparency log: pending entries appended with what they commit to, the sequencer that integrates
 * them, stored subtree hashes, signed checkpoints and the proof API. The Merkle maths lives in credential-core.
 */
package org.saypro.dcop.issuer.log;
