/**
 * Transparency-log mathematics, pure and offline: RFC 9162 Merkle tree hashes, inclusion and consistency proofs and
 * their verification, and C2SP checkpoints as signed notes. Storing leaves and publishing checkpoints live elsewhere.
 */
package org.saypro.dcop.core.log;
