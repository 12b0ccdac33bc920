// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title CheckpointAnchor
/// @notice Records transparency-log checkpoints: one 32-byte Merkle root per tree size, written once, sizes strictly
///         increasing. The contract never sees credentials: whatever a checkpoint covers, an anchor is one size and
///         one root, so its gas cost does not depend on the batch size.
contract CheckpointAnchor {
    /// @notice The deploying account; the only one allowed to anchor.
    address public immutable owner;

    /// @dev The largest tree size anchored so far (0 before the first anchor).
    uint64 private latest;

    /// @dev treeSize => Merkle root; zero means "not anchored" (a zero root is refused).
    mapping(uint64 => bytes32) private roots;

    event Anchored(uint64 indexed treeSize, bytes32 root, uint256 timestamp);

    constructor() {
        owner = msg.sender;
    }

    /// @notice Anchors `root` as the checkpoint of a log with `treeSize` entries.
    function anchor(uint64 treeSize, bytes32 root) external {
        require(msg.sender == owner, "CheckpointAnchor: caller is not the owner");
        require(root != bytes32(0), "CheckpointAnchor: zero root");
        require(roots[treeSize] == bytes32(0), "CheckpointAnchor: tree size already anchored");
        require(treeSize > latest, "CheckpointAnchor: tree size not above latest anchored size");
        roots[treeSize] = root;
        latest = treeSize;
        emit Anchored(treeSize, root, block.timestamp);
    }

    /// @notice The root anchored for `treeSize`, or zero when none was.
    function rootOf(uint64 treeSize) external view returns (bytes32) {
        return roots[treeSize];
    }

    /// @notice The largest anchored tree size, or 0 before the first anchor.
    function latestSize() external view returns (uint64) {
        return latest;
    }
}
